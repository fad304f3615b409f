// The planning map: set the meeting point with one click, draw the planned route click by click
// (undo the last point, clear, Enter finishes). Keyboard: arrows move the map; in route mode
// Space adds the crosshair's place and Enter finishes; in meeting mode Enter or Space sets it;
// Backspace takes the last route point back, Escape stops.
import { t, pluralKey } from './i18n.js';
import { baseMap, studyAreaLayer, plannedRouteLayer, meetingMarker, frame, latLng } from './walk-staff-map.js';

const L = window.L;
const round = (v) => Math.round(v * 1e6) / 1e6;

/** opts: site, onMode(mode), say(key, vars), onTilesFailed(). Returns null without Leaflet. */
export function createPlanMap(container, opts) {
  const map = baseMap(container, { site: opts.site, onTilesFailed: opts.onTilesFailed });
  if (!map) return null;
  const box = container.parentElement;
  let mode = null;
  let route = [];
  let meeting = null;
  let meetingName = '';
  let area = null;
  const drawn = L.featureGroup().addTo(map);

  function draw() {
    drawn.clearLayers();
    const line = route.length >= 2 ? plannedRouteLayer({ type: 'LineString', coordinates: route }) : null;
    line?.addTo(drawn);
    route.forEach((c) => L.circleMarker(latLng(c), { radius: 6, className: 'plan-vertex', interactive: false }).addTo(drawn));
    meetingMarker(meeting ? { type: 'Point', coordinates: meeting } : null, meetingName)?.addTo(drawn);
  }

  function setMode(next) {
    mode = next;
    box.classList.toggle('is-placing', !!mode);
    opts.onMode(mode);
    if (!mode && route.length === 1) opts.say('walk.plan.routeTooShort');
  }

  function place(latlng) {
    const c = [round(latlng.lng), round(latlng.lat)];
    if (mode === 'meeting') {
      meeting = c;
      draw();
      opts.say('walk.plan.meetingSet');
      setMode(null);
    } else if (mode === 'route') {
      route.push(c);
      draw();
      opts.say('walk.plan.pointAdded', { n: route.length });
    }
  }

  map.on('click', (e) => { if (mode) place(e.latlng.wrap()); });
  map.on('dblclick', () => { if (mode === 'route') setMode(null); });

  const showCrosshair = (on) => box.classList.toggle('show-crosshair', on);
  let pointerDown = false;
  container.addEventListener('pointerdown', () => { pointerDown = true; showCrosshair(false); });
  container.addEventListener('pointerup', () => { pointerDown = false; });
  container.addEventListener('focus', () => showCrosshair(!pointerDown && !!mode));
  container.addEventListener('blur', () => showCrosshair(false));
  container.addEventListener('keydown', (e) => {
    if (e.target !== container || !mode) return;
    if (e.key === 'Enter' && mode === 'route') {
      e.preventDefault();
      setMode(null);
      opts.say(pluralKey('walk.plan.routeDone', route.length), { n: route.length });
    } else if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      showCrosshair(true);
      place(map.getCenter().wrap());
    } else if (e.key === 'Backspace' && mode === 'route') {
      e.preventDefault();
      api.undo();
    } else if (e.key === 'Escape') {
      setMode(null);
    }
  });

  const api = {
    leaflet: map,
    mode: () => mode,
    setMode(next) {
      setMode(mode === next ? null : next);
      if (mode) {
        container.focus({ preventScroll: true });
        showCrosshair(false);
      }
    },
    setArea(geometry) {
      area?.remove();
      area = studyAreaLayer(geometry);
      area?.addTo(map);
    },
    /** Shows a walk's meeting point and route (or none: a new walk), framed. */
    setValue({ meetingPoint, plannedRoute, name }) {
      meeting = meetingPoint?.type === 'Point' ? [...meetingPoint.coordinates] : null;
      route = plannedRoute?.type === 'LineString' ? plannedRoute.coordinates.map((c) => [...c]) : [];
      meetingName = name || '';
      setMode(null);
      draw();
      map.invalidateSize();
      frame(map, drawn.getLayers(), area);
    },
    setMeetingName(name) {
      meetingName = name || '';
      draw();
    },
    value() {
      return {
        meetingPoint: meeting ? { type: 'Point', coordinates: meeting } : null,
        plannedRoute: route.length >= 2 ? { type: 'LineString', coordinates: route } : null,
        routePoints: route.length,
      };
    },
    undo() {
      if (!route.length) return;
      route.pop();
      draw();
      opts.say(pluralKey('walk.plan.pointRemoved', route.length), { n: route.length });
    },
    clearRoute() {
      route = [];
      draw();
      opts.say('walk.plan.routeCleared');
    },
    clearMeeting() {
      meeting = null;
      draw();
      opts.say('walk.plan.meetingCleared');
    },
    refreshLanguage() {
      draw();
      container.setAttribute('aria-label', t('walk.plan.mapLabel'));
    },
  };
  return api;
}
