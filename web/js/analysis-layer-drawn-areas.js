// "Areas drawn" (GET /api/v1/analysis/drawn-areas): how many of the selection's drawn areas cover
// each place, as a grid over the view, shaded by count. Lines and points are not counted (a line
// or area also counts at its representative point in the pin layers). The legend says what a
// shade means, with the counts as text in a table.
import { h } from './dom.js';
import { tn } from './i18n.js';
import { analysisGet, countText, countTn } from './analysis-api.js';

const $ = (id) => document.getElementById(id);
const SHADES = ['#edf8fb', '#b3cde3', '#8c96c6', '#8856a7', '#810f7c'];

function shade(n, max) {
  if (max <= 1) return SHADES[SHADES.length - 1];
  return SHADES[Math.min(SHADES.length - 1, Math.floor(((n - 1) / max) * SHADES.length))];
}

export function drawnAreasLayer(ctx) {
  const { L, map } = ctx;
  const group = L.featureGroup();
  let last = null;

  function legend(data) {
    const max = data.max ?? 0;
    const steps = [...new Set(SHADES.map((_, i) => Math.max(1, Math.ceil(((i + 1) * max) / SHADES.length))))];
    $('legend-drawnAreas-list').replaceChildren(...(max
      ? steps.map((n) => h('li', { class: 'legend__item' },
        h('span', { class: 'legend__swatch', style: `background:${shade(n, max)}`, 'aria-hidden': 'true' }),
        h('span', { class: 'legend__label' }, tn('analysis.drawnAreas.upTo', n))))
      : [h('li', { class: 'hint', i18n: 'analysis.drawnAreas.none' })]));
  }

  function draw(data) {
    last = data;
    group.clearLayers();
    const [dx, dy] = data.cellSize || [0, 0];
    const max = data.max ?? 0;
    for (const [lon, lat, n] of data.cells || []) {
      L.rectangle([[lat - dy / 2, lon - dx / 2], [lat + dy / 2, lon + dx / 2]], {
        pane: ctx.pane('drawnAreas'), className: 'analysis-drawn-area', stroke: false,
        fillColor: shade(n, max), fillOpacity: 0.65,
      }).bindTooltip(() => h('span', {}, tn('analysis.drawnAreas.cell', n)), { sticky: true }).addTo(group);
    }
    legend(data);
  }

  return {
    followsView: true,
    attach() { group.addTo(map); },
    detach() { group.remove(); },
    load(query, params, signal) {
      const q = new URLSearchParams(query);
      const b = map.getBounds();
      if (b.isValid() && map.getZoom() >= 10) q.set('bbox', [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(6)).join(','));
      return analysisGet('/api/v1/analysis/drawn-areas', q, signal);
    },
    draw,
    clear() { group.clearLayers(); last = null; },
    bounds: () => (group.getLayers().length ? group.getBounds() : null),
    summary(data) {
      return data.areas === null ? countText(null) : countTn('analysis.drawnAreas.summary', data.areas);
    },
    refreshLanguage() { if (last) draw(last); },
  };
}
