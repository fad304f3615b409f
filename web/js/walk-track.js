// The opt-in route of a walk: off by default; when the participant turns it on, each position
// fix (at most one every 5 s, and only after moving a few metres) is kept on the phone in
// IndexedDB as [lon, lat, time, accuracy]. The points are handed to the outbox as a track with
// its own Idempotency-Key when the participant turns recording off, or when the walk is over.
import { addPoint, countPoints, closeTrack } from './walk-store.js';

const MIN_INTERVAL_MS = 5000;
const MIN_METRES = 3;
const WORST_ACCURACY_M = 100; // a fix this vague says nothing about the route

function metres(a, b) {
  const rad = Math.PI / 180;
  const x = (b.lon - a.lon) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
  const y = (b.lat - a.lat) * rad;
  return Math.hypot(x, y) * 6371000;
}

/** opts: walk, isOver() → boolean, onChange({recording, points}), onClosed() after handing over. */
export function createTrack(opts) {
  const flag = `dialogkarta.walk.${opts.walk.id}.track`;
  let recording = false;
  let last = null;
  let points = 0;

  try {
    recording = localStorage.getItem(flag) === 'on';
  } catch {
    recording = false;
  }

  function remember(on) {
    try {
      if (on) localStorage.setItem(flag, 'on'); else localStorage.removeItem(flag);
    } catch {
      // then recording stops when the page is closed; the points kept so far stay
    }
  }

  const changed = () => opts.onChange({ recording, points });

  async function handOver() {
    const tracks = await closeTrack(opts.walk.id);
    points = 0;
    changed();
    if (tracks) opts.onClosed();
  }

  return {
    isRecording: () => recording,
    async init() {
      points = await countPoints(opts.walk.id).catch(() => 0);
      // Recording left on when the page was closed, and the walk has ended since: send it now.
      if (opts.isOver()) {
        recording = false;
        remember(false);
        if (points) await handOver();
      }
      changed();
    },
    async start() {
      if (opts.isOver()) return;
      recording = true;
      last = null;
      remember(true);
      changed();
    },
    async stop() {
      recording = false;
      remember(false);
      await handOver();
    },
    /** Every position fix of the page passes here; kept only while recording. */
    async add(fix) {
      if (!recording) return;
      if (opts.isOver()) {
        await this.stop();
        return;
      }
      if (fix.accuracy > WORST_ACCURACY_M) return;
      if (last && (fix.time - last.time < MIN_INTERVAL_MS || metres(last, fix) < MIN_METRES)) return;
      last = fix;
      const round = (v) => Math.round(v * 1e6) / 1e6;
      await addPoint(opts.walk.id, [round(fix.lon), round(fix.lat), fix.time, Math.round(fix.accuracy * 10) / 10]);
      points += 1;
      changed();
    },
  };
}
