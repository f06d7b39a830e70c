// Statically rendered pages (the workshop report, the audit log) have no circuit to run a click handler on; the
// little they do in the browser is here.
document.addEventListener("click", event => {
    if (!(event.target instanceof Element)) {
        return;
    }
    // A button marked data-print opens the browser's print dialog.
    if (event.target.closest("[data-print]")) {
        window.print();
        return;
    }
    // The navigation toggle: shown beside the page on a wide screen, over it on a narrow one.
    const toggle = event.target.closest("[data-toggle-nav]");
    if (toggle) {
        const shell = toggle.closest(".static-shell");
        shell.classList.toggle("static-shell--toggled");
        const nav = document.getElementById(toggle.getAttribute("aria-controls"));
        toggle.setAttribute("aria-expanded", String(getComputedStyle(nav).display !== "none"));
    }
});

// A select marked data-submit-on-change (rows per page) applies at once, as the interactive grids do.
document.addEventListener("change", event => {
    if (event.target instanceof HTMLSelectElement && event.target.hasAttribute("data-submit-on-change")) {
        event.target.form?.requestSubmit();
    }
});

// On a narrow screen the navigation starts closed, as the interactive layout's drawer does.
document.querySelectorAll("[data-toggle-nav]").forEach(toggle => {
    const nav = document.getElementById(toggle.getAttribute("aria-controls"));
    toggle.setAttribute("aria-expanded", String(getComputedStyle(nav).display !== "none"));
});
