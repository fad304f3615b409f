// The walk outbox (walk-store.js on IndexedDB, here an in-memory fake) and what the page counts
// from it (walk-outbox-view.js): pins in the order they were made, edits in one transaction,
// and the recorded route cut into tracks to send.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installBrowser, jsonResponse } from './support/browser.mjs';
import { fakeIndexedDB } from './support/fake-indexeddb.mjs';

const browser = installBrowser();
const idb = fakeIndexedDB();
globalThis.indexedDB = idb;
const store = await import('../js/walk-store.js');
const { counts, isQueued, reasonText } = await import('../js/walk-outbox-view.js');
const { initI18n } = await import('../js/i18n.js');

const pin = (walkId, seq, extra = {}) => ({
  key: `${walkId}-${seq}`, walkId, dialogueId: 'trygg-centrum', seq, recordedAt: '2026-03-05T18:00:00Z',
  body: { category: 'safety_concern', text: `stopp ${seq}`, lon: 11.97, lat: 57.70 },
  state: 'waiting', attempts: 0, nextTryAt: 0, photo: null, ...extra,
});

test('a walk\'s pins come back in the order they were made, other walks\' left out', async () => {
  await store.addPin(pin(1, 3));
  await store.addPin(pin(1, 1));
  await store.addPin(pin(2, 2));
  await store.addPin(pin(1, 2));
  const pins = await store.pinsOf(1);
  assert.deepEqual(pins.map((p) => p.seq), [1, 2, 3]);
  assert.ok(pins.every((p) => p.walkId === 1));
});

test('the same Idempotency-Key cannot be stored twice', async () => {
  await store.addPin(pin(3, 1));
  await assert.rejects(store.addPin(pin(3, 1, { body: { category: 'suggestion' } })));
  const [only] = await store.pinsOf(3);
  assert.equal(only.body.category, 'safety_concern');
});

test('updatePin writes the change back and answers the new record; a missing key answers null', async () => {
  await store.addPin(pin(4, 1));
  const changed = await store.updatePin('4-1', (r) => { r.state = 'sent'; r.pinId = 42; });
  assert.equal(changed.pinId, 42);
  const [stored] = await store.pinsOf(4);
  assert.equal(stored.state, 'sent');
  assert.equal(stored.pinId, 42);
  assert.equal(await store.updatePin('no-such-key', () => assert.fail('must not be called')), null);
});

test('a change that throws leaves the stored pin as it was', async () => {
  await store.addPin(pin(5, 1));
  await assert.rejects(store.updatePin('5-1', (r) => { r.state = 'sent'; throw new Error('half done'); }), /half done/);
  const [stored] = await store.pinsOf(5);
  assert.equal(stored.state, 'waiting');
});

/** n recorded points, 5 s apart; written straight into the fake store, as addPoint would, for speed. */
async function record(walkId, n, startTime = 1_000_000) {
  await store.countPoints(walkId); // opens the database
  idb.seed('dialogkarta-walk', 'points', Array.from({ length: n },
    (_, i) => ({ walkId, p: [11.97 + i * 1e-5, 57.70, startTime + i * 5000, 5] })));
}

test('closing the route makes one track of the points in time order and empties the recording', async () => {
  await store.addPoint(10, [11.972, 57.701, 3000, 4]);
  await store.addPoint(10, [11.970, 57.700, 1000, 4]);
  await store.addPoint(10, [11.971, 57.700, 2000, 4]);
  await store.addPoint(11, [12.0, 57.8, 1500, 4]); // another walk's point stays
  assert.equal(await store.closeTrack(10), 1);
  const [track] = await store.tracksOf(10);
  assert.deepEqual(track.points.map((p) => p[2]), [1000, 2000, 3000]);
  assert.equal(track.state, 'waiting');
  assert.equal(track.attempts, 0);
  assert.match(track.key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(await store.countPoints(10), 0);
  assert.equal(await store.countPoints(11), 1);
});

test('a lone point is no route: no track, and the point is dropped', async () => {
  await store.addPoint(12, [11.97, 57.70, 1000, 4]);
  assert.equal(await store.closeTrack(12), 0);
  assert.deepEqual(await store.tracksOf(12), []);
  assert.equal(await store.countPoints(12), 0);
});

test('a long route is cut into tracks of 5000 points; a lone last point joins the part before', async () => {
  await record(13, 5001);
  assert.equal(await store.closeTrack(13), 1);
  assert.deepEqual((await store.tracksOf(13)).map((tr) => tr.points.length), [5001]);

  await record(14, 5002);
  assert.equal(await store.closeTrack(14), 2);
  const tracks = await store.tracksOf(14);
  assert.deepEqual(tracks.map((tr) => tr.points.length), [5000, 2]);
  assert.notEqual(tracks[0].key, tracks[1].key); // each part is its own request
  assert.ok(tracks[0].points.at(-1)[2] < tracks[1].points[0][2], 'the parts follow each other in time');
});

test('a sent track keeps no points on the phone; a failed one keeps them', async () => {
  await record(15, 3);
  await record(15, 3, 2_000_000);
  await store.closeTrack(15);
  const [track] = await store.tracksOf(15);
  await store.updateTrack(track.key, (tr) => { tr.state = 'failed'; });
  assert.equal((await store.tracksOf(15))[0].points.length, 6);
  await store.updateTrack(track.key, (tr) => { tr.state = 'sent'; tr.kept = 6; });
  const [sent] = await store.tracksOf(15);
  assert.deepEqual(sent.points, []);
  assert.equal(sent.kept, 6);
});

test('counts: a sent pin whose photo still waits is queued, not sent', () => {
  const records = [
    { state: 'waiting' },
    { state: 'sent', photo: null },
    { state: 'sent', photo: { state: 'waiting' } },
    { state: 'sent', photo: { state: 'sent' } },
    { state: 'sent', photo: { state: 'failed' } },
    { state: 'failed' },
  ];
  assert.deepEqual(counts(records), { queued: 2, sent: 3, failed: 1 });
  assert.deepEqual(records.map(isQueued), [true, false, true, false, false, false]);
  assert.deepEqual(counts([]), { queued: 0, sent: 0, failed: 0 });
});

test('the reason of a refusal: walk wording first, then the general one, then the server\'s detail', async () => {
  browser.fetchHandler = async () => jsonResponse(200, {
    'walk.error.pin.outside_area': 'Platsen ligger utanför vandringens område.',
    'error.pin.outside_area': 'Platsen ligger utanför området.',
    'error.pin.text.too_long': 'Högst {max} tecken.',
    'walk.error.http': 'Servern svarade {status}.',
  });
  await initI18n();
  assert.equal(reasonText({ code: 'pin.outside_area' }), 'Platsen ligger utanför vandringens område.');
  assert.equal(reasonText({ code: 'pin.text.too_long' }), 'Högst 2\u00a0000 tecken.');
  // the problem's own code unknown: the first field error the bundle knows
  assert.equal(reasonText({ code: 'validation', errors: [{ code: 'x.unknown' }, { code: 'pin.text.too_long' }] }), 'Högst 2\u00a0000 tecken.');
  assert.equal(reasonText({ code: 'teapot', detail: 'I am a teapot' }), 'I am a teapot');
  assert.equal(reasonText({ code: 'teapot', status: 418 }), 'Servern svarade 418.');
  assert.equal(reasonText(null), 'Servern svarade ?.');
});
