// Starts Blazor and handles the reconnect states (a separate file: the pages carry no inline script, for the CSP).
//
// Enhanced navigation is off: a link followed before the circuit is live then loads the next page in full, which
// always gets its own circuit, instead of patching the DOM of a page whose circuit has not started yet. Once the
// circuit is live the interactive router handles links anyway, so nothing is lost.
(() => {
    const modal = document.getElementById("components-reconnect-modal");

    function show(state) {
        modal.dataset.state = state;
    }

    // The server no longer knows this circuit (it restarted, or the session expired): reconnecting cannot help and
    // the session cannot be resumed, so say so and reload the page by itself.
    function reloadSoon(state) {
        show(state);
        setTimeout(() => location.reload(), 3000);
    }

    async function retry() {
        try {
            if (await Blazor.reconnect()) return;
            if (Blazor.resumeCircuit && await Blazor.resumeCircuit()) {
                show("hide");
                return;
            }
            reloadSoon("resume-failed");
        } catch {
            show("failed");
        }
    }

    modal?.addEventListener("components-reconnect-state-changed", e => {
        const state = e.detail.state;
        if (state === "rejected" || state === "resume-failed") reloadSoon(state);
        else show(state);
    });
    document.getElementById("reconnect-retry")?.addEventListener("click", retry);
    document.getElementById("reconnect-reload")?.addEventListener("click", () => location.reload());
    // The printed forms' print button (no inline onclick: the Content-Security-Policy allows the portal's own files only).
    document.addEventListener("click", e => {
        if (e.target.closest("[data-print]")) window.print();
    });

    Blazor.start({
        ssr: { disableDomPreservation: true },
    });
})();
