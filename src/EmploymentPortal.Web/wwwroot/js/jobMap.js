// The public job board's place picker (/jobs): a click on the map picks the centre of the search.
// The board is a static page (no circuit), so this is a custom element, <job-place-picker>,
// around the map's container, the hidden lat/lon inputs of the GET form and the line that says
// what was picked. The base layer is the one of the circle map (circleMap.js): tiles when a tile
// server is configured, otherwise the city's boundaries from the portal's own geography.
import { loadLeaflet, addBaseLayer } from './circleMap.js';

class JobPlacePicker extends HTMLElement {
    async connectedCallback() {
        if (this.started) {
            return;
        }
        this.started = true;
        const container = this.querySelector('.job-map');
        const lat = this.querySelector('input[data-picked=lat]');
        const lon = this.querySelector('input[data-picked=lon]');
        const text = this.querySelector('[data-picked=text]');
        const form = this.closest('form');
        const radius = form?.querySelector('select[name=radiusKm]');
        const community = form?.querySelector('input[name=community]');

        const L = await loadLeaflet();
        const map = L.map(container, { zoomSnap: 0.25 });
        map.attributionControl.setPrefix('<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>');
        map.setView([28.68, 115.86], 10);
        const picked = lat.value && lon.value ? L.latLng(Number(lat.value), Number(lon.value)) : null;
        await addBaseLayer(L, map, {
            tileUrl: this.dataset.tileUrl,
            attribution: this.dataset.attribution,
            boundariesUrl: this.dataset.boundaries,
            fit: true,
        });

        let marker = null;
        let circle = null;
        const radiusMetres = () => (Number(radius?.value) || 3) * 1000;
        const show = point => {
            if (!marker) {
                marker = L.circleMarker(point, { radius: 6, color: '#ffffff', weight: 2, fillColor: '#b71c1c', fillOpacity: 1, className: 'picked-marker' }).addTo(map);
                circle = L.circle(point, { radius: radiusMetres(), color: '#b71c1c', weight: 1.5, fillOpacity: 0.08, interactive: false, className: 'picked-circle' }).addTo(map);
            } else {
                marker.setLatLng(point);
                circle.setLatLng(point);
            }
        };
        const clear = () => {
            marker?.remove();
            circle?.remove();
            marker = circle = null;
            lat.value = lon.value = '';
            text.textContent = '';
        };

        if (picked) {
            show(picked);
            map.fitBounds(circle.getBounds(), { padding: [16, 16] });
        }
        map.on('click', e => {
            const point = L.latLng(Number(e.latlng.lat.toFixed(6)), Number(e.latlng.lng.toFixed(6)));
            lat.value = String(point.lat);
            lon.value = String(point.lng);
            text.textContent = (text.dataset.template || '{0}').replace('{0}', point.lat + ',' + point.lng);
            if (community) {
                community.value = ''; // one place at a time: the point replaces the community
            }
            show(point);
        });
        radius?.addEventListener('change', () => circle?.setRadius(radiusMetres()));
        community?.addEventListener('input', () => {
            if (community.value) {
                clear();
            }
        });
        container.dataset.ready = 'true';
    }
}

if (!customElements.get('job-place-picker')) {
    customElements.define('job-place-picker', JobPlacePicker);
}
