// How complete each language is (administrators): per language its status, the keys its bundle
// lacks for the citizen pages and the staff pages, missing plural forms and placeholders that
// differ from the Swedish text (GET /api/v1/staff/languages, page.LanguageReport). A missing
// key is shown as Swedish on the pages, marked lang="sv".
import { staffBoot, staffApi, errorText, showPageProblem } from './staff.js';
import { h, fill } from './dom.js';
import { t, tn, formatNumber } from './i18n.js';

const $ = (id) => document.getElementById(id);
let entries = null;

function count(list, of) {
  if (of === 0) return '–';
  return list.length ? tn('languages.missing', list.length) : tn('languages.complete', of);
}

function row(e) {
  return h('tr', { 'data-lang': e.code },
    h('th', { scope: 'row' }, h('span', { lang: e.htmlLang, dir: e.dir }, e.nativeName), ' ', h('code', {}, e.code)),
    h('td', {}, t(`languages.status.${e.status}`)),
    h('td', {}, count(e.missingCitizen, e.offered ? e.citizenKeys : 0)),
    h('td', {}, e.staff ? count(e.missingStaff, e.offered ? e.staffKeys : 0) : t('languages.staff.swedish')),
    h('td', {}, e.offered ? count(e.missingPlurals, 1) : '–'),
    h('td', {}, e.offered ? count(e.placeholderMismatches, 1) : '–'));
}

function keyList(titleKey, keys) {
  if (!keys.length) return null;
  return h('details', {},
    h('summary', {}, t(titleKey, { n: formatNumber(keys.length) })),
    h('ul', { class: 'languages-keys', dir: 'ltr' }, keys.map((k) => h('li', {}, h('code', {}, k)))));
}

function details(e) {
  if (!e.offered) return null;
  const parts = [
    keyList('languages.list.citizen', e.missingCitizen),
    e.staff ? keyList('languages.list.staff', e.missingStaff) : null,
    keyList('languages.list.plurals', e.missingPlurals),
    keyList('languages.list.placeholders', e.placeholderMismatches),
  ].filter(Boolean);
  if (!parts.length) return null;
  return h('section', { class: 'languages-language' },
    h('h2', {}, h('span', { lang: e.htmlLang, dir: e.dir }, e.nativeName)), ...parts);
}

function draw() {
  fill($('languages-rows'), ...entries.map(row));
  fill($('languages-details'), ...entries.map(details));
}

async function render() {
  try {
    entries = await staffApi('/api/v1/staff/languages');
  } catch (e) {
    showPageProblem(errorText(e), () => render());
    return;
  }
  draw();
  $('languages-content').hidden = false;
}

staffBoot({ page: 'languages', role: 'admin', render, onLanguage: () => { if (entries) draw(); } });
