// The app bar's menu button and the scrim on pages without a circuit (the layout marks them with
// data-static-menu; MainLayout.razor): the same class toggle as the layout's @onclick handlers.
// One delegated listener (the portal's CSP refuses inline handlers), registered once even when
// enhanced navigation brings the script again.
if (!window.portalStaticMenu) {
    window.portalStaticMenu = true;
    document.addEventListener('click', function (event) {
        var target = event.target instanceof Element ? event.target.closest('[data-static-menu]') : null;
        var layout = target ? target.closest('.portal-layout') : null;
        if (!layout) {
            return;
        }

        var open = target.getAttribute('data-static-menu') === 'toggle' ? !layout.classList.contains('portal-menu-toggled') : false;
        layout.classList.toggle('portal-menu-toggled', open);
    });
}
