// Statically rendered pages (the workshop report, the overview, the audit log) have no circuit to run a click handler
// on; the little they do in the browser is here. Loaded without defer, after the elements it works on, so the
// navigation toggle works as soon as the page shows.
const narrowScreen = window.matchMedia("(max-width: 959.98px)");

function navigationOf(toggle) {
    return document.getElementById(toggle.getAttribute("aria-controls"));
}

function isOpen(toggle) {
    return getComputedStyle(navigationOf(toggle)).display !== "none";
}

function sync(toggle) {
    toggle.setAttribute("aria-expanded", String(isOpen(toggle)));
}

// The toggled class means "not as this screen size shows it by default": hidden beside a wide page, shown over a narrow one.
function flip(toggle) {
    toggle.closest(".static-shell").classList.toggle("static-shell--toggled");
    sync(toggle);
}

// Closing the navigation where it lies over the page (a narrow screen); focus goes back to the toggle when asked.
function closeOver(toggle, focusToggle) {
    if (narrowScreen.matches && isOpen(toggle)) {
        flip(toggle);
        if (focusToggle) {
            toggle.focus();
        }
    }
}

const toggles = () => document.querySelectorAll("[data-toggle-nav]");

document.addEventListener("click", event => {
    if (!(event.target instanceof Element)) {
        return;
    }
    // A button marked data-print opens the browser's print dialog.
    if (event.target.closest("[data-print]")) {
        window.print();
        return;
    }
    const toggle = event.target.closest("[data-toggle-nav]");
    if (toggle) {
        flip(toggle);
        if (narrowScreen.matches && isOpen(toggle)) {
            navigationOf(toggle).querySelector("a[href]")?.focus();
        }
        return;
    }
    // The shade behind the open navigation on a narrow screen closes it, as a drawer's would.
    if (event.target.closest("[data-close-nav]")) {
        toggles().forEach(t => closeOver(t, true));
    }
});

document.addEventListener("keydown", event => {
    if (event.key === "Escape") {
        toggles().forEach(t => closeOver(t, true));
    }
});

// Focus leaving the navigation that lies over the page closes it, so nothing focused is ever hidden beneath it.
document.addEventListener("focusout", event => {
    toggles().forEach(toggle => {
        const navigation = navigationOf(toggle);
        const next = event.relatedTarget;
        if (navigation.contains(event.target) && next instanceof Node && !navigation.contains(next) && next !== toggle) {
            closeOver(toggle, false);
        }
    });
});

// Crossing the breakpoint (a window resized, a tablet turned) starts from that size's default again.
narrowScreen.addEventListener("change", () => {
    document.querySelectorAll(".static-shell").forEach(shell => shell.classList.remove("static-shell--toggled"));
    toggles().forEach(sync);
});

toggles().forEach(sync);
