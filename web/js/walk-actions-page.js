// The responsible body's page (/personal/walk-actions.html?body=ID): the walk actions assigned to
// a department or outside body, across every walk, and their status, which the body's staff move
// (agreed → in progress → done, or rejected with a reason). Nothing else of an action is theirs.
import { staffBoot, staffApi, errorText, fieldErrorText, showPageProblem } from './staff.js';
import { h, announce } from './dom.js';
import { t, formatDate } from './i18n.js';

const $ = (id) => document.getElementById(id);
const STATUSES = ['proposed', 'agreed', 'in_progress', 'done', 'rejected'];
const state = { bodies: [], actions: [] };

function card(a) {
  const id = (f) => `action-${a.id}-${f}`;
  const error = h('p', { class: 'form-error', role: 'alert' });
  const reason = h('div', { class: 'field', hidden: a.status !== 'rejected' },
    h('label', { for: id('reason'), class: 'field-label', i18n: 'walkmethod.actions.reason' }),
    h('textarea', { id: id('reason'), rows: '2', maxlength: '2000' }, a.rejectionReason || ''));
  const form = h('form', { class: 'staff-form', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: id('status'), class: 'field-label', i18n: 'walkmethod.actions.status' }),
      h('select', { id: id('status'), onchange: (e) => { reason.hidden = e.target.value !== 'rejected'; } },
        STATUSES.map((s) => h('option', { value: s, selected: a.status === s }, t(`walkmethod.status.${s}`))))),
    reason, error,
    h('button', { type: 'submit', class: 'button button--primary', id: id('save'), i18n: 'walkmethod.body.save' }));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.replaceChildren();
    try {
      await staffApi(`/api/v1/staff/walk-actions/${a.id}`, { method: 'PATCH', body: { status: $(id('status')).value, rejectionReason: $(id('reason')).value || null } });
      announce($('body-status'), t('walkmethod.saved'));
      await list();
    } catch (err) {
      error.textContent = err.errors?.length ? err.errors.map(fieldErrorText).join(' ') : errorText(err);
    }
  });
  return h('li', { class: 'method-body-card', 'data-action': String(a.id), 'data-status': a.status },
    h('h2', { class: 'user-text' }, a.what),
    h('p', {}, t('walkmethod.body.fromWalk', { walk: a.walkTitle }), ' · ',
      a.dueOn ? t('walkmethod.body.due', { date: formatDate(a.dueOn) }) : t('walkmethod.body.noDue'), ' · ',
      h('strong', {}, t(`walkmethod.status.${a.status}`))),
    form);
}

async function list() {
  const body = $('body-choice').value;
  if (!body) return;
  history.replaceState(null, '', `?body=${encodeURIComponent(body)}`);
  state.actions = await staffApi(`/api/v1/staff/walk-actions?body=${encodeURIComponent(body)}`);
  $('body-actions').replaceChildren(...state.actions.map(card));
  $('body-empty').hidden = state.actions.length > 0;
}

async function load() {
  try {
    state.bodies = await staffApi('/api/v1/staff/departments');
  } catch (e) {
    return showPageProblem(errorText(e), load);
  }
  const wanted = new URLSearchParams(location.search).get('body');
  $('body-choice').replaceChildren(...state.bodies.map((b) => h('option', { value: String(b.id), selected: String(b.id) === wanted }, b.name)));
  $('body-content').hidden = false;
  $('body-choice').addEventListener('change', () => list().catch((e) => showPageProblem(errorText(e))));
  await list().catch((e) => showPageProblem(errorText(e)));
  return undefined;
}

staffBoot({ page: 'walk-actions', role: 'moderator', render: load, onLanguage: () => { if (state.actions) list(); } });
