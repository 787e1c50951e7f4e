// The location picker of a report (and the read-only pin on its pages): Leaflet (vendored) with the 168 boundaries drawn
// lightly for orientation. A click places the point and tells Blazor, which finds the unit on the server.
// No inline script; every value comes from the options object.

function loadLeaflet() {
    if (window.L) return Promise.resolve(window.L);
    if (!window._leafletLoading) {
        window._leafletLoading = new Promise((resolve, reject) => {
            const css = document.createElement('link');
            css.rel = 'stylesheet';
            css.href = '/lib/leaflet/leaflet.css';
            document.head.appendChild(css);
            const script = document.createElement('script');
            script.src = '/lib/leaflet/leaflet.js';
            script.onload = () => resolve(window.L);
            script.onerror = () => reject(new Error('Leaflet could not be loaded'));
            document.head.appendChild(script);
        });
    }
    return window._leafletLoading;
}

/**
 * options = { boundariesUrl, tileUrl, tileAttribution, dataAttribution, center: [lat, lng], zoom, point: [lat, lng] | null, readOnly }
 * dotnet: a DotNetObjectReference with PointPicked(lat, lng), or null when read-only.
 */
export async function render(element, dotnet, options) {
    const L = await loadLeaflet();
    if (element._feedbackMap) element._feedbackMap.remove();
    const map = L.map(element, { zoomSnap: 0.5 });
    element._feedbackMap = map;
    map.attributionControl.setPrefix('<a href="https://leafletjs.com" rel="noopener">Leaflet</a>');
    if (options.tileUrl) {
        L.tileLayer(options.tileUrl, { attribution: options.tileAttribution || '', maxZoom: 19 }).addTo(map);
    }
    const start = options.point || options.center;
    map.setView(start, options.zoom);
    let marker = null;
    const place = (lat, lng) => {
        if (marker) marker.setLatLng([lat, lng]);
        else marker = L.circleMarker([lat, lng], { radius: 9, color: '#b71c1c', weight: 3, fillColor: '#ef5350', fillOpacity: 0.9 }).addTo(map);
        element.setAttribute('data-point', lat.toFixed(6) + ',' + lng.toFixed(6));
    };
    if (options.point) place(options.point[0], options.point[1]);
    if (!options.readOnly && dotnet) {
        map.on('click', e => {
            place(e.latlng.lat, e.latlng.lng);
            dotnet.invokeMethodAsync('PointPicked', e.latlng.lat, e.latlng.lng);
        });
    }
    fetch(options.boundariesUrl).then(r => r.ok ? r.json() : null).then(geojson => {
        if (!geojson || element._feedbackMap !== map) return;
        // Outlines only, not clickable: a click anywhere on the map is a point, even on a border.
        L.geoJSON(geojson, { attribution: options.dataAttribution, interactive: false, style: { color: '#546e7a', weight: 0.8, fill: false } }).addTo(map);
    });
    element.setAttribute('data-map-ready', 'true');
    return { dispose: () => { map.remove(); element._feedbackMap = null; } };
}
