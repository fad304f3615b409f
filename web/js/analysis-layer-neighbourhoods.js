// Neighbourhoods shaded by pins per 1,000 inhabitants (GET /api/v1/analysis/neighbourhoods): five
// classes with breaks at the quantiles of the values, so that each shade holds about as many
// neighbourhoods; one without a population figure is drawn hatched grey and says so, and one
// outside the selection's study area is only outlined, "not part of this dialogue" (never a 0).
// The legend lists the classes and how they were made, and a table gives every figure as text.
import { h } from './dom.js';
import { t, tn, formatNumber } from './i18n.js';
import { analysisGet, countText, countTn } from './analysis-api.js';

const $ = (id) => document.getElementById(id);
const SHADES = ['#fef0d9', '#fdcc8a', '#fc8d59', '#e34a33', '#b30000'];
const NO_POPULATION = '#bdbdbd';
const inArea = (f) => f.properties.inStudyArea !== false;

function one(n) {
  return new Intl.NumberFormat(document.documentElement.lang === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 1 }).format(n);
}

/** Upper class limits: quantiles of the distinct values, at most five classes. */
export function breaks(values) {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  if (!sorted.length) return [];
  const n = Math.min(SHADES.length, sorted.length);
  const out = [];
  for (let i = 1; i <= n; i += 1) out.push(sorted[Math.min(sorted.length - 1, Math.ceil((i * sorted.length) / n) - 1)]);
  return [...new Set(out)];
}

/** The first class starts at 0 (just "0" when that is all it holds); the others above the last limit. */
function rangeText(limits, i) {
  if (i === 0) return limits[0] === 0 ? one(0) : t('analysis.neighbourhoods.range', { from: one(0), to: one(limits[0]) });
  return t('analysis.neighbourhoods.rangeAbove', { from: one(limits[i - 1]), to: one(limits[i]) });
}

function shade(value, limits) {
  if (value == null) return NO_POPULATION;
  const i = limits.findIndex((limit) => value <= limit);
  const at = i < 0 ? limits.length - 1 : i;
  // Spread fewer classes over the whole ramp, so two classes are light and dark, not two lights.
  const step = limits.length > 1 ? (SHADES.length - 1) / (limits.length - 1) : 0;
  return SHADES[Math.round(at * step)];
}

export function neighbourhoodsLayer(ctx) {
  const { L, map } = ctx;
  const group = L.featureGroup();
  let last = null;

  function legend(features, limits) {
    const items = limits.map((limit, i) => h('li', { class: 'legend__item' },
      h('span', { class: 'legend__swatch', style: `background:${shade(limit, limits)}`, 'aria-hidden': 'true' }),
      h('span', { class: 'legend__label' }, rangeText(limits, i))));
    if (features.some((f) => inArea(f) && f.properties.per1000 == null)) {
      items.push(h('li', { class: 'legend__item' },
        h('span', { class: 'legend__swatch legend__swatch--none', 'aria-hidden': 'true' }),
        h('span', { class: 'legend__label', i18n: 'analysis.neighbourhoods.noPopulation' })));
    }
    if (features.some((f) => !inArea(f))) {
      items.push(h('li', { class: 'legend__item' },
        h('span', { class: 'legend__swatch legend__swatch--outside', 'aria-hidden': 'true' }),
        h('span', { class: 'legend__label', i18n: 'analysis.neighbourhoods.outside' })));
    }
    if (!features.length) items.push(h('li', { class: 'hint', i18n: 'analysis.neighbourhoods.none' }));
    else if (limits.length) items.push(h('li', { class: 'hint' }, tn('analysis.neighbourhoods.classes', limits.length)));
    $('legend-neighbourhoods-list').replaceChildren(...items);
    const rows = [...features].sort((a, b) => (b.properties.per1000 ?? -1) - (a.properties.per1000 ?? -1));
    $('neighbourhood-table').replaceChildren(h('table', { class: 'data-table' },
      h('caption', { class: 'visually-hidden', i18n: 'analysis.legend.neighbourhoods' }),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col', i18n: 'analysis.table.neighbourhood' }),
        h('th', { scope: 'col', class: 'num', i18n: 'analysis.table.pins' }),
        h('th', { scope: 'col', class: 'num', i18n: 'analysis.table.population' }),
        h('th', { scope: 'col', class: 'num', i18n: 'analysis.table.per1000' }))),
      h('tbody', {}, rows.map((f) => h('tr', {},
        h('th', { scope: 'row' }, f.properties.name ?? f.properties.code ?? ''),
        h('td', { class: 'num' }, countText(f.properties.pinCount)),
        h('td', { class: 'num' }, f.properties.population != null ? formatNumber(f.properties.population) : '–'),
        h('td', { class: 'num' }, !inArea(f) ? t('analysis.neighbourhoods.outsideShort')
          : f.properties.per1000 != null ? one(f.properties.per1000) : '–'))))));
  }

  function popup(p) {
    return h('div', { class: 'pin-popup' },
      h('p', {}, h('strong', {}, p.name ?? p.code ?? '')),
      h('p', {}, countTn('analysis.neighbourhoods.popup', p.pinCount, {
        per1000: p.inStudyArea === false ? t('analysis.neighbourhoods.outsideShort') : p.per1000 != null ? one(p.per1000) : '–',
        population: p.population != null ? formatNumber(p.population) : '–',
      })));
  }

  function draw(data) {
    last = data;
    group.clearLayers();
    const features = data.features || [];
    const limits = breaks(features.filter(inArea).map((f) => f.properties.per1000).filter((v) => v != null));
    L.geoJSON(features, {
      pane: ctx.pane('neighbourhoods'),
      style: (f) => (inArea(f)
        ? {
          className: `analysis-neighbourhood${f.properties.per1000 == null ? ' analysis-neighbourhood--none' : ''}`,
          color: '#5a4a3a', weight: 1.5, fillColor: shade(f.properties.per1000, limits), fillOpacity: 0.6,
        }
        : { className: 'analysis-neighbourhood analysis-neighbourhood--outside', color: '#5a4a3a', weight: 1, dashArray: '4 4', fillOpacity: 0 }),
      onEachFeature: (f, layer) => {
        // A node, not a string: Leaflet inserts tooltip strings as HTML, and names come from uploaded files.
        layer.bindTooltip(() => h('span', {}, f.properties.name ?? f.properties.code ?? ''), { sticky: true });
        layer.bindPopup(() => popup(f.properties));
      },
    }).addTo(group);
    legend(features, limits);
  }

  return {
    attach() { group.addTo(map); },
    detach() { group.remove(); },
    load: (query, params, signal) => analysisGet('/api/v1/analysis/neighbourhoods', query, signal),
    draw,
    clear() { group.clearLayers(); last = null; },
    bounds: () => (group.getLayers().length ? group.getBounds() : null),
    summary(data) {
      const n = data.features?.length ?? 0;
      return n ? tn('analysis.neighbourhoods.summary', n) : t('analysis.neighbourhoods.none');
    },
    refreshLanguage() { if (last) draw(last); },
  };
}
