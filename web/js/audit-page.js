// The audit log (administrators only): the latest staff actions, newest first, each with who,
// what, on which thing, and the state before and after as a small table. Everything recorded
// is shown as text: values from the log never become markup.
import { staffBoot, staffApi, errorText, fieldErrorText, showPageProblem } from './staff.js';
import { h } from './dom.js';
import { t, tn, has, formatDate } from './i18n.js';

const $ = (id) => document.getElementById(id);
const KNOWN_TYPES = ['pin', 'reply', 'staff_account', 'department', 'dialogue', 'retention', 'walk', 'neighbourhood', 'incoming_view', 'export'];
// The filters the server checks (AuditFilter); its 422 names the field, shown beside it.
const SERVER_FIELDS = { actor: 'audit-actor', from: 'audit-from', to: 'audit-to' };
let events = null;
const seenTypes = new Set(KNOWN_TYPES);

function typeLabel(type) {
  return has(`staff.audit.type.${type}`) ? t(`staff.audit.type.${type}`) : type;
}

function actionLabel(action) {
  return has(`staff.audit.action.${action}`) ? t(`staff.audit.action.${action}`) : action;
}

/** A recorded value as one readable line: lists joined, objects as compact JSON. */
function show(value) {
  if (value === undefined) return '';
  if (value === null) return '–';
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) return value.length ? value.join(', ') : '–';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function changes(before, after) {
  const plain = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!plain(before) && !plain(after)) {
    if (before == null && after == null) return null;
    return table([['', before, after]]);
  }
  const b = plain(before) ? before : {};
  const a = plain(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows = keys.map((k) => [k, before == null ? undefined : b[k], after == null ? undefined : a[k]]);
  if (before == null || after == null) return table(rows);
  // A change: what changed first, the whole record on request.
  const changed = rows.filter(([, x, y]) => JSON.stringify(x) !== JSON.stringify(y));
  return h('div', { class: 'audit-change' },
    changed.length ? table(changed) : h('p', { class: 'hint', i18n: 'staff.audit.noVisibleChange' }),
    h('details', { class: 'audit-all' }, h('summary', { i18n: 'staff.audit.allFields' }), table(rows)));
}

function table(rows) {
  return h('table', { class: 'audit-changes' },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col', i18n: 'staff.audit.field' }),
      h('th', { scope: 'col', i18n: 'staff.audit.before' }),
      h('th', { scope: 'col', i18n: 'staff.audit.after' }))),
    h('tbody', {}, rows.map(([key, before, after]) => {
      const changed = before !== undefined && after !== undefined && JSON.stringify(before) !== JSON.stringify(after);
      return h('tr', { class: changed ? 'is-changed' : null },
        h('th', { scope: 'row' }, key, changed ? h('span', { class: 'visually-hidden', i18n: 'staff.audit.changed' }) : null),
        h('td', { class: 'user-text' }, show(before)),
        h('td', { class: 'user-text' }, show(after)));
    })));
}

function eventItem(ev) {
  const target = ev.targetType ? `${typeLabel(ev.targetType)}${ev.targetId != null ? ` #${ev.targetId}` : ''}` : '';
  const onlyThis = ev.targetType && ev.targetId != null
    ? h('button', { type: 'button', class: 'button button--small', onclick: () => filterTo(ev.targetType, ev.targetId) },
      t('staff.audit.onlyThis', { target }))
    : null;
  const openPin = ev.targetType === 'pin' && ev.targetId != null
    ? h('a', { href: `/personal/moderation.html?pin=${encodeURIComponent(ev.targetId)}` }, t('staff.audit.openPin', { id: ev.targetId }))
    : null;
  return h('li', { class: 'audit-event', 'data-event-id': String(ev.id) },
    h('p', { class: 'audit-event__head' },
      h('time', { datetime: ev.at }, formatDate(ev.at, true)), ' · ',
      h('strong', { class: 'audit-actor' }, ev.actor ?? ''), ' · ',
      h('span', { class: 'audit-action' }, actionLabel(ev.action))),
    target ? h('p', { class: 'audit-target' }, t('staff.audit.target', { target }), ' ', onlyThis, ' ', openPin) : null,
    changes(ev.before, ev.after));
}

function renderTypes() {
  const select = $('audit-target-type');
  const chosen = select.value;
  select.replaceChildren(h('option', { value: '', i18n: 'staff.audit.targetType.all' }),
    ...[...seenTypes].map((type) => h('option', { value: type }, typeLabel(type))));
  select.value = chosen;
}

function renderEvents() {
  $('audit-list').replaceChildren(...events.map(eventItem));
  const filtered = ['audit-target-type', 'audit-target-id', 'audit-actor', 'audit-from', 'audit-to'].some((id) => $(id).value);
  $('audit-summary').textContent = events.length
    ? tn(filtered ? 'staff.audit.countFiltered' : 'staff.audit.count', events.length)
    : t('staff.audit.empty');
}

function filterTo(type, id) {
  if (!seenTypes.has(type)) {
    seenTypes.add(type);
    renderTypes();
  }
  $('audit-target-type').value = type;
  $('audit-target-id').value = String(id);
  load();
  $('audit-target-type').focus();
}

function clearFieldErrors() {
  for (const id of ['audit-target-id', ...Object.values(SERVER_FIELDS)]) {
    $(`error-${id}`).textContent = '';
    $(id).removeAttribute('aria-invalid');
  }
}

/** A 422 from the server: each fault beside its field; true when one was shown. */
function showFieldErrors(e) {
  let first = null;
  for (const fault of e?.errors ?? []) {
    const id = SERVER_FIELDS[fault.field];
    if (!id) continue;
    $(`error-${id}`).textContent = fieldErrorText(fault);
    $(id).setAttribute('aria-invalid', 'true');
    first ??= id;
  }
  if (first) $(first).focus();
  return first !== null;
}

async function load() {
  const idText = $('audit-target-id').value.trim();
  clearFieldErrors();
  if (idText && !/^\d{1,18}$/.test(idText)) {
    $('error-audit-target-id').textContent = t('staff.audit.badId');
    $('audit-target-id').setAttribute('aria-invalid', 'true');
    $('audit-target-id').focus();
    return;
  }
  const q = new URLSearchParams({ limit: $('audit-limit').value });
  if ($('audit-target-type').value) q.set('targetType', $('audit-target-type').value);
  if (idText) q.set('targetId', idText);
  if ($('audit-actor').value.trim()) q.set('actor', $('audit-actor').value.trim());
  if ($('audit-from').value) q.set('from', $('audit-from').value);
  if ($('audit-to').value) q.set('to', $('audit-to').value);
  history.replaceState(null, '', `${location.pathname}?${q}`);
  $('audit-list').setAttribute('aria-busy', 'true');
  try {
    events = await staffApi(`/api/v1/staff/audit?${q}`);
  } catch (e) {
    events = [];
    $('audit-summary').textContent = showFieldErrors(e) ? t('staff.audit.fixFilter') : errorText(e);
    $('audit-list').replaceChildren();
    return;
  } finally {
    $('audit-list').removeAttribute('aria-busy');
  }
  for (const ev of events) if (ev.targetType) seenTypes.add(ev.targetType);
  renderTypes();
  renderEvents();
}

async function render() {
  const q = new URLSearchParams(location.search);
  if (q.get('targetType')) seenTypes.add(q.get('targetType'));
  renderTypes();
  $('audit-target-type').value = q.get('targetType') || '';
  $('audit-target-id').value = q.get('targetId') || '';
  $('audit-actor').value = q.get('actor') || '';
  $('audit-from').value = q.get('from') || '';
  $('audit-to').value = q.get('to') || '';
  if (['50', '200', '1000'].includes(q.get('limit'))) $('audit-limit').value = q.get('limit');
  $('audit-filter').addEventListener('submit', (e) => {
    e.preventDefault();
    load();
  });
  $('audit-reset').addEventListener('click', () => {
    $('audit-target-type').value = '';
    for (const id of ['audit-target-id', 'audit-actor', 'audit-from', 'audit-to']) $(id).value = '';
    load();
  });
  $('audit-content').hidden = false;
  try {
    await load();
  } catch (e) {
    showPageProblem(errorText(e));
  }
}

staffBoot({
  page: 'audit',
  role: 'admin',
  render,
  onLanguage: () => {
    if (!events) return;
    renderTypes();
    renderEvents();
  },
});
