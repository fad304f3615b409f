// The two layers of places that hold pins: DBSCAN clusters (their hulls) and the Getis-Ord Gi*
// hexagons coloured by hot/cold class. A click on a hull or a hexagon (or on its line in the
// list under the layer's switch, for keyboard users) opens its pins in the side panel.
import { h } from './dom.js';
import { t, tn, label, formatNumber } from './i18n.js';
import { analysisGet, countText, countTn } from './analysis-api.js';

const $ = (id) => document.getElementById(id);

/** Hot/cold classes, hottest first, and their diverging colours (red hot, blue cold). */
export const HOTSPOT_CLASSES = [
  ['hot_99', '#b2182b'], ['hot_95', '#ef8a62'], ['hot_90', '#fddbc7'], ['not_significant', '#e8e8e3'],
  ['cold_90', '#d1e5f0'], ['cold_95', '#67a9cf'], ['cold_99', '#2166ac'],
];
const COLOUR = Object.fromEntries(HOTSPOT_CLASSES);
const LIST_MAX = 30;
/** Above this many hexagons they are painted on a canvas: thousands of SVG paths make panning stutter. */
const SVG_MAX = 3000;

function categoriesText(categories) {
  return Object.entries(categories || {}).sort((a, b) => b[1] - a[1])
    .map(([c, n]) => `${label('category', c)} ${countText(n)}`).join(', ');
}

/** Keyboard way in: the same places as buttons under the layer's switch. */
function renderList(id, items, summaryKey) {
  const box = document.querySelector(`.layer[data-layer=${id}]`);
  let list = box.querySelector('.layer__list');
  if (!items.length) {
    list?.remove();
    return;
  }
  if (!list) {
    list = h('details', { class: 'layer__list' }, h('summary', {}), h('ul', {}));
    box.append(list);
  }
  list.querySelector('summary').textContent = t(summaryKey, { n: formatNumber(items.length) });
  list.querySelector('ul').replaceChildren(...items.map((item) => h('li', {},
    h('button', { type: 'button', class: 'link-button', onclick: item.open }, item.text))));
}

function clearList(id) {
  document.querySelector(`.layer[data-layer=${id}] .layer__list`)?.remove();
}

export function clustersLayer(ctx) {
  const { L, map } = ctx;
  const group = L.featureGroup();
  let last = null;

  function select(f) {
    const p = f.properties;
    ctx.onSelect({
      kind: 'cluster',
      title: countTn('analysis.selection.cluster', p.pinCount, { id: p.clusterId }),
      detail: categoriesText(p.categories),
      pinIds: p.pinIds || [],
    });
  }

  function draw(data) {
    last = data;
    group.clearLayers();
    const features = data.features || [];
    L.geoJSON(features, {
      pane: ctx.pane('clusters'),
      style: () => ({ className: 'analysis-cluster', color: '#5b2a86', weight: 3, fillColor: '#8e5cc2', fillOpacity: 0.18 }),
      onEachFeature: (f, layer) => {
        layer.bindTooltip(() => h('span', {}, countTn('analysis.selection.cluster', f.properties.pinCount, { id: f.properties.clusterId })), { sticky: true });
        layer.on('click', () => select(f));
      },
    }).addTo(group);
    renderList('clusters', features.slice(0, LIST_MAX).map((f) => ({
      text: countTn('analysis.selection.cluster', f.properties.pinCount, { id: f.properties.clusterId }),
      open: () => select(f),
    })), 'analysis.clusters.list');
  }

  return {
    attach() { group.addTo(map); },
    detach() { group.remove(); },
    load(query, params, signal) {
      const q = new URLSearchParams(query);
      if (params.eps) q.set('eps', params.eps);
      if (params.minPoints) q.set('minPoints', params.minPoints);
      return analysisGet('/api/v1/analysis/clusters', q, signal);
    },
    draw,
    clear() { group.clearLayers(); clearList('clusters'); last = null; },
    bounds: () => (group.getLayers().length ? group.getBounds() : null),
    summary(data) {
      if (!data.features?.length) return countTn('analysis.clusters.none', data.pinCount);
      return t('analysis.clusters.summary', {
        clusters: tn('analysis.count.clusters', data.clusterCount ?? data.features.length),
        pins: countTn('analysis.count.pins', data.pinCount),
        noise: countText(data.noise?.count),
      });
    },
    refreshLanguage() { if (last) draw(last); },
  };
}

export function hotspotsLayer(ctx) {
  const { L, map } = ctx;
  const group = L.featureGroup();
  const canvas = L.canvas({ pane: ctx.pane('hotspots') });
  let last = null;

  function className(cls) {
    return label('analysis.hotspot.class', cls);
  }

  function select(f) {
    const p = f.properties;
    ctx.onSelect({
      kind: 'cell',
      title: countTn('analysis.selection.cell', p.count, { cls: className(p.class) }),
      detail: t('analysis.selection.cellStats', { z: Number(p.zScore ?? 0).toFixed(2), p: Number(p.pValue ?? 1).toPrecision(2) }),
      pinIds: p.pinIds || [],
    });
  }

  function legend(data) {
    const counts = {};
    for (const f of data.features || []) counts[f.properties.class] = (counts[f.properties.class] || 0) + 1;
    $('legend-hotspots-list').replaceChildren(...HOTSPOT_CLASSES.map(([cls, colour]) => h('li', { class: 'legend__item', 'data-class': cls },
      h('span', { class: 'legend__swatch', style: `background:${colour}`, 'aria-hidden': 'true' }),
      h('span', { class: 'legend__label' }, className(cls)),
      h('span', { class: 'legend__count' }, tn('analysis.legend.cells', counts[cls] || 0)))));
    // Why the scale is what it is (from the server, in both languages), what a hot spot means,
    // or why there is no test at all.
    const lang = document.documentElement.lang === 'en' ? 'en' : 'sv';
    const scale = $('legend-hotspots-scale');
    const meaning = $('legend-hotspots-meaning');
    if (data.outcome && data.outcome !== 'tested') {
      scale.textContent = data.message?.[lang] || '';
      meaning.textContent = '';
    } else if (data.scale) {
      scale.textContent = data.scale.explanation?.[lang] || '';
      meaning.textContent = t('analysis.hotspots.meaning');
    } else {
      scale.textContent = '';
      meaning.textContent = '';
    }
    const params = data.parameters || {};
    $('legend-hotspots-note').textContent = params.cellSize
      ? t('analysis.legend.hotspots.note', { cell: formatNumber(params.cellSize), band: formatNumber(params.distanceBand ?? params.cellSize * 2) })
      : '';
  }

  /** The study area the hexagons cover: a dashed outline, not clickable. */
  function outline(data) {
    if (!data.studyArea?.geometry) return;
    L.geoJSON(data.studyArea.geometry, {
      pane: ctx.pane('hotspots'), interactive: false,
      style: { className: 'analysis-study-area', color: '#1a1a1a', weight: 2, dashArray: '6 4', fill: false },
    }).addTo(group);
  }

  function draw(data) {
    last = data;
    group.clearLayers();
    const features = data.features || [];
    L.geoJSON(features, {
      pane: ctx.pane('hotspots'),
      renderer: features.length > SVG_MAX ? canvas : undefined,
      style: (f) => ({
        className: `analysis-hex analysis-hex--${f.properties.class}`,
        color: '#4d4d4d', weight: 0.5, fillColor: COLOUR[f.properties.class] || '#e8e8e3',
        fillOpacity: f.properties.class === 'not_significant' ? 0.35 : 0.75,
      }),
      onEachFeature: (f, layer) => {
        layer.bindTooltip(() => h('span', {}, countTn('analysis.selection.cell', f.properties.count, { cls: className(f.properties.class) })), { sticky: true });
        layer.on('click', () => select(f));
      },
    }).addTo(group);
    outline(data);
    legend(data);
    // Most pins first: an empty hexagon beside a dense one is hot too, but has nothing to list.
    const hot = features.filter((f) => f.properties.class?.startsWith('hot'))
      .sort((a, b) => (b.properties.count ?? 0) - (a.properties.count ?? 0) || (b.properties.zScore ?? 0) - (a.properties.zScore ?? 0));
    renderList('hotspots', hot.slice(0, LIST_MAX).map((f) => ({
      text: countTn('analysis.selection.cell', f.properties.count, { cls: className(f.properties.class) }),
      open: () => select(f),
    })), 'analysis.hotspots.list');
  }

  return {
    attach() { group.addTo(map); },
    detach() { group.remove(); },
    load(query, params, signal) {
      const q = new URLSearchParams(query);
      if (params.cellSize) q.set('cellSize', params.cellSize);
      return analysisGet('/api/v1/analysis/hotspots', q, signal);
    },
    draw,
    clear() { group.clearLayers(); clearList('hotspots'); legend({ features: [] }); last = null; },
    bounds: () => (group.getLayers().length ? group.getBounds() : null),
    summary(data) {
      if (data.outcome && data.outcome !== 'tested') return t('analysis.hotspots.untested', { pins: formatNumber(data.pinsAnalysed ?? 0) });
      const hot = (data.features || []).filter((f) => f.properties.class?.startsWith('hot')).length;
      const cold = (data.features || []).filter((f) => f.properties.class?.startsWith('cold')).length;
      return t('analysis.hotspots.summary', { places: tn('analysis.hotspots.places', data.hotPlaces ?? 0),
        hot: tn('analysis.count.hotHexagons', hot), cold: tn('analysis.count.coldHexagons', cold),
        pins: countTn('analysis.count.pins', data.pinsAnalysed !== undefined ? data.pinsAnalysed : data.pinCount) });
    },
    refreshLanguage() { if (last) draw(last); },
  };
}
