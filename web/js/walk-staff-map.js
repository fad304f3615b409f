// Map pieces the staff walk pages share (planning, meeting entry, report): a base map with the
// configured tiles (or none), the study area, the planned route, the meeting point and numbered
// stops. Leaflet's [lat, lon] is made here only; everything else speaks GeoJSON.
import { h } from './dom.js';
import { t } from './i18n.js';
import { categoryClass } from './pins.js';
import { leafletMap } from './map.js';

const L = window.L;
export const SWEDEN = { center: [62.5, 16.5], zoom: 5 };
export const latLng = ([lon, lat]) => [lat, lon];

/** A map in container, or null without Leaflet. opts: site, onTilesFailed(). */
export function baseMap(container, opts = {}) {
  if (!L) return null;
  const { map } = leafletMap(container, opts, { mapOptions: { doubleClickZoom: false } });
  map.setView(SWEDEN.center, SWEDEN.zoom);
  return map;
}

export function studyAreaLayer(geometry) {
  return geometry ? L.geoJSON(geometry, { interactive: false, style: { className: 'walk-area', fill: false, weight: 2 } }) : null;
}

/** The planned route: a dark dotted line on a light casing, readable on any background. */
export function plannedRouteLayer(lineString) {
  if (lineString?.type !== 'LineString' || lineString.coordinates.length < 2) return null;
  const line = lineString.coordinates.map(latLng);
  return L.featureGroup([
    L.polyline(line, { className: 'walk-route-casing', interactive: false, weight: 10 }),
    L.polyline(line, { className: 'walk-route', interactive: false, weight: 5 }),
  ]);
}

/** The track actually walked: a MultiLineString or LineString, drawn solid. */
export function trackLayer(geometry) {
  if (!geometry) return null;
  return L.geoJSON(geometry, { interactive: false, style: { className: 'walk-track', weight: 4 } });
}

export function meetingMarker(point, name) {
  if (point?.type !== 'Point') return null;
  return L.marker(latLng(point.coordinates), {
    icon: L.divIcon({ className: 'walk-meeting-marker', html: h('span', { 'aria-hidden': 'true' }, 'M'), iconSize: [34, 34], iconAnchor: [17, 17] }),
    title: name ? t('walk.map.meetingNamed', { name }) : t('walk.map.meeting'),
    keyboard: false,
  });
}

/** A numbered stop in its category's colour and shape. */
export function stopMarker(point, n, category, title) {
  return L.marker(latLng(point.coordinates), {
    icon: L.divIcon({
      className: `pin-marker walk-stop-marker ${categoryClass(category)}`,
      html: h('span', { class: 'pin-marker__shape walk-own__shape', 'aria-hidden': 'true' }, h('span', { class: 'walk-own__n' }, String(n))),
      iconSize: [30, 30], iconAnchor: [15, 15],
    }),
    title, keyboard: false,
  });
}

/** Frames the layers that exist, else the study area, else Sweden. */
export function frame(map, layers, area) {
  const present = layers.filter(Boolean);
  const group = L.featureGroup(present);
  if (present.length && group.getBounds().isValid()) {
    map.fitBounds(group.getBounds(), { padding: [24, 24], maxZoom: 17 });
  } else if (area && area.getBounds().isValid()) {
    map.fitBounds(area.getBounds(), { padding: [12, 12] });
  } else {
    map.setView(SWEDEN.center, SWEDEN.zoom);
  }
}
