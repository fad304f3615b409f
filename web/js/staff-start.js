// The staff start page: who is signed in, with which roles, and the tools those roles allow.
// Tools that do not exist yet are not shown at all.
import { staffBoot, currentStaff, allowedPages, can, roleLabels } from './staff.js';
import { h } from './dom.js';
import { t } from './i18n.js';

const $ = (id) => document.getElementById(id);

/** What each tool is for, in the words of the role that uses it. */
function description(page) {
  if (page.desc) return page.desc;
  if (page.page === 'moderation') return can('planner') ? 'staff.start.moderation.planner' : 'staff.start.moderation.moderator';
  return `staff.start.${page.page}`;
}

function render() {
  const me = currentStaff();
  const name = me.displayName || me.username;
  $('start-welcome').textContent = t('staff.start.welcome', { name });
  $('start-roles').textContent = t('staff.start.roles', { roles: roleLabels(me.roles) });
  const pages = allowedPages();
  $('start-tools').replaceChildren(...pages.map((p) => h('li', { class: 'staff-card' },
    h('h2', {}, h('a', { href: p.href, i18n: p.key })),
    h('p', { i18n: description(p) }))));
  $('start-none').hidden = pages.length > 0;
  $('start-content').hidden = false;
  document.title = t('staff.page.start');
}

staffBoot({ page: 'start', render, onLanguage: render });
