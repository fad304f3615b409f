// Meeting entry (/personal/meeting.html, planner and up): a facilitator enters what participants
// said at a dialogue meeting or workshop, one pin after another. Dialogue and meeting name are
// set once; then click the map, pick a category, type, Save, and the form is ready for the next
// with the meeting name kept. Each entry carries its own Idempotency-Key until it is saved.
import { staffBoot, staffApi, errorText, fieldErrorText } from './staff.js';
import { api } from './api.js';
import { h, announce } from './dom.js';
import { t, tn, has, label, formatNumber } from './i18n.js';
import { categoryMark, categoryClass } from './pins.js';
import { roundCoord, inStudyArea } from './geo.js';
import { newKey } from './walk-store.js';
import { baseMap, studyAreaLayer, stopMarker, frame } from './walk-staff-map.js';
import { busy } from './staff-forms.js';

const $ = (id) => document.getElementById(id);
const L = window.L;
const state = { site: null, dialogues: [], map: null, area: null, draft: null, place: null, key: null, entered: [], layer: null };
const SLOTS = { location: 'meeting-location', category: 'meeting-categories', subtags: 'meeting-subtags', text: 'meeting-text', meetingName: 'meeting-name', profile: 'meeting-age' };

const dialogue = () => state.dialogues.find((d) => String(d.id) === $('meeting-dialogue').value) || null;

function setLocation(pos) {
  state.place = pos;
  const el = $('meeting-location');
  el.dataset.i18n = pos ? 'walk.meeting.placed' : 'walk.meeting.noPlace';
  el.textContent = t(el.dataset.i18n);
  if (pos) $('error-meeting-location').textContent = '';
  if (!state.map) return;
  if (!pos) {
    state.draft?.remove();
    state.draft = null;
  } else if (state.draft) {
    state.draft.setLatLng([pos.lat, pos.lon]);
  } else {
    state.draft = L.marker([pos.lat, pos.lon], {
      icon: L.divIcon({ className: 'draft-marker', html: h('span', { class: 'draft-marker__shape' }), iconSize: [36, 46], iconAnchor: [18, 44] }),
      keyboard: false, interactive: false, zIndexOffset: 1000,
    }).addTo(state.map);
  }
}

function place(latlng) {
  const pos = { lon: latlng.lng, lat: latlng.lat };
  if (!inStudyArea(dialogue()?.studyArea, pos.lon, pos.lat)) {
    $('error-meeting-location').textContent = t('place.outside');
    return;
  }
  setLocation(pos);
  announce($('meeting-status'), t('walk.meeting.placed'));
}

function renderChoices() {
  const d = dialogue();
  const chosen = $('meeting-form').querySelector('input[name=category]:checked')?.value;
  $('meeting-categories').replaceChildren(...(d?.categories || []).map((code) => h('label', { class: 'choice', for: `mc-${code}` },
    h('input', { type: 'radio', name: 'category', value: code, id: `mc-${code}` }),
    h('span', { class: 'choice__text' }, categoryMark(code), h('span', { class: 'choice__label' }, label('category', code))))));
  const again = chosen && $('meeting-form').querySelector(`input[name=category][value="${chosen}"]`);
  if (again) again.checked = true;
  renderSubtags();
}

function renderSubtags() {
  const category = $('meeting-form').querySelector('input[name=category]:checked')?.value;
  const tags = dialogue()?.subtags?.[category] || [];
  $('meeting-subtags').replaceChildren(...tags.map((code) => h('label', { class: 'choice', for: `ms-${code}` },
    h('input', { type: 'checkbox', name: 'subtags', value: code, id: `ms-${code}` }), h('span', { class: 'choice__text' }, label('subtag', code)))));
  $('meeting-subtags-field').hidden = tags.length === 0;
}

function clearFaults() {
  for (const slot of Object.keys(SLOTS)) {
    $(`error-meeting-${slot === 'meetingName' ? 'name' : slot}`).textContent = '';
    $(SLOTS[slot])?.removeAttribute('aria-invalid');
  }
  $('meeting-error').textContent = '';
}

function showFaults(e) {
  clearFaults();
  const rest = [];
  let first = null;
  for (const fault of e.errors || []) {
    const slot = String(fault.field || '').split('.')[0];
    const key = [`walk.error.${fault.code}`, `error.${fault.code}`].find((k) => has(k));
    const text = key ? t(key, { max: formatNumber(2000) }) : fieldErrorText(fault);
    if (!SLOTS[slot]) { rest.push(text); continue; }
    $(`error-meeting-${slot === 'meetingName' ? 'name' : slot}`).textContent = text;
    $(SLOTS[slot]).setAttribute('aria-invalid', 'true');
    first ||= slot === 'category' ? $('meeting-categories').querySelector('input') : $(SLOTS[slot]);
  }
  if (!e.errors?.length) rest.push(errorText(e));
  $('meeting-error').textContent = rest.join(' ');
  (first || $('meeting-error')).focus();
}

function renderEntered() {
  $('meeting-entered').replaceChildren(...state.entered.map((p, i) => h('li', { class: categoryClass(p.category) },
    h('p', { class: 'pin-category' }, `${i + 1}. `, categoryMark(p.category), label('category', p.category), ` · ${p.meetingName}`),
    h('p', { class: 'user-text' }, p.text))));
  $('meeting-entered-empty').hidden = state.entered.length > 0;
  if (!state.layer) return;
  state.layer.clearLayers();
  state.entered.forEach((p, i) => stopMarker(p.location, i + 1, p.category, `${i + 1}. ${label('category', p.category)}`).addTo(state.layer));
}

async function save(e) {
  e.preventDefault();
  const d = dialogue();
  const form = $('meeting-form');
  const body = {
    category: form.querySelector('input[name=category]:checked')?.value || null,
    subtags: [...form.querySelectorAll('input[name=subtags]:checked')].map((b) => b.value),
    text: $('meeting-text').value,
    location: state.place ? { type: 'Point', coordinates: [roundCoord(state.place.lon), roundCoord(state.place.lat)] } : null,
    meetingName: $('meeting-name').value,
  };
  // Age band and gender, if the participant wants to say: so meetings count in "who has been heard".
  const profile = { ageBand: $('meeting-age').value || undefined, gender: $('meeting-gender').value || undefined };
  if (profile.ageBand || profile.gender) body.profile = JSON.parse(JSON.stringify(profile));
  const faults = [];
  if (!body.meetingName.trim()) faults.push({ field: 'meetingName', code: 'meetingName.blank' });
  if (!body.location) faults.push({ field: 'location', code: 'location.missing' });
  if (!body.category) faults.push({ field: 'category', code: 'category.missing' });
  if (!body.text.trim()) faults.push({ field: 'text', code: 'text.blank' });
  if (faults.length) return showFaults({ errors: faults });
  state.key ??= newKey(); // the same key on a retry after a lost answer: still one pin
  return busy($('meeting-save'), async () => {
    try {
      const answer = await staffApi(`/api/v1/staff/dialogues/${encodeURIComponent(d.id)}/meeting-pins`, { method: 'POST', body, headers: { 'Idempotency-Key': state.key } });
      state.key = null;
      state.entered.push({ id: answer?.id, ...body, text: body.text.trim(), meetingName: body.meetingName.trim() });
      renderEntered();
      clearFaults();
      form.querySelectorAll('input[name=category], input[name=subtags]').forEach((b) => { b.checked = false; });
      renderSubtags();
      $('meeting-text').value = '';
      $('meeting-age').value = '';
      $('meeting-gender').value = '';
      setLocation(null);
      announce($('meeting-status'), tn('walk.meeting.saved', state.entered.length));
      ($('meeting-map').hidden ? $('meeting-categories').querySelector('input') : $('meeting-map'))?.focus();
    } catch (err) {
      if ([err, ...(err.errors || [])].some((x) => x.code === 'idempotency_key.reused')) state.key = null;
      showFaults(err);
    }
  });
}

function dialogueChosen() {
  const d = dialogue();
  $('meeting-closed').hidden = d?.status === 'ongoing';
  $('meeting-closed').textContent = d?.status === 'ongoing' ? '' : t('error.dialogue.closed');
  renderChoices();
  setLocation(null);
  if (!state.map) return;
  state.area?.remove();
  state.area = studyAreaLayer(d?.studyArea);
  state.area?.addTo(state.map);
  frame(state.map, [], state.area);
}

async function render() {
  try {
    [state.site, state.dialogues] = await Promise.all([api.site().catch(() => null), api.dialogues()]);
  } catch (e) {
    $('page-status').replaceChildren(h('p', { class: 'notice notice--error', role: 'alert' }, errorText(e)));
    return;
  }
  $('meeting-content').hidden = false;
  document.title = t('walk.meeting.pageTitle');
  const open = state.dialogues.filter((d) => d.status === 'ongoing');
  const list = open.length ? open : state.dialogues;
  $('meeting-dialogue').replaceChildren(...list.map((d) => h('option', { value: String(d.id) }, d.title)));
  const wanted = new URLSearchParams(location.search).get('dialogue');
  if (wanted && list.some((d) => String(d.id) === wanted)) $('meeting-dialogue').value = wanted;
  state.map = baseMap($('meeting-map'), { site: state.site, onTilesFailed: () => { $('meeting-map-note').textContent = t('map.tilesFailed'); $('meeting-map-note').hidden = false; } });
  if (state.map) {
    state.layer = L.featureGroup().addTo(state.map);
    state.map.on('click', (ev) => place(ev.latlng.wrap()));
    const box = $('meeting-map').parentElement;
    $('meeting-map').addEventListener('focus', () => box.classList.add('show-crosshair'));
    $('meeting-map').addEventListener('blur', () => box.classList.remove('show-crosshair'));
    $('meeting-map').addEventListener('pointerdown', () => box.classList.remove('show-crosshair'));
    $('meeting-map').addEventListener('keydown', (ev) => {
      if (ev.target !== $('meeting-map') || ev.key !== 'Enter') return;
      ev.preventDefault();
      place(state.map.getCenter().wrap());
      $('meeting-categories').querySelector('input')?.focus();
    });
  } else {
    $('meeting-map').hidden = true;
    $('meeting-map-note').textContent = t('map.unavailable');
    $('meeting-map-note').hidden = false;
  }
  $('meeting-dialogue').addEventListener('change', dialogueChosen);
  $('meeting-form').addEventListener('change', (ev) => { if (ev.target.name === 'category') renderSubtags(); });
  $('meeting-form').addEventListener('submit', save);
  dialogueChosen();
  renderEntered();
}

staffBoot({ page: 'meeting', role: 'planner', render, onLanguage: () => { if (state.dialogues.length) { renderChoices(); renderEntered(); setLocation(state.place); } } });
