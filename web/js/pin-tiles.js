// The public map's pins for a large dialogue, read tile by tile from the server: a cluster with
// its exact count per grid cell, and single pins where a cell holds only a few. Only the tiles in
// view are asked for; the browser keeps each answer and revalidates it by its ETag, so panning
// back costs a 304. A click on a cluster zooms to it; at the deepest zoom it lists its pins.
import { h } from './dom.js';
import { tn, formatNumber } from './i18n.js';

const L = window.L;
const TILE_PX = 256;
export const MAX_CLUSTER_ZOOM = 18;

/**
 * A marker that is a button: Enter or Space on it (focused) does what a click does. Leaflet's own
 * keyboard handling only opens a bound popup on Enter, so a cluster without one would be dead to
 * the keyboard.
 */
export function clickOnEnter(marker) {
  marker.on('add', () => {
    const el = marker.getElement();
    if (!el || el.dataset.enter) return;
    el.dataset.enter = 'click';
    el.setAttribute('role', 'button');
    el.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      marker.fire('click', { latlng: marker.getLatLng(), originalEvent: e });
    });
  });
  return marker;
}

function clusterIcon(n) {
  const size = n < 100 ? 40 : n < 10000 ? 48 : 56;
  return L.divIcon({
    className: 'pin-cluster pin-cluster--server',
    html: h('span', {}, h('span', { 'aria-hidden': 'true' }, formatNumber(n)),
      h('span', { class: 'visually-hidden' }, tn('map.cluster', n))),
    iconSize: [size, size],
  });
}

/**
 * map: a Leaflet map; tileUrl(z, x, y, categories) the answer's address; pinMarker(pin) a marker
 * for a single pin ({id, lon, lat, category}); onCount(n) the pins in view (whole cells, so
 * "about"); onListCell(bounds) when a cluster at the deepest zoom is chosen.
 */
export function tiledPins(map, { tileUrl, pinMarker, onCount, onListCell }) {
  const layer = L.layerGroup().addTo(map);
  let categories = [];
  let generation = 0;

  function tilesInView() {
    const z = Math.max(0, Math.min(22, Math.floor(map.getZoom())));
    const bounds = map.getBounds();
    const nw = map.project(bounds.getNorthWest(), z).divideBy(TILE_PX).floor();
    const se = map.project(bounds.getSouthEast(), z).divideBy(TILE_PX).floor();
    const max = 2 ** z - 1;
    const tiles = [];
    for (let x = Math.max(0, nw.x); x <= Math.min(max, se.x); x += 1) {
      for (let y = Math.max(0, nw.y); y <= Math.min(max, se.y); y += 1) tiles.push({ z, x, y });
    }
    return tiles;
  }

  async function fetchTile({ z, x, y }) {
    const response = await fetch(tileUrl(z, x, y, categories), { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`tile ${z}/${x}/${y}: ${response.status}`);
    return response.json();
  }

  function clusterMarker(c, z) {
    const marker = clickOnEnter(L.marker([c.lat, c.lon], { icon: clusterIcon(c.count), keyboard: true,
      title: tn('map.cluster', c.count), riseOnHover: true }));
    marker.on('click', () => {
      const [w, s, e, n] = c.bbox;
      const bounds = L.latLngBounds([s, w], [n, e]);
      if (z >= MAX_CLUSTER_ZOOM) {
        onListCell?.(bounds);
        return;
      }
      // Towards the cluster's own centre (the mean of its pins), not the cell's: zoomed deeper than
      // the cell fits (at least two steps, or a cluster chosen before a slow answer replaced it),
      // the middle of a cell whose pins lie along one edge would show an empty map.
      const target = Math.max(map.getBoundsZoom(bounds), Math.floor(map.getZoom()) + 2);
      map.setView([c.lat, c.lon], Math.min(target, map.getMaxZoom()));
    });
    return marker;
  }

  // aria-busy on the map from the start of a move until the tiles of the new view are drawn: what
  // is shown meanwhile (the clusters of the view before) is stale, and assistive technology and
  // tests can tell.
  const box = map.getContainer();
  const busy = (on) => (on ? box.setAttribute('aria-busy', 'true') : box.removeAttribute('aria-busy'));

  async function refresh() {
    const mine = ++generation;
    busy(true);
    const tiles = tilesInView();
    let answers;
    try {
      answers = await Promise.all(tiles.map(fetchTile));
    } catch {
      if (mine === generation) busy(false);
      return; // the next move asks again; what is drawn stays
    }
    if (mine !== generation) return;
    busy(false);
    const seenPins = new Set();
    const seenClusters = new Set();
    const markers = [];
    let count = 0;
    for (const a of answers) {
      for (const c of a.clusters) {
        // Tiles deeper than the deepest cells share them: each cell once.
        const key = c.bbox.join(',');
        if (seenClusters.has(key)) continue;
        seenClusters.add(key);
        count += c.count;
        markers.push(clusterMarker(c, a.z));
      }
      for (const p of a.pins) {
        if (seenPins.has(p.id)) continue;
        seenPins.add(p.id);
        markers.push(pinMarker(p));
      }
    }
    layer.clearLayers();
    markers.forEach((m) => layer.addLayer(m));
    onCount?.(count + seenPins.size);
  }

  let timer = null;
  map.on('movestart', () => busy(true));
  map.on('moveend', () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 120);
  });

  return {
    setCategories(codes) {
      categories = [...codes];
      return refresh();
    },
    refresh,
  };
}
