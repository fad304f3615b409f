// "Me too" while pinning: once the form has a place and a category, the published pins of that
// category close by are offered above the text field, so that the same thing is not said ten
// times and the municipality sees how many agree. The citizen may also ignore them and write.
import { h, announce } from './dom.js';
import { t, tn, formatDate, formatNumber } from './i18n.js';
import { api } from './api.js';
import { pinText } from './pins.js';
import { isSupported, sendSupport, supportErrorText } from './support.js';

const $ = (id) => document.getElementById(id);
const WAIT_MS = 350; // a dragged pin or a quick second click asks once, not for every move

/** Great-circle distance in metres; plenty for "about 20 m away". */
function metres(a, b) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const x = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(x));
}

/** opts: dialogue, onSupported(feature, answer) once a suggestion was supported. */
export function createNearby(opts) {
  const box = $('nearby');
  const list = $('nearby-list');
  const status = $('nearby-status');
  let timer = null;
  let controller = null;
  let found = [];
  let from = null;
  let spoken = '';

  function meta(f) {
    const p = f.properties;
    const parts = [t('pin.submitted', { date: formatDate(p.createdAt) })];
    const [lon, lat] = f.geometry?.coordinates || [];
    if (from && Number.isFinite(lon) && Number.isFinite(lat)) {
      parts.push(t('citizen.nearby.distance', { m: formatNumber(Math.max(1, Math.round(metres(from, { lon, lat })))) }));
    }
    parts.push(p.supports > 0 ? tn('pin.supports', p.supports) : t('citizen.nearby.noSupports'));
    return parts.join(' · ');
  }

  function item(f) {
    const textId = `nearby-${f.id}-text`;
    const done = isSupported(f.id);
    const error = h('p', { class: 'field-error', role: 'alert' });
    const button = h('button', { type: 'button', class: 'button button--small nearby-support', 'data-pin-id': String(f.id),
      'aria-describedby': textId, disabled: done,
      i18n: done ? 'citizen.nearby.alreadySupported' : 'citizen.nearby.support' });
    button.addEventListener('click', async () => {
      if (button.getAttribute('aria-busy') === 'true') return;
      button.setAttribute('aria-busy', 'true');
      error.textContent = '';
      try {
        const answer = await sendSupport(f.id);
        f.properties.supports = answer.supports;
        opts.onSupported(f, answer);
      } catch (err) {
        error.textContent = supportErrorText(err);
      } finally {
        button.removeAttribute('aria-busy');
      }
    });
    return h('li', { class: 'nearby-pin', 'data-pin-id': String(f.id) },
      pinText(f.properties.text, { id: textId, deleted: f.properties.textDeleted }),
      h('p', { class: 'nearby-meta' }, meta(f)),
      button, error);
  }

  function render() {
    list.replaceChildren(...found.map(item));
    box.hidden = found.length === 0;
  }

  /** Says it once per set of suggestions, not on every small move that finds the same pins. */
  function speak() {
    const key = found.map((f) => f.id).join(',');
    if (key === spoken) return;
    const had = spoken !== '';
    spoken = key;
    if (found.length) announce(status, tn('citizen.nearby.found', found.length));
    else if (had) announce(status, t('citizen.nearby.gone'));
  }

  async function load(pos, category) {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    try {
      const answer = await api.nearby(opts.dialogue.slug, pos, category, mine.signal);
      if (mine !== controller) return;
      found = answer?.features || [];
      from = pos;
    } catch (e) {
      if (e?.name === 'AbortError' || mine !== controller) return;
      found = []; // suggestions are a help, not a must: the form works as before
    }
    render();
    speak();
  }

  function clear() {
    clearTimeout(timer);
    controller?.abort();
    controller = null;
    found = [];
    spoken = '';
    status.textContent = '';
    render();
  }

  return {
    /** Asks again for this place and category (after a short pause); clears without both. */
    update(pos, category) {
      clearTimeout(timer);
      if (!pos || !category) {
        clear();
        return;
      }
      timer = setTimeout(() => load(pos, category), WAIT_MS);
    },
    clear,
    refreshLanguage: render,
  };
}
