// The map beside the moderation queue: the study area, every pin of the list (not clustered, so
// that each can be seen, ticked and picked), the pin being looked at, the ticked pins, and the
// polygon tool (polygon-draw.js) to tick the pins inside an area. Returns null when Leaflet did not load;
// the page then works from the list alone.
import { h } from './dom.js';
import { t, label } from './i18n.js';
import { categoryClass } from './pins.js';
import { leafletMap } from './map.js';
import { createPolygonTool } from './polygon-draw.js';

const L = window.L;
const SWEDEN = { center: [62.5, 16.5], zoom: 5 };

function pinTitle(pin) {
  const text = String(pin.text ?? '').replace(/\s+/g, ' ');
  return `#${pin.id} ${label('category', pin.category)}: ${text.length > 70 ? `${text.slice(0, 69)}…` : text}`;
}

function icon(pin, current, checked) {
  const classes = ['pin-marker', 'queue-marker', categoryClass(pin.category)];
  if (current) classes.push('is-current');
  if (checked) classes.push('is-checked');
  return L.divIcon({
    className: classes.join(' '),
    html: h('span', { class: 'pin-marker__shape', 'aria-hidden': 'true' }),
    iconSize: [30, 30],
    iconAnchor: [15, 15],
  });
}

/**
 * opts: site, onSelect(id), onDrawn(polygon GeoJSON), onDrawState(state, corners) where state is
 * 'started' | 'corner' | 'closed' | 'cancelled' | 'tooFew', onTilesFailed().
 */
export function createQueueMap(container, opts) {
  if (!L) return null;
  const wrap = container.parentElement;
  const { map, zoom } = leafletMap(container, opts);
  map.setView(SWEDEN.center, SWEDEN.zoom);

  let areaLayer = null;
  let areaBounds = null;
  const pinLayer = L.featureGroup().addTo(map);
  const markers = new Map();
  let pins = [];
  let currentId = null;
  let checked = new Set();

  // ---- the polygon tool (polygon-draw.js); the closed area stays shown as the selection ----
  let drawnPolygon = null;
  function showPolygon(latlngs) {
    drawnPolygon?.remove();
    drawnPolygon = latlngs ? L.polygon(latlngs, { className: 'drawn-area', interactive: false }).addTo(map) : null;
  }
  const tool = createPolygonTool(map, {
    wrap,
    onClosed: (polygon, latlngs) => {
      showPolygon(latlngs);
      opts.onDrawn(polygon);
    },
    onState: (state, corners) => opts.onDrawState?.(state, corners),
  });

  // ---- pins ----
  function setPins(next) {
    pins = next;
    pinLayer.clearLayers();
    markers.clear();
    for (const pin of pins) {
      const coords = pin.location?.coordinates;
      if (!Array.isArray(coords)) continue;
      const marker = L.marker([coords[1], coords[0]], {
        icon: icon(pin, pin.id === currentId, checked.has(pin.id)), title: pinTitle(pin), riseOnHover: true,
        zIndexOffset: pin.id === currentId ? 1000 : 0,
      });
      // Leaflet makes markers focusable and turns Enter into a click, so this is the keyboard way too.
      marker.on('click', (e) => {
        if (tool.isDrawing()) tool.addCorner(e.latlng);
        else opts.onSelect(pin.id);
      });
      marker.addTo(pinLayer);
      markers.set(pin.id, marker);
      // A drawn line or area shows under its marker (the marker is its representative point).
      if (pin.shape) L.geoJSON(pin.shape, { interactive: false, style: { className: `pin-shape ${categoryClass(pin.category)}`, weight: 3, fillOpacity: 0.15 } }).addTo(pinLayer);
    }
  }

  function restyle(id) {
    const marker = markers.get(id);
    const pin = pins.find((p) => p.id === id);
    if (!marker || !pin) return;
    marker.setIcon(icon(pin, id === currentId, checked.has(id)));
    marker.setZIndexOffset(id === currentId ? 1000 : 0);
  }

  return {
    setStudyArea(geometry) {
      areaLayer?.remove();
      areaLayer = null;
      areaBounds = null;
      if (geometry) {
        areaLayer = L.geoJSON(geometry, { interactive: false, style: { className: 'study-area', fill: false, weight: 3 } }).addTo(map);
        areaBounds = areaLayer.getBounds();
      }
    },
    setPins,
    /** Frames the study area, or the pins when there is none. */
    fit() {
      if (areaBounds?.isValid()) map.fitBounds(areaBounds, { padding: [12, 12] });
      else if (pinLayer.getLayers().length) map.fitBounds(pinLayer.getBounds(), { padding: [24, 24], maxZoom: 16 });
      else map.setView(SWEDEN.center, SWEDEN.zoom);
    },
    setCurrent(id, { pan = false } = {}) {
      const before = currentId;
      currentId = id;
      restyle(before);
      restyle(id);
      const marker = markers.get(id);
      if (pan && marker && !map.getBounds().pad(-0.1).contains(marker.getLatLng())) map.panTo(marker.getLatLng());
    },
    setChecked(ids) {
      const before = checked;
      checked = new Set(ids);
      for (const id of new Set([...before, ...checked])) if (before.has(id) !== checked.has(id)) restyle(id);
    },
    startDrawing() {
      tool.start(); // the area drawn before stays until this one is closed: it is still the selection
    },
    finishDrawing: () => tool.finish(),
    cancelDrawing: () => tool.cancel(),
    isDrawing: () => tool.isDrawing(),
    corners: () => tool.corners(),
    clearPolygon: () => showPolygon(null),
    focus() {
      container.focus({ preventScroll: true });
    },
    refreshLanguage() {
      for (const [cls, key] of [['.leaflet-control-zoom-in', 'map.zoomIn'], ['.leaflet-control-zoom-out', 'map.zoomOut']]) {
        const button = zoom.getContainer().querySelector(cls);
        button.title = t(key);
        button.setAttribute('aria-label', t(key));
      }
      setPins(pins);
    },
  };
}
