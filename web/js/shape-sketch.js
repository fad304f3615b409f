// A drawn line or area as a small SVG sketch, for pages without a map (the receipt): the shape
// alone, scaled to fit, north up, with its kind and size in words for screen readers.
import { t, tn } from './i18n.js';

const NS = 'http://www.w3.org/2000/svg';
const SIZE = 160;
const PAD = 8;

function el(tag, attrs) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** geometry: GeoJSON LineString or Polygon in lon/lat. Returns an <svg role="img">, or null. */
export function shapeSketch(geometry) {
  const line = geometry?.type === 'LineString';
  const positions = line ? geometry.coordinates : geometry?.type === 'Polygon' ? geometry.coordinates[0] : null;
  if (!positions?.length) return null;
  const midLat = positions.reduce((s, p) => s + p[1], 0) / positions.length;
  const k = Math.cos((midLat * Math.PI) / 180); // metres per degree of longitude shrink northwards
  const xs = positions.map((p) => p[0] * k);
  const ys = positions.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = (SIZE - 2 * PAD) / Math.max(maxX - minX, maxY - minY, 1e-9);
  const points = positions.map((p, i) => `${(PAD + (xs[i] - minX) * scale).toFixed(1)},${(PAD + (maxY - ys[i]) * scale).toFixed(1)}`);
  const vertices = line ? positions.length : positions.length - 1;
  const svg = el('svg', { class: `shape-sketch shape-sketch--${line ? 'line' : 'area'}`, viewBox: `0 0 ${SIZE} ${SIZE}`,
    width: SIZE, height: SIZE, role: 'img' });
  svg.setAttribute('aria-label', `${t(line ? 'shape.chosen.line' : 'shape.chosen.area')} ${tn('shape.state.vertices', vertices)}`);
  svg.dataset.shape = geometry.type;
  svg.append(el(line ? 'polyline' : 'polygon', { points: points.join(' '), 'stroke-width': 3 }));
  return svg;
}
