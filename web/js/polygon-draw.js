// Drawing one polygon on a Leaflet map, by pointer or by keyboard: the area kind of
// shape-draw.js under the name and callbacks the moderation map (tick the pins in an area) and
// the study area map of dialogue administration (an area of one or more parts) were built on.
import { createShapeTool, polygonGeoJson } from './shape-draw.js';

export { polygonGeoJson };

/**
 * map: a Leaflet map whose container sits in wrap. onClosed(polygon GeoJSON, latlngs) when an
 * area is closed; onState(state, corners) with state 'started' | 'corner' | 'closed' |
 * 'cancelled' | 'tooFew'.
 */
export function createPolygonTool(map, { wrap, onClosed, onState }) {
  const names = { vertex: 'corner', done: 'closed' };
  const tool = createShapeTool(map, {
    kind: 'area',
    wrap,
    onDone: onClosed,
    onState: (state, n) => onState?.(names[state] ?? state, n),
  });
  return {
    start: tool.start,
    finish: tool.finish,
    cancel: tool.cancel,
    undo: tool.undo,
    addCorner: tool.addVertex,
    isDrawing: tool.isDrawing,
    corners: tool.vertices,
  };
}
