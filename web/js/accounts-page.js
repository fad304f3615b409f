// Staff accounts (administrators only): the list, a form for a new account, and per account its
// roles, enabled or disabled, and a new password. Faults from the server go next to the field.
import { staffBoot, staffApi, currentStaff, errorText, showPageProblem } from './staff.js';
import { h, announce } from './dom.js';
import { t, formatDate } from './i18n.js';
import { showErrors, clearErrors, busy } from './staff-forms.js';

const $ = (id) => document.getElementById(id);
const ROLES = ['moderator', 'planner', 'gis', 'admin'];
const MIN_PASSWORD = 12;
let accounts = [];

function say(text, { error = false } = {}) {
  $('action-status').classList.toggle('is-error', error);
  announce($('action-status'), text);
}

function roleChoices(name, idPrefix, checked, describedBy) {
  return ROLES.map((role) => h('label', { class: 'choice', for: `${idPrefix}-${role}` },
    h('input', { type: 'checkbox', name, value: role, id: `${idPrefix}-${role}`, checked: checked.includes(role), 'aria-describedby': describedBy }),
    h('span', {}, h('span', { class: 'choice__label', i18n: `staff.role.${role}` }), h('span', { class: 'choice__hint', i18n: `staff.role.${role}.help` }))));
}

function checkedRoles(container, name) {
  return [...container.querySelectorAll(`input[name="${name}"]:checked`)].map((el) => el.value);
}

/** Checks the browser can make before asking the server; the server checks everything again. */
function localFaults({ username, password, roles }) {
  const faults = [];
  // The server's rule (AccountController): it lower-cases the name first.
  if (username !== undefined && !/^[a-z0-9][a-z0-9._@-]{1,63}$/.test(username.trim().toLowerCase())) {
    faults.push({ field: 'username', code: 'username.invalid' });
  }
  if (roles !== undefined && !roles.length) faults.push({ field: 'roles', code: 'roles.missing' });
  if (password && [...password].length < MIN_PASSWORD) faults.push({ field: 'password', code: 'password.too_short' });
  return faults;
}

function replaceAccount(account) {
  accounts = accounts.map((a) => (a.id === account.id ? account : a));
  const old = document.querySelector(`#accounts-list li[data-account-id="${account.id}"]`);
  const fresh = accountItem(account);
  if (old) old.replaceWith(fresh); else $('accounts-list').append(fresh);
  return fresh;
}

function accountItem(a) {
  const me = currentStaff();
  const self = a.username === me.username;
  const fields = {
    roles: { error: `error-roles-${a.id}` },
    enabled: { error: `error-account-${a.id}` },
    password: { input: `password-${a.id}`, error: `error-password-${a.id}` },
  };
  const accountErrors = `error-account-${a.id}`;

  const rolesForm = h('form', { class: 'staff-form account-roles', novalidate: true },
    h('fieldset', { class: 'field', 'aria-describedby': `error-roles-${a.id}` },
      h('legend', { i18n: 'staff.accounts.roles' }),
      h('div', { class: 'choice-list choice-list--inline' }, roleChoices(`roles-${a.id}`, `role-${a.id}`, a.roles, `error-roles-${a.id}`)),
      h('p', { id: `error-roles-${a.id}`, class: 'field-error' })),
    h('button', { type: 'submit', class: 'button button--small', id: `save-roles-${a.id}`, i18n: 'staff.accounts.saveRoles' }));
  rolesForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const roles = checkedRoles(rolesForm, `roles-${a.id}`);
    change(a, { roles }, e.submitter || rolesForm.querySelector('button'), fields, accountErrors, 'staff.accounts.done.roles');
  });

  const toggle = self ? h('p', { class: 'hint', i18n: 'staff.accounts.self' })
    : h('button', { type: 'button', class: 'button button--small', id: `toggle-${a.id}`, i18n: a.enabled ? 'staff.accounts.disable' : 'staff.accounts.enable',
      onclick: (e) => change(a, { enabled: !a.enabled }, e.currentTarget, fields, accountErrors, a.enabled ? 'staff.accounts.done.disabled' : 'staff.accounts.done.enabled') });

  const passwordForm = h('form', { class: 'staff-form account-password', novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: `password-${a.id}`, class: 'field-label', i18n: 'staff.accounts.newPassword' }),
      h('input', { id: `password-${a.id}`, type: 'password', autocomplete: 'new-password', 'aria-describedby': `password-hint-${a.id} error-password-${a.id}` }),
      h('p', { id: `password-hint-${a.id}`, class: 'hint', i18n: 'staff.accounts.password.rule' }),
      h('p', { id: `error-password-${a.id}`, class: 'field-error' })),
    h('button', { type: 'submit', class: 'button button--small', id: `save-password-${a.id}`, i18n: 'staff.accounts.setPassword' }));
  passwordForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const password = $(`password-${a.id}`).value;
    if (!password) {
      showErrors({ errors: [{ field: 'password', code: 'password.too_short' }] }, fields);
      $(`password-${a.id}`).focus();
      return;
    }
    change(a, { password }, passwordForm.querySelector('button'), fields, accountErrors, 'staff.accounts.done.password');
  });

  // Single sign-on: linked by the provider's issuer and subject, never by a name the user may set.
  const sso = h('div', { class: 'account-sso' },
    h('p', { class: 'hint', id: `sso-${a.id}`, i18n: `staff.accounts.sso.${a.sso || 'none'}` }),
    h('button', { type: 'button', class: 'button button--small', id: `sso-toggle-${a.id}`, 'aria-describedby': `sso-${a.id}`,
      i18n: a.sso === 'none' || !a.sso ? 'staff.accounts.sso.linkNext' : 'staff.accounts.sso.remove',
      onclick: (e) => change(a, { sso: a.sso === 'none' || !a.sso ? 'link_next' : 'none' }, e.currentTarget, fields, accountErrors,
        'staff.accounts.done.sso') }));

  return h('li', { class: `account-card${a.enabled ? '' : ' is-disabled'}`, 'data-account-id': String(a.id), 'data-username': a.username },
    h('h3', { id: `account-${a.id}-name`, tabindex: '-1' }, a.displayName || a.username, ' ', h('span', { class: 'account-username' }, `(${a.username})`)),
    h('p', { class: 'status-line' },
      h('span', { class: `badge ${a.enabled ? 'badge--ongoing' : 'badge--completed'}`, i18n: a.enabled ? 'staff.accounts.enabled' : 'staff.accounts.disabled' }),
      h('span', { class: 'hint', i18n: a.localPassword ? 'staff.accounts.local' : 'staff.accounts.ssoOnly' }),
      a.createdAt ? h('span', { class: 'hint', 'data-created': a.createdAt }, t('staff.accounts.created', { date: formatDate(a.createdAt) })) : null),
    h('p', { id: accountErrors, class: 'field-error', role: 'alert' }),
    h('div', { class: 'account-body' },
      rolesForm,
      h('div', { class: 'account-side' }, h('div', { class: 'account-actions' }, toggle), passwordForm, sso)));
}

async function change(account, body, button, fields, accountErrors, doneKey) {
  clearErrors(fields, accountErrors);
  const faults = localFaults(body);
  if (faults.length) {
    showErrors({ errors: faults }, fields, accountErrors)?.focus?.();
    return;
  }
  try {
    const updated = await busy(button, () => staffApi(`/api/v1/staff/accounts/${account.id}`, { method: 'PATCH', body }));
    const item = replaceAccount(updated);
    item.querySelector('h3').focus();
    say(t(doneKey, { name: updated.displayName || updated.username }));
  } catch (e) {
    const first = showErrors(e, fields, accountErrors);
    first?.focus?.();
    say(errorText(e), { error: true });
  }
}

const NEW_FIELDS = {
  username: { input: 'new-username', error: 'error-new-username', codes: ['username.taken'] },
  displayName: { input: 'new-display-name', error: 'error-new-display-name' },
  password: { input: 'new-password', error: 'error-new-password' },
  roles: { error: 'error-new-roles' },
};

async function create(e) {
  e.preventDefault();
  clearErrors(NEW_FIELDS, 'account-form-error');
  const form = $('account-form');
  const body = {
    username: $('new-username').value.trim(),
    displayName: $('new-display-name').value.trim(),
    roles: checkedRoles(form, 'new-roles'),
  };
  const password = $('new-password').value;
  if (password) body.password = password;
  const faults = localFaults(body);
  if (faults.length) {
    showErrors({ errors: faults }, NEW_FIELDS, 'account-form-error')?.focus?.();
    return;
  }
  try {
    const account = await busy($('account-save'), () => staffApi('/api/v1/staff/accounts', { method: 'POST', body }));
    accounts.push(account);
    const item = accountItem(account);
    $('accounts-list').append(item);
    form.reset();
    say(t('staff.accounts.done.created', { name: account.displayName || account.username }));
    item.querySelector('h3').focus();
  } catch (err) {
    showErrors(err, NEW_FIELDS, 'account-form-error')?.focus?.();
  }
}


async function render() {
  try {
    accounts = await staffApi('/api/v1/staff/accounts');
  } catch (e) {
    showPageProblem(errorText(e), e.status === 403 ? null : () => location.reload());
    return;
  }
  $('new-roles').replaceChildren(...roleChoices('new-roles', 'new-role', [], 'new-roles-hint error-new-roles'));
  $('accounts-list').replaceChildren(...accounts.map(accountItem));
  $('account-form').addEventListener('submit', create);
  $('accounts-content').hidden = false;
}

staffBoot({
  page: 'accounts',
  role: 'admin',
  render,
  onLanguage: () => {
    // Labels and buttons carry their keys and follow by themselves (ticks and typed text stay);
    // only the dates are written again.
    for (const el of document.querySelectorAll('[data-created]')) {
      el.textContent = t('staff.accounts.created', { date: formatDate(el.dataset.created) });
    }
  },
});
