// The Leaflet map of one dialogue: study area, published pins (clustered), the draft pin, and
// the three ways to choose a place (pointer, keyboard crosshair + Enter, or from outside).
// Returns null when Leaflet did not load, and the page then works from the list alone.
import { h } from './dom.js';
import { t, tn, label } from './i18n.js';
import { categoryClass, pinDetails } from './pins.js';
import { outerRingsLatLng } from './geo.js';
import { tiledPins } from './pin-tiles.js';
import { cooperativeGestures } from './map-gestures.js';

const L = window.L;
const WORLD = [[-85, -180], [-85, 180], [85, 180], [85, -180]];
const SWEDEN = { center: [62.5, 16.5], zoom: 5 };

const ENTITIES = { copy: '©', amp: '&', nbsp: '\u00a0', lt: '<', gt: '>', quot: '"' };

/**
 * Leaflet's attribution control takes HTML, but the configured attribution is plain text.
 * Entities that people copy from tile providers' docs (&copy;) are read as the character they
 * name; then everything is escaped, so no markup from configuration ever reaches the page.
 */
function attributionHtml(text) {
  const plain = String(text)
    .replace(/&#(\d{1,7});/g, (m, code) => (Number(code) <= 0x10ffff ? String.fromCodePoint(Number(code)) : m))
    .replace(/&([a-z]+);/g, (m, name) => ENTITIES[name] ?? m);
  return plain.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function pinIcon(category) {
  return L.divIcon({
    className: `pin-marker ${categoryClass(category)}`,
    html: h('span', { class: 'pin-marker__shape', 'aria-hidden': 'true' }),
    iconSize: [30, 30],
    iconAnchor: [15, 15],
    popupAnchor: [0, -14],
  });
}

/** Clusters are buttons for keyboard users too (Enter zooms in), so they say what they hold. */
function clusterIcon(cluster) {
  const n = cluster.getChildCount();
  return L.divIcon({
    className: 'pin-cluster',
    html: h('span', {}, h('span', { 'aria-hidden': 'true' }, String(n)), h('span', { class: 'visually-hidden' }, tn('map.cluster', n))),
    iconSize: [40, 40],
  });
}

function pinTitle(props) {
  // A text deleted under the retention rule still needs a name a screen reader can say.
  const text = props.text != null ? String(props.text).replace(/\s+/g, ' ')
    : props.textDeleted ? t('citizen.pin.textDeleted') : '';
  return `${label('category', props.category)}: ${text.length > 80 ? `${text.slice(0, 79)}…` : text}`;
}

/**
 * A Leaflet map with Dialogkarta's controls and the configured basemap, or a plain background
 * when none is configured. onTilesFailed() runs once when the first tiles all fail (offline or
 * blocked, not one bad tile); onTileSeen(url) for each tile shown (walk mode keeps them offline).
 * mapOptions and positions adjust it per page. Every map of every page starts here; a map in a
 * page that scrolls shares the wheel and one-finger swipes with the page (map-gestures.js)
 * unless cooperative is false (walk mode: all map).
 */
export function leafletMap(container, opts, { mapOptions = {}, positions = {}, cooperative = true } = {}) {
  const maxZoom = opts.site?.basemap?.maxZoom || 19;
  const map = L.map(container, { zoomControl: false, attributionControl: false, maxZoom, minZoom: 3, zoomSnap: 0.25, ...mapOptions });
  const zoom = L.control.zoom({ position: positions.zoom || 'topleft', zoomInTitle: t('map.zoomIn'), zoomOutTitle: t('map.zoomOut') }).addTo(map);
  L.control.scale({ imperial: false, position: positions.scale || 'bottomleft' }).addTo(map);
  if (cooperative) cooperativeGestures(map, container);
  const basemap = opts.site?.basemap;
  if (basemap?.url) {
    L.control.attribution({ prefix: false, position: positions.attribution || 'bottomright' }).addTo(map);
    const tiles = L.tileLayer(basemap.url, { maxZoom, attribution: attributionHtml(basemap.attribution || '') }).addTo(map);
    let loaded = 0;
    let failed = 0;
    tiles.on('tileload', (e) => {
      loaded += 1;
      opts.onTileSeen?.(e.tile.src);
    });
    tiles.on('tileerror', () => {
      failed += 1;
      if (failed === 3 && loaded === 0) opts.onTilesFailed?.();
    });
  } else {
    container.classList.add('no-basemap');
  }
  return { map, zoom };
}

/**
 * opts: site, studyArea (GeoJSON or null), canPlace(), onPlace({lon, lat}, how),
 * onDraftMoved({lon, lat}) -> boolean, onTilesFailed(), popupDetails(feature) -> nodes (optional),
 * tiled (optional, for large dialogues): { tileUrl(z, x, y, categories), loadPin(id) -> feature,
 * onCount(n), onListCell(bounds) }: pins come from the server tile by tile instead of all at once.
 */
export function createMap(container, opts) {
  if (!L) return null;
  const wrap = container.parentElement;
  wrap.classList.toggle('can-place', opts.canPlace()); // no crosshair where nothing can be placed
  const { map, zoom } = leafletMap(container, opts);

  let areaBounds = null;
  if (opts.studyArea) {
    // Grey outside, clear inside: the area reads at a glance, with or without a basemap.
    L.polygon([WORLD, ...outerRingsLatLng(opts.studyArea)], { className: 'study-mask', interactive: false, stroke: false }).addTo(map);
    // The outline in a pane of its own above the pins and clusters (600), below tooltips and
    // popups: always visible, and it lets every tap through to the map and the markers.
    const outline = map.createPane('studyAreaOutline');
    outline.style.zIndex = 640;
    outline.style.pointerEvents = 'none';
    const area = L.geoJSON(opts.studyArea, { pane: 'studyAreaOutline', interactive: false, style: { className: 'study-area', fill: false, weight: 3 } }).addTo(map);
    areaBounds = area.getBounds();
    map.fitBounds(areaBounds, { padding: [12, 12] });
  } else {
    map.setView(SWEDEN.center, SWEDEN.zoom);
  }

  const group = L.markerClusterGroup && !opts.tiled
    ? L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 44, iconCreateFunction: clusterIcon })
    : L.featureGroup();
  group.addTo(map);
  const markers = new Map();

  // A click that only closes an open popup should not also drop a new pin.
  let openPopup = null;
  let clickClosesPopup = false;
  map.on('popupopen', (e) => {
    openPopup = e.popup;
    const close = e.popup.getElement()?.querySelector('.leaflet-popup-close-button');
    if (close) {
      close.setAttribute('aria-label', t('map.closePopup'));
      close.title = t('map.closePopup');
    }
  });
  map.on('popupclose', () => { openPopup = null; });
  map.on('preclick', () => { clickClosesPopup = openPopup !== null; });
  map.on('click', (e) => {
    if (clickClosesPopup) {
      clickClosesPopup = false;
      return;
    }
    if (!opts.canPlace()) return;
    const at = e.latlng.wrap();
    opts.onPlace({ lon: at.lng, lat: at.lat }, 'pointer');
  });

  // Keyboard: Leaflet pans with arrows and zooms with +/-; Enter takes the crosshair's place.
  // Shown whenever the map has focus, except when a pointer gave it focus (that user clicks).
  const showCrosshair = (on) => wrap.classList.toggle('show-crosshair', on);
  let pointerDown = false;
  container.addEventListener('pointerdown', () => { pointerDown = true; showCrosshair(false); });
  container.addEventListener('pointerup', () => { pointerDown = false; });
  container.addEventListener('focus', () => showCrosshair(!pointerDown));
  container.addEventListener('blur', () => showCrosshair(false));
  container.addEventListener('keydown', (e) => {
    if (e.target !== container) return;
    if (e.key.startsWith('Arrow') || ['+', '-', '=', 'Enter'].includes(e.key)) showCrosshair(true);
    if (e.key === 'Enter' && opts.canPlace()) {
      e.preventDefault();
      const c = map.getCenter().wrap();
      opts.onPlace({ lon: c.lng, lat: c.lat }, 'keyboard');
    }
  });

  let draft = null;
  let draftBefore = null;
  function setDraft(pos) {
    if (!pos) {
      draft?.remove();
      draft = null;
      return;
    }
    const at = [pos.lat, pos.lon];
    if (draft) {
      draft.setLatLng(at);
      return;
    }
    draft = L.marker(at, {
      icon: L.divIcon({ className: 'draft-marker', html: h('span', { class: 'draft-marker__shape' }), iconSize: [36, 46], iconAnchor: [18, 44] }),
      draggable: true, keyboard: false, zIndexOffset: 1000, title: t('map.draft'),
    }).addTo(map);
    draft.on('dragstart', () => { draftBefore = draft.getLatLng(); });
    draft.on('dragend', () => {
      const moved = draft.getLatLng().wrap();
      if (!opts.onDraftMoved({ lon: moved.lng, lat: moved.lat })) draft.setLatLng(draftBefore);
    });
  }

  function popupContent(feature) {
    const content = h('div', { class: 'pin-popup', tabindex: '-1' }, ...(opts.popupDetails?.(feature) ?? pinDetails(feature.properties)));
    content.addEventListener('keydown', (e) => { if (e.key === 'Escape') map.closePopup(); });
    return content;
  }

  function setPins(features) {
    group.clearLayers();
    markers.clear();
    const layers = features.map((f) => {
      const marker = pinMarker(f);
      markers.set(f.id, marker);
      return marker;
    });
    if (group.addLayers) group.addLayers(layers); else layers.forEach((m) => group.addLayer(m));
  }

  /** A marker for one pin; its popup is built when it opens, from the feature or loaded by id. */
  function pinMarker(f, load) {
    const [lon, lat] = f.geometry ? f.geometry.coordinates : [f.lon, f.lat];
    const props = f.properties ?? { category: f.category };
    // Focusable (Enter opens the popup); the title is its name for screen readers and a tooltip.
    const marker = L.marker([lat, lon], { icon: pinIcon(props.category),
      title: props.text !== undefined || props.textDeleted ? pinTitle(props) : label('category', props.category), riseOnHover: true });
    if (load) {
      marker.bindPopup(() => h('div', { class: 'pin-popup', i18n: 'map.pinLoading' }), { maxWidth: 300, minWidth: 200 });
      marker.on('popupopen', async (e) => {
        try {
          const feature = await load(f.id);
          const fromKeyboard = document.activeElement === marker.getElement();
          const content = popupContent(feature);
          e.popup.setContent(content);
          if (fromKeyboard) content.focus({ preventScroll: true });
          marker.options.title = pinTitle(feature.properties);
          marker.getElement()?.setAttribute('title', marker.options.title);
        } catch {
          e.popup.setContent(h('div', { class: 'pin-popup', i18n: 'map.pinLoadError' }));
        }
      });
    } else {
      marker.bindPopup(() => popupContent(f), { maxWidth: 300, minWidth: 200, autoPanPaddingTopLeft: [64, 24], autoPanPaddingBottomRight: [24, 24] });
    }
    marker.on('popupopen', (e) => {
      // Opened from the keyboard: take focus into the popup, and back to the pin on closing.
      const icon = marker.getElement();
      if (!icon || document.activeElement !== icon) return;
      e.popup.getElement()?.querySelector('.pin-popup')?.focus({ preventScroll: true });
      e.popup.once('remove', () => { if (icon.isConnected) icon.focus({ preventScroll: true }); });
    });
    return marker;
  }

  const tiled = opts.tiled ? tiledPins(map, {
    tileUrl: opts.tiled.tileUrl,
    pinMarker: (p) => pinMarker(p, opts.tiled.loadPin),
    onCount: opts.tiled.onCount,
    onListCell: opts.tiled.onListCell,
  }) : null;

  /** For "show on map" in the list: zoom until the pin is out of its cluster, open it, focus it. */
  function showPin(id, returnFocusTo) {
    const marker = markers.get(id);
    if (!marker) return;
    const open = () => {
      marker.openPopup();
      const popup = marker.getPopup();
      const content = popup?.getElement()?.querySelector('.pin-popup');
      if (content) {
        content.focus({ preventScroll: true });
        popup.once('remove', () => returnFocusTo?.focus({ preventScroll: true }));
      }
    };
    wrap.scrollIntoView({ block: 'nearest' });
    if (group.zoomToShowLayer) group.zoomToShowLayer(marker, open);
    else { map.setView(marker.getLatLng(), Math.max(map.getZoom(), 16)); open(); }
  }

  /** A pin from the list of a large dialogue (not drawn as its own marker yet): go there, open it. */
  function showFeature(f, returnFocusTo) {
    const [lon, lat] = f.geometry.coordinates;
    wrap.scrollIntoView({ block: 'nearest' });
    map.setView([lat, lon], Math.max(map.getZoom(), 19));
    const popup = L.popup({ maxWidth: 300, minWidth: 200 }).setLatLng([lat, lon]).setContent(popupContent(f)).openOn(map);
    popup.getElement()?.querySelector('.pin-popup')?.focus({ preventScroll: true });
    popup.once('remove', () => returnFocusTo?.focus({ preventScroll: true }));
  }

  return {
    leaflet: map,
    tiled,
    showFeature,
    setPins,
    setDraft,
    showPin,
    /** Pins decide the view only when there is no study area to frame. */
    fitPins(features) {
      if (areaBounds || !features.length) return;
      map.fitBounds(L.latLngBounds(features.map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]])), { padding: [24, 24], maxZoom: 15 });
    },
    setView(pos, z) { map.setView([pos.lat, pos.lon], Math.max(map.getZoom(), z)); },
    focus({ crosshair = false } = {}) {
      container.focus({ preventScroll: true });
      if (crosshair) showCrosshair(true);
    },
    refreshLanguage(features) {
      for (const [cls, key] of [['.leaflet-control-zoom-in', 'map.zoomIn'], ['.leaflet-control-zoom-out', 'map.zoomOut']]) {
        const button = zoom.getContainer().querySelector(cls);
        button.title = t(key);
        button.setAttribute('aria-label', t(key));
      }
      draft?.getElement()?.setAttribute('title', t('map.draft'));
      map.closePopup();
      setPins(features); // popups are built on opening, so they follow the language anyway
    },
  };
}
