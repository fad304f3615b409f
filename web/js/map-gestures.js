// Maps that sit in a page that scrolls do not take over the scroll: the mouse wheel zooms the
// map only after a click on it (until the pointer leaves) or with Ctrl/⌘ held, and on a phone one
// finger scrolls the page while two move and zoom the map (Leaflet's pinch pans with the
// fingers). A short hint says so when a gesture went to the page instead. Walk mode, which is all
// map, keeps the usual gestures.
import { h } from './dom.js';
import { t } from './i18n.js';

const HINT_MS = 1600;

export function cooperativeGestures(map, container, L = globalThis.L) {
  map.scrollWheelZoom.disable();
  const hint = h('div', { class: 'map-gesture-hint', 'aria-hidden': 'true' });
  container.append(hint);
  let timer = null;
  const show = (key) => {
    hint.textContent = t(key);
    hint.classList.add('is-shown');
    clearTimeout(timer);
    timer = setTimeout(() => hint.classList.remove('is-shown'), HINT_MS);
  };

  container.addEventListener('wheel', (e) => {
    if (map.scrollWheelZoom.enabled()) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault(); // Ctrl + wheel would otherwise zoom the whole page
      const at = map.mouseEventToContainerPoint(e);
      map.setZoomAround(at, map.getZoom() + (e.deltaY < 0 ? 0.5 : -0.5));
      return;
    }
    show('map.gesture.wheel');
  }, { passive: false });
  map.on('click', () => map.scrollWheelZoom.enable());
  container.addEventListener('mouseleave', () => map.scrollWheelZoom.disable());

  if (L?.Browser?.mobile) {
    map.dragging.disable();
    container.addEventListener('touchmove', (e) => {
      if (e.touches.length === 1) show('map.gesture.touch');
    }, { passive: true });
  }
}
