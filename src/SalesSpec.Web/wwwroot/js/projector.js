// Projector mode of the scenario board. The page hides the app's bar and menu itself (a CSS class), so the mode
// works where the browser refuses full screen; this module adds the browser's full screen on top, and tells the
// page when Escape (or the browser's own way out of full screen) should leave the mode.
// A module file, not an inline script: the Content Security Policy allows scripts from this origin only.

let page = null;
// Raised by every enter and leave, so a full screen granted after the page already left is given back at once.
let turn = 0;

function leaveFromBrowser() {
    const owner = page;
    stopListening();
    owner?.invokeMethodAsync("LeaveProjector");
}

function onKeyDown(event) {
    // Escape first closes an open menu, list or dialog; only an Escape with none open leaves projector mode.
    // Tooltips are popovers too, but one showing (the button just pressed) must not swallow the Escape.
    if (event.key !== "Escape" || event.defaultPrevented
        || document.querySelector(".mud-popover-open:not(.mud-tooltip), .mud-dialog-container")) {
        return;
    }
    leaveFromBrowser();
}

function onFullscreenChange() {
    // The browser took the page out of full screen (its own Escape, F11, a system gesture).
    if (!document.fullscreenElement) {
        leaveFromBrowser();
    }
}

function stopListening() {
    page = null;
    document.removeEventListener("keydown", onKeyDown);
    document.removeEventListener("fullscreenchange", onFullscreenChange);
}

/** Enters full screen if the browser allows it; returns whether it did. `owner` hears LeaveProjector. */
export async function enter(owner) {
    stopListening();
    const mine = ++turn;
    page = owner;
    document.addEventListener("keydown", onKeyDown);
    if (document.fullscreenEnabled && !document.fullscreenElement && document.documentElement.requestFullscreen) {
        try {
            await document.documentElement.requestFullscreen({ navigationUI: "hide" });
            if (mine !== turn) {
                // Left (or the board closed) while the browser was granting full screen.
                await document.exitFullscreen();
                return false;
            }
            document.addEventListener("fullscreenchange", onFullscreenChange);
            return true;
        } catch {
            // Refused (no user gesture left, a policy, an iframe): the page has hidden its chrome anyway.
        }
    }
    return false;
}

/** Leaves full screen, if this page is in it, and stops listening. */
export async function leave() {
    turn++;
    stopListening();
    if (document.fullscreenElement && document.exitFullscreen) {
        try {
            await document.exitFullscreen();
        } catch {
            // Already left (the browser was quicker).
        }
    }
}
