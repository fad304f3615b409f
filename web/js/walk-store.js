// The walk outbox in IndexedDB: every pin made in walk mode is written here first, with its
// Idempotency-Key, the time it was made and its photo as a Blob, and only then sent (walk-sync.js).
// So nothing is lost when the phone is offline or the page is closed before sending; the keys make
// every retry land on the pin the server already made, if it made one.
//
// stores: pins   {key, walkId, dialogueId, seq, recordedAt, body, state, attempts, nextTryAt,
//                 error, frozen, pinId, receipt, sentAt, photo: {key, blob, name, state, ...} | null}
//         points {id, walkId, p: [lon, lat, epochMillis, accuracy]}  the route while recording
//         tracks {key, walkId, points, state, attempts, nextTryAt, error, kept, dropped}  to send

const DB_NAME = 'dialogkarta-walk';
const DB_VERSION = 1;
let opening = null;

export function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  // randomUUID exists only on https/localhost; getRandomValues everywhere (plain-http intranets)
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function open() {
  opening ??= new Promise((resolve, reject) => {
    if (!window.indexedDB) {
      reject(new Error('indexeddb.unavailable'));
      return;
    }
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore('pins', { keyPath: 'key' }).createIndex('walk', 'walkId');
      db.createObjectStore('points', { keyPath: 'id', autoIncrement: true }).createIndex('walk', 'walkId');
      db.createObjectStore('tracks', { keyPath: 'key' }).createIndex('walk', 'walkId');
    };
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => { db.close(); opening = null; }; // a newer page wants to upgrade
      resolve(db);
    };
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('indexeddb.blocked'));
  });
  opening.catch(() => { opening = null; });
  return opening;
}

/** Runs work(stores) in one transaction; resolves with work's result once the data is on disk. */
async function transact(names, mode, work) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(names, mode, { durability: 'strict' });
    const stores = Object.fromEntries([names].flat().map((n) => [n, tx.objectStore(n)]));
    let result;
    Promise.resolve(work(stores, tx)).then((r) => { result = r; }, (e) => { tx.abort(); reject(e); });
    tx.oncomplete = () => resolve(result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error('aborted'));
  });
}

const req = (r) => new Promise((resolve, reject) => {
  r.onsuccess = () => resolve(r.result);
  r.onerror = () => reject(r.error);
});

/** Asks the browser not to evict the outbox under storage pressure; a refusal changes nothing. */
export function askToPersist() {
  navigator.storage?.persist?.().catch(() => {});
}

export function addPin(record) {
  return transact('pins', 'readwrite', ({ pins }) => req(pins.add(record)));
}

/** The walk's pins on this device, in the order they were made. */
export async function pinsOf(walkId) {
  const all = await transact('pins', 'readonly', ({ pins }) => req(pins.index('walk').getAll(walkId)));
  return all.sort((a, b) => a.seq - b.seq);
}

/** Reads a pin, lets change(record) edit it, writes it back in the same transaction. */
export function updatePin(key, change) {
  return transact('pins', 'readwrite', async ({ pins }) => {
    const record = await req(pins.get(key));
    if (!record) return null;
    change(record);
    await req(pins.put(record));
    return record;
  });
}

export function addPoint(walkId, p) {
  return transact('points', 'readwrite', ({ points }) => req(points.add({ walkId, p })));
}

export function countPoints(walkId) {
  return transact('points', 'readonly', ({ points }) => req(points.index('walk').count(walkId)));
}

const BATCH = 5000; // points per request; a long walk becomes several tracks, each with its own key

/**
 * Moves the recorded points into tracks to send, each with a fresh key, in one transaction: a
 * point is then either still recorded or in exactly one track.
 */
export function closeTrack(walkId) {
  return transact(['points', 'tracks'], 'readwrite', async ({ points, tracks }) => {
    const rows = await req(points.index('walk').getAll(walkId));
    rows.sort((a, b) => a.p[2] - b.p[2]);
    let made = 0;
    // A track needs two points: a lone point is no route, and a lone last point joins the part before.
    for (let i = 0; rows.length >= 2 && i < rows.length; i += BATCH) {
      const end = rows.length - (i + BATCH) === 1 ? rows.length : i + BATCH;
      const part = rows.slice(i, end);
      await req(tracks.add({ key: newKey(), walkId, points: part.map((r) => r.p), state: 'waiting', attempts: 0, nextTryAt: 0, createdAt: Date.now() + made }));
      made += 1;
      if (end === rows.length) break;
    }
    for (const row of rows) points.delete(row.id);
    return made;
  });
}

export async function tracksOf(walkId) {
  const all = await transact('tracks', 'readonly', ({ tracks }) => req(tracks.index('walk').getAll(walkId)));
  return all.sort((a, b) => a.createdAt - b.createdAt);
}

export function updateTrack(key, change) {
  return transact('tracks', 'readwrite', async ({ tracks }) => {
    const record = await req(tracks.get(key));
    if (!record) return null;
    change(record);
    if (record.state === 'sent') record.points = []; // sent: the server has them, the phone need not
    await req(tracks.put(record));
    return record;
  });
}
