// Two layers drawn from the same filtered pins (GET /api/v1/analysis/pins): the pins themselves,
// grouped by markercluster so that thousands stay readable, and the heat map
// (analysis-heat.js). Both ask for the same answer, so it is fetched once per filter.
import { h } from './dom.js';
import { t, tn, label, formatDate, formatNumber } from './i18n.js';
import { analysisGet } from './analysis-api.js';
import { createHeatLayer } from './analysis-heat.js';

const LIMIT = 20000;
let shared = null; // { key, promise }: the pins of the last filter asked for
let only = null; // a Set of pin ids the pin layer is narrowed to (a theme), or null for all
let redrawPins = null;

/**
 * The filter's pins; a second layer asking for the same filter shares the first one's answer.
 * Not called off with either layer (the other may still want it): a stale answer is dropped by
 * the layer that asked, see analysis-map.js.
 */
function fetchPins(query) {
  const q = new URLSearchParams(query);
  q.set('limit', String(LIMIT));
  const key = q.toString();
  if (shared?.key === key) return shared.promise;
  const promise = analysisGet('/api/v1/analysis/pins', q);
  shared = { key, promise };
  promise.catch(() => { if (shared?.promise === promise) shared = null; });
  return promise;
}

function countText(data) {
  const shown = data.features?.length ?? 0;
  if (data.truncated) return t('analysis.pins.truncated', { shown: formatNumber(shown), total: formatNumber(data.total ?? shown) });
  return tn('analysis.pins.count', shown);
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
  let bounds = null;
  let last = null;
  const layer = {
    attach() { group.addTo(map); },
    detach() { group.remove(); },
    load: (query) => fetchPins(query),
    draw(data) {
      last = data;
      group.clearLayers();
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
    clear() { group.clearLayers(); bounds = null; last = null; },
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
    attach() { heat.addTo(ctx.map); },
    detach() { heat.remove(); },
    load: (query) => fetchPins(query),
    draw(data) {
      const points = (data.features || []).map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]);
      heat.setPoints(points);
      bounds = points.length ? ctx.L.latLngBounds(points) : null;
    },
    clear() { heat.setPoints([]); bounds = null; },
    bounds: () => bounds,
    summary: (data) => (data.masked ? t('analysis.pins.masked') : data.features?.length ? `${countText(data)} ${t('analysis.heat.note')}` : tn('analysis.pins.count', 0)),
  };
}

/** After a change to pins (a reply with a new status), the next load asks the server again. */
export function forgetPins() {
  shared = null;
}
