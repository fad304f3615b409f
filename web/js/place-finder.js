// Finding one's place on a citizen map, two ways: the search by name (place-search.js), and for a
// study area of several separate parts (the rural dialogue's six villages) a choice of the part,
// "Välj ort: Skärblacka, Krokek, …", named by the gazetteer's village inside each part.
// The page gives it the map (map.js's object) and two empty containers, and says nothing else.
import { h, announce } from './dom.js';
import { t } from './i18n.js';
import { request } from './api.js';
import { inStudyArea } from './geo.js';
import { createPlaceSearch } from './place-search.js';

/** The separate parts of a study area with their boxes: [{ number, minLon, minLat, maxLon, maxLat }]. */
export function studyAreaParts(studyArea) {
  if (studyArea?.type !== 'MultiPolygon') return [];
  return studyArea.coordinates.map((polygon, i) => {
    const xs = polygon[0].map((c) => c[0]);
    const ys = polygon[0].map((c) => c[1]);
    return { number: i + 1, minLon: Math.min(...xs), minLat: Math.min(...ys), maxLon: Math.max(...xs), maxLat: Math.max(...ys) };
  });
}

/**
 * map: createMap's or createWalkMap's object (leaflet, focus); dialogue: { slug, studyArea };
 * searchBox, partsBox: empty elements (partsBox may be left out: walk mode has no "Välj ort");
 * canPlace(): whether a pin can be placed now (the message after a pick says how).
 */
export function addPlaceFinder({ map, dialogue, searchBox, partsBox, canPlace }) {
  if (!map) {
    searchBox.hidden = true;
    if (partsBox) partsBox.hidden = true;
    return null;
  }
  const leaflet = map.leaflet;
  const search = createPlaceSearch(searchBox, {
    dialogue: dialogue.slug,
    onPick: (s) => {
      leaflet.setView([s.lat, s.lon], s.zoom, { animate: false });
      const inside = !dialogue.studyArea || inStudyArea(dialogue.studyArea, s.lon, s.lat);
      const key = !inside ? 'placeSearch.outside' : canPlace() ? 'placeSearch.shown' : 'placeSearch.shown.view';
      announce(search.status, t(key, { place: s.label }));
      // The next Enter on the map, or a tap, pins here: the crosshair is on the place.
      map.focus({ crosshair: true });
    },
  });
  if (partsBox) showParts(leaflet, dialogue, partsBox, search.status);
  return search;
}

async function showParts(leaflet, dialogue, box, status) {
  const parts = studyAreaParts(dialogue.studyArea);
  if (parts.length < 2) {
    box.hidden = true;
    return;
  }
  let names = [];
  try {
    names = await request(`/api/v1/places/study-area-parts?dialogue=${encodeURIComponent(dialogue.slug)}`);
  } catch {
    names = []; // "Del 1", "Del 2" still take the map there
  }
  const nameOf = (n) => names.find((p) => p.number === n)?.name;
  const buttons = parts.map((part) => {
    const name = nameOf(part.number);
    const button = h('button', { type: 'button', class: 'button button--small', 'aria-pressed': 'false',
      ...(name ? {} : { i18n: 'placeSearch.parts.part', vars: { n: part.number } }),
      onclick: () => {
        leaflet.fitBounds([[part.minLat, part.minLon], [part.maxLat, part.maxLon]], { padding: [16, 16], animate: false });
        buttons.forEach((b) => b.setAttribute('aria-pressed', String(b === button)));
        announce(status, t('placeSearch.parts.shown', { place: button.textContent }));
      } }, name ?? null);
    return button;
  });
  box.replaceChildren(
    h('span', { id: 'study-parts-label', class: 'study-parts__label', i18n: 'placeSearch.parts.label' }),
    h('div', { class: 'study-parts__choices', role: 'group', 'aria-labelledby': 'study-parts-label' }, ...buttons));
  box.hidden = false;
}
