// Walk mode must open offline: the service worker keeps its page's every script from the first
// visit (ASSETS in walk-sw.js). This follows walk-page.js's imports and checks that each one is
// on that list, so a module added to walk mode (or to a module it uses) is not forgotten there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');

function importsOf(module) {
  const source = read(`../js/${module}`);
  return [...source.matchAll(/^import[^'"]*['"]\.\/([\w-]+\.js)['"]/gm)].map((m) => m[1]);
}

test('the walk service worker keeps every script walk mode imports', () => {
  const worker = read('../walk-sw.js');
  const assets = new Set([...worker.matchAll(/'\/js\/([\w-]+\.js)'/g)].map((m) => m[1]));
  const needed = new Set();
  const queue = ['walk-page.js'];
  while (queue.length) {
    const module = queue.pop();
    if (needed.has(module)) continue;
    needed.add(module);
    queue.push(...importsOf(module));
  }
  const missing = [...needed].filter((m) => !assets.has(m));
  assert.deepEqual(missing, [], `missing from ASSETS in walk-sw.js: ${missing.join(', ')}`);
  assert.ok(needed.has('map-gestures.js'), 'walk mode reaches map.js and what it imports');
});
