// The join page's running total: adds up the shares as they are typed and says how much is left. The page works
// without it (the server checks the total on sending); this only saves a round trip on a phone.
(() => {
    const format = value => (Math.round(value * 100) / 100).toString();
    function update() {
        const inputs = document.querySelectorAll("input[data-share]");
        if (inputs.length === 0) {
            return;
        }
        let total = 0;
        inputs.forEach(input => {
            const value = parseFloat((input.value || "").replace(",", "."));
            if (!Number.isNaN(value)) {
                total += value;
            }
        });
        const output = document.getElementById("join-total");
        const left = document.getElementById("join-left");
        if (output) {
            output.textContent = format(total);
        }
        if (left) {
            const rest = Math.round((100 - total) * 100) / 100;
            left.textContent = Math.abs(rest) <= 0.1 ? "✓" : rest > 0 ? `(${format(rest)} % left)` : `(${format(-rest)} % too much)`;
            left.parentElement?.classList.toggle("join-total-done", Math.abs(rest) <= 0.1);
        }
    }
    document.addEventListener("input", event => {
        if (event.target instanceof HTMLInputElement && event.target.hasAttribute("data-share")) {
            update();
        }
    });
    update();
})();
