// The map of the dialogue form: the study area's parts, the polygon tool (polygon-draw.js) to
// draw another part, and a mark where the server found the area at fault. Returns null when
// Leaflet did not load; the area can then still be uploaded as a file.
import { t } from './i18n.js';
import { leafletMap } from './map.js';
import { createPolygonTool } from './polygon-draw.js';

const L = window.L;
const SWEDEN = { center: [62.5, 16.5], zoom: 5 };

/** opts: site, onDrawn(polygon GeoJSON), onDrawState(state, corners), onTilesFailed(). */
export function createStudyAreaMap(container, opts) {
  if (!L) return null;
  const wrap = container.parentElement;
  const { map, zoom } = leafletMap(container, opts);
  map.setView(SWEDEN.center, SWEDEN.zoom);

  let areaLayer = null;
  let contextLayer = null;
  let problem = null;
  const tool = createPolygonTool(map, {
    wrap,
    onClosed: (polygon) => opts.onDrawn(polygon),
    onState: (state, corners) => opts.onDrawState?.(state, corners),
  });

  /** The area when there is one; else the other dialogues' areas, to find one's way without tiles. */
  function fit() {
    const bounds = [areaLayer, contextLayer].map((l) => l?.getBounds()).find((b) => b?.isValid());
    if (bounds) map.fitBounds(bounds, { padding: [16, 16], maxZoom: 17 });
    else map.setView(SWEDEN.center, SWEDEN.zoom);
  }

  return {
    /** Shows the parts (GeoJSON Polygon coordinates); fit: frame them. */
    setParts(parts, { fit: frame = false } = {}) {
      areaLayer?.remove();
      areaLayer = null;
      if (parts.length) {
        const geometry = { type: 'MultiPolygon', coordinates: parts };
        areaLayer = L.geoJSON(geometry, { interactive: false, style: { className: 'study-area-part', weight: 3 } }).addTo(map);
      }
      if (frame) fit();
    },
    /** The other dialogues' areas (GeoJSON geometries), faint, for orientation. */
    setContext(geometries) {
      contextLayer?.remove();
      contextLayer = geometries.length ? L.featureGroup(geometries.map((g) => L.geoJSON(g, {
        interactive: false, style: { className: 'study-area-context', fill: false, weight: 2 },
      }))).addTo(map) : null;
      contextLayer?.bringToBack();
    },
    fit,
    /** A mark where the server found the fault, or none (null). */
    showProblem(point) {
      problem?.remove();
      problem = null;
      if (!point) return;
      problem = L.circleMarker([point.lat, point.lon], { radius: 11, className: 'area-problem', interactive: false }).addTo(map);
      map.setView([point.lat, point.lon], Math.max(map.getZoom(), 15), { animate: false });
    },
    startDrawing: () => tool.start(),
    finishDrawing: () => tool.finish(),
    cancelDrawing: () => tool.cancel(),
    undoCorner: () => tool.undo(),
    isDrawing: () => tool.isDrawing(),
    corners: () => tool.corners(),
    /** After the box changed size (a hidden form shown, a layout change). */
    resize: () => map.invalidateSize(),
    focus: () => container.focus({ preventScroll: true }),
    refreshLanguage() {
      for (const [cls, key] of [['.leaflet-control-zoom-in', 'map.zoomIn'], ['.leaflet-control-zoom-out', 'map.zoomOut']]) {
        const button = zoom.getContainer().querySelector(cls);
        button.title = t(key);
        button.setAttribute('aria-label', t(key));
      }
    },
  };
}
