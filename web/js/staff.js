// What every staff page shares: who is signed in (GET /api/v1/staff/me), the CSRF token that
// every change must carry, the header with the links the roles allow and the sign-out form, and
// the two answers that end a page: 401 (to the sign-in page) and 403 (the role does not allow it).
// The staff pages are static files without data: everything comes from the protected API.
import { boot } from './page.js';
import { request } from './api.js';
import { h } from './dom.js';
import { t, has } from './i18n.js';

export const SIGN_IN = '/logga-in';

/** The role hierarchy of the server (SecurityConfig.roleHierarchy): what each role includes. */
const INCLUDES = {
  admin: ['admin', 'planner', 'moderator', 'gis'],
  planner: ['planner', 'moderator'],
  moderator: ['moderator'],
  gis: ['gis'],
};

/** The staff pages that exist, and the least role that may use each; shown only when allowed. */
const PAGES = [
  { id: 'nav-moderation', href: '/personal/moderation.html', role: 'moderator', key: 'staff.nav.moderation', page: 'moderation' },
  { id: 'nav-accounts', href: '/personal/accounts.html', role: 'admin', key: 'staff.nav.accounts', page: 'accounts' },
  { id: 'nav-audit', href: '/personal/audit.html', role: 'admin', key: 'staff.nav.audit', page: 'audit' },
  { id: 'nav-outbox', href: '/personal/utskick', role: 'admin', key: 'mail.nav', page: 'outbox', desc: 'mail.start' },
  { id: 'nav-open311', href: '/personal/api-clients.html', role: 'admin', key: 'open311.nav', page: 'api-clients', desc: 'open311.start' },
  { id: 'nav-languages', href: '/personal/languages.html', role: 'admin', key: 'languages.nav', page: 'languages', desc: 'languages.start' },
  { id: 'nav-dialogues', href: '/personal/dialogues.html', role: 'admin', key: 'admin.nav.dialogues', page: 'dialogues', desc: 'admin.start.dialogues' },
  { id: 'nav-departments', href: '/personal/departments.html', role: 'admin', key: 'admin.nav.departments', page: 'departments', desc: 'admin.start.departments' },
  { id: 'nav-walks', href: '/personal/walks.html', role: 'planner', key: 'walk.nav.walks', page: 'walks', desc: 'walk.start.walks' },
  { id: 'nav-walk-actions', href: '/personal/walk-actions.html', role: 'moderator', key: 'walkmethod.nav', page: 'walk-actions', desc: 'walkmethod.start' },
  { id: 'nav-meeting', href: '/personal/meeting.html', role: 'planner', key: 'walk.nav.meeting', page: 'meeting', desc: 'walk.start.meeting' },
  { id: 'nav-views', href: '/personal/views.html', role: 'planner', key: 'views.nav', page: 'views', desc: 'views.start' },
  { id: 'nav-report', href: '/personal/report.html', role: 'planner', key: 'report.page.nav', page: 'report', desc: 'report.page.start' },
  { id: 'nav-analysis', href: '/personal/analys', role: ['planner', 'gis'], key: 'analysis.nav', page: 'analysis', desc: 'analysis.start' },
  { id: 'nav-exports', href: '/personal/exporter', role: 'gis', key: 'export.nav', page: 'exports', desc: 'export.start.description' },
  { id: 'nav-neighbourhoods', href: '/personal/neighbourhoods.html', role: 'planner', key: 'area.nav', page: 'neighbourhoods', desc: 'area.start' },
  { id: 'nav-accessibility', href: '/personal/accessibility.html', role: 'admin', key: 'a11y.staff.heading', page: 'accessibility' },
];

let me = null;

export function currentStaff() {
  return me;
}

/** Whether the signed-in staff member has the role (or one of a list), directly or through a higher one. */
export function can(role) {
  if (Array.isArray(role)) return role.some(can);
  return !!me && me.roles.some((r) => (INCLUDES[r] || [r]).includes(role));
}

export function allowedPages() {
  return PAGES.filter((p) => can(p.role));
}

/** Leaves for the sign-in page; the server brings the user back to /personal/ afterwards. */
export function toSignIn() {
  location.assign(SIGN_IN);
}

async function send(path, { method = 'GET', body, headers: extra = {} } = {}) {
  const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest', ...extra };
  if (method !== 'GET' && me?.csrf) headers[me.csrf.headerName] = me.csrf.token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

/**
 * A call to the staff API. 401 means the session ended: off to the sign-in page (the promise
 * then never settles, so no half-drawn error flashes by). A change refused for an out-of-date
 * CSRF token is retried once with a fresh token.
 */
export async function staffApi(path, options = {}) {
  try {
    return await send(path, options);
  } catch (e) {
    if (e.status === 401) {
      toSignIn();
      return new Promise(() => {});
    }
    if (e.status === 403 && e.code === 'csrf.invalid' && options.method && options.method !== 'GET' && !options.retried) {
      try {
        await loadMe();
      } catch (again) {
        if (again.status === 401) {
          toSignIn();
          return new Promise(() => {});
        }
        throw again;
      }
      return staffApi(path, { ...options, retried: true });
    }
    throw e;
  }
}

async function loadMe() {
  me = await send('/api/v1/staff/me');
  return me;
}

/** The text for an API failure: the code's own message when the bundles have one. */
export function errorText(e) {
  if (e?.network) return t('error.network');
  if (e?.status === 403 && e.code !== 'csrf.invalid' && !has(`staff.error.${e.code}`)) return t('staff.error.auth.forbidden');
  const code = e?.code;
  if (code && has(`staff.error.${code}`)) return t(`staff.error.${code}`);
  if (code && has(`error.${code}`)) return t(`error.${code}`);
  if (e?.status === 404) return t('staff.error.not_found');
  if (e?.status >= 500) return t('error.internal');
  return t('error.generic');
}

/** The text for one field fault (field error next to a field). */
export function fieldErrorText(fault) {
  if (has(`staff.error.${fault.code}`)) return t(`staff.error.${fault.code}`);
  return fault.message || t('error.generic');
}

export function roleLabels(roles) {
  return roles.map((r) => (has(`staff.role.${r}`) ? t(`staff.role.${r}`) : r)).join(', ');
}

function renderHeader(current) {
  const nav = document.getElementById('staff-nav');
  if (nav) {
    nav.replaceChildren(...allowedPages().map((p) => h('li', {},
      h('a', { id: p.id, class: 'nav-link', href: p.href, i18n: p.key, 'aria-current': p.page === current ? 'page' : null }))));
  }
  const name = document.getElementById('staff-name');
  if (name) {
    name.textContent = me.displayName && me.displayName !== me.username ? `${me.displayName} (${me.username})` : me.username;
  }
  const form = document.getElementById('logout-form');
  if (form) {
    form.hidden = false;
    const input = form.querySelector('input[type=hidden]');
    input.name = me.csrf.parameterName;
    input.value = me.csrf.token;
  }
  document.getElementById('staff-user')?.removeAttribute('hidden');
}

/** On a phone the staff links sit behind a "Meny" button (web/pages/layout.html). */
function wireMenu() {
  const toggle = document.getElementById('staff-menu-toggle');
  const menu = document.getElementById('staff-menu');
  if (!toggle || !menu) return;
  toggle.addEventListener('click', () => {
    const open = !menu.classList.contains('is-open');
    menu.classList.toggle('is-open', open);
    toggle.setAttribute('aria-expanded', String(open));
    if (open) menu.querySelector('a, button')?.focus();
  });
  menu.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && menu.classList.contains('is-open')) {
      menu.classList.remove('is-open');
      toggle.setAttribute('aria-expanded', 'false');
      toggle.focus();
    }
  });
}

function wireLogout() {
  const form = document.getElementById('logout-form');
  if (!form) return;
  form.addEventListener('submit', async (e) => {
    // The token may have changed since the page was drawn (a new session elsewhere): take a
    // fresh one, so that signing out never ends on a "forbidden" page.
    e.preventDefault();
    const button = document.getElementById('logout-button');
    button.disabled = true;
    try {
      const csrf = await send('/api/v1/csrf');
      const input = form.querySelector('input[type=hidden]');
      input.name = csrf.parameterName;
      input.value = csrf.token;
    } catch {
      // submit with the token we have; the server decides
    }
    form.submit();
  });
}

/**
 * A notice in place of the page's work area (role not allowed, load failure); message is a text,
 * or {key} to follow a language switch.
 */
export function showPageProblem(message, retry) {
  const box = document.getElementById('page-status');
  const text = typeof message === 'string' ? h('span', {}, message) : h('span', { i18n: message.key });
  const button = retry ? h('button', { type: 'button', class: 'button', i18n: 'action.retry', onclick: retry }) : null;
  box.replaceChildren(h('p', { class: 'notice notice--error', role: 'alert' }, text, button ? ' ' : null, button));
}

/**
 * In place of a page the signed-in role does not allow: which role the page needs, the roles
 * this person has, and whom to ask (an administrator, who keeps the accounts). Text only.
 */
function showRoleNeeded(role) {
  const needed = Array.isArray(role) ? role : [role];
  const box = document.getElementById('page-status');
  box?.replaceChildren(h('div', { id: 'role-needed', class: 'notice notice--error', role: 'alert' },
    h('p', {}, t('staff.roleNeeded.page', { role: roleLabels(needed) })),
    h('p', {}, t('staff.roleNeeded.yours', { roles: roleLabels(me?.roles ?? []) })),
    h('p', {}, t('staff.roleNeeded.ask')),
    h('p', {}, h('a', { href: '/personal/', i18n: 'staff.roleNeeded.back' }))));
}

/**
 * Boots a staff page: bundles, then who is signed in (401 → sign-in page), the header, then
 * render() when the role allows the page (role: the least role; none for the start page).
 */
export function staffBoot({ page, role, render, onLanguage }) {
  let ready = false;
  let forbidden = false;
  wireLogout();
  wireMenu();
  boot(async () => {
    const status = document.getElementById('page-status');
    status?.replaceChildren(h('p', { i18n: 'staff.loading' }));
    try {
      await loadMe();
    } catch (e) {
      if (e.status === 401) return toSignIn();
      return showPageProblem(errorText(e), () => location.reload());
    }
    status?.replaceChildren();
    renderHeader(page);
    if (role && !can(role)) {
      forbidden = true;
      return showRoleNeeded(role);
    }
    ready = true;
    return render();
  }, () => {
    if (forbidden) {
      renderHeader(page);
      showRoleNeeded(role);
    }
    if (!ready) return;
    renderHeader(page);
    onLanguage?.();
  });
}
