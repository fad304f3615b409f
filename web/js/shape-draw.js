// Drawing one line or one area on a Leaflet map, by pointer or by keyboard only.
// Pointer: tap for each vertex; tap the last vertex again (a line) or the first one (an area), or
// call finish() (a "Klar" button), to finish. Keyboard: move the map with the arrows and press
// Space where the crosshair points; Backspace takes the last vertex back, Enter finishes, Escape
// cancels. Used by the citizen pin form (lines and areas), the moderation map (tick the pins in an
// area), the study area map of dialogue administration, and map questions of questionnaires.
const L = window.L;
const CLOSE_PX = 14; // a tap this near the first (area) or last (line) vertex finishes
const SAME_PX = 3; // a tap this near the last vertex is a double click, not a new vertex

/** The fewest vertices a finished shape has. */
export const MIN_VERTICES = { line: 2, area: 3 };
/** The most vertices the server accepts (pin.ShapeRules); the tool stops adding beyond it. */
export const MAX_VERTICES = 500;

const round7 = (v) => Math.round(v * 1e7) / 1e7;

/** Rings as RFC 7946 wants them: closed, and the outer ring counter-clockwise. */
export function polygonGeoJson(latlngs) {
  const ring = latlngs.map((p) => [round7(p.lng), round7(p.lat)]);
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

/** A GeoJSON LineString through the vertices. */
export function lineGeoJson(latlngs) {
  return { type: 'LineString', coordinates: latlngs.map((p) => [round7(p.lng), round7(p.lat)]) };
}

/**
 * map: a Leaflet map whose container sits in wrap (the element that gets the classes
 * is-drawing, can-place and show-crosshair). kind: 'line' | 'area'.
 * onDone(geometry GeoJSON, latlngs) when the shape is finished; onState(state, vertices) with
 * state 'started' | 'vertex' | 'done' | 'cancelled' | 'tooFew' | 'tooMany'.
 * Returns { start, finish, cancel, undo, addVertex, isDrawing, vertices, setKind, kind, destroy }.
 */
export function createShapeTool(map, { kind: initialKind = 'area', wrap, onDone, onState }) {
  const container = map.getContainer();
  let kind = initialKind;
  let drawing = false;
  let hadCanPlace = false; // a page whose map already places points keeps doing so afterwards
  let vertices = [];
  const sketch = L.layerGroup().addTo(map);
  let guide = null;

  const near = (a, b, px) => map.latLngToContainerPoint(a).distanceTo(map.latLngToContainerPoint(b)) <= px;

  function redraw() {
    sketch.clearLayers();
    if (vertices.length > 1) L.polyline(vertices, { className: 'draw-line', interactive: false }).addTo(sketch);
    vertices.forEach((c, i) => {
      const marked = kind === 'area' ? i === 0 : i === vertices.length - 1;
      L.circleMarker(c, {
        radius: marked ? 9 : 6, className: marked ? 'draw-corner draw-corner--first' : 'draw-corner', interactive: false,
      }).addTo(sketch);
    });
    const last = vertices[vertices.length - 1];
    guide = last ? L.polyline([last, last], { className: 'draw-guide', interactive: false }).addTo(sketch) : null;
  }

  function addVertex(latlng) {
    if (!drawing) return;
    const last = vertices[vertices.length - 1];
    if (kind === 'area' && vertices.length >= MIN_VERTICES.area && near(vertices[0], latlng, CLOSE_PX)) {
      finish();
      return;
    }
    if (last && near(last, latlng, SAME_PX)) {
      // A tap on the last vertex again finishes a line; for an area it is a double click.
      if (kind === 'line' && vertices.length >= MIN_VERTICES.line) finish();
      return;
    }
    if (kind === 'line' && last && vertices.length >= MIN_VERTICES.line && near(last, latlng, CLOSE_PX)) {
      finish();
      return;
    }
    if (vertices.length >= MAX_VERTICES) {
      onState?.('tooMany', vertices.length);
      return;
    }
    vertices.push(L.latLng(latlng.lat, latlng.lng));
    redraw();
    onState?.('vertex', vertices.length);
  }

  function undo() {
    if (!drawing || !vertices.length) return false;
    vertices.pop();
    redraw();
    onState?.('vertex', vertices.length);
    return true;
  }

  function stop() {
    drawing = false;
    vertices = [];
    sketch.clearLayers();
    guide = null;
    wrap.classList.remove('is-drawing');
    if (!hadCanPlace) wrap.classList.remove('can-place');
    map.doubleClickZoom.enable();
  }

  function start() {
    if (drawing) return;
    drawing = true;
    hadCanPlace = wrap.classList.contains('can-place');
    vertices = [];
    map.closePopup();
    map.doubleClickZoom.disable(); // a double click adds vertices, it does not zoom
    wrap.classList.add('is-drawing', 'can-place');
    onState?.('started', 0);
  }

  function finish() {
    if (!drawing) return false;
    if (vertices.length < MIN_VERTICES[kind]) {
      onState?.('tooFew', vertices.length);
      return false;
    }
    const latlngs = vertices.slice();
    stop();
    onDone(kind === 'area' ? polygonGeoJson(latlngs) : lineGeoJson(latlngs), latlngs);
    onState?.('done', latlngs.length);
    return true;
  }

  function cancel() {
    if (!drawing) return;
    stop();
    onState?.('cancelled', 0);
  }

  const onClick = (e) => addVertex(e.latlng);
  const onMove = (e) => {
    if (drawing && guide) guide.setLatLngs([vertices[vertices.length - 1], e.latlng]);
  };
  map.on('click', onClick);
  map.on('mousemove', onMove);

  // The crosshair shows where Space puts a vertex: only while drawing, and only for keyboard users.
  const showCrosshair = (on) => wrap.classList.toggle('show-crosshair', on);
  let pointerDown = false;
  const onPointerDown = () => { pointerDown = true; showCrosshair(false); };
  const onPointerUp = () => { pointerDown = false; };
  const onFocus = () => showCrosshair(!pointerDown && drawing);
  const onBlur = () => showCrosshair(false);
  const onMapKey = (e) => {
    if (e.target !== container || !drawing) return;
    if (e.key === ' ' || e.key === 'Spacebar') {
      e.preventDefault();
      e.stopImmediatePropagation();
      showCrosshair(true);
      addVertex(map.getCenter());
    } else if (e.key === 'Backspace' && vertices.length) {
      e.preventDefault();
      undo();
    } else if (e.key.startsWith('Arrow')) {
      showCrosshair(true);
    }
  };
  // Enter and Escape work wherever the focus is, except where they have a meaning of their own.
  const onDocKey = (e) => {
    if (!drawing) return;
    const tag = e.target?.tagName;
    if (e.key === 'Escape') {
      e.preventDefault();
      cancel();
    } else if (e.key === 'Enter' && !['BUTTON', 'A', 'TEXTAREA', 'SELECT', 'INPUT'].includes(tag)) {
      e.preventDefault();
      e.stopImmediatePropagation();
      finish();
    }
  };
  container.addEventListener('pointerdown', onPointerDown);
  container.addEventListener('pointerup', onPointerUp);
  container.addEventListener('focus', onFocus);
  container.addEventListener('blur', onBlur);
  container.addEventListener('keydown', onMapKey);
  document.addEventListener('keydown', onDocKey, true);

  return {
    start,
    finish,
    cancel,
    undo,
    addVertex,
    isDrawing: () => drawing,
    vertices: () => vertices.length,
    kind: () => kind,
    /** Changes what is drawn next; a drawing under way is cancelled. */
    setKind(next) {
      if (next !== 'line' && next !== 'area') throw new Error(`unknown shape kind ${next}`);
      if (drawing) cancel();
      kind = next;
    },
    /** Removes the tool's layers and listeners. */
    destroy() {
      stop();
      sketch.remove();
      map.off('click', onClick);
      map.off('mousemove', onMove);
      container.removeEventListener('pointerdown', onPointerDown);
      container.removeEventListener('pointerup', onPointerUp);
      container.removeEventListener('focus', onFocus);
      container.removeEventListener('blur', onBlur);
      container.removeEventListener('keydown', onMapKey);
      document.removeEventListener('keydown', onDocKey, true);
    },
  };
}
