// The walk form on the planning page: create a walk or edit one (also after the walk, to fill in
// participants, groups and conditions). Times are entered in the browser's local time and sent
// as instants; faults from the server go next to their field.
import { staffApi, errorText, fieldErrorText } from './staff.js';
import { busy } from './staff-forms.js';
import { h } from './dom.js';
import { t, has } from './i18n.js';
import { createWalkLanguagesSection } from './dialogues-admin-languages.js';
import { addCounter } from './walk-description.js';

const $ = (id) => document.getElementById(id);
export const GROUPS = ['residents', 'police', 'housing_company', 'municipality', 'politicians', 'associations', 'youth', 'seniors', 'business', 'other'];

const FIELDS = {
  kind: { input: 'wf-kind-safety', error: 'error-wf-kind' },
  title: { input: 'wf-title', error: 'error-wf-title' },
  description: { input: 'wf-description', error: 'error-wf-description' },
  startsAt: { input: 'wf-starts', error: 'error-wf-starts' },
  endsAt: { input: 'wf-ends', error: 'error-wf-ends' },
  meetingPointName: { input: 'wf-meeting-name', error: 'error-wf-meeting-name' },
  meetingPoint: { input: 'plan-map', error: 'error-wf-map' },
  plannedRoute: { input: 'plan-map', error: 'error-wf-map' },
  participantCount: { input: 'wf-participants', error: 'error-wf-participants' },
  groups: { input: 'wf-groups', error: 'error-wf-groups' },
  facilitator: { input: 'wf-facilitator', error: 'error-wf-facilitator' },
  light: { input: 'wf-light', error: 'error-wf-light' },
  weather: { input: 'wf-weather', error: 'error-wf-weather' },
  note: { input: 'wf-note', error: 'error-wf-note' },
};

const pad = (n) => String(n).padStart(2, '0');
/** An instant as the value of an <input type=datetime-local>, in the browser's time zone. */
export function toLocalInput(iso) {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
export function fromLocalInput(value) {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

function faultText(fault) {
  return has(`walk.plan.error.${fault.code}`) ? t(`walk.plan.error.${fault.code}`) : fieldErrorText(fault);
}

function clearFaults() {
  for (const f of Object.values(FIELDS)) {
    $(f.error).textContent = '';
    $(f.input)?.removeAttribute('aria-invalid');
  }
  $('wf-error').textContent = '';
}

function showFaults(e) {
  clearFaults();
  const rest = [];
  let first = null;
  for (const fault of e.errors || []) {
    const place = FIELDS[fault.field] || FIELDS[String(fault.field).split(/[.[]/)[0]];
    if (!place) {
      rest.push(faultText(fault));
      continue;
    }
    const box = $(place.error);
    const text = faultText(fault);
    if (!box.textContent.includes(text)) box.textContent = `${box.textContent} ${text}`.trim();
    $(place.input)?.setAttribute('aria-invalid', 'true');
  }
  // Focus goes to the topmost field at fault, whatever order the server listed them in.
  const order = Object.keys(FIELDS).filter((name) => $(FIELDS[name].error).textContent);
  if (order.length) first = $(FIELDS[order[0]].input) || $(FIELDS[order[0]].error);
  if (!e.errors?.length) rest.push(has(`walk.plan.error.${e.code}`) ? t(`walk.plan.error.${e.code}`) : errorText(e));
  if (rest.length) $('wf-error').textContent = [...new Set(rest)].join(' ');
  (first || $('wf-error')).focus();
}

/** opts: planMap() → the plan map or null, dialogue() → the chosen dialogue, onSaved(walk), onClosed(). */
export function createWalkForm(opts) {
  const form = $('walk-form');
  const languages = createWalkLanguagesSection(form);
  let editing = null;
  const countDescription = addCounter($('wf-description'), $('wf-description-counter'));

  $('wf-groups').replaceChildren(...GROUPS.map((code) => h('label', { class: 'choice', for: `wf-group-${code}` },
    h('input', { type: 'checkbox', name: 'groups', value: code, id: `wf-group-${code}` }),
    h('span', { class: 'choice__text', i18n: `walk.group.${code}` }))));

  function fill(walk) {
    form.reset();
    clearFaults();
    editing = walk;
    const heading = $('wf-heading');
    heading.dataset.i18n = walk ? 'walk.plan.editHeading' : 'walk.plan.newHeading';
    heading.textContent = t(heading.dataset.i18n);
    form.querySelector(`input[name=kind][value=${walk?.kind || 'safety_walk'}]`).checked = true;
    $('wf-title').value = walk?.title || '';
    $('wf-description').value = walk?.description || '';
    countDescription();
    $('wf-starts').value = toLocalInput(walk?.startsAt);
    $('wf-ends').value = toLocalInput(walk?.endsAt);
    $('wf-meeting-name').value = walk?.meetingPointName || '';
    $('wf-participants').value = walk?.participantCount ?? '';
    for (const box of form.querySelectorAll('input[name=groups]')) box.checked = (walk?.groups || []).includes(box.value);
    $('wf-facilitator').value = walk?.facilitator || '';
    $('wf-light').value = walk?.light || '';
    $('wf-weather').value = walk?.weather || '';
    $('wf-note').value = walk?.note || '';
    form.hidden = false;
    languages.edit(walk);
    opts.planMap()?.setValue({ meetingPoint: walk?.meetingPoint, plannedRoute: walk?.plannedRoute, name: walk?.meetingPointName });
    heading.focus();
  }

  function draft() {
    const geo = opts.planMap()?.value() || { meetingPoint: editing?.meetingPoint ?? null, plannedRoute: editing?.plannedRoute ?? null };
    const participants = $('wf-participants').value.trim();
    const blankToNull = (v) => (v.trim() ? v.trim() : null);
    return {
      dialogueId: opts.dialogue().id,
      kind: form.querySelector('input[name=kind]:checked')?.value || null,
      title: $('wf-title').value,
      description: blankToNull($('wf-description').value),
      startsAt: fromLocalInput($('wf-starts').value),
      endsAt: fromLocalInput($('wf-ends').value),
      meetingPoint: geo.meetingPoint,
      meetingPointName: blankToNull($('wf-meeting-name').value),
      plannedRoute: geo.plannedRoute,
      participantCount: participants === '' ? null : Number(participants),
      groups: [...form.querySelectorAll('input[name=groups]:checked')].map((b) => b.value),
      facilitator: $('wf-facilitator').value,
      light: $('wf-light').value || null,
      weather: blankToNull($('wf-weather').value),
      note: blankToNull($('wf-note').value),
    };
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = draft();
    if ((opts.planMap()?.value().routePoints || 0) === 1) {
      showFaults({ errors: [{ field: 'plannedRoute', code: 'route.too_short' }] });
      return;
    }
    await busy($('wf-save'), async () => {
      try {
        const saved = editing
          ? await staffApi(`/api/v1/staff/walks/${editing.id}`, { method: 'PUT', body })
          : await staffApi('/api/v1/staff/walks', { method: 'POST', body });
        form.hidden = true;
        editing = null;
        languages.edit(null);
        opts.onSaved(saved);
      } catch (err) {
        showFaults(err);
      }
    });
  });
  $('wf-cancel').addEventListener('click', () => {
    form.hidden = true;
    editing = null;
    languages.edit(null);
    opts.onClosed();
  });
  $('wf-meeting-name').addEventListener('input', () => opts.planMap()?.setMeetingName($('wf-meeting-name').value));

  return {
    open: fill,
    close() { form.hidden = true; editing = null; languages.edit(null); },
    isOpen: () => !form.hidden,
    editing: () => editing,
  };
}
