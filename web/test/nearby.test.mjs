// nearby.js ("me too" while pinning): asks for published pins of the chosen category near the
// place after a short pause, shows them with their distance and supports, says so once per set
// of pins, ignores a late answer to an older question, and clears without place or category.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { installBrowser, jsonResponse, settle } from './support/browser.mjs';

const browser = installBrowser();
const { createNearby } = await import('../js/nearby.js');
const { initI18n } = await import('../js/i18n.js');

browser.fetchHandler = async () => jsonResponse(200, {
  'pin.submitted': 'Lämnad {date}',
  'pin.supports.one': '{n} håller med',
  'pin.supports.other': '{n} håller med',
  'citizen.nearby.distance': 'ca {m} m bort',
  'citizen.nearby.noSupports': 'Ingen har hållit med än',
  'citizen.nearby.found.one': '{n} liknande synpunkt finns i närheten',
  'citizen.nearby.found.other': '{n} liknande synpunkter finns i närheten',
  'citizen.nearby.gone': 'Inga liknande synpunkter här längre',
  'citizen.nearby.support': 'Håll med',
  'citizen.nearby.alreadySupported': 'Du håller med',
});
await initI18n();

process.env.TZ = 'Europe/Stockholm'; // the dates below are instants; this fixes which day they fall on

const HERE = { lon: 11.97, lat: 57.70 }; // Gothenburg
const feature = (id, [lon, lat], supports = 0) => ({
  type: 'Feature', id, geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: { text: `Synpunkt ${id}`, createdAt: '2026-03-05T10:00:00Z', supports, category: 'safety_concern' },
});

let box;
let list;
let status;
let supported;
beforeEach(() => {
  box = browser.document.add('nearby');
  box.hidden = true;
  list = browser.document.add('nearby-list', 'ul');
  status = browser.document.add('nearby-status');
  supported = [];
  browser.requests.length = 0;
  browser.timers.pending.clear();
  browser.localStorage.clear();
});

function nearby() {
  return createNearby({ dialogue: { slug: 'trygg-centrum' }, onSupported: (f, answer) => supported.push([f, answer]) });
}

/** The server answers every nearby question with these features. */
function answerWith(features) {
  browser.fetchHandler = async () => jsonResponse(200, { type: 'FeatureCollection', features });
}

/** The pause passes and the answer arrives. */
async function wait() {
  browser.timers.fireAll();
  await settle();
}

const shown = () => list.children.map((li) => li.getAttribute('data-pin-id'));
const meta = (i) => list.children[i].querySelector('.nearby-meta').textContent;

test('asks after a short pause, once, for the last place and category given', async () => {
  answerWith([]);
  const n = nearby();
  n.update({ lon: 11.0, lat: 57.0 }, 'suggestion');
  n.update({ lon: 11.5, lat: 57.5 }, 'suggestion');
  n.update(HERE, 'safety_concern');
  assert.equal(browser.requests.length, 0, 'nothing asked before the pause');
  assert.deepEqual([...browser.timers.pending.values()].map((p) => p.ms), [350]);
  await wait();
  assert.deepEqual(browser.requests.map((r) => r.url),
    ['/api/v1/dialogues/trygg-centrum/pins/nearby?lon=11.97&lat=57.7&category=safety_concern']);
});

test('shows the pins found with their distance, supports and date, and says how many', async () => {
  answerWith([
    feature(1, [11.97, 57.701], 3), // 0.001° north: 111 m
    feature(2, [11.971, 57.70]), // 0.001° east: only 59 m this far north
    feature(3, [11.97, 57.70], 1), // the same spot: "1 m", never "0 m"
  ]);
  nearby().update(HERE, 'safety_concern');
  await wait();

  assert.equal(box.hidden, false);
  assert.deepEqual(shown(), ['1', '2', '3']);
  assert.equal(meta(0), 'Lämnad 5 mars 2026 · ca 111 m bort · 3 håller med');
  assert.equal(meta(1), 'Lämnad 5 mars 2026 · ca 59 m bort · Ingen har hållit med än');
  assert.equal(meta(2), 'Lämnad 5 mars 2026 · ca 1 m bort · 1 håller med');
  assert.match(list.children[0].textContent, /Synpunkt 1/);
  assert.equal(status.textContent, '3 liknande synpunkter finns i närheten');
});

test('a pin without coordinates is shown without a distance', async () => {
  const f = feature(4, [0, 0]);
  f.geometry = null;
  answerWith([f]);
  nearby().update(HERE, 'safety_concern');
  await wait();
  assert.equal(meta(0), 'Lämnad 5 mars 2026 · Ingen har hållit med än');
  assert.equal(status.textContent, '1 liknande synpunkt finns i närheten');
});

test('the same pins again are not announced again; when they are gone, that is said once', async () => {
  answerWith([feature(1, [11.97, 57.701])]);
  const n = nearby();
  n.update(HERE, 'safety_concern');
  await wait();
  status.textContent = 'read by the screen reader';
  n.update({ lon: 11.9701, lat: 57.70 }, 'safety_concern'); // a small move, the same pin
  await wait();
  assert.equal(status.textContent, 'read by the screen reader');

  answerWith([]);
  n.update({ lon: 12.5, lat: 57.70 }, 'safety_concern');
  await wait();
  assert.equal(box.hidden, true);
  assert.deepEqual(shown(), []);
  assert.equal(status.textContent, 'Inga liknande synpunkter här längre');
  status.textContent = '';
  n.update({ lon: 12.6, lat: 57.70 }, 'safety_concern');
  await wait();
  assert.equal(status.textContent, '', 'nothing found twice is not news');
});

test('a late answer to an older question is ignored, and the older question is called off', async () => {
  const answers = [];
  browser.fetchHandler = (url, options) => new Promise((resolve) => answers.push({ url, options, resolve }));
  const n = nearby();
  n.update({ lon: 11.0, lat: 57.0 }, 'safety_concern');
  await wait();
  n.update(HERE, 'safety_concern');
  await wait();
  assert.equal(answers.length, 2);
  assert.equal(answers[0].options.signal.aborted, true);

  answers[1].resolve(jsonResponse(200, { features: [feature(2, [11.97, 57.701])] }));
  await settle();
  answers[0].resolve(jsonResponse(200, { features: [feature(1, [11.0, 57.001])] })); // too late
  await settle();
  assert.deepEqual(shown(), ['2']);
  assert.match(meta(0), /ca 111 m bort/); // measured from the newer place
});

test('a failed question shows nothing and does not break the form', async () => {
  answerWith([feature(1, [11.97, 57.701])]);
  const n = nearby();
  n.update(HERE, 'safety_concern');
  await wait();
  browser.fetchHandler = async () => jsonResponse(500, { title: 'Internal Server Error' });
  n.update({ lon: 11.98, lat: 57.70 }, 'safety_concern');
  await wait();
  assert.deepEqual(shown(), []);
  assert.equal(box.hidden, true);
});

test('without a category (or a place) the list is cleared and a pending question dropped', async () => {
  answerWith([feature(1, [11.97, 57.701])]);
  const n = nearby();
  n.update(HERE, 'safety_concern');
  await wait();
  assert.deepEqual(shown(), ['1']);

  n.update(HERE, 'safety_concern');
  n.update(HERE, ''); // the category was unchosen before the pause ended
  assert.equal(browser.timers.pending.size, 0);
  assert.deepEqual(shown(), []);
  assert.equal(box.hidden, true);
  assert.equal(status.textContent, '');
  n.update(null, 'safety_concern');
  assert.equal(browser.timers.pending.size, 0);
  assert.equal(browser.requests.length, 1);
});

test('"me too" on a suggestion sends a support; one supported before is shown as done', async () => {
  browser.localStorage.setItem('dialogkarta.supported', JSON.stringify(['2']));
  answerWith([feature(1, [11.97, 57.701], 3), feature(2, [11.97, 57.702], 1)]);
  nearby().update(HERE, 'safety_concern');
  await wait();
  const [first, second] = list.children.map((li) => li.querySelector('button'));
  assert.equal(second.disabled, true);
  assert.equal(second.textContent, 'Du håller med');
  assert.equal(first.disabled, false);
  assert.equal(first.textContent, 'Håll med');

  browser.fetchHandler = async () => jsonResponse(200, { supports: 4, receipt: 'R-1' });
  await first.click();
  const post = browser.requests.at(-1);
  assert.equal(post.url, '/api/v1/pins/1/supports');
  assert.equal(post.options.method, 'POST');
  assert.equal(supported.length, 1);
  assert.equal(supported[0][0].id, 1);
  assert.equal(supported[0][0].properties.supports, 4);
  assert.deepEqual(JSON.parse(browser.localStorage.getItem('dialogkarta.supported')), ['2', '1']);
});
