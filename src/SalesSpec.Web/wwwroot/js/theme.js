// The theme the person chose with the bar's button, kept in a cookie so that every page, the statically rendered ones
// included (they render on the server), shows it. A module file: the Content Security Policy allows no inline script
// from .NET.
export function choose(theme) {
    document.cookie = "salesspec-theme-choice=" + theme + ";path=/;max-age=31536000;samesite=lax";
}
