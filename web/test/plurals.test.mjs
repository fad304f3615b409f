// Plural forms with the real bundles (src/main/resources/messages*.properties): tn picks
// key.<Intl.PluralRules category> of the page's language, key.other when the bundle has no such
// form, for 0, 1, 2 and 5 (and Arabic's 11 and 100) in every shipped language; numbers and dates
// follow the language's locale (Arabic with Latin digits).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { installBrowser } from './support/browser.mjs';

const browser = installBrowser();
const { tn, t, formatNumber, formatDate, initI18n, isSwedish, tl, translate } = await import('../js/i18n.js');

const RESOURCES = new URL('../../src/main/resources/', import.meta.url);

/** A .properties file as key → text (UTF-8, one key=value a line, as our bundles are written). */
function bundle(code) {
  const file = new URL(code === 'sv' ? 'messages.properties' : `messages_${code}.properties`, RESOURCES);
  const out = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#') || line.startsWith('!')) continue;
    const at = line.indexOf('=');
    out[line.slice(0, at).trim()] = line.slice(at + 1).trim().replace(/\\u([0-9a-fA-F]{4})/g, (_, x) => String.fromCharCode(parseInt(x, 16)));
  }
  return out;
}

const SHIPPED = ['sv', 'lattlast', 'en', 'fi', 'ar'].filter((c) => c === 'sv'
  || existsSync(new URL(`messages_${c}.properties`, RESOURCES)));

/** A page rendered in a language, with that bundle's texts over the Swedish ones inside it. */
async function pageIn(code, fallback = []) {
  browser.localStorage.clear();
  browser.document.cookie = 'dk-lang=' + code;
  const root = browser.document.documentElement;
  root.dataset.lang = code;
  root.dataset.page = 'dialogue';
  const inline = browser.document.getElementById('dk-messages') || browser.document.add('dk-messages', 'script');
  inline.textContent = JSON.stringify({ ...bundle('sv'), ...(code === 'sv' ? {} : bundle(code)),
    ...(fallback.length ? { '@sv': fallback.join(' ') } : {}) });
  await initI18n();
}

const KEY = 'citizen.nearby.found';

test('every shipped language has the bundles this test reads', () => {
  assert.deepEqual(SHIPPED, ['sv', 'lattlast', 'en', 'fi', 'ar']);
});

for (const code of SHIPPED.filter((c) => c !== 'ar')) {
  test(`${code}: one for 1, other for 0, 2 and 5`, async () => {
    await pageIn(code);
    const texts = { ...bundle('sv'), ...(code === 'sv' ? {} : bundle(code)) };
    const expect = (form, n) => texts[`${KEY}.${form}`].replace('{n}', String(n));
    assert.equal(tn(KEY, 1), expect('one', 1));
    for (const n of [0, 2, 5]) assert.equal(tn(KEY, n), expect('other', n));
    assert.notEqual(tn(KEY, 1), tn(KEY, 5));
  });
}

test('ar: zero, one, two, few, many and other, with Latin digits', async () => {
  await pageIn('ar');
  const ar = bundle('ar');
  const expect = (form, n) => ar[`${KEY}.${form}`].replace('{n}', String(n));
  assert.equal(tn(KEY, 0), expect('zero', 0));
  assert.equal(tn(KEY, 1), expect('one', 1));
  assert.equal(tn(KEY, 2), expect('two', 2));
  assert.equal(tn(KEY, 5), expect('few', 5));
  assert.equal(tn(KEY, 11), expect('many', 11));
  assert.equal(tn(KEY, 100), expect('other', 100));
  assert.equal(new Set([0, 1, 2, 5, 11, 100].map((n) => tn(KEY, n))).size, 6);
  assert.match(formatNumber(1234), /^1[,٬]234$/); // Latin digits, Arabic grouping sign
  assert.doesNotMatch(formatDate('2026-03-05'), /[٠-٩]/);
  assert.match(formatDate('2026-03-05'), /2026/);
});

test('a form the bundle lacks falls back to key.other', async () => {
  await pageIn('ar');
  assert.equal(tn('form.hasErrors', 2), bundle('ar')['form.hasErrors.two'] ?? bundle('ar')['form.hasErrors.other'].replace('{n}', '2'));
  await pageIn('sv');
  assert.equal(tn(KEY, 0), bundle('sv')[`${KEY}.other`].replace('{n}', '0')); // no .zero in Swedish
});

test('fi: numbers and dates in Finnish', async () => {
  await pageIn('fi');
  assert.equal(formatNumber(1234.5), '1\u00a0234,5');
  assert.equal(formatDate('2026-03-05'), '5. maaliskuuta 2026');
});

test('a text that fell back to Swedish says so, and its element gets lang="sv"', async () => {
  await pageIn('fi', ['lang.label']);
  assert.equal(isSwedish('lang.label'), true);
  assert.equal(isSwedish('nav.skip'), false);
  assert.deepEqual(tl('lang.label'), { text: t('lang.label'), lang: 'sv' });
  assert.deepEqual(tl('nav.skip'), { text: bundle('fi')['nav.skip'], lang: null });
  const label = browser.document.add('label-el', 'label');
  label.dataset.i18n = 'lang.label';
  const skip = browser.document.add('skip-el', 'a');
  skip.dataset.i18n = 'nav.skip';
  translate();
  assert.equal(label.getAttribute('lang'), 'sv');
  assert.equal(skip.getAttribute('lang'), null);
  await pageIn('fi');
  translate();
  assert.equal(label.getAttribute('lang'), null, 'unmarked once translated');
});
