// The published lines and areas on the tiled map of a large dialogue (pin-tiles.js): the tiles
// give clusters and points only, so once the view is zoomed in far enough the shapes in it are
// asked for (GET /dialogues/{id}/shapes, newest first, capped) and drawn under the markers with
// the same look as on a small dialogue's map. A move asks again after a pause; an answer that a
// newer move has overtaken is aborted. A line or area opens its pin like the pin's marker does.
import { h } from './dom.js';
import { t, formatNumber } from './i18n.js';
import { shapeStyle } from './pin-shapes.js';

const L = window.L;
/** From this zoom (a few streets in view) the shapes are asked for. */
export const SHAPES_FROM_ZOOM = 14;
const LIMIT = 500;

/**
 * map: the page's map (map.js). load(query, signal) -> { shapes: [{ id, category, geometry }], capped }
 * where query is { bbox, zoom, categories, limit }. loadPin(id) -> feature; popupDetails(feature)
 * -> nodes. note: an element for "only the newest are shown" / "zoom in to see them"; hint: whether
 * to say "zoom in" at all (the dialogue takes lines or areas). Returns { setCategories(codes), refresh() }.
 */
export function tiledShapes(map, { load, loadPin, popupDetails, note, hint }) {
  const leaflet = map.leaflet;
  const layer = L.featureGroup().addTo(leaflet);
  let categories = [];
  let pending = null;
  let timer = null;

  function say(key, vars) {
    if (!note) return;
    if (!key) {
      note.hidden = true;
      delete note.dataset.i18n;
      note.textContent = '';
      return;
    }
    note.dataset.i18n = key;
    note.dataset.i18nVars = JSON.stringify(vars || {});
    note.textContent = t(key, vars);
    note.hidden = false;
  }

  function popup(id) {
    return async (e) => {
      try {
        const feature = await loadPin(id);
        const content = h('div', { class: 'pin-popup', tabindex: '-1' }, ...popupDetails(feature));
        content.addEventListener('keydown', (k) => { if (k.key === 'Escape') leaflet.closePopup(); });
        e.popup.setContent(content);
      } catch {
        e.popup.setContent(h('div', { class: 'pin-popup', i18n: 'map.pinLoadError' }));
      }
    };
  }

  function draw(shapes) {
    layer.clearLayers();
    for (const s of shapes) {
      const shape = L.geoJSON(s.geometry, { style: shapeStyle(s.category) });
      shape.bindPopup(() => h('div', { class: 'pin-popup', i18n: 'map.pinLoading' }), { maxWidth: 300, minWidth: 200 });
      shape.on('popupopen', popup(s.id));
      shape.addTo(layer);
    }
    layer.bringToBack();
  }

  async function refresh() {
    pending?.abort();
    pending = null;
    const zoom = Math.floor(leaflet.getZoom());
    if (zoom < SHAPES_FROM_ZOOM) {
      layer.clearLayers();
      say(hint ? 'map.shapesZoomIn' : null);
      return;
    }
    const b = leaflet.getBounds();
    const bbox = [Math.max(-180, b.getWest()), Math.max(-90, b.getSouth()), Math.min(180, b.getEast()), Math.min(90, b.getNorth())]
      .map((v) => v.toFixed(6)).join(',');
    const mine = new AbortController();
    pending = mine;
    let answer;
    try {
      answer = await load({ bbox, zoom, categories, limit: LIMIT }, mine.signal);
    } catch {
      return; // aborted by a newer move, or failed: the next move asks again, what is drawn stays
    }
    if (pending !== mine) return;
    pending = null;
    draw(answer.shapes || []);
    say(answer.capped ? 'map.shapesCapped' : null, { n: formatNumber(answer.shapes.length) });
  }

  leaflet.on('moveend', () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 250);
  });

  return {
    setCategories(codes) {
      categories = [...codes];
      return refresh();
    },
    refresh,
  };
}
