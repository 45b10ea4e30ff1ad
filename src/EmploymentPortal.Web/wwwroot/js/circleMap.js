// The employment-circle map (/circles/map): a thin layer over Leaflet (vendored into
// lib/leaflet by eng/Leaflet.targets, docs/decisions/005-leaflet.md). The page (CircleMapPage.razor)
// sends the data over the circuit; this module only draws it and reports clicks back.
// The base layer (addBaseLayer, also used by the public job board's place picker, jobMap.js): the
// configured tile server's tiles (Circles:TileUrl), or without one the city's outline, districts
// and communities' areas drawn from the portal's own geography (/api/v1/geography/boundaries),
// so the map is never an empty box and nothing is fetched from outside.

const leafletBase = new URL('../lib/leaflet/', import.meta.url);
let leafletLoading;

export function loadLeaflet() {
    if (window.L) {
        return Promise.resolve(window.L);
    }
    if (!leafletLoading) {
        leafletLoading = new Promise((resolve, reject) => {
            if (!document.querySelector('link[data-leaflet]')) {
                const css = document.createElement('link');
                css.rel = 'stylesheet';
                css.href = new URL('leaflet.css', leafletBase).href;
                css.dataset.leaflet = 'true';
                document.head.appendChild(css);
            }
            const script = document.createElement('script');
            script.src = new URL('leaflet.js', leafletBase).href;
            script.onload = () => resolve(window.L);
            script.onerror = () => reject(new Error('leaflet.js could not be loaded from ' + script.src));
            document.head.appendChild(script);
        });
    }
    return leafletLoading;
}

const boundaryStyles = {
    city: { color: '#6d6d6d', weight: 1.5, fillColor: '#f7f4ec', fillOpacity: 1 },
    district: { color: '#5d4037', weight: 2.5, fill: false },
    community: { color: '#9e9e9e', weight: 0.8, fill: false, dashArray: '3 3' },
};

/**
 * Draws the base layer of `map`: tiles from `options.tileUrl` when one is configured, otherwise
 * the GeoJSON boundaries at `options.boundariesUrl` in a pane below the overlays (not clickable,
 * so clicks reach the map). With `options.fit`, the view is fitted to the city's outline.
 * Resolves when the layer is on the map.
 */
export async function addBaseLayer(L, map, options) {
    if (options.tileUrl) {
        L.tileLayer(options.tileUrl, { attribution: options.attribution || '', subdomains: '01234567', maxZoom: 18 }).addTo(map);
        return;
    }
    if (!options.boundariesUrl) {
        return;
    }
    const response = await fetch(options.boundariesUrl, { headers: { Accept: 'application/geo+json' } });
    if (!response.ok) {
        throw new Error('the city boundaries could not be loaded: ' + response.status);
    }
    const geojson = await response.json();
    if (!map.getPane('boundaries')) {
        map.createPane('boundaries').style.zIndex = 350;
    }
    // The city first, then the communities' areas, the district lines on top.
    const order = { city: 0, community: 1, district: 2 };
    geojson.features.sort((a, b) => order[a.properties.kind] - order[b.properties.kind]);
    const layer = L.geoJSON(geojson, {
        pane: 'boundaries',
        interactive: false,
        style: f => Object.assign({ className: 'boundary-' + f.properties.kind }, boundaryStyles[f.properties.kind]),
    }).addTo(map);
    if (options.fit) {
        const city = geojson.features.find(f => f.properties.kind === 'city');
        const bounds = city ? L.geoJSON(city).getBounds() : layer.getBounds();
        if (bounds.isValid()) {
            map.fitBounds(bounds, { padding: [8, 8] });
        }
    }
}

const standingColours = {
    Recognised: '#2e7d32',
    NotRecognised: '#c62828',
    NotAssessed: '#757575',
};

/**
 * Creates a map in `element`. options: { tileUrl, attribution, boundariesUrl, centre: [lat, lon], zoom }.
 * `page` is a DotNetObjectReference with [JSInvokable] SelectCommunity(id).
 */
export async function create(element, options, page) {
    const L = await loadLeaflet();
    const map = L.map(element, { preferCanvas: false, zoomSnap: 0.25 });
    // The plain library credit, without the default prefix's flag icon.
    map.attributionControl.setPrefix('<a href="https://leafletjs.com" target="_blank" rel="noopener">Leaflet</a>');
    map.setView(options.centre, options.zoom || 12);
    await addBaseLayer(L, map, { tileUrl: options.tileUrl, attribution: options.attribution, boundariesUrl: options.boundariesUrl, fit: false });
    const communities = L.layerGroup().addTo(map);
    const vacancies = L.layerGroup().addTo(map);
    const circles = new Map();
    let selected = null;

    const handle = {
        setCommunities(items) {
            communities.clearLayers();
            circles.clear();
            const bounds = [];
            for (const c of items) {
                const colour = standingColours[c.standing] || standingColours.NotAssessed;
                const circle = L.circle([c.latitude, c.longitude], {
                    radius: c.radiusKm * 1000,
                    color: colour,
                    weight: 1.5,
                    fillColor: colour,
                    fillOpacity: 0.08,
                    className: 'circle-community circle-' + c.standing + ' circle-c-' + c.id,
                });
                circle.bindTooltip(c.name);
                circle.on('click', () => page.invokeMethodAsync('SelectCommunity', c.id));
                circle.addTo(communities);
                circles.set(c.id, circle);
                const marker = L.circleMarker([c.latitude, c.longitude], {
                    radius: 6,
                    color: '#ffffff',
                    weight: 2,
                    fillColor: colour,
                    fillOpacity: 1,
                    className: 'community-marker community-m-' + c.id,
                });
                marker.bindTooltip(c.name + '（' + c.label + '）');
                marker.on('click', () => page.invokeMethodAsync('SelectCommunity', c.id));
                marker.addTo(communities);
                bounds.push(circle.getBounds());
            }
            if (bounds.length > 0) {
                const all = bounds.reduce((a, b) => a.extend(b), L.latLngBounds(bounds[0].getSouthWest(), bounds[0].getNorthEast()));
                map.fitBounds(all, { padding: [16, 16] });
            }
        },

        showVacancies(communityId, items) {
            vacancies.clearLayers();
            if (selected) {
                selected.setStyle({ weight: 1.5, fillOpacity: 0.08 });
                const el = selected.getElement && selected.getElement();
                if (el) {
                    el.classList.remove('circle-selected');
                }
            }
            selected = circles.get(communityId) || null;
            if (!selected) {
                return;
            }
            selected.setStyle({ weight: 3, fillOpacity: 0.15 });
            selected.bringToFront();
            const el = selected.getElement && selected.getElement();
            if (el) {
                el.classList.add('circle-selected');
            }
            for (const v of items) {
                L.circleMarker([v.latitude, v.longitude], {
                    radius: 5,
                    color: '#1565c0',
                    weight: 1,
                    fillColor: '#42a5f5',
                    fillOpacity: 0.9,
                    className: 'vacancy-marker',
                })
                    .bindTooltip(v.title + ' · ' + v.enterprise + ' · ' + v.openings + '人 · ' + v.distance)
                    .addTo(vacancies);
            }
            map.fitBounds(selected.getBounds(), { padding: [16, 16] });
        },

        dispose() {
            map.remove();
        },
    };
    return handle;
}
