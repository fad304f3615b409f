// Two layers drawn from the filtered pins in the map's view: the pins themselves and the heat map
// (analysis-heat.js). Both follow the view (analysis-map.js loads them again after a move), so a
// dialogue of a million pins costs what is on screen: the heat map is drawn from the view's grid
// of exact counts (GET /api/v1/analysis/pins/grid); the pin layer shows the view's pins one by one
// (GET /api/v1/analysis/pins with bbox, grouped by markercluster) while there are at most
// VIEW_LIMIT of them, and above that the grid's cells as groups with their counts, which zoom in
// when chosen.
import { h } from './dom.js';
import { t, tn, label, formatDate, formatNumber } from './i18n.js';
import { analysisGet } from './analysis-api.js';
import { createHeatLayer } from './analysis-heat.js';
import { clickOnEnter } from './pin-tiles.js';

const VIEW_LIMIT = 3000;
const GROUP_CELL_PX = 64;
const HEAT_CELL_PX = 16;
let only = null; // a Set of pin ids the pin layer is narrowed to (a theme), or null for all
let redrawPins = null;

/** The filter plus the map's view: its box (clamped to the world) and zoom. */
export function inView(map, query, extra = {}) {
  const q = new URLSearchParams(query);
  const b = map.getBounds();
  const clamp = (v, lim) => Math.max(-lim, Math.min(lim, v)).toFixed(6);
  q.set('bbox', [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)].join(','));
  for (const [k, v] of Object.entries(extra)) q.set(k, String(v));
  return q;
}

function grid(map, query, cell, signal) {
  return analysisGet('/api/v1/analysis/pins/grid', inView(map, query, { zoom: Math.round(map.getZoom()), cell }), signal);
}

/** The view's pins one by one when there are few enough, else the view's groups. */
async function pinsInView(map, query, signal) {
  const groups = await grid(map, query, GROUP_CELL_PX, signal);
  if (groups.total == null || groups.total > VIEW_LIMIT) return { mode: 'groups', ...groups };
  const pins = await analysisGet('/api/v1/analysis/pins', inView(map, query, { limit: VIEW_LIMIT }), signal);
  return { mode: 'pins', ...pins };
}

function countText(data) {
  if (data.mode === 'groups') return tn('analysis.pins.grouped', data.total ?? 0);
  const shown = data.features?.length ?? 0;
  if (data.truncated) return tn('analysis.pins.truncated', data.total ?? shown, { shown: formatNumber(shown) });
  return tn('analysis.pins.count', shown);
}

function groupIcon(n) {
  const size = n < 100 ? 'small' : n < 1000 ? 'medium' : 'large';
  return window.L.divIcon({
    className: `marker-cluster marker-cluster-${size} analysis-group`,
    html: h('div', {}, h('span', {}, formatNumber(n))),
    iconSize: [40, 40],
  });
}

/** What a pin says in its popup: category, date, status and the text, all as text nodes. */
export function pinSummary(p) {
  return [
    h('p', { class: 'analysis-pin__head' }, h('strong', {}, label('category', p.category)), ` #${p.id}`),
    h('p', { class: 'hint' }, [formatDate(p.createdAt, true), p.status ? label('pinStatus', p.status) : null,
      p.source ? label('staff.source', p.source) : null].filter(Boolean).join(' · ')),
    p.subtags?.length ? h('p', { class: 'hint' }, p.subtags.map((s) => label('subtag', s)).join(', ')) : null,
    p.text != null ? h('p', { class: 'user-text' }, p.text) : null,
  ];
}

export function pinsLayer(ctx) {
  const { L, map } = ctx;
  const group = L.markerClusterGroup
    ? L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40, chunkedLoading: true, clusterPane: ctx.pane('pins') })
    : L.featureGroup();
  const groups = L.featureGroup();
  let bounds = null;
  let last = null;

  function drawGroups(data) {
    const markers = (data.cells || []).map(([lon, lat, n]) => {
      const title = tn('analysis.pins.group', n);
      const marker = clickOnEnter(L.marker([lat, lon], { icon: groupIcon(n), title, keyboard: true, pane: ctx.pane('pins') }));
      marker.on('click', () => map.setView([lat, lon], Math.min(map.getZoom() + 2, 19)));
      return marker;
    });
    markers.forEach((m) => groups.addLayer(m));
    bounds = markers.length ? L.latLngBounds(markers.map((m) => m.getLatLng())) : null;
  }

  const layer = {
    followsView: true,
    attach() { group.addTo(map); groups.addTo(map); },
    detach() { group.remove(); groups.remove(); },
    load: (query, params, signal) => pinsInView(map, query, signal),
    draw(data) {
      last = data;
      group.clearLayers();
      groups.clearLayers();
      if (data.mode === 'groups') {
        drawGroups(data);
        return;
      }
      const features = (data.features || []).filter((f) => !only || only.has(f.properties.id));
      const markers = features.map((f) => {
        const [lon, lat] = f.geometry.coordinates;
        const p = f.properties;
        const marker = L.circleMarker([lat, lon], {
          pane: ctx.pane('pins'), radius: 6, weight: 2, color: '#fff', fillOpacity: 0.95,
          className: `analysis-pin analysis-pin--${p.category}`,
        });
        marker.bindPopup(() => h('div', { class: 'pin-popup' }, ...pinSummary(p)), { maxWidth: 300 });
        return marker;
      });
      if (group.addLayers) group.addLayers(markers); else markers.forEach((m) => group.addLayer(m));
      bounds = markers.length ? L.latLngBounds(markers.map((m) => m.getLatLng())) : null;
    },
    clear() { group.clearLayers(); groups.clearLayers(); bounds = null; last = null; },
    bounds: () => bounds,
    summary: countText,
  };
  redrawPins = () => { if (last) layer.draw(last); };
  return layer;
}

/** Narrows the pin layer to these pin ids (a theme's, analysis-themes.js), or shows all again (null). */
export function showOnlyPins(ids) {
  only = ids ? new Set(ids) : null;
  redrawPins?.();
}

export function heatLayer(ctx) {
  const heat = createHeatLayer(ctx.L, { pane: ctx.pane('heat') });
  let bounds = null;
  return {
    followsView: true,
    attach() { heat.addTo(ctx.map); },
    detach() { heat.remove(); },
    load: (query, params, signal) => grid(ctx.map, query, HEAT_CELL_PX, signal),
    draw(data) {
      const points = (data.cells || []).map(([lon, lat, n]) => [lat, lon, n]);
      heat.setPoints(points);
      bounds = points.length ? ctx.L.latLngBounds(points.map(([lat, lon]) => [lat, lon])) : null;
    },
    clear() { heat.setPoints([]); bounds = null; },
    bounds: () => bounds,
    summary: (data) => (data.masked ? t('analysis.pins.masked') : data.total
      ? `${tn('analysis.heat.count', data.total)} ${t('analysis.heat.note')}` : tn('analysis.pins.count', 0)),
  };
}

