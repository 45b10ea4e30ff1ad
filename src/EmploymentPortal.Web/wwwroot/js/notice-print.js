// The public notice's print button (inline handlers are refused by the portal's CSP).
document.addEventListener('DOMContentLoaded', function () {
    var button = document.getElementById('print-notice');
    if (button) {
        button.addEventListener('click', function () { window.print(); });
    }
});
