// Statically rendered pages (the workshop report, the overview, the audit log, the dashboard) have no circuit to run a
// click handler on; the little they do in the browser is here. Loaded without defer, after the elements it works on, so the
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

// The bar's menus and the dashboard's export menu are disclosures (<details>): the browser opens them; here they
// close as menus do.
const openMenus = "details.export-menu[open], details.bar-menu[open]";

document.addEventListener("click", event => {
    if (!(event.target instanceof Element)) {
        return;
    }
    // An open menu closes when something else is clicked, or one of its items, as a menu does.
    document.querySelectorAll(openMenus).forEach(menu => {
        if (!menu.contains(event.target) || event.target.closest("a, button")) {
            menu.open = false;
        }
    });
    // The bar's theme button: the choice goes into the cookie the server renders with, and the page loads again in it.
    const themeToggle = event.target.closest("[data-theme-toggle]");
    if (themeToggle) {
        document.cookie = "salesspec-theme-choice=" + themeToggle.dataset.themeToggle + ";path=/;max-age=31536000;samesite=lax";
        location.reload();
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
    if (event.key !== "Escape") {
        return;
    }
    toggles().forEach(t => closeOver(t, true));
    const open = [...document.querySelectorAll(openMenus)];
    if (open.length > 0) {
        const inside = event.target instanceof Element ? event.target.closest(openMenus) : null;
        open.forEach(menu => { menu.open = false; });
        inside?.querySelector("summary").focus();
        return;
    }
    // Escape inside a panel that has a close link (a rep's details on the dashboard) closes it, as a dialog would.
    const panel = event.target instanceof Element ? event.target.closest("[data-close-href]") : null;
    if (panel) {
        location.assign(panel.dataset.closeHref);
    }
});

// A panel opened by its address (…#rep-details) takes the keyboard's focus, so the details are where the reader is.
// Paging, searching or closing the details come back to their own part of the page the same way.
function byHash() {
    try {
        return location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    } catch {
        return null; // A hand-typed "#50%" is not an id.
    }
}
const opened = byHash();
if (opened?.hasAttribute("data-autofocus")) {
    opened.focus();
}

// The dashboard's what-if line. Its form asks for the page at another line; here each move of the slider sends it
// and swaps in the parts of the page marked data-follows-line, so the page keeps its place and the slider its focus.
// A newer move cancels an older one still on its way. Anything unexpected falls back to loading the page.
let lineRequest = null;

// Brings an element of the page to what the server sent, changing only what differs: a move of the line mostly
// changes numbers, widths and the line in links, and a browser restyles and lays out only what changed, where
// swapping whole lists in lays out the page again (about half the time of a move on a slow machine). The elements
// stay the ones they were, so focus and scroll positions within them stay too.
function morph(current, next) {
    if (current.nodeType !== next.nodeType || current.nodeName !== next.nodeName) {
        current.replaceWith(document.importNode(next, true));
        return;
    }
    if (current.nodeType !== Node.ELEMENT_NODE) {
        if (current.nodeValue !== next.nodeValue) {
            current.nodeValue = next.nodeValue;
        }
        return;
    }
    if (current.isEqualNode(next)) {
        return;
    }
    for (const attribute of [...current.attributes]) {
        if (!next.hasAttribute(attribute.name)) {
            current.removeAttribute(attribute.name);
        }
    }
    for (const attribute of next.attributes) {
        if (current.getAttribute(attribute.name) !== attribute.value) {
            current.setAttribute(attribute.name, attribute.value);
        }
    }
    const children = current.childNodes;
    const nextChildren = [...next.childNodes];
    nextChildren.forEach((child, i) => {
        if (i < children.length) {
            morph(children[i], child);
        } else {
            current.appendChild(document.importNode(child, true));
        }
    });
    while (children.length > nextChildren.length) {
        current.lastChild.remove();
    }
}

function sliderOf(target) {
    return target instanceof Element ? target.closest("[data-what-if] input[type=range]") : null;
}

async function showLine(form) {
    const query = new URLSearchParams(new FormData(form));
    if (query.get("line") === form.dataset.saved) {
        query.delete("line");
    }
    const search = query.toString();
    const address = form.getAttribute("action").split("#")[0] + (search ? "?" + search : "");
    lineRequest?.abort();
    const request = new AbortController();
    lineRequest = request;
    const dashboard = form.closest(".dashboard");
    dashboard?.setAttribute("aria-busy", "true");
    try {
        // Only the parts that follow the line come back (the server's PartsRequest), not the whole document.
        const response = await fetch(address, {
            signal: request.signal,
            cache: "no-store",
            headers: { Accept: "text/html", "X-SalesSpec-Parts": "follows-line" },
        });
        const page = new DOMParser().parseFromString(await response.text(), "text/html");
        if (request !== lineRequest) {
            return;
        }
        const current = [...document.querySelectorAll("[data-follows-line]")];
        const next = [...page.querySelectorAll("[data-follows-line]")];
        if (!response.ok || response.redirected || current.length !== next.length || current.some((part, i) => part.id !== next[i].id)) {
            location.assign(address);
            return;
        }
        // Focus inside a part stays where it is; if its element had to be replaced, it goes to the same control in the
        // new one (or back to the slider).
        const focused = document.activeElement;
        const holder = current.find(part => part !== focused && part.contains(focused));
        const focusKey = holder && (focused.id || focused.dataset.testid);
        current.forEach((part, i) => {
            if (part.getAttribute("role") === "status") {
                // A live region is kept and its words changed, so screen readers read them out.
                part.textContent = next[i].textContent;
            } else {
                morph(part, next[i]);
            }
        });
        if (holder && !focused.isConnected) {
            const again = focusKey ? document.querySelector(`#${CSS.escape(focusKey)}, [data-testid="${CSS.escape(focusKey)}"]`) : null;
            (again ?? form.querySelector("input[type=range]")).focus();
        }
        history.replaceState(history.state, "", address);
        // What else on the page names its own address follows: the skip link, the bar's "back to this page" fields.
        document.querySelectorAll("a.skip-link").forEach(link => link.setAttribute("href", location.href.split("#")[0] + "#main"));
        document.querySelectorAll("input[name=returnUrl]").forEach(field => { field.value = address; });
    } catch (error) {
        if (error.name !== "AbortError") {
            location.assign(address);
        }
    } finally {
        if (request === lineRequest) {
            lineRequest = null;
            dashboard?.removeAttribute("aria-busy");
        }
    }
}

document.addEventListener("input", event => {
    const slider = sliderOf(event.target);
    if (slider) {
        const value = slider.value + " %";
        slider.form.querySelector("output").textContent = value;
        slider.setAttribute("aria-valuetext", value);
    }
});

document.addEventListener("change", event => {
    const slider = sliderOf(event.target);
    if (slider) {
        showLine(slider.form);
    }
});

document.addEventListener("submit", event => {
    if (event.target instanceof HTMLFormElement && event.target.matches("[data-what-if]")) {
        event.preventDefault();
        showLine(event.target);
    }
});

// With this script the slider applies itself; its "Show" button is for browsers without it.
document.querySelectorAll("[data-what-if]").forEach(form => form.classList.add("what-if-form--live"));

// Focus leaving the navigation that lies over the page closes it, so nothing focused is ever hidden beneath it; so
// does focus leaving an open menu, whose list would cover what the keyboard reaches next.
document.addEventListener("focusout", event => {
    const next = event.relatedTarget;
    if (event.target instanceof Element && next instanceof Node) {
        document.querySelectorAll(openMenus).forEach(menu => {
            if (menu.contains(event.target) && !menu.contains(next)) {
                menu.open = false;
            }
        });
    }
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

// A static page rendered in the other theme than the system's, with no choice of the person's (its first visit, before
// the head script had written the cookie; or the system switched since): the cookie is right now, so load it once more.
const systemTheme = matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
const chosen = document.cookie.split("; ").some(cookie => cookie.startsWith("salesspec-theme-choice="));
const shell = document.querySelector(".static-shell[data-theme]");
if (shell && !chosen && shell.dataset.theme !== systemTheme && sessionStorage.getItem("salesspec-theme-reloaded") !== location.href) {
    sessionStorage.setItem("salesspec-theme-reloaded", location.href);
    location.reload();
}
