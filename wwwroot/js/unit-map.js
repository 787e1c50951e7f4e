// A choropleth of administrative units on Leaflet (vendored in /lib/leaflet), driven from Blazor through JS interop.
// No inline script and no eval: Leaflet is loaded by a <script src> tag added once, and every value (colours,
// names, links) comes from the server in the options object. Works offline; a base-map tile layer is optional.

let leafletLoading = null;

function loadLeaflet() {
    if (window.L) return Promise.resolve(window.L);
    if (!leafletLoading) {
        leafletLoading = new Promise((resolve, reject) => {
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
    return leafletLoading;
}

let heatLoading = null;

// leaflet.heat (vendored in /lib/leaflet.heat with its licence) extends the global L, so it loads after Leaflet.
function loadHeat(L) {
    if (L.heatLayer) return Promise.resolve(L);
    if (!heatLoading) {
        heatLoading = new Promise((resolve, reject) => {
            const script = document.createElement('script');
            script.src = '/lib/leaflet.heat/leaflet-heat.js';
            script.onload = () => resolve(L);
            script.onerror = () => reject(new Error('leaflet.heat could not be loaded'));
            document.head.appendChild(script);
        });
    }
    return heatLoading;
}

const boundaries = new Map();

function loadBoundaries(url) {
    if (!boundaries.has(url)) {
        boundaries.set(url, fetch(url).then(r => {
            if (!r.ok) throw new Error('Boundaries could not be loaded: ' + r.status);
            return r.json();
        }));
    }
    return boundaries.get(url);
}

/**
 * Draws the map into element. options = { boundariesUrl, tileUrl, tileAttribution, dataAttribution, noData,
 * units: { [code]: { name, color, label, href } } }. Units missing from options.units are drawn grey, not clickable.
 * Returns a handle whose dispose() removes the map.
 */
export async function render(element, options) {
    const L = await loadLeaflet();
    const geojson = await loadBoundaries(options.boundariesUrl);
    if (element._unitMap) element._unitMap.remove();
    const map = L.map(element, { zoomSnap: 0.25, attributionControl: true, preferCanvas: false });
    element._unitMap = map;
    map.attributionControl.setPrefix('<a href="https://leafletjs.com" rel="noopener">Leaflet</a>');
    if (options.tileUrl) {
        L.tileLayer(options.tileUrl, { attribution: options.tileAttribution || '', maxZoom: 18 }).addTo(map);
    }
    const layer = L.geoJSON(geojson, {
        attribution: options.dataAttribution,
        style: feature => {
            const unit = options.units[feature.properties.code];
            return { color: '#455a64', weight: 0.6, fillColor: unit ? unit.color : '#e0e0e0', fillOpacity: unit ? 0.85 : 0.5 };
        },
        onEachFeature: (feature, path) => {
            const code = feature.properties.code;
            const unit = options.units[code];
            const name = unit ? unit.name : feature.properties.name;
            const text = unit ? name + ': ' + unit.label : name + ': ' + options.noData;
            path.bindTooltip(text, { sticky: true });
            path.on('add', () => {
                const el = path.getElement();
                if (!el) return;
                el.setAttribute('data-unit', code);
                el.setAttribute('aria-label', text);
                if (unit && unit.href) {
                    el.setAttribute('role', 'link');
                    el.setAttribute('tabindex', '0');
                    el.addEventListener('keydown', e => { if (e.key === 'Enter') window.location.assign(unit.href); });
                }
            });
            if (unit && unit.href) {
                path.on('click', () => window.location.assign(unit.href));
                path.on('mouseover', () => path.setStyle({ weight: 2, color: '#0d47a1' }));
                path.on('mouseout', () => path.setStyle({ weight: 0.6, color: '#455a64' }));
            }
        },
    }).addTo(map);
    map.fitBounds(layer.getBounds(), { padding: [8, 8] });
    element.setAttribute('data-map-ready', 'true');
    return { dispose: () => { map.remove(); element._unitMap = null; } };
}

/**
 * Draws points over the units' outlines: options = { boundariesUrl, tileUrl, tileAttribution, dataAttribution,
 * mode: 'heat' | 'markers', points: [{ lat, lng, label, href }] }. 'heat' is a density layer (leaflet.heat);
 * 'markers' draws one circle per point, each a link to its page. Returns a handle whose dispose() removes the map.
 */
export async function renderPoints(element, options) {
    const L = await loadLeaflet();
    if (options.mode === 'heat') await loadHeat(L);
    const geojson = await loadBoundaries(options.boundariesUrl);
    if (element._unitMap) element._unitMap.remove();
    const map = L.map(element, { zoomSnap: 0.25, attributionControl: true });
    element._unitMap = map;
    map.attributionControl.setPrefix('<a href="https://leafletjs.com" rel="noopener">Leaflet</a>');
    if (options.tileUrl) {
        L.tileLayer(options.tileUrl, { attribution: options.tileAttribution || '', maxZoom: 18 }).addTo(map);
    }
    const outline = L.geoJSON(geojson, {
        attribution: options.dataAttribution,
        style: () => ({ color: '#78909c', weight: 0.5, fillColor: '#eceff1', fillOpacity: 0.4 }),
        onEachFeature: (feature, path) => path.bindTooltip(feature.properties.name, { sticky: true }),
    });
    // The view first: vector layers added to a map without one cannot clip their points.
    map.fitBounds(outline.getBounds(), { padding: [8, 8] });
    outline.addTo(map);
    if (options.mode === 'heat') {
        L.heatLayer(options.points.map(p => [p.lat, p.lng, 1]), { radius: 14, blur: 18, maxZoom: 13, minOpacity: 0.35 }).addTo(map);
    } else {
        for (const p of options.points) {
            const marker = L.circleMarker([p.lat, p.lng], { radius: 6, color: '#0d47a1', weight: 1, fillColor: '#1e88e5', fillOpacity: 0.8 })
                .bindTooltip(p.label);
            // Before adding: the element exists (and gets its attributes) once the marker is on the map.
            marker.on('add', () => {
                const el = marker.getElement();
                if (!el) return;
                el.setAttribute('data-report', p.code || '');
                el.setAttribute('aria-label', p.label);
                if (p.href) {
                    el.setAttribute('role', 'link');
                    el.setAttribute('tabindex', '0');
                    el.addEventListener('keydown', e => { if (e.key === 'Enter') window.location.assign(p.href); });
                }
            });
            if (p.href) marker.on('click', () => window.location.assign(p.href));
            marker.addTo(map);
        }
    }
    element.setAttribute('data-points', String(options.points.length));
    element.setAttribute('data-map-ready', 'true');
    return { dispose: () => { map.remove(); element._unitMap = null; } };
}
