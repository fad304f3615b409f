// The service worker of walk mode, served from the root so that its scope covers /vandring/…;
// only walk mode registers it. It answers only the requests it knows and leaves every other one
// to the browser, so the other pages work as if it were not there:
//  - walk mode's page, and the site's scripts and stylesheets: network first (always fresh when
//    online), the cached copy when the network fails or hangs;
//  - GET /api/v1/walks/{id} and its checklist, /api/v1/messages/{lang}?page=walk, /api/v1/site, /api/v1/dialogues/{id}:
//    network first, cached copy as fallback;
//  - map tiles: cache first, at most MAX_TILES kept (oldest dropped first).
// It never touches POSTs (the outbox in IndexedDB sends those), staff APIs or /personal pages.
const VERSION = 'v4';
const ASSETS_CACHE = `dk-walk-assets-${VERSION}`;
const DATA_CACHE = `dk-walk-data-${VERSION}`;
const TILE_CACHE = 'dk-walk-tiles'; // not versioned: tiles stay good across releases
const MAX_TILES = 800;
const NETWORK_WAIT_MS = 4000; // then the cached copy, while the network answer still refreshes it

const ASSETS = [
  '/walk.html',
  '/favicon.svg',
  '/css/app.css',
  '/css/walk-map.css',
  '/css/walk.css',
  '/css/walk-checklist.css',
  '/js/walk-page.js', '/js/walk-map.js', '/js/walk-sheet.js', '/js/walk-photo.js', '/js/walk-sync.js',
  '/js/walk-store.js', '/js/walk-track.js', '/js/walk-outbox-view.js', '/js/walk-checklist.js', '/js/walk-description.js',
  '/js/page.js', '/js/api.js', '/js/i18n.js', '/js/dom.js', '/js/content-lang.js', '/js/pins.js', '/js/geo.js', '/js/map.js',
  '/js/map-gestures.js', '/js/pin-tiles.js', '/js/place-finder.js', '/js/place-search.js', '/css/place-search.css',
  '/webjars/leaflet/dist/leaflet.js', // without a version: webjars-locator-lite finds it
  '/webjars/leaflet/dist/leaflet.css',
];
const ASSET_SET = new Set(ASSETS);
// Any script or stylesheet of the site, so that a module walk mode comes to import later (through
// a shared module) is kept too; network first, so the other pages see no difference online.
const STATIC_PATH = /^\/(js\/[\w.-]+\.js|css\/[\w.-]+\.css|webjars\/leaflet\/.+|favicon\.svg)$/;
const WALK_PAGE = /^\/vandring\/\d+\/?$/;
const MESSAGES = /^\/api\/v1\/messages\/[a-z]{2,8}$/; // sv, en, fi, ar, lattlast, ...
const WALK_MESSAGES = '?page=walk'; // walk mode's own messages (page.PageMessages)
const DATA = [/^\/api\/v1\/walks\/\d+$/, /^\/api\/v1\/walks\/\d+\/checklist$/, MESSAGES, /^\/api\/v1\/site$/, /^\/api\/v1\/dialogues\/[^/]+$/];
const TILE_PATH = /\/\d+\/\d+\/\d+(@\d(\.\d+)?x)?\.(png|jpe?g|webp)$/i;
const TILE_ORIGINS_KEY = '/__walk-sw/tile-origins';

// A worker fetches under its own content security policy, and connect-src (not img-src) decides
// whether it may fetch from the tile server. Tiles from another origin are therefore taken over
// only once a test fetch from this worker has worked; otherwise the browser loads them as
// before, so a policy without the tile server never costs the map its tiles.
const tileOrigins = new Set();
caches.open(DATA_CACHE).then((c) => c.match(TILE_ORIGINS_KEY)).then((r) => r?.json())
  .then((list) => (list || []).forEach((o) => tileOrigins.add(o))).catch(() => {});

async function saveTileOrigins() {
  const cache = await caches.open(DATA_CACHE);
  await cache.put(TILE_ORIGINS_KEY, new Response(JSON.stringify([...tileOrigins]), { headers: { 'Content-Type': 'application/json' } }));
}

async function probeTiles(template) {
  let url;
  try {
    url = new URL(template.replace('{s}', 'a').replace('{z}', '0').replace('{x}', '0').replace('{y}', '0').replace('{r}', ''), self.location.origin);
  } catch {
    return;
  }
  if (url.origin === self.location.origin || tileOrigins.has(url.origin)) return;
  try {
    await fetch(url.href, { mode: 'no-cors', credentials: 'omit' });
    tileOrigins.add(url.origin);
    await saveTileOrigins();
  } catch {
    // blocked by the policy, or offline: the browser keeps loading these tiles itself
  }
}

self.addEventListener('install', (event) => {
  // Each asset on its own: one that is missing must not keep the rest from being kept.
  event.waitUntil(caches.open(ASSETS_CACHE)
    .then((cache) => Promise.all(ASSETS.map((url) => cache.add(new Request(url, { cache: 'reload' })).catch(() => {}))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names
      .filter((n) => n.startsWith('dk-walk-') && ![ASSETS_CACHE, DATA_CACHE, TILE_CACHE].includes(n))
      .map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

/** Walk mode asks for what it fetched before this worker controlled it (the first visit). */
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'keep' || !Array.isArray(event.data.urls)) return;
  if (typeof event.data.tiles === 'string') event.waitUntil(probeTiles(event.data.tiles));
  const urls = event.data.urls.filter((u) => typeof u === 'string' && u.startsWith('/') && isKnown(new URL(u, self.location.origin).pathname));
  event.waitUntil(Promise.all(urls.map(async (url) => {
    const path = new URL(url, self.location.origin).pathname;
    const cache = await caches.open(ASSET_SET.has(path) || STATIC_PATH.test(path) ? ASSETS_CACHE : DATA_CACHE);
    try {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (response.ok) await cache.put(url, response);
    } catch {
      // offline now; it is kept the next time it is fetched
    }
  })));
});

/** Tiles walk mode has shown, perhaps before this worker could take them over: kept now. */
self.addEventListener('message', (event) => {
  if (event.data?.type !== 'tiles' || !Array.isArray(event.data.urls)) return;
  event.waitUntil((async () => {
    if (typeof event.data.template === 'string') await probeTiles(event.data.template);
    const cache = await caches.open(TILE_CACHE);
    for (const raw of event.data.urls.slice(0, MAX_TILES)) {
      let url;
      try { url = new URL(raw); } catch { continue; }
      const own = url.origin === self.location.origin;
      if (!TILE_PATH.test(url.pathname) || !(own || tileOrigins.has(url.origin))) continue;
      if (await cache.match(url.href, { ignoreVary: true })) continue;
      try {
        const response = await fetch(url.href, own ? {} : { mode: 'no-cors', credentials: 'omit' });
        if (response.ok || response.type === 'opaque') await cache.put(url.href, response);
      } catch {
        break; // offline or refused: the rest would fail the same way
      }
    }
    await trimTiles(cache);
  })().catch(() => {}));
});

function isKnown(path) {
  return WALK_PAGE.test(path) || ASSET_SET.has(path) || STATIC_PATH.test(path) || DATA.some((re) => re.test(path));
}

function timeout(ms) {
  return new Promise((resolve) => { setTimeout(() => resolve(null), ms); });
}

async function networkFirst(event, cacheName, fallbackUrl) {
  const { request } = event;
  const cache = await caches.open(cacheName);
  const network = fetch(request).then((response) => {
    if (response.ok && response.type === 'basic') {
      const copy = response.clone();
      event.waitUntil(cache.put(request, copy).catch(() => {}));
    }
    return response;
  });
  network.catch(() => {});
  const cached = () => cache.match(request, { ignoreVary: true, ignoreSearch: request.mode === 'navigate' })
    .then((hit) => hit || (fallbackUrl ? caches.match(fallbackUrl, { ignoreVary: true }) : null));
  try {
    const first = await Promise.race([network, timeout(NETWORK_WAIT_MS)]);
    if (first) return first;
    return (await cached()) || (await network); // slow network and nothing kept: wait for it
  } catch {
    const hit = await cached();
    if (hit) return hit;
    return Response.error();
  }
}

let tilesSinceTrim = 0;

async function trimTiles(cache) {
  const keys = await cache.keys(); // in the order they were put
  for (let i = 0; i < keys.length - MAX_TILES; i += 1) await cache.delete(keys[i]);
}

async function cacheFirstTile(event) {
  const { request } = event;
  const cache = await caches.open(TILE_CACHE);
  const hit = await cache.match(request, { ignoreVary: true });
  if (hit) return hit;
  const response = await fetch(request);
  // A cross-origin tile comes back opaque (status 0); it is kept as it is, so it shows offline.
  if (response.ok || response.type === 'opaque') {
    event.waitUntil(cache.put(request, response.clone())
      .then(() => { tilesSinceTrim += 1; if (tilesSinceTrim >= 25) { tilesSinceTrim = 0; return trimTiles(cache); } return null; })
      .catch(() => trimTiles(cache).catch(() => {})));
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin === self.location.origin) {
    const path = url.pathname;
    if (path.startsWith('/api/v1/staff') || path.startsWith('/personal')) return;
    if (request.mode === 'navigate') {
      if (WALK_PAGE.test(path)) event.respondWith(networkFirst(event, DATA_CACHE, '/walk.html'));
      return;
    }
    if (url.search && !(MESSAGES.test(path) && url.search === WALK_MESSAGES)) return; // the others take no query
    if (DATA.some((re) => re.test(path))) event.respondWith(networkFirst(event, DATA_CACHE));
    else if (ASSET_SET.has(path) || STATIC_PATH.test(path)) event.respondWith(networkFirst(event, ASSETS_CACHE));
    else if (request.destination === 'image' && TILE_PATH.test(path)) event.respondWith(cacheFirstTile(event));
    return;
  }
  if (request.destination === 'image' && tileOrigins.has(url.origin) && TILE_PATH.test(url.pathname)) {
    event.respondWith(cacheFirstTile(event));
  }
});
