// The heat map: no heat-map plugin is published as a webjar, so this small Leaflet layer draws one
// on a canvas. Each point ([lat, lon] or [lat, lon, how many pins]) adds a soft blurred disc to an intensity image (alpha only), and the
// intensity is then coloured through a ramp from transparent blue over green and yellow to red.
// The disc radius grows with the zoom so that the picture keeps its meaning when zooming in; the
// intensity is scaled to the densest spot in view, as heat maps usually are.

/** Colour ramp stops (intensity 0..1) shared with the legend in analysis.css (.heat-ramp). */
export const HEAT_RAMP = [[0.0, '#2c7bb6'], [0.35, '#00a6ca'], [0.55, '#90eb9d'], [0.75, '#f9d057'], [0.9, '#f29e2e'], [1.0, '#d7191c']];

function rampPixels() {
  const canvas = document.createElement('canvas');
  canvas.width = 256;
  canvas.height = 1;
  const g = canvas.getContext('2d');
  const gradient = g.createLinearGradient(0, 0, 256, 0);
  for (const [stop, colour] of HEAT_RAMP) gradient.addColorStop(stop, colour);
  g.fillStyle = gradient;
  g.fillRect(0, 0, 256, 1);
  return g.getImageData(0, 0, 256, 1).data;
}

/** A blurred disc of the given radius, drawn once and stamped for every pin. */
function stamp(radius) {
  const size = radius * 2;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const g = canvas.getContext('2d');
  const gradient = g.createRadialGradient(radius, radius, 0, radius, radius, radius);
  gradient.addColorStop(0, 'rgba(0,0,0,1)');
  gradient.addColorStop(1, 'rgba(0,0,0,0)');
  g.fillStyle = gradient;
  g.fillRect(0, 0, size, size);
  return canvas;
}

export function createHeatLayer(L, { pane }) {
  const ramp = rampPixels();
  const stamps = new Map();
  let points = [];

  const Heat = L.Layer.extend({
    onAdd(map) {
      this._map = map;
      this._canvas = L.DomUtil.create('canvas', 'analysis-heat leaflet-zoom-hide');
      this._canvas.setAttribute('aria-hidden', 'true');
      map.getPane(pane).appendChild(this._canvas);
      map.on('moveend zoomend resize', this._redraw, this);
      this._redraw();
    },
    onRemove(map) {
      map.off('moveend zoomend resize', this._redraw, this);
      this._canvas.remove();
      this._canvas = null;
    },
    _redraw() {
      const map = this._map;
      if (!map || !this._canvas) return;
      const size = map.getSize();
      const canvas = this._canvas;
      canvas.width = size.x;
      canvas.height = size.y;
      L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
      const g = canvas.getContext('2d', { willReadFrequently: true });
      g.clearRect(0, 0, size.x, size.y);
      if (!points.length || !size.x || !size.y) return;
      const radius = Math.max(8, Math.min(40, Math.round(4 + (map.getZoom() - 10) * 3)));
      if (!stamps.has(radius)) stamps.set(radius, stamp(radius));
      const disc = stamps.get(radius);
      // Sum the discs on a grid of cells first, so that the densest cell sets the scale.
      const cell = Math.max(2, Math.round(radius / 3));
      const cols = Math.ceil(size.x / cell) + 1;
      const sums = new Map();
      let max = 0;
      for (const [lat, lon, weight = 1] of points) {
        const p = map.latLngToContainerPoint([lat, lon]);
        if (p.x < -radius || p.y < -radius || p.x > size.x + radius || p.y > size.y + radius) continue;
        const key = Math.round(p.y / cell) * cols + Math.round(p.x / cell);
        const n = (sums.get(key) || 0) + weight;
        sums.set(key, n);
        if (n > max) max = n;
      }
      // Scale on a square root, so that one dense square does not hide every other spot.
      const top = Math.sqrt(max) * 1.2;
      for (const [key, n] of sums) {
        const x = (key % cols) * cell;
        const y = Math.floor(key / cols) * cell;
        g.globalAlpha = Math.min(1, Math.max(0.05, Math.sqrt(n) / top));
        g.drawImage(disc, x - radius, y - radius);
      }
      g.globalAlpha = 1;
      const image = g.getImageData(0, 0, size.x, size.y);
      const px = image.data;
      for (let i = 3; i < px.length; i += 4) {
        const a = px[i];
        if (!a) continue;
        const j = a * 4;
        px[i - 3] = ramp[j];
        px[i - 2] = ramp[j + 1];
        px[i - 1] = ramp[j + 2];
        px[i] = Math.min(255, 60 + a * 0.75);
      }
      g.putImageData(image, 0, 0);
    },
  });

  const layer = new Heat();
  layer.setPoints = (list) => {
    points = list;
    layer._redraw();
  };
  return layer;
}
