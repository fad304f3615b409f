// The small sheet after a category button: where the pin goes (here, or the place tapped on the
// map), optional sub-tags, an optional short text and an optional photo from the camera, and
// Save. Two taps make a pin: the category, then Save.
import { h, codeLabel } from './dom.js';
import { t, formatNumber } from './i18n.js';
import { categoryMark, categoryClass } from './pins.js';
import { inStudyArea, roundCoord } from './geo.js';
import { preparePhoto, MAX_BYTES } from './walk-photo.js';

const $ = (id) => document.getElementById(id);
export const FIX_MAX_AGE_MS = 120_000;

/** opts: walk, studyArea, here() → fix | null, pick() → {lon, lat} | null, onUseHere(), onSave(draft), onClose(). */
export function createSheet(opts) {
  const form = $('walk-sheet');
  let category = null;
  let photo = null;
  let previewUrl = null;
  let saving = false;

  const freshHere = () => {
    const fix = opts.here();
    return fix && Date.now() - fix.time <= FIX_MAX_AGE_MS ? fix : null;
  };

  function say(key, vars) {
    const box = $('walk-sheet-error');
    if (!key) {
      box.textContent = '';
      delete box.dataset.i18n;
      return;
    }
    box.dataset.i18n = key;
    if (vars) box.dataset.i18nVars = JSON.stringify(vars); else delete box.dataset.i18nVars;
    box.textContent = t(key, vars);
  }

  /** Says where the pin will go; called again when the position or the picked place changes. */
  function updatePlace() {
    if (form.hidden) return;
    const pick = opts.pick();
    const fix = freshHere();
    const place = $('walk-place');
    if (pick) {
      place.dataset.i18n = 'walk.place.picked';
      delete place.dataset.i18nVars;
    } else if (fix) {
      place.dataset.i18n = 'walk.place.here';
      place.dataset.i18nVars = JSON.stringify({ m: formatNumber(Math.round(fix.accuracy)) });
    } else {
      place.dataset.i18n = 'walk.place.none';
      delete place.dataset.i18nVars;
    }
    place.textContent = t(place.dataset.i18n, place.dataset.i18nVars ? JSON.parse(place.dataset.i18nVars) : undefined);
    place.classList.toggle('is-missing', !pick && !fix);
    if ((pick || fix) && $('walk-sheet-error').dataset.i18n === 'walk.place.needed') say(null);
    $('walk-use-here').hidden = !(pick && fix);
  }

  function renderSubtags() {
    const tags = opts.walk.subtags?.[category] || [];
    $('walk-subtags').replaceChildren(...tags.map((code) => h('button', {
      type: 'button', class: 'walk-tag', 'aria-pressed': 'false', 'data-subtag': code,
      onclick: (e) => {
        const b = e.currentTarget;
        b.setAttribute('aria-pressed', String(b.getAttribute('aria-pressed') !== 'true'));
      },
    }, codeLabel('subtag', code))));
    $('walk-subtags-field').hidden = tags.length === 0;
  }

  function clearPhoto() {
    photo = null;
    $('walk-photo').value = '';
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    previewUrl = null;
    $('walk-photo-preview').replaceChildren();
    $('walk-photo-clear').hidden = true;
    $('walk-photo-label').dataset.i18n = 'walk.photo.add';
    $('walk-photo-label').textContent = t('walk.photo.add');
  }

  $('walk-photo').addEventListener('change', async () => {
    const file = $('walk-photo').files?.[0];
    say(null);
    if (!file) return;
    try {
      photo = await preparePhoto(file);
    } catch (e) {
      clearPhoto();
      say(e.message === 'size' ? 'walk.photo.tooLarge' : 'walk.photo.wrongType', { max: formatNumber(MAX_BYTES / 1024 / 1024) });
      return;
    }
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    previewUrl = URL.createObjectURL(photo.blob);
    $('walk-photo-preview').replaceChildren(h('img', { src: previewUrl, alt: t('walk.photo.preview'), width: '72', height: '72' }));
    $('walk-photo-clear').hidden = false;
    $('walk-photo-label').dataset.i18n = 'walk.photo.change';
    $('walk-photo-label').textContent = t('walk.photo.change');
  });
  $('walk-photo-clear').addEventListener('click', () => {
    clearPhoto();
    $('walk-photo').focus();
  });
  $('walk-use-here').addEventListener('click', () => {
    opts.onUseHere();
    updatePlace();
  });
  $('walk-cancel').addEventListener('click', () => close(true));
  form.addEventListener('keydown', (e) => { if (e.key === 'Escape') close(true); });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (saving) return;
    const pick = opts.pick();
    const fix = freshHere();
    const at = pick || fix;
    if (!at) {
      say('walk.place.needed');
      $('walk-map').focus();
      return;
    }
    if (!inStudyArea(opts.studyArea, at.lon, at.lat)) {
      say(pick ? 'place.outside' : 'walk.place.hereOutside');
      return;
    }
    const text = $('walk-text').value.trim();
    const subtags = [...form.querySelectorAll('.walk-tag[aria-pressed=true]')].map((b) => b.dataset.subtag);
    saving = true;
    $('walk-save').disabled = true;
    try {
      await opts.onSave({
        category,
        subtags,
        text,
        location: { type: 'Point', coordinates: [roundCoord(at.lon), roundCoord(at.lat)] },
        accuracy: pick ? null : Math.round(fix.accuracy * 10) / 10,
        photo,
      });
      close(false);
    } catch {
      say('walk.save.failed');
    } finally {
      saving = false;
      $('walk-save').disabled = false;
    }
  });

  function open(code) {
    category = code;
    const heading = $('walk-sheet-heading');
    heading.replaceChildren(categoryMark(code), codeLabel('category', code));
    form.className = `walk-sheet ${categoryClass(code)}`;
    renderSubtags();
    say(null);
    form.hidden = false;
    updatePlace();
    heading.focus();
  }

  function close(cancelled) {
    form.hidden = true;
    form.reset();
    clearPhoto();
    $('walk-text').value = '';
    say(null);
    const was = category;
    category = null;
    opts.onClose({ cancelled, category: was });
  }

  return { open, close: () => close(true), isOpen: () => !form.hidden, updatePlace };
}
