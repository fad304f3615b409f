// walk-sync.js: what is tried again and when, what is final, that a retry is the very same
// request (same Idempotency-Key, same body), that the walk's pins share one receipt, and that
// calls during a round are merged into one more round. The outbox is the in-memory IndexedDB.
import { test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { installBrowser, jsonResponse } from './support/browser.mjs';
import { fakeIndexedDB } from './support/fake-indexeddb.mjs';

const browser = installBrowser();
globalThis.indexedDB = fakeIndexedDB();
const { isRetryable, pauseAfter, createSync } = await import('../js/walk-sync.js');
const store = await import('../js/walk-store.js');
const { ApiError } = await import('../js/api.js');

const realRandom = Math.random;
afterEach(() => { Math.random = realRandom; });

test('network faults, 408, 429 and 5xx are tried again; other answers are final', () => {
  assert.equal(isRetryable(new ApiError(0, null, true)), true);
  for (const status of [408, 429, 500, 502, 503]) assert.equal(isRetryable(new ApiError(status, null)), true, `${status}`);
  for (const status of [400, 401, 403, 404, 409, 413, 422]) assert.equal(isRetryable(new ApiError(status, null)), false, `${status}`);
});

test('the pause doubles from 5 s and stops growing at 5 min', () => {
  Math.random = () => 0.5; // the middle of the jitter: no change
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map(pauseAfter), [5000, 5000, 10000, 20000, 40000, 80000, 160000]);
  assert.equal(pauseAfter(7), 300_000); // 320 s would be past the limit
  assert.equal(pauseAfter(1000), 300_000); // no overflow to Infinity or NaN after many tries
});

test('the jitter stays within ±20 %, also at the limit', () => {
  Math.random = () => 0;
  assert.equal(pauseAfter(1), 4000);
  assert.equal(pauseAfter(50), 240_000);
  Math.random = () => 0.999999;
  assert.equal(pauseAfter(1), 6000);
  assert.ok(pauseAfter(50) <= 360_000);
});

// --- the sync loop against a fake server -------------------------------------------------

let walkId = 100; // each test its own walk, so that they do not see each other's pins
let changes = 0;
beforeEach(() => {
  walkId += 1;
  changes = 0;
  browser.localStorage.clear();
  browser.requests.length = 0;
  browser.timers.pending.clear(); // the loops of earlier tests would come back; they are not fired
});

const pin = (seq, extra = {}) => ({
  key: `key-${walkId}-${seq}`, walkId, dialogueId: 'trygg-centrum', seq, recordedAt: '2026-03-05T18:00:00Z',
  body: { category: 'safety_concern', text: `stopp ${seq}`, lon: 11.97, lat: 57.70 },
  state: 'waiting', attempts: 0, nextTryAt: 0, photo: null, ...extra,
});

function sync() {
  return createSync({ walkId, dialogueId: 'trygg-centrum', onChange: () => { changes += 1; }, isOpen: () => true });
}

/** Answers each pin POST with answer(body, n) → [status, json]; n counts from 1. */
function server(answer) {
  let n = 0;
  browser.fetchHandler = async (url, options) => {
    n += 1;
    const [status, body] = answer(JSON.parse(options.body), n, url);
    return jsonResponse(status, body);
  };
}

const pinPosts = () => browser.requests.filter((r) => r.options.method === 'POST' && r.url.endsWith('/pins'));
const stored = async () => store.pinsOf(walkId);

test('a sent pin is marked sent with its id and receipt, and the receipt is kept in the browser', async () => {
  await store.addPin(pin(1));
  server(() => [201, { id: 42, receipt: 'R-1' }]);
  await sync().run();

  const [post] = pinPosts();
  assert.equal(post.url, '/api/v1/dialogues/trygg-centrum/pins');
  assert.equal(post.options.headers['Idempotency-Key'], `key-${walkId}-1`);
  const [record] = await stored();
  assert.equal(record.state, 'sent');
  assert.equal(record.pinId, 42);
  assert.equal(record.receipt, 'R-1');
  assert.equal(browser.localStorage.getItem('dialogkarta.receipt'), 'R-1');
  assert.ok(changes >= 1);
});

test('pins are sent in the order they were made, and later ones go under the first one\'s receipt', async () => {
  await store.addPin(pin(2));
  await store.addPin(pin(1));
  server((body, n) => [201, { id: n, receipt: body.receipt || 'R-new' }]);
  await sync().run();

  const bodies = pinPosts().map((r) => JSON.parse(r.options.body));
  assert.deepEqual(bodies.map((b) => b.text), ['stopp 1', 'stopp 2']);
  assert.equal(bodies[0].receipt, undefined); // nothing to gather under yet
  assert.equal(bodies[1].receipt, 'R-new');
});

test('without a receipt in the browser, the walk\'s own earlier receipt is used', async () => {
  await store.addPin(pin(1, { state: 'sent', pinId: 7, receipt: 'R-walk' }));
  await store.addPin(pin(2));
  server((body) => [201, { id: 8, receipt: body.receipt }]);
  await sync().run();
  assert.equal(JSON.parse(pinPosts()[0].options.body).receipt, 'R-walk');
});

test('the browser\'s receipt comes before the walk\'s', async () => {
  browser.localStorage.setItem('dialogkarta.receipt', 'R-browser');
  await store.addPin(pin(1, { state: 'sent', pinId: 7, receipt: 'R-walk' }));
  await store.addPin(pin(2));
  server((body) => [201, { id: 8, receipt: body.receipt }]);
  await sync().run();
  assert.equal(JSON.parse(pinPosts()[0].options.body).receipt, 'R-browser');
});

test('a 503 waits with a growing pause; the retry is the same request and then lands', async () => {
  await store.addPin(pin(1));
  server((body, n) => (n === 1 ? [503, { title: 'Busy' }] : [201, { id: 9, receipt: 'R-9' }]));
  const loop = sync();
  const before = Date.now();
  await loop.run();

  let [record] = await stored();
  assert.equal(record.state, 'waiting');
  assert.equal(record.attempts, 1);
  assert.equal(record.lastError.status, 503);
  assert.ok(record.nextTryAt >= before + 4000 && record.nextTryAt <= Date.now() + 6000, 'next try in 5 s ± 20 %');
  // the loop comes back when that try is due, not a whole period later
  const [{ ms }] = browser.timers.pending.values();
  assert.ok(ms >= 1000 && ms <= 6000, `back in ${ms} ms`);

  await loop.run(); // not due yet: nothing is sent
  assert.equal(pinPosts().length, 1);

  await loop.run({ force: true }); // e.g. the phone came online
  const [first, second] = pinPosts();
  assert.equal(second.options.headers['Idempotency-Key'], first.options.headers['Idempotency-Key']);
  assert.equal(second.options.body, first.options.body);
  [record] = await stored();
  assert.equal(record.state, 'sent');
  assert.equal(record.pinId, 9);
});

test('a 422 is final: the pin is failed with the reason and not sent again', async () => {
  await store.addPin(pin(1));
  server(() => [422, { title: 'Invalid', detail: 'Texten är för lång.', code: 'validation', errors: [{ field: 'text', code: 'pin.text.too_long' }] }]);
  const loop = sync();
  await loop.run();
  await loop.run({ force: true });

  assert.equal(pinPosts().length, 1);
  const [record] = await stored();
  assert.equal(record.state, 'failed');
  assert.deepEqual(record.error, { status: 422, code: 'validation', detail: 'Texten är för lång.', errors: [{ field: 'text', code: 'pin.text.too_long' }] });
});

test('offline: the round stops at the first pin, and every pin stays waiting', async () => {
  await store.addPin(pin(1));
  await store.addPin(pin(2));
  browser.fetchHandler = () => Promise.reject(new TypeError('Failed to fetch'));
  await sync().run();

  assert.equal(pinPosts().length, 1);
  const records = await stored();
  assert.deepEqual(records.map((r) => [r.state, r.attempts]), [['waiting', 1], ['waiting', 0]]);
});

test('calls during a round are merged into one more round, forced if any of them was', async () => {
  await store.addPin(pin(1));
  server(() => [503, null]);
  const loop = sync();
  // The second and third call come while the first round is still reading the outbox.
  await Promise.all([loop.run({ force: true }), loop.run(), loop.run({ force: true })]);
  // round one, then exactly one more (forced, so the pin was due again despite its pause)
  assert.equal(pinPosts().length, 2);
  const [record] = await stored();
  assert.equal(record.attempts, 2);
});

test('a recorded route is sent after the pins, under its own key, and kept as sent', async () => {
  await store.addPin(pin(1));
  for (const [i, time] of [1000, 6000, 11000].entries()) await store.addPoint(walkId, [11.97 + i * 1e-4, 57.70, time, 5]);
  await store.closeTrack(walkId);
  browser.fetchHandler = async (url) => (url.endsWith('/tracks') ? jsonResponse(201, { kept: 3, dropped: 0 }) : jsonResponse(201, { id: 5, receipt: 'R-5' }));
  await sync().run();

  const urls = browser.requests.map((r) => r.url);
  assert.deepEqual(urls, ['/api/v1/dialogues/trygg-centrum/pins', `/api/v1/walks/${walkId}/tracks`]);
  const trackPost = browser.requests[1];
  const [track] = await store.tracksOf(walkId);
  assert.equal(trackPost.options.headers['Idempotency-Key'], track.key);
  assert.equal(JSON.parse(trackPost.options.body).points.length, 3);
  assert.equal(track.state, 'sent');
  assert.equal(track.kept, 3);
  assert.deepEqual(track.points, []);
});
