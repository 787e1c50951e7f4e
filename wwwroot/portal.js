// Buttons that call the browser itself (reconnect dialog, print). A file, not inline onclick handlers:
// the Content-Security-Policy allows scripts from the portal's own files only.
document.addEventListener('click', event => {
    const button = event.target.closest('[data-reconnect], [data-print]');
    if (!button) return;
    if (button.hasAttribute('data-print')) window.print();
    else if (button.dataset.reconnect === 'retry') Blazor.reconnect();
    else location.reload();
});
