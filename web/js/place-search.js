// "Find your place by name": a search box over a citizen map, an ARIA 1.2 combobox with a
// listbox of suggestions from the gazetteer (GET /api/v1/places). Typing asks the server after a
// short pause; arrow keys move through the suggestions, Enter picks one, Escape closes the list
// (and empties the box when it is closed already). The number of suggestions is announced.
// Without a connection (walk mode is used offline) it asks nothing and says, on screen too, that
// the search needs one; the map still works as before.
// Picking calls onPick({ lon, lat, zoom, label, kind }); the page moves its map there.
import { h, announce, codeLabel } from './dom.js';
import { t, tn } from './i18n.js';
import { request } from './api.js';

/** Enough to tell a place from a letter, and to keep one key from sending a request each. */
const MIN_LENGTH = 2;
const MAX_LENGTH = 100;
const DEBOUNCE_MS = 250;

let instances = 0;

/** The address of a search; exported for the unit tests. */
export function placesUrl(q, dialogue) {
  const params = new URLSearchParams({ q: q.trim().replace(/\s+/g, ' ') });
  if (dialogue) params.set('dialogue', dialogue);
  return `/api/v1/places?${params}`;
}

/** Whether the browser knows it is offline (navigator.onLine is only trusted when false). */
const offline = () => globalThis.navigator?.onLine === false;

/** A suggestion as the page needs it, from one GeoJSON feature of the answer. */
export function suggestionOf(feature) {
  const [lon, lat] = feature.geometry.coordinates;
  const p = feature.properties || {};
  return { lon, lat, zoom: p.zoom || 16, label: p.label || p.name, name: p.name, kind: p.kind, source: p.source };
}

/**
 * Builds the search into container. options: dialogue (id or slug: places in its study area come
 * first), onPick(suggestion), fetchPlaces(url, signal) (tests give their own; default the API).
 */
export function createPlaceSearch(container, { dialogue, onPick, fetchPlaces = (url, signal) => request(url, { signal }) }) {
  instances += 1;
  const id = `place-search-${instances}`;
  let suggestions = [];
  let active = -1;
  let timer = null;
  let pending = null;
  let asked = '';

  const input = h('input', {
    id: `${id}-input`, type: 'search', class: 'place-search__input', role: 'combobox', autocomplete: 'off',
    spellcheck: 'false', maxlength: String(MAX_LENGTH), 'aria-autocomplete': 'list', 'aria-expanded': 'false',
    'aria-controls': `${id}-list`, 'aria-describedby': `${id}-hint`, enterkeyhint: 'search',
    i18nAttr: { placeholder: 'placeSearch.placeholder' },
  });
  const list = h('ul', { id: `${id}-list`, class: 'place-search__list', role: 'listbox',
    i18nAttr: { 'aria-label': 'placeSearch.listLabel' } });
  list.hidden = true;
  const status = h('p', { id: `${id}-status`, class: 'visually-hidden place-search__status', role: 'status', 'aria-live': 'polite' });
  container.replaceChildren(
    h('label', { for: input.id, class: 'place-search__label', i18n: 'placeSearch.label' }),
    h('p', { id: `${id}-hint`, class: 'hint place-search__hint', i18n: 'placeSearch.hint' }),
    h('div', { class: 'place-search__box' }, input, list),
    status);

  /** Says text in the status; shown on screen too when it is a fault the user must see. */
  function say(text, visible = false) {
    status.className = visible ? 'place-search__status place-search__status--shown' : 'visually-hidden place-search__status';
    announce(status, text);
  }

  function setExpanded(open) {
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (!open) setActive(-1);
  }

  function setActive(i) {
    active = i;
    [...list.children].forEach((li, n) => li.setAttribute('aria-selected', String(n === i)));
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', `${id}-option-${i}`);
      list.children[i].scrollIntoView?.({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function show(found) {
    suggestions = found;
    list.replaceChildren(...found.map((s, i) => h('li', {
      id: `${id}-option-${i}`, role: 'option', class: 'place-search__option', 'aria-selected': 'false',
      // mousedown, not click: the input keeps its focus, so the list is not closed by a blur first.
      onmousedown: (e) => { e.preventDefault(); pick(i); },
    }, h('span', { class: 'place-search__name' }, s.label), ' ',
    h('span', { class: 'place-search__kind' }, codeLabel('placeSearch.kind', s.kind)))));
    setExpanded(found.length > 0);
    say(found.length ? tn('placeSearch.results', found.length) : t('placeSearch.none'));
  }

  function clearList() {
    suggestions = [];
    list.replaceChildren();
    setExpanded(false);
  }

  async function search(q) {
    pending?.abort();
    if (offline()) {
      pending = null;
      asked = '';
      clearList();
      say(t('placeSearch.offline'), true);
      return;
    }
    const controller = new AbortController();
    pending = controller;
    asked = q;
    try {
      const answer = await fetchPlaces(placesUrl(q, dialogue), controller.signal);
      if (pending !== controller) return; // a newer search is on its way
      show((answer?.features || []).map(suggestionOf));
    } catch (e) {
      if (e?.name === 'AbortError' || pending !== controller) return;
      clearList();
      say(t(e?.network && offline() ? 'placeSearch.offline' : 'placeSearch.error'), true);
    }
  }

  function pick(i) {
    const s = suggestions[i];
    if (!s) return;
    input.value = s.label;
    asked = s.label.trim();
    clearTimeout(timer);
    pending?.abort();
    pending = null;
    setExpanded(false);
    onPick?.(s);
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < MIN_LENGTH) {
      pending?.abort();
      pending = null;
      asked = '';
      clearList();
      return;
    }
    timer = setTimeout(() => search(q), offline() ? 0 : DEBOUNCE_MS);
  });

  input.addEventListener('keydown', (e) => {
    const open = !list.hidden;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!suggestions.length) {
        const q = input.value.trim();
        if (q.length >= MIN_LENGTH && q !== asked) search(q);
        return;
      }
      if (!open) setExpanded(true);
      const n = suggestions.length;
      setActive(e.key === 'ArrowDown' ? (active + 1) % n : (active <= 0 ? n - 1 : active - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (open && active >= 0) pick(active);
      else if (open && suggestions.length) pick(0);
      else {
        const q = input.value.trim();
        if (q.length >= MIN_LENGTH) {
          clearTimeout(timer);
          search(q);
        }
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        setExpanded(false);
      } else if (input.value) {
        e.preventDefault();
        input.value = '';
        suggestions = [];
        asked = '';
      }
    } else if (e.key === 'Home' || e.key === 'End') {
      if (open) setActive(-1); // the caret moves in the text, as the pattern has it
    }
  });

  input.addEventListener('blur', () => setExpanded(false));
  input.addEventListener('focus', () => { if (suggestions.length && input.value.trim() === asked) setExpanded(true); });

  return { input, status };
}
