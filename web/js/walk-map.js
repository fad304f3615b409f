// The map of walk mode: the planned route and meeting point, the phone's position with its
// accuracy circle, the place picked by a tap (or by Enter on the focused map: the crosshair),
// and this phone's own pins of the walk. Readable without basemap tiles: the route, the points
// and the study area are drawn on a plain background. Returns null when Leaflet did not load.
import { h } from './dom.js';
import { t, label } from './i18n.js';
import { categoryClass } from './pins.js';
import { leafletMap } from './map.js';

const L = window.L;
const SWEDEN = { center: [62.5, 16.5], zoom: 5 };
const latLng = ([lon, lat]) => [lat, lon];

function divIcon(className, child, size) {
  return L.divIcon({ className, html: child, iconSize: [size, size], iconAnchor: [size / 2, size / 2] });
}

/** opts: site, walk, studyArea, onPick({lon, lat}), onTilesFailed(), onTileSeen(url). */
export function createWalkMap(container, opts) {
  if (!L) return null;
  const wrap = container.parentElement;
  const { map, zoom } = leafletMap(container, opts, {
    mapOptions: { zoomSnap: 0.5, tap: true },
    positions: { zoom: 'bottomright', scale: 'bottomleft', attribution: 'topright' },
    cooperative: false, // walk mode is all map: one finger moves it
  });


  const frame = L.featureGroup();
  if (opts.studyArea) {
    L.geoJSON(opts.studyArea, { interactive: false, style: { className: 'walk-area', fill: false, weight: 2 } }).addTo(map);
  }
  const { walk } = opts;
  if (walk.plannedRoute?.type === 'LineString') {
    const line = walk.plannedRoute.coordinates.map(latLng);
    // A light casing under a dark line: the route reads on a light map, a dark map and no map.
    L.polyline(line, { className: 'walk-route-casing', interactive: false, weight: 10 }).addTo(frame);
    L.polyline(line, { className: 'walk-route', interactive: false, weight: 5 }).addTo(frame);
  }
  if (walk.meetingPoint?.type === 'Point') {
    const title = walk.meetingPointName ? t('walk.map.meetingNamed', { name: walk.meetingPointName }) : t('walk.map.meeting');
    L.marker(latLng(walk.meetingPoint.coordinates), {
      icon: divIcon('walk-meeting-marker', h('span', { 'aria-hidden': 'true' }, 'M'), 34),
      title, keyboard: false, zIndexOffset: 200,
    }).addTo(frame);
  }
  frame.addTo(map);
  if (frame.getLayers().length) {
    map.fitBounds(frame.getBounds(), { padding: [28, 28], maxZoom: 17 });
  } else if (opts.studyArea) {
    map.fitBounds(L.geoJSON(opts.studyArea).getBounds(), { padding: [12, 12] });
  } else {
    map.setView(SWEDEN.center, SWEDEN.zoom);
  }

  const own = L.featureGroup().addTo(map);
  let accuracy = null;
  let me = null;
  let pick = null;
  let centred = false;

  map.on('click', (e) => {
    const at = e.latlng.wrap();
    opts.onPick({ lon: at.lng, lat: at.lat });
  });
  // Keyboard: arrows pan, +/- zoom (Leaflet), Enter picks the place under the crosshair.
  const showCrosshair = (on) => wrap.classList.toggle('show-crosshair', on);
  let pointerDown = false;
  container.addEventListener('pointerdown', () => { pointerDown = true; showCrosshair(false); });
  container.addEventListener('pointerup', () => { pointerDown = false; });
  container.addEventListener('focus', () => showCrosshair(!pointerDown));
  container.addEventListener('blur', () => showCrosshair(false));
  container.addEventListener('keydown', (e) => {
    if (e.target !== container || e.key !== 'Enter') return;
    e.preventDefault();
    const c = map.getCenter().wrap();
    opts.onPick({ lon: c.lng, lat: c.lat });
  });

  return {
    leaflet: map,
    /** The phone's position: a dot, and a circle as wide as the accuracy the phone reports. */
    setPosition(fix) {
      if (!fix) {
        accuracy?.remove();
        me?.remove();
        accuracy = null;
        me = null;
        return;
      }
      const at = [fix.lat, fix.lon];
      if (!me) {
        accuracy = L.circle(at, { radius: fix.accuracy, className: 'walk-accuracy', interactive: false }).addTo(map);
        me = L.marker(at, { icon: divIcon('walk-me-marker', h('span', { 'aria-hidden': 'true' }), 26), keyboard: false, interactive: false, zIndexOffset: 900 }).addTo(map);
      } else {
        accuracy.setLatLng(at).setRadius(fix.accuracy);
        me.setLatLng(at);
      }
      if (!centred) {
        // The first fix shows where one is, with the route when it is near; after that the map is
        // the user's to move.
        centred = true;
        const near = frame.getLayers().length && frame.getBounds().pad(0.5).contains(at);
        if (near) map.fitBounds(frame.getBounds().extend(at), { padding: [28, 28], maxZoom: 17 });
        else map.setView(at, Math.max(map.getZoom(), 17));
      }
    },
    /** Focus on the map (after a place search): the GPS's first fix no longer moves it. */
    focus({ crosshair = false } = {}) {
      centred = true;
      container.focus({ preventScroll: true });
      if (crosshair) showCrosshair(true);
    },
    centreOn(fix) {
      if (fix) map.setView([fix.lat, fix.lon], Math.max(map.getZoom(), 17));
    },
    /** The place picked on the map for the next pin (null: none, the pin goes "here"). */
    setPick(pos) {
      if (!pos) {
        pick?.remove();
        pick = null;
        return;
      }
      if (pick) pick.setLatLng([pos.lat, pos.lon]);
      else {
        pick = L.marker([pos.lat, pos.lon], {
          icon: L.divIcon({ className: 'draft-marker', html: h('span', { class: 'draft-marker__shape' }), iconSize: [36, 46], iconAnchor: [18, 44] }),
          keyboard: false, interactive: false, zIndexOffset: 1000, title: t('walk.map.pick'),
        }).addTo(map);
      }
    },
    /** This phone's pins of the walk, numbered in the order they were made. */
    setOwnPins(records) {
      own.clearLayers();
      records.forEach((r, i) => {
        const [lon, lat] = r.body.location.coordinates;
        const state = r.state === 'sent' ? 'sent' : r.state === 'failed' ? 'failed' : 'waiting';
        L.marker([lat, lon], {
          icon: divIcon(`pin-marker walk-own walk-own--${state} ${categoryClass(r.body.category)}`,
            h('span', { class: 'pin-marker__shape walk-own__shape', 'aria-hidden': 'true' }, h('span', { class: 'walk-own__n' }, String(i + 1))), 30),
          title: `${i + 1}. ${label('category', r.body.category)} – ${t(`walk.state.${state}`)}`,
          keyboard: false,
        }).addTo(own);
      });
    },
    refreshLanguage() {
      for (const [cls, key] of [['.leaflet-control-zoom-in', 'map.zoomIn'], ['.leaflet-control-zoom-out', 'map.zoomOut']]) {
        const button = zoom.getContainer().querySelector(cls);
        button.title = t(key);
        button.setAttribute('aria-label', t(key));
      }
    },
  };
}
