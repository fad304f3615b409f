// place-search.js (find your place by name): asks the server after a short pause, only from two
// characters, shows the suggestions as listbox options and says how many, moves through them with
// the arrow keys (aria-activedescendant), picks with Enter, closes with Escape, and ignores a late
// answer to an older question.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { installBrowser, jsonResponse, settle } from './support/browser.mjs';

const browser = installBrowser();
const { createPlaceSearch, placesUrl, suggestionOf } = await import('../js/place-search.js');
const { initI18n } = await import('../js/i18n.js');

browser.fetchHandler = async () => jsonResponse(200, {
  'placeSearch.results.one': '1 förslag',
  'placeSearch.results.other': '{n} förslag',
  'placeSearch.none': 'Inga platser hittades',
  'placeSearch.error': 'Sökningen fungerar inte just nu',
  'placeSearch.offline': 'Sökningen behöver en anslutning',
  'placeSearch.kind.village': 'By',
  'placeSearch.kind.address': 'Adress',
  'placeSearch.label': 'Sök adress eller ort',
});
await initI18n();

const place = (name, kind, lon, lat, zoom, label = `${name}, Norrköping`) => ({
  type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: { name, kind, label, zoom, source: 'local' },
});
const SKARBLACKA = place('Skärblacka', 'village', 15.9, 58.568, 15);
const STORGATAN = place('Storgatan 12', 'address', 15.9012, 58.56807, 17, 'Storgatan 12, Skärblacka');

let box;
let picked;
let search;
beforeEach(() => {
  box = browser.document.add('place-search');
  picked = [];
  browser.requests.length = 0;
  browser.timers.pending.clear();
  browser.fetchHandler = async () => jsonResponse(200, { type: 'FeatureCollection', features: [SKARBLACKA, STORGATAN] });
  search = createPlaceSearch(box, { dialogue: 'service-pa-landsbygden', onPick: (s) => picked.push(s) });
});

const input = () => search.input;
const list = () => box.querySelector('ul');
const status = () => search.status;
const key = (k) => input().dispatchEvent({ type: 'keydown', key: k, preventDefault() {} });

async function type(text) {
  input().value = text;
  input().dispatchEvent({ type: 'input' });
  browser.timers.fireAll();
  await settle();
}

test('the address of a search: text trimmed and encoded, the dialogue along', () => {
  assert.equal(placesUrl('  Storgatan   12 ', 'byarna'), '/api/v1/places?q=Storgatan+12&dialogue=byarna');
  assert.equal(placesUrl('100% _x\' OR 1=1', null), '/api/v1/places?q=100%25+_x%27+OR+1%3D1');
  assert.deepEqual(suggestionOf(SKARBLACKA), { lon: 15.9, lat: 58.568, zoom: 15, label: 'Skärblacka, Norrköping',
    name: 'Skärblacka', kind: 'village', source: 'local' });
});

test('a combobox with its listbox, closed at first', () => {
  assert.equal(input().getAttribute('role'), 'combobox');
  assert.equal(input().getAttribute('aria-expanded'), 'false');
  assert.equal(input().getAttribute('aria-controls'), list().getAttribute('id'));
  assert.equal(list().getAttribute('role'), 'listbox');
  assert.equal(list().hidden, true);
});

test('asks once after the pause, and not for one character', async () => {
  input().value = 's';
  input().dispatchEvent({ type: 'input' });
  assert.equal(browser.timers.pending.size, 0);
  input().value = 'sk';
  input().dispatchEvent({ type: 'input' });
  input().value = 'skarblacka';
  input().dispatchEvent({ type: 'input' });
  assert.equal(browser.requests.length, 0, 'nothing before the pause');
  browser.timers.fireAll();
  await settle();
  assert.deepEqual(browser.requests.map((r) => r.url), ['/api/v1/places?q=skarblacka&dialogue=service-pa-landsbygden']);
});

test('shows the suggestions, says how many, and the arrows move through them', async () => {
  await type('skarblacka');
  const options = list().children;
  assert.equal(options.length, 2);
  assert.equal(options[0].getAttribute('role'), 'option');
  assert.match(options[0].textContent, /Skärblacka, Norrköping/);
  assert.match(options[0].textContent, /By/);
  assert.equal(list().hidden, false);
  assert.equal(input().getAttribute('aria-expanded'), 'true');
  assert.equal(status().textContent, '2 förslag');

  key('ArrowDown');
  assert.equal(input().getAttribute('aria-activedescendant'), options[0].getAttribute('id'));
  assert.equal(options[0].getAttribute('aria-selected'), 'true');
  key('ArrowDown');
  assert.equal(input().getAttribute('aria-activedescendant'), options[1].getAttribute('id'));
  assert.equal(options[0].getAttribute('aria-selected'), 'false');
  key('ArrowDown'); // wraps to the first
  assert.equal(input().getAttribute('aria-activedescendant'), options[0].getAttribute('id'));
  key('ArrowUp'); // and back round to the last
  assert.equal(input().getAttribute('aria-activedescendant'), options[1].getAttribute('id'));
});

test('Enter picks the active suggestion, fills the box and closes the list', async () => {
  await type('storgatan');
  key('ArrowDown');
  key('ArrowDown');
  key('Enter');
  assert.equal(picked.length, 1);
  assert.deepEqual([picked[0].lon, picked[0].lat, picked[0].zoom], [15.9012, 58.56807, 17]);
  assert.equal(input().value, 'Storgatan 12, Skärblacka');
  assert.equal(list().hidden, true);
  assert.equal(input().getAttribute('aria-expanded'), 'false');
  assert.equal(input().getAttribute('aria-activedescendant'), null);
});

test('Escape closes the list, and a second Escape empties the box', async () => {
  await type('skarblacka');
  key('ArrowDown');
  key('Escape');
  assert.equal(list().hidden, true);
  assert.equal(input().value, 'skarblacka');
  key('Escape');
  assert.equal(input().value, '');
  assert.equal(picked.length, 0);
});

test('nothing found and a failing server are said, not shown as an empty list', async () => {
  browser.fetchHandler = async () => jsonResponse(200, { type: 'FeatureCollection', features: [] });
  await type('zzqx');
  assert.equal(list().hidden, true);
  assert.equal(status().textContent, 'Inga platser hittades');
  browser.fetchHandler = async () => jsonResponse(503, { status: 503, code: 'busy' });
  await type('zzqxy');
  assert.equal(status().textContent, 'Sökningen fungerar inte just nu');
});

test('offline: nothing is asked, and the need of a connection is said on screen too', async () => {
  globalThis.navigator.onLine = false;
  try {
    await type('skarblacka');
    assert.equal(browser.requests.length, 0);
    assert.equal(list().hidden, true);
    assert.equal(input().getAttribute('aria-expanded'), 'false');
    assert.equal(status().textContent, 'Sökningen behöver en anslutning');
    assert.doesNotMatch(status().className, /visually-hidden/);
  } finally {
    delete globalThis.navigator.onLine;
  }
  // A request that fails on the network after the browser went offline says the same.
  browser.fetchHandler = async () => { globalThis.navigator.onLine = false; throw new TypeError('Failed to fetch'); };
  try {
    await type('krokek');
    assert.equal(browser.requests.length, 1);
    assert.equal(status().textContent, 'Sökningen behöver en anslutning');
  } finally {
    delete globalThis.navigator.onLine;
  }
  // Back online, a search works again and its count is not shown as a fault.
  browser.fetchHandler = async () => jsonResponse(200, { type: 'FeatureCollection', features: [SKARBLACKA] });
  await type('skarblacka');
  assert.equal(list().hidden, false);
  assert.match(status().className, /visually-hidden/);
});

test('a late answer to an older question is ignored', async () => {
  let answerOld;
  browser.fetchHandler = (url) => (url.includes('q=sk&')
    ? new Promise((resolve) => { answerOld = () => resolve(jsonResponse(200, { type: 'FeatureCollection', features: [STORGATAN] })); })
    : Promise.resolve(jsonResponse(200, { type: 'FeatureCollection', features: [SKARBLACKA] })));
  await type('sk');
  await type('skarblacka');
  answerOld();
  await settle();
  assert.equal(list().children.length, 1);
  assert.match(list().children[0].textContent, /Skärblacka/);
});
