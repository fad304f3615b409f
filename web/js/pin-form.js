// The pin form: category, optional sub-tags, text with a live counter, optional anonymous
// profile answers. Sends with one Idempotency-Key per filled form so that a retry after a
// dropped connection can never make two pins; field errors from the server land by their field.
import { contentLanguage } from './content-lang.js';
import { h, codeLabel } from './dom.js';
import { t, tn, has, formatNumber } from './i18n.js';
import { api, ApiError, savedReceipt, saveReceipt } from './api.js';
import { categoryMark } from './pins.js';
import { roundCoord } from './geo.js';
import { createNearby } from './nearby.js';
import { createPhotoField } from './photo-field.js';
import { createCategoryQuestions } from './questionnaire-form.js';

const $ = (id) => document.getElementById(id);

function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  // randomUUID exists only on https/localhost; getRandomValues everywhere (plain-http intranets)
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function choice(type, name, value, id, ...labelParts) {
  return h('label', { class: 'choice', for: id },
    h('input', { type, name, value, id, 'aria-describedby': `error-${name}` }),
    h('span', { class: 'choice__text' }, ...labelParts));
}

const SLOTS = ['location', 'category', 'subtags', 'text', 'profile'];

function slotOf(field) {
  const top = String(field || '').split('.')[0];
  if (top === 'shape') return 'location'; // a drawn line or area is the pin's place
  return SLOTS.includes(top) ? top : null;
}

/**
 * opts: dialogue, maxLength, onSubmitted(feature, receipt, {photo}), onSupported(feature, answer)
 * when a nearby pin was supported instead, onCancel().
 */
export function createPinForm(opts) {
  const form = $('pin-form');
  const text = $('pin-text');
  const submit = $('pin-submit');
  const { dialogue } = opts;
  let location = null;
  let shape = null; // a drawn line or area (GeoJSON) instead of a point: pin-shapes.js
  let idempotencyKey = null;
  let sending = false;
  const photo = createPhotoField();
  const nearby = createNearby({ dialogue, onSupported: (feature, answer) => {
    reset();
    opts.onSupported(feature, answer);
  } });
  const category = () => form.querySelector('input[name=category]:checked')?.value || null;
  const questions = createCategoryQuestions(opts.questionnaire, { site: opts.site, studyArea: dialogue.studyArea }, $('subtag-field'));

  $('category-options').replaceChildren(...dialogue.categories.map((code) => choice('radio', 'category', code, `category-${code}`,
    categoryMark(code), h('span', { class: 'choice__label' }, codeLabel('category', code)),
    has(`category.${code}.hint`) ? h('span', { class: 'choice__hint', i18n: `category.${code}.hint` }) : null)));

  function renderSubtags() {
    const tags = dialogue.subtags?.[category()] || [];
    const checked = new Set(new FormData(form).getAll('subtags'));
    $('subtag-options').replaceChildren(...tags.map((code) => {
      const item = choice('checkbox', 'subtags', code, `subtag-${code}`, codeLabel('subtag', code));
      item.querySelector('input').checked = checked.has(code);
      return item;
    }));
    $('subtag-field').hidden = tags.length === 0;
  }

  function updateCounter() {
    const count = [...text.value].length; // code points, as the server counts
    const counter = $('pin-text-counter');
    const over = count - opts.maxLength;
    counter.classList.toggle('is-over', over > 0);
    counter.dataset.i18n = over > 0 ? 'form.text.over' : 'form.text.counter';
    counter.dataset.i18nVars = JSON.stringify({ count: formatNumber(count), max: formatNumber(opts.maxLength), over: formatNumber(over) });
    counter.textContent = t(counter.dataset.i18n, JSON.parse(counter.dataset.i18nVars));
  }

  function setLocation(pos, drawn = null) {
    location = pos;
    shape = drawn;
    const status = $('location-status');
    status.dataset.i18n = drawn ? shapeChosenKey(drawn) : pos ? 'form.location.chosen' : 'form.location.none';
    status.textContent = t(status.dataset.i18n);
    if (pos) setError('location', null);
    nearby.update(pos, category());
  }

  function fieldsOf(slot) {
    if (slot === 'location') return [$('location-status')];
    if (slot === 'text') return [text];
    if (slot === 'profile') return [$('profile-age'), $('profile-gender'), ...form.querySelectorAll('input[name=relations]')];
    return [...form.querySelectorAll(`input[name=${slot}]`)];
  }

  function setError(slot, message) {
    const box = $(`error-${slot}`);
    box.textContent = message || '';
    for (const el of fieldsOf(slot)) {
      if (message) el.setAttribute('aria-invalid', 'true'); else el.removeAttribute('aria-invalid');
    }
  }

  function clearErrors() {
    SLOTS.forEach((slot) => setError(slot, null));
    questions.clearErrors();
    $('form-error').textContent = '';
  }

  function messageFor(error) {
    const key = `error.${error.code}`;
    return has(key) ? t(key, { max: formatNumber(opts.maxLength) }) : error.message || error.detail || t('error.generic');
  }

  /** Marks each fault by its field, says how many in #form-error, and focuses the first. */
  function showFieldErrors(all) {
    const bySlot = new Map();
    const rest = [];
    const { rest: errors, marked } = questions.showErrors(all);
    if (marked) rest.push(tn('form.hasErrors', all.length - errors.length));
    for (const e of errors) {
      const slot = slotOf(e.field);
      if (slot && !bySlot.has(slot)) bySlot.set(slot, messageFor(e)); else if (!slot) rest.push(messageFor(e));
    }
    bySlot.forEach((message, slot) => setError(slot, message));
    $('form-error').textContent = [bySlot.size ? tn('form.hasErrors', bySlot.size) : null, ...rest].filter(Boolean).join(' ');
    const first = SLOTS.find((slot) => bySlot.has(slot));
    if (bySlot.has('profile')) $('profile-details').open = true; // an error must not hide in a closed box
    const target = first ? (fieldsOf(first).find((el) => el.checked) || fieldsOf(first)[0]) : $('form-error');
    if (!marked || first) target?.focus();
  }

  function collect() {
    const data = new FormData(form);
    const body = { category: data.get('category'), subtags: data.getAll('subtags'), text: data.get('text') || '', language: contentLanguage() };
    if (shape) body.shape = shape;
    else if (location) body.location = { type: 'Point', coordinates: [roundCoord(location.lon), roundCoord(location.lat)] };
    const profile = { ageBand: data.get('ageBand') || undefined, gender: data.get('gender') || undefined };
    const relations = data.getAll('relations');
    if (relations.length) profile.relations = relations;
    if (profile.ageBand || profile.gender || profile.relations) body.profile = JSON.parse(JSON.stringify(profile));
    const receipt = savedReceipt();
    if (receipt) body.receipt = receipt;
    const answers = questions.answers();
    if (answers.length) body.answers = answers;
    return body;
  }

  function localErrors(body) {
    const errors = [];
    if (!body.location && !body.shape) errors.push({ field: 'location', code: 'location.missing' });
    if (!body.category) errors.push({ field: 'category', code: 'category.missing' });
    if (!body.text.trim()) errors.push({ field: 'text', code: 'text.blank' });
    else if ([...body.text.trim()].length > opts.maxLength) errors.push({ field: 'text', code: 'text.too_long' });
    return errors;
  }

  function setSending(on) {
    sending = on;
    submit.disabled = on;
    form.setAttribute('aria-busy', String(on));
    form.classList.toggle('is-sending', on);
    const label = submit.querySelector('[data-i18n]');
    label.dataset.i18n = on ? 'form.sending' : 'form.submit';
    label.textContent = t(label.dataset.i18n);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return;
    clearErrors();
    const body = collect();
    const problems = localErrors(body);
    if (problems.length) {
      showFieldErrors(problems);
      return;
    }
    idempotencyKey ??= newKey(); // kept until success, so a retry is recognised by the server
    setSending(true);
    try {
      const photoFile = await photo.file();
      const answer = await api.submitPin(dialogue.slug, body, idempotencyKey);
      saveReceipt(answer.receipt);
      const feature = body.shape ? await submittedShape(answer.id, body) : {
        type: 'Feature', id: answer.id, geometry: body.location,
        properties: { dialogueId: dialogue.id, category: body.category, subtags: body.subtags, text: body.text.trim(),
          status: 'received', supports: 0, createdAt: new Date().toISOString() },
      };
      setSending(false);
      reset();
      opts.onSubmitted(feature, answer.receipt, { photo: photoFile });
    } catch (err) {
      setSending(false);
      const e = err instanceof ApiError ? err : new ApiError(0, null, true);
      if ([e, ...e.errors].some((x) => x.code === 'idempotency_key.reused')) {
        idempotencyKey = null; // the first try did arrive, and the user has changed the form since: a new pin
      }
      if (e.errors.length) {
        showFieldErrors(e.errors);
      } else {
        $('form-error').textContent = e.network ? t('error.network') : messageFor({ code: e.code, detail: e.problem.detail });
        submit.focus();
      }
    }
  });

  form.addEventListener('change', (e) => {
    if (e.target.name === 'category') {
      renderSubtags();
      questions.show(category());
      setError('category', null);
      nearby.update(location, category());
    }
  });
  text.addEventListener('input', () => {
    updateCounter();
    if ($('error-text').textContent && text.value.trim()) setError('text', null);
  });
  $('pin-cancel').addEventListener('click', () => {
    reset();
    opts.onCancel();
  });

  function reset() {
    form.reset();
    renderSubtags();
    questions.reset();
    clearErrors();
    setLocation(null);
    updateCounter();
    idempotencyKey = null;
    photo.reset();
    nearby.clear();
    form.hidden = true;
  }

  reset();

  return {
    isOpen: () => !form.hidden,
    setLocation,
    /** Shows the form for a place (or a drawn shape); focus goes to the first question unless told otherwise. */
    open(pos, { focus = true, shape: drawn = null } = {}) {
      form.hidden = false;
      setLocation(pos, drawn);
      if (focus) (form.querySelector('input[name=category]:checked') || form.querySelector('input[name=category]'))?.focus();
    },
    close: reset,
    refreshLanguage() {
      updateCounter();
      nearby.refreshLanguage();
      questions.refreshLanguage();
    },
  };
}

/** "Linje ritad" / "Område ritat" for the form's place line. */
function shapeChosenKey(geometry) {
  return geometry.type === 'LineString' ? 'shape.chosen.line' : 'shape.chosen.area';
}

/**
 * A drawn pin as the map shows it: read back from the server (its representative point is
 * computed there); a pre-moderated pin is not public yet and is not shown anyway.
 */
async function submittedShape(id, body) {
  try {
    return await api.pin(id);
  } catch {
    const [lon, lat] = body.shape.type === 'LineString' ? body.shape.coordinates[0] : body.shape.coordinates[0][0];
    return { type: 'Feature', id, geometry: { type: 'Point', coordinates: [lon, lat] },
      properties: { category: body.category, subtags: body.subtags, text: body.text.trim(), status: 'received',
        supports: 0, createdAt: new Date().toISOString(), shape: body.shape } };
  }
}
