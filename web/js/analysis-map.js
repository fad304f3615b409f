// The analysis map: one Leaflet map and the layers a planner switches on and off. Every layer is
// loaded for the current filters only while it is on, shows that it is working (a running clock
// beside its switch, aria-busy), is called off when the filters change again, and reports faults
// beside its own switch. The layers themselves live in analysis-layer-*.js.
import { leafletMap } from './map.js';
import { t } from './i18n.js';
import { isAbort, problemText } from './analysis-api.js';
import { pinsLayer, heatLayer } from './analysis-layer-pins.js';
import { clustersLayer, hotspotsLayer } from './analysis-layer-areas.js';
import { neighbourhoodsLayer } from './analysis-layer-neighbourhoods.js';
import { drawnAreasLayer } from './analysis-layer-drawn-areas.js';

const L = window.L;
const $ = (id) => document.getElementById(id);
const SWEDEN = { center: [62.5, 16.5], zoom: 5 };

export const LAYER_IDS = ['pins', 'clusters', 'hotspots', 'heat', 'neighbourhoods', 'drawnAreas'];

/**
 * opts: site, onSelect({kind, title, pinIds}), onFault(layerId, error) → true when the fault was
 * shown elsewhere (a filter field), params() → the layers' own inputs (eps, ...).
 */
export function createAnalysisMap(container, opts) {
  if (!L) return null;
  const { map } = leafletMap(container, opts, { mapOptions: { preferCanvas: false } });
  map.setView(SWEDEN.center, SWEDEN.zoom);
  // Order on the map, bottom to top: neighbourhoods, hexagons, heat, cluster hulls, pins.
  for (const [pane, z] of [['neighbourhoods', 380], ['drawnAreas', 385], ['hotspots', 390], ['heat', 400], ['clusters', 410], ['pins', 600]]) {
    map.createPane(`analysis-${pane}`).style.zIndex = String(z);
  }
  const ctx = { map, L, onSelect: (s) => opts.onSelect(s), pane: (id) => `analysis-${id}` };
  const layers = {
    pins: pinsLayer(ctx),
    clusters: clustersLayer(ctx),
    hotspots: hotspotsLayer(ctx),
    heat: heatLayer(ctx),
    neighbourhoods: neighbourhoodsLayer(ctx),
    drawnAreas: drawnAreasLayer(ctx),
  };
  const running = new Map(); // layer id → AbortController of its current load
  const lastQuery = new Map(); // layer id → the filters it was last loaded for
  const shown = new Set();
  const said = new Map(); // layer id → () => its status text, said again after a language switch
  let fitted = false;

  function status(id, text, { busy = false, error = false } = {}) {
    const el = $(`layer-${id}-status`);
    el.textContent = text;
    el.classList.toggle('is-error', error);
    el.classList.toggle('is-busy', busy);
    const box = el.closest('.layer');
    if (busy) box.setAttribute('aria-busy', 'true'); else box.removeAttribute('aria-busy');
    for (const input of box.querySelectorAll('.layer__params input')) input.disabled = busy;
    const anyBusy = [...running.keys()].length > 0;
    if (anyBusy) $('map-wrap').setAttribute('aria-busy', 'true'); else $('map-wrap').removeAttribute('aria-busy');
  }

  /** Loads one layer for the query; the clock shows how long the server has been computing. */
  async function load(id, query) {
    lastQuery.set(id, query);
    running.get(id)?.abort();
    const controller = new AbortController();
    running.set(id, controller);
    const started = performance.now();
    const tick = () => status(id, t(`analysis.layer.loading.${id}`, { s: Math.round((performance.now() - started) / 1000) }), { busy: true });
    tick();
    const clock = setInterval(tick, 1000);
    try {
      const data = await layers[id].load(query, opts.params(), controller.signal);
      if (controller.signal.aborted) return;
      layers[id].draw(data);
      $(`legend-${id}`)?.removeAttribute('hidden');
      said.set(id, () => status(id, layers[id].summary(data)));
      said.get(id)();
      fit(layers[id].bounds?.());
    } catch (e) {
      if (isAbort(e) || controller.signal.aborted) return;
      layers[id].clear();
      $(`legend-${id}`)?.setAttribute('hidden', ''); // a legend of nothing would mislead
      const placed = opts.onFault(id, e);
      said.set(id, () => status(id, placed ? t('analysis.layer.seeField') : problemText(e), { error: true }));
      said.get(id)();
    } finally {
      clearInterval(clock);
      if (running.get(id) === controller) {
        running.delete(id);
        const el = $(`layer-${id}-status`);
        el.classList.remove('is-busy');
        el.closest('.layer').removeAttribute('aria-busy');
        for (const input of el.closest('.layer').querySelectorAll('.layer__params input')) input.disabled = false;
        if (!running.size) $('map-wrap').removeAttribute('aria-busy');
      }
    }
  }

  // Layers that read only the view (pins, heat) load again once the map has come to rest.
  let moved = null;
  map.on('moveend', () => {
    clearTimeout(moved);
    moved = setTimeout(() => {
      for (const id of shown) if (layers[id].followsView && lastQuery.has(id)) load(id, lastQuery.get(id));
    }, 250);
  });

  /** The first layer with something in it frames the view; later loads leave the view alone. */
  function fit(bounds) {
    if (fitted || !bounds?.isValid?.()) return;
    fitted = true;
    map.fitBounds(bounds, { padding: [16, 16], maxZoom: 16 });
  }

  return {
    leaflet: map,
    /** Switches a layer on (and loads it) or off (and forgets it). */
    show(id, on, query) {
      if (on) {
        shown.add(id);
        layers[id].attach();
        $(`legend-${id}`)?.removeAttribute('hidden');
        return load(id, query);
      }
      shown.delete(id);
      running.get(id)?.abort();
      running.delete(id);
      layers[id].clear();
      layers[id].detach();
      said.delete(id);
      $(`legend-${id}`)?.setAttribute('hidden', '');
      status(id, '');
      return Promise.resolve();
    },
    reload(id, query) { return load(id, query); },
    /** Frames a dialogue's study area when one is chosen; the next data load may not move it. */
    frame(geometry) {
      if (!geometry) { fitted = false; return; }
      const bounds = L.geoJSON(geometry).getBounds();
      if (bounds.isValid()) {
        map.fitBounds(bounds, { padding: [12, 12] });
        fitted = true;
      }
    },
    refreshLanguage() {
      for (const layer of Object.values(layers)) layer.refreshLanguage?.();
      for (const [id, say] of said) if (!running.has(id)) say();
    },
    invalidate() { map.invalidateSize(); },
  };
}
