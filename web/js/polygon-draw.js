// Drawing one polygon on a Leaflet map, by pointer or by keyboard. Pointer: click for each
// corner, click the first corner again (or press Enter) to close. Keyboard: move the map with the
// arrows and press Space for a corner where the crosshair points; Backspace takes the last corner
// back, Enter closes, Escape cancels. Used by the moderation map (tick the pins in an area) and
// by the study area map of dialogue administration (an area of one or more parts).
const L = window.L;
const CLOSE_PX = 14; // a click this near the first corner closes the area

/** Rings as RFC 7946 wants them: closed, and the outer ring counter-clockwise. */
export function polygonGeoJson(latlngs) {
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
 * map: a Leaflet map whose container sits in wrap (the element that gets the classes
 * is-drawing, can-place and show-crosshair). onClosed(polygon GeoJSON, latlngs) when an area is
 * closed; onState(state, corners) with state 'started' | 'corner' | 'closed' | 'cancelled' |
 * 'tooFew'.
 */
export function createPolygonTool(map, { wrap, onClosed, onState }) {
  const container = map.getContainer();
  let drawing = false;
  let corners = [];
  const sketch = L.layerGroup().addTo(map);
  let guide = null;

  function redraw() {
    sketch.clearLayers();
    if (corners.length > 1) L.polyline(corners, { className: 'draw-line', interactive: false }).addTo(sketch);
    corners.forEach((c, i) => L.circleMarker(c, {
      radius: i === 0 ? 9 : 6, className: i === 0 ? 'draw-corner draw-corner--first' : 'draw-corner', interactive: false,
    }).addTo(sketch));
    guide = corners.length ? L.polyline([corners[corners.length - 1], corners[corners.length - 1]], { className: 'draw-guide', interactive: false }).addTo(sketch) : null;
  }

  function addCorner(latlng) {
    if (!drawing) return;
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
    redraw();
    onState?.('corner', corners.length);
  }

  function undo() {
    if (!drawing || !corners.length) return false;
    corners.pop();
    redraw();
    onState?.('corner', corners.length);
    return true;
  }

  function stop() {
    drawing = false;
    corners = [];
    sketch.clearLayers();
    guide = null;
    wrap.classList.remove('is-drawing', 'can-place');
    map.doubleClickZoom.enable();
  }

  function start() {
    if (drawing) return;
    drawing = true;
    corners = [];
    map.closePopup();
    map.doubleClickZoom.disable(); // a double click adds two corners, it does not zoom
    wrap.classList.add('is-drawing', 'can-place');
    onState?.('started', 0);
  }

  function finish() {
    if (!drawing) return;
    if (corners.length < 3) {
      onState?.('tooFew', corners.length);
      return;
    }
    const latlngs = corners.slice();
    stop();
    onClosed(polygonGeoJson(latlngs), latlngs);
    onState?.('closed', latlngs.length);
  }

  function cancel() {
    if (!drawing) return;
    stop();
    onState?.('cancelled', 0);
  }

  map.on('click', (e) => addCorner(e.latlng));
  map.on('mousemove', (e) => {
    if (drawing && guide) guide.setLatLngs([corners[corners.length - 1], e.latlng]);
  });

  // The crosshair shows where Space puts a corner: only while drawing, and only for keyboard users.
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
      undo();
    } else if (e.key.startsWith('Arrow')) {
      showCrosshair(true);
    }
  });
  // Enter and Escape work wherever the focus is, except where they have a meaning of their own.
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

  return {
    start,
    finish,
    cancel,
    undo,
    addCorner,
    isDrawing: () => drawing,
    corners: () => corners.length,
  };
}
