// The pins as a list, for everyone who cannot or would rather not use the map, plus the
// category filter that the map and the list share (it doubles as the map legend).
import { h, announce } from './dom.js';
import { t, has } from './i18n.js';
import { categoryMark, categoryClass, pinDetails, newestFirst } from './pins.js';
import { supportControl } from './support.js';

const $ = (id) => document.getElementById(id);

/**
 * opts: categories (codes), onFilter(selected Set), onShowOnMap(id, button) or null,
 * support: { onSupported(feature, answer) } while the dialogue takes "me too", else null.
 */
export function createPinList(opts) {
  const list = $('pin-list');
  const toggle = $('list-toggle');
  const empty = $('pin-list-empty');
  const selected = new Set(opts.categories);
  let features = [];

  const filterBox = $('filter-options');
  filterBox.replaceChildren(...opts.categories.map((code) => h('label', { class: 'choice choice--filter', for: `filter-${code}` },
    h('input', { type: 'checkbox', name: 'filter-category', value: code, id: `filter-${code}`, checked: true }),
    categoryMark(code),
    has(`category.${code}`) ? h('span', { i18n: `category.${code}` }) : h('span', {}, code))));
  filterBox.addEventListener('change', (e) => {
    if (e.target.name !== 'filter-category') return;
    if (e.target.checked) selected.add(e.target.value); else selected.delete(e.target.value);
    opts.onFilter(selected);
    render();
    announce($('filter-status'), statusText());
  });

  function visible() {
    return features.filter((f) => selected.has(f.properties.category) || !opts.categories.includes(f.properties.category));
  }

  function statusText() {
    return t('filter.showing', { shown: visible().length, total: features.length });
  }

  function item(f) {
    const headingId = `pin-${f.id}-heading`;
    const show = opts.onShowOnMap
      ? h('button', { type: 'button', class: 'button button--small', 'aria-describedby': headingId, i18n: 'map.showOnMap',
        onclick: (e) => opts.onShowOnMap(f.id, e.currentTarget) })
      : null;
    return h('li', { class: `pin-item ${categoryClass(f.properties.category)}`, 'data-pin-id': String(f.id), 'data-category': f.properties.category },
      ...pinDetails(f.properties, { headingTag: 'h3', headingId, supportCount: !opts.support }),
      h('div', { class: 'pin-item__actions' },
        opts.support ? supportControl(f, { describedBy: headingId, onSupported: opts.support.onSupported }) : null,
        show));
  }

  function render() {
    const shown = visible().sort(newestFirst);
    list.replaceChildren(...shown.map(item));
    const expanded = toggle.getAttribute('aria-expanded') === 'true';
    empty.hidden = !expanded || shown.length > 0;
    empty.dataset.i18n = features.length ? 'list.emptyFiltered' : 'list.empty';
    empty.textContent = t(empty.dataset.i18n);
  }

  function setExpanded(on) {
    toggle.setAttribute('aria-expanded', String(on));
    list.hidden = !on;
    const label = toggle.querySelector('[data-i18n]');
    label.dataset.i18n = on ? 'list.hide' : 'list.show';
    label.textContent = t(label.dataset.i18n);
    render();
  }

  toggle.addEventListener('click', () => setExpanded(toggle.getAttribute('aria-expanded') !== 'true'));

  return {
    visible,
    setFeatures(next) {
      features = next;
      render();
      $('filter-status').textContent = statusText();
    },
    expand: () => setExpanded(true),
    refreshLanguage() {
      render();
      $('filter-status').textContent = statusText();
    },
  };
}
