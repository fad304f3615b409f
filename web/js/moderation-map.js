// The map beside the moderation queue: the study area, every pin of the list (not clustered, so
// that each can be seen, ticked and picked), the pin being looked at, the ticked pins, and a
// small polygon tool to tick the pins inside an area. Returns null when Leaflet did not load;
// the page then works from the list alone.
import { h } from './dom.js';
import { t, label } from './i18n.js';
import { categoryClass } from './pins.js';
import { attributionHtml } from './map.js';

const L = window.L;
const SWEDEN = { center: [62.5, 16.5], zoom: 5 };
const CLOSE_PX = 14; // a click this near the first corner closes the area

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

/** Rings as RFC 7946 wants them: closed, and the outer ring counter-clockwise. */
function polygonGeoJson(latlngs) {
  const ring = latlngs.map((p) => [Math.round(p.lng * 1e7) / 1e7, Math.round(p.lat * 1e7) / 1e7]);
  let twiceArea = 0;
  for (let i = 0; i < ring.length; i += 1) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % ring.length];
    twiceArea += x1 * y2 - x2 * y1;
  }
  if (twiceArea < 0) ring.reverse();
  ring.push([...ring[0]]);
  return { type: 'Polygon', coordinates: [ring] };
}

/**
 * opts: site, onSelect(id), onDrawn(polygon GeoJSON), onDrawState(state, corners) where state is
 * 'started' | 'corner' | 'closed' | 'cancelled' | 'tooFew', onTilesFailed().
 */
export function createQueueMap(container, opts) {
  if (!L) return null;
  const wrap = container.parentElement;
  const maxZoom = opts.site?.basemap?.maxZoom || 19;
  const map = L.map(container, { zoomControl: false, attributionControl: false, maxZoom, minZoom: 3, zoomSnap: 0.25, doubleClickZoom: true });
  const zoom = L.control.zoom({ zoomInTitle: t('map.zoomIn'), zoomOutTitle: t('map.zoomOut') }).addTo(map);
  L.control.scale({ imperial: false }).addTo(map);
  const basemap = opts.site?.basemap;
  if (basemap?.url) {
    L.control.attribution({ prefix: false }).addTo(map);
    const tiles = L.tileLayer(basemap.url, { maxZoom, attribution: attributionHtml(basemap.attribution || '') }).addTo(map);
    let loaded = 0;
    let failed = 0;
    tiles.on('tileload', () => { loaded += 1; });
    tiles.on('tileerror', () => {
      failed += 1;
      if (failed === 3 && loaded === 0) opts.onTilesFailed?.();
    });
  } else {
    container.classList.add('no-basemap');
  }
  map.setView(SWEDEN.center, SWEDEN.zoom);

  let areaLayer = null;
  let areaBounds = null;
  const pinLayer = L.featureGroup().addTo(map);
  const markers = new Map();
  let pins = [];
  let currentId = null;
  let checked = new Set();

  // ---- the polygon tool ----
  let drawing = false;
  let corners = [];
  const drawLayer = L.layerGroup().addTo(map);
  let guide = null;
  let drawnPolygon = null;

  function redrawSketch() {
    drawLayer.clearLayers();
    if (corners.length > 1) L.polyline(corners, { className: 'draw-line', interactive: false }).addTo(drawLayer);
    corners.forEach((c, i) => L.circleMarker(c, {
      radius: i === 0 ? 9 : 6, className: i === 0 ? 'draw-corner draw-corner--first' : 'draw-corner', interactive: false,
    }).addTo(drawLayer));
    guide = corners.length ? L.polyline([corners[corners.length - 1], corners[corners.length - 1]], { className: 'draw-guide', interactive: false }).addTo(drawLayer) : null;
  }

  function addCorner(latlng) {
    if (corners.length >= 3) {
      const first = map.latLngToContainerPoint(corners[0]);
      if (first.distanceTo(map.latLngToContainerPoint(latlng)) <= CLOSE_PX) {
        finish();
        return;
      }
    }
    const last = corners[corners.length - 1];
    if (last && map.latLngToContainerPoint(last).distanceTo(map.latLngToContainerPoint(latlng)) < 3) return; // a double click
    corners.push(L.latLng(latlng.lat, latlng.lng));
    redrawSketch();
    opts.onDrawState?.('corner', corners.length);
  }

  function stopDrawing() {
    drawing = false;
    corners = [];
    drawLayer.clearLayers();
    guide = null;
    wrap.classList.remove('is-drawing', 'can-place');
    map.doubleClickZoom.enable();
  }

  function finish() {
    if (!drawing) return;
    if (corners.length < 3) {
      opts.onDrawState?.('tooFew', corners.length);
      return;
    }
    const polygon = polygonGeoJson(corners);
    const latlngs = corners.slice();
    stopDrawing();
    showPolygon(latlngs);
    opts.onDrawState?.('closed', latlngs.length);
    opts.onDrawn(polygon);
  }

  function cancel() {
    if (!drawing) return;
    stopDrawing();
    opts.onDrawState?.('cancelled', 0);
  }

  function showPolygon(latlngs) {
    drawnPolygon?.remove();
    drawnPolygon = latlngs ? L.polygon(latlngs, { className: 'drawn-area', interactive: false }).addTo(map) : null;
  }

  map.on('click', (e) => {
    if (drawing) addCorner(e.latlng);
  });
  map.on('mousemove', (e) => {
    if (drawing && guide) guide.setLatLngs([corners[corners.length - 1], e.latlng]);
  });

  // Keyboard: Leaflet pans with the arrows and zooms with + and -. While drawing, Space adds a
  // corner where the crosshair is, Backspace takes the last one back; Enter closes the area and
  // Escape cancels, wherever the focus is (except where Enter or Escape has its own meaning).
  const showCrosshair = (on) => wrap.classList.toggle('show-crosshair', on);
  let pointerDown = false;
  container.addEventListener('pointerdown', () => { pointerDown = true; showCrosshair(false); });
  container.addEventListener('pointerup', () => { pointerDown = false; });
  container.addEventListener('focus', () => showCrosshair(!pointerDown && drawing));
  container.addEventListener('blur', () => showCrosshair(false));
  container.addEventListener('keydown', (e) => {
    if (e.target !== container || !drawing) return;
    if (e.key === ' ' || e.key === 'Spacebar') {
      e.preventDefault();
      showCrosshair(true);
      addCorner(map.getCenter());
    } else if (e.key === 'Backspace' && corners.length) {
      e.preventDefault();
      corners.pop();
      redrawSketch();
      opts.onDrawState?.('corner', corners.length);
    } else if (e.key.startsWith('Arrow')) {
      showCrosshair(true);
    }
  });
  document.addEventListener('keydown', (e) => {
    if (!drawing) return;
    const tag = e.target?.tagName;
    if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    } else if (e.key === 'Enter' && !['BUTTON', 'A', 'TEXTAREA', 'SELECT', 'INPUT'].includes(tag)) {
      e.preventDefault();
      finish();
    }
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
        if (drawing) addCorner(e.latlng);
        else opts.onSelect(pin.id);
      });
      marker.addTo(pinLayer);
      markers.set(pin.id, marker);
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
      if (drawing) return;
      drawing = true;
      corners = []; // the area drawn before stays until this one is closed: it is still the selection
      map.closePopup();
      map.doubleClickZoom.disable(); // a double click adds two corners, it does not zoom
      wrap.classList.add('is-drawing', 'can-place');
      opts.onDrawState?.('started', 0);
    },
    finishDrawing: finish,
    cancelDrawing: cancel,
    isDrawing: () => drawing,
    corners: () => corners.length,
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
