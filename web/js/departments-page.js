// Departments and outside bodies that pins can be forwarded to (administrators): the list, a form
// for a new one, and per entry a new name or kind, and whether it is in use. One in use is
// switched off, never deleted, so that pins forwarded to it keep their history.
import { staffBoot, staffApi, errorText, showPageProblem } from './staff.js';
import { h, announce } from './dom.js';
import { t } from './i18n.js';
import { showErrors, clearErrors, busy } from './staff-forms.js';
import { contactsEditor } from './department-contacts.js';
import { createRoutingRules } from './routing-rules.js';

const $ = (id) => document.getElementById(id);
const KINDS = ['internal', 'external'];
let departments = [];

function say(text, { error = false } = {}) {
  $('admin-status').classList.toggle('is-error', error);
  announce($('admin-status'), text);
}

/** The server's codes in the words of this page; a taken name belongs to the name field. */
function localized(e) {
  if (e.code === 'department.taken') return { errors: [{ field: 'name', message: t('admin.error.department.taken') }] };
  if (!e.errors?.length) return e;
  return { errors: e.errors.map((f) => ({ field: f.field, message: t(f.field === 'kind' ? 'admin.error.department.kind' : 'admin.error.department.name') })) };
}

function kindOptions(selected) {
  return KINDS.map((k) => h('option', { value: k, i18n: `admin.departments.kind.${k}`, selected: k === selected }));
}

function item(d) {
  const errorId = `error-department-${d.id}`;
  const fields = {
    name: { input: `department-name-${d.id}`, error: errorId },
    kind: { input: `department-kind-${d.id}`, error: errorId },
    enabled: { error: errorId },
  };
  const form = h('form', { class: 'staff-form department-edit', novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: `department-name-${d.id}`, class: 'field-label', i18n: 'admin.departments.rename' }),
      h('input', { id: `department-name-${d.id}`, type: 'text', maxlength: '200', value: d.name, autocomplete: 'off', 'aria-describedby': errorId })),
    h('div', { class: 'field' },
      h('label', { for: `department-kind-${d.id}`, class: 'field-label', i18n: 'admin.departments.kind' }),
      h('select', { id: `department-kind-${d.id}`, 'aria-describedby': errorId }, kindOptions(d.kind))),
    h('button', { type: 'submit', class: 'button button--small rename-department', id: `department-rename-${d.id}`, i18n: 'admin.departments.saveChange' }));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const name = $(`department-name-${d.id}`).value.trim();
    const kind = $(`department-kind-${d.id}`).value;
    if (!name) {
      showErrors(localized({ errors: [{ field: 'name' }] }), fields)?.focus?.();
      return;
    }
    const body = {};
    if (name !== d.name) body.name = name;
    if (kind !== d.kind) body.kind = kind;
    if (!Object.keys(body).length) {
      say(t('admin.departments.unchanged', { name: d.name }));
      return;
    }
    change(d, body, e.submitter || form.querySelector('button'), fields,
      body.name ? 'admin.departments.done.renamed' : 'admin.departments.done.kind');
  });

  const toggle = h('button', {
    type: 'button', class: 'button button--small toggle-department', id: `department-toggle-${d.id}`,
    i18n: d.enabled ? 'admin.departments.disable' : 'admin.departments.enable', 'aria-describedby': `department-${d.id}-name`,
    onclick: (e) => change(d, { enabled: !d.enabled }, e.currentTarget, fields,
      d.enabled ? 'admin.departments.done.disabled' : 'admin.departments.done.enabled'),
  });

  return h('li', { class: `department${d.enabled ? '' : ' is-disabled'}`, 'data-department-id': String(d.id), 'data-kind': d.kind, 'data-enabled': String(d.enabled) },
    h('h3', { id: `department-${d.id}-name`, tabindex: '-1' }, d.name),
    h('p', { class: 'status-line' },
      h('span', { class: `badge ${d.enabled ? 'badge--ongoing' : 'badge--completed'}`, i18n: d.enabled ? 'admin.departments.enabled' : 'admin.departments.disabled' }),
      h('span', { class: 'hint', i18n: `admin.departments.kind.${d.kind}` })),
    d.enabled ? null : h('p', { class: 'hint', i18n: 'admin.departments.disabledNote' }),
    h('p', { id: errorId, class: 'field-error', role: 'alert' }),
    h('div', { class: 'department-body' }, form, h('div', { class: 'department-actions' }, toggle)),
    contactsEditor(d.id, $('admin-status')));
}

function replace(d) {
  departments = departments.map((x) => (x.id === d.id ? d : x));
  const old = document.querySelector(`#departments-list li[data-department-id="${d.id}"]`);
  const fresh = item(d);
  if (old) old.replaceWith(fresh); else $('departments-list').append(fresh);
  $('departments-empty').hidden = departments.length > 0;
  return fresh;
}

async function change(d, body, button, fields, doneKey) {
  clearErrors(fields);
  try {
    const updated = await busy(button, () => staffApi(`/api/v1/staff/departments/${d.id}`, { method: 'PATCH', body }));
    const fresh = replace(updated);
    fresh.querySelector('h3').focus();
    say(t(doneKey, { name: updated.name, before: d.name }));
  } catch (e) {
    showErrors(localized(e), fields)?.focus?.();
    say(errorText(e), { error: true });
  }
}

const NEW_FIELDS = {
  name: { input: 'department-name', error: 'error-department-name' },
  kind: { input: 'department-kind', error: 'error-department-kind' },
};

async function create(e) {
  e.preventDefault();
  clearErrors(NEW_FIELDS, 'department-form-error');
  const body = { name: $('department-name').value.trim(), kind: $('department-kind').value };
  if (!body.name) {
    showErrors(localized({ errors: [{ field: 'name' }] }), NEW_FIELDS, 'department-form-error')?.focus?.();
    return;
  }
  try {
    const created = await busy($('department-save'), () => staffApi('/api/v1/staff/departments', { method: 'POST', body }));
    departments.push(created);
    const fresh = replace(created);
    $('department-form').reset();
    say(t('admin.departments.done.created', { name: created.name }));
    fresh.querySelector('h3').focus();
  } catch (err) {
    showErrors(localized(err), NEW_FIELDS, 'department-form-error')?.focus?.();
  }
}

async function render() {
  try {
    departments = await staffApi('/api/v1/staff/departments');
  } catch (e) {
    showPageProblem(errorText(e), e.status === 403 ? null : () => location.reload());
    return;
  }
  $('departments-list').replaceChildren(...departments.map(item));
  $('departments-empty').hidden = departments.length > 0;
  $('department-form').addEventListener('submit', create);
  $('departments-content').hidden = false;
  await createRoutingRules({ departments: () => departments, status: $('admin-status') });
}

staffBoot({
  page: 'departments',
  role: 'admin',
  render,
});
