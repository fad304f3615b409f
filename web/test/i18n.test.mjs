// i18n.js: messages with placeholders, labels of codes, plural forms, Swedish and English number
// and date formats, today's date in the browser's calendar, and the language switch.
// A page normally brings its messages in <script id="dk-messages"> (page.PageMessages) and asks
// GET /api/v1/messages/{lang}?page=… on a switch; here a fake fetch answers those requests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installBrowser, jsonResponse } from './support/browser.mjs';

const browser = installBrowser();
const { t, tn, label, has, formatNumber, formatDate, today, initI18n } = await import('../js/i18n.js');

const BUNDLES = {
  sv: {
    'lang.switch': 'English',
    'pin.submitted': 'Lämnad {date}',
    'pin.supports.one': '{n} håller med',
    'pin.supports.other': '{n} håller med varandra',
    'walk.queued.one': '{n} nål väntar på {place}',
    'walk.queued.other': '{n} nålar väntar på {place}',
    'category.safety_concern': 'Otrygg plats',
  },
  en: {
    'lang.switch': 'Svenska',
    'pin.submitted': 'Submitted {date}',
    'walk.queued.one': '{n} pin waiting at {place}',
    'walk.queued.other': '{n} pins waiting at {place}',
    'category.safety_concern': 'Feels unsafe',
  },
};
const NBSP = '\u00a0'; // Swedish groups digits with a no-break space

function serveBundles({ failing = [] } = {}) {
  browser.fetchHandler = async (url) => {
    const lang = url.split('/').pop().split('?')[0];
    if (failing.includes(lang) || !BUNDLES[lang]) return jsonResponse(503, null);
    return jsonResponse(200, BUNDLES[lang]);
  };
}

const OFFERED = [
  ['sv', 'sv', 'ltr', 'sv-SE'], ['lattlast', 'sv', 'ltr', 'sv-SE'], ['en', 'en', 'ltr', 'en-GB'],
  ['fi', 'fi', 'ltr', 'fi-FI'], ['ar', 'ar', 'rtl', 'ar'],
];

/** The language switch as layout.html renders it, so that initI18n wires its change; returns it. */
function langSelect() {
  const select = browser.document.add('lang-switch', 'select');
  for (const [code, htmlLang, dir, locale] of OFFERED) {
    const option = browser.document.createElement('option');
    option.value = code;
    option.setAttribute('lang', htmlLang);
    option.setAttribute('dir', dir);
    option.dataset.locale = locale;
    select.append(option);
  }
  return select;
}

/** Chooses a language in the switch as a visitor would; waits for the page to follow. */
function choose(select, code) {
  select.value = code;
  return Promise.all((select.listeners.change || []).slice(-1).map((fn) => fn({ type: 'change' })));
}

test('before any bundle is loaded a key stands for itself, placeholders still filled', () => {
  assert.equal(t('pin.submitted'), 'pin.submitted');
  assert.equal(t('Hej {name}!', { name: 'Anna' }), 'Hej Anna!');
});

test('Swedish is the default and is asked for at the messages API', async () => {
  serveBundles();
  await initI18n();
  assert.equal(browser.requests.at(-1).url, '/api/v1/messages/sv');
  assert.equal(browser.document.documentElement.lang, 'sv');
});

test('t fills {placeholders}; an unknown placeholder is left as written', () => {
  assert.equal(t('pin.submitted', { date: '5 mars' }), 'Lämnad 5 mars');
  assert.equal(t('pin.submitted', { other: 'x' }), 'Lämnad {date}');
  assert.equal(t('pin.submitted'), 'Lämnad {date}');
  assert.equal(t('walk.queued.one', { n: 0, place: 'torget' }), '0 nål väntar på torget'); // 0 is a value, not "missing"
});

test('a key that is no message is shown as the key, even one named like an Object method', () => {
  assert.equal(has('toString'), false);
  assert.equal(t('toString'), 'toString');
  assert.equal(t('no.such.key'), 'no.such.key');
});

test('label shows the bundle text of a code, and an unknown code as it is', () => {
  assert.equal(label('category', 'safety_concern'), 'Otrygg plats');
  assert.equal(label('category', 'bike_parking'), 'bike_parking');
});

test('tn picks "one" only for exactly 1, with n formatted and other vars kept', () => {
  assert.equal(tn('walk.queued', 1, { place: 'torget' }), '1 nål väntar på torget');
  assert.equal(tn('walk.queued', 0, { place: 'torget' }), '0 nålar väntar på torget');
  assert.equal(tn('walk.queued', 2, { place: 'torget' }), '2 nålar väntar på torget');
  assert.equal(tn('walk.queued', 1.5, { place: 'torget' }), '1,5 nålar väntar på torget');
  assert.equal(tn('walk.queued', 12000, { place: 'torget' }), `12${NBSP}000 nålar väntar på torget`);
});

test('Swedish numbers: space between thousands, decimal comma', () => {
  assert.equal(formatNumber(1234567.5), `1${NBSP}234${NBSP}567,5`);
  assert.equal(formatNumber(999), '999');
  assert.equal(formatNumber(-2000), `−2${NBSP}000`); // Swedish uses the minus sign U+2212
});

test('a calendar day (YYYY-MM-DD) stays that day west of Greenwich too', () => {
  const tz = process.env.TZ;
  process.env.TZ = 'America/Los_Angeles'; // a UTC midnight would be the evening before here
  try {
    assert.equal(formatDate('2026-03-05'), '5 mars 2026');
    assert.equal(formatDate('2026-12-31'), '31 december 2026');
  } finally {
    process.env.TZ = tz;
  }
});

test('an instant with time is shown in the browser\'s own time zone', () => {
  const tz = process.env.TZ;
  process.env.TZ = 'Europe/Stockholm';
  try {
    const text = formatDate('2026-03-05T14:30:00Z', true); // 15:30 in Stockholm (CET)
    assert.match(text, /^5 mars 2026/);
    assert.match(text, /15:30/);
    assert.doesNotMatch(formatDate('2026-03-05T14:30:00Z'), /15:30/); // no time unless asked
  } finally {
    process.env.TZ = tz;
  }
});

test('no date gives an empty text, and a text that is no date is shown as it is', () => {
  assert.equal(formatDate(''), '');
  assert.equal(formatDate(null), '');
  assert.equal(formatDate('snart'), 'snart');
});

test('today is the local calendar day, not the UTC one', () => {
  const tz = process.env.TZ;
  const dayIn = (zone) => new Intl.DateTimeFormat('sv-SE', { timeZone: zone }).format(new Date()); // sv-SE writes YYYY-MM-DD
  try {
    // 24 hours apart, so these two places are never on the same day.
    process.env.TZ = 'Pacific/Kiritimati'; // UTC+14
    const east = today();
    assert.equal(east, dayIn('Pacific/Kiritimati'));
    process.env.TZ = 'Pacific/Honolulu'; // UTC−10
    const west = today();
    assert.equal(west, dayIn('Pacific/Honolulu'));
    assert.notEqual(east, west);
    assert.match(west, /^\d{4}-\d{2}-\d{2}$/);
  } finally {
    process.env.TZ = tz;
  }
});

test('the language switch turns the page English, remembers it and tells the page', async () => {
  const button = langSelect();
  serveBundles();
  await initI18n();
  assert.equal(button.value, 'sv');

  const told = [];
  browser.document.addEventListener('dk:lang', (e) => told.push(e.detail.lang));
  const heading = browser.document.add('heading', 'h1');
  heading.dataset.i18n = 'category.safety_concern';
  await choose(button, 'en');

  assert.deepEqual(told, ['en']);
  assert.equal(browser.localStorage.getItem('dialogkarta.lang'), 'en');
  assert.equal(browser.document.documentElement.lang, 'en');
  assert.equal(heading.textContent, 'Feels unsafe'); // static markup translated again
  assert.equal(browser.document.documentElement.dir, 'ltr');
  assert.equal(tn('walk.queued', 1, { place: 'the square' }), '1 pin waiting at the square');
  assert.equal(formatNumber(1234567.5), '1,234,567.5');
  assert.equal(formatDate('2026-03-05'), '5 March 2026');
  // Keys only the Swedish bundle has are not mixed in: the whole bundle was replaced.
  assert.equal(t('pin.supports.one', { n: 1 }), 'pin.supports.one');
});

test('a bundle that cannot be loaded leaves the current language as it was', async () => {
  browser.localStorage.clear();
  serveBundles();
  await initI18n();
  const button = browser.document.getElementById('lang-switch');
  assert.equal(formatNumber(1000), `1${NBSP}000`);
  serveBundles({ failing: ['en'] });
  await choose(button, 'en');
  assert.equal(button.value, 'sv'); // the switch shows the language the page is still in
  assert.equal(formatNumber(1000), `1${NBSP}000`);
  assert.equal(t('lang.switch'), 'English');
  assert.equal(browser.localStorage.getItem('dialogkarta.lang'), null);
});

test('a remembered English whose bundle fails falls back to Swedish; an unknown language is ignored', async () => {
  browser.localStorage.setItem('dialogkarta.lang', 'en');
  serveBundles({ failing: ['en'] });
  await initI18n();
  assert.equal(t('pin.submitted', { date: 'i dag' }), 'Lämnad i dag');

  browser.localStorage.setItem('dialogkarta.lang', 'de');
  serveBundles();
  browser.requests.length = 0;
  await initI18n();
  assert.deepEqual(browser.requests.map((r) => r.url), ['/api/v1/messages/sv']);
});

test('a Swedish bundle that cannot be loaded is an error for the page', async () => {
  browser.localStorage.clear();
  serveBundles({ failing: ['sv'] });
  await assert.rejects(initI18n(), /messages sv: 503/);
});

/** A page as the server renders it: its language on <html>, its messages inside it. */
function renderedPage(lang, page = 'walk') {
  browser.document.documentElement.lang = lang;
  browser.document.documentElement.dataset.lang = lang;
  browser.document.documentElement.dataset.page = page;
  const inline = browser.document.add('dk-messages', 'script');
  inline.textContent = JSON.stringify(BUNDLES[lang]);
  return inline;
}

test('a rendered page takes its messages from itself and asks for nothing', async () => {
  browser.localStorage.clear();
  browser.document.cookie = '';
  renderedPage('en');
  serveBundles();
  browser.requests.length = 0;
  await initI18n();
  assert.deepEqual(browser.requests, []);
  assert.equal(t('category.safety_concern'), 'Feels unsafe');
});

test('a switch on a rendered page asks for the messages of that page and sets the cookie for the next page', async () => {
  browser.localStorage.clear();
  browser.document.cookie = '';
  renderedPage('sv', 'personal/walks');
  const button = langSelect();
  serveBundles();
  await initI18n();
  browser.requests.length = 0;
  await choose(button, 'en');
  assert.deepEqual(browser.requests.map((r) => r.url), ['/api/v1/messages/en?page=personal%2Fwalks']);
  assert.match(browser.document.cookie, /^dk-lang=en; path=\/; max-age=\d+; samesite=lax$/);
  assert.equal(t('category.safety_concern'), 'Feels unsafe');
});

test('a language picked in the switch before the module ran is honoured, not reset', async () => {
  browser.localStorage.clear();
  browser.document.cookie = '';
  renderedPage('sv', 'index');
  const select = langSelect();
  select.options = select.querySelectorAll('option');
  select.options[0].defaultSelected = true; // the server marked the page's Swedish selected
  select.value = 'en'; // a quick hand on a slow phone
  serveBundles();
  browser.requests.length = 0;
  await initI18n();
  assert.deepEqual(browser.requests.map((r) => r.url), ['/api/v1/messages/en?page=index']);
  assert.equal(browser.document.documentElement.lang, 'en');
  assert.equal(select.value, 'en');
  assert.equal(t('category.safety_concern'), 'Feels unsafe');
  select.options = undefined; // the fake document outlives the test: no "early pick" for the next one
});

test('a language chosen before the cookie existed is taken over once', async () => {
  browser.localStorage.setItem('dialogkarta.lang', 'en');
  browser.document.cookie = '';
  renderedPage('sv', 'index');
  serveBundles();
  browser.requests.length = 0;
  await initI18n();
  assert.deepEqual(browser.requests.map((r) => r.url), ['/api/v1/messages/en?page=index']);
  assert.equal(browser.document.documentElement.lang, 'en');
  assert.match(browser.document.cookie, /^dk-lang=en/);
});

test('a label the data brings names a code the bundles do not; the bundles still come first', async () => {
  const { addLabels } = await import('../js/i18n.js');
  browser.localStorage.clear();
  browser.document.cookie = '';
  renderedPage('sv', 'personal/meeting');
  serveBundles();
  await initI18n();
  addLabels('subtag', { skadegorelse_klotter: 'Skadegörelse & klotter', safety_concern: 'not this' });
  assert.equal(label('subtag', 'skadegorelse_klotter'), 'Skadegörelse & klotter');
  assert.equal(label('subtag', 'okand_kod'), 'okand_kod');
  addLabels('category', { safety_concern: 'Inte denna' });
  assert.equal(label('category', 'safety_concern'), 'Otrygg plats');
});
