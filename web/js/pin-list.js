// The pins as a list, for everyone who cannot or would rather not use the map, plus the
// category filter that the map and the list share (it doubles as the map legend).
import { h, announce } from './dom.js';
import { t, tn, has, formatNumber } from './i18n.js';
import { categoryMark, categoryClass, pinDetails, newestFirst } from './pins.js';
import { supportControl } from './support.js';

const $ = (id) => document.getElementById(id);

/**
 * opts: categories (codes), onFilter(selected Set), onShowOnMap(id, button, feature) or null,
 * support: { onSupported(feature, answer) } while the dialogue takes "me too", else null,
 * pager (for large dialogues): { load(before, selected) -> {features, next} }: the list then shows
 * the pins in the map's view a page at a time, newest first, instead of all of them.
 */
export function createPinList(opts) {
  const list = $('pin-list');
  const toggle = $('list-toggle');
  const empty = $('pin-list-empty');
  const selected = new Set(opts.categories);
  let features = [];
  let next = null;
  let inView = null;
  let loading = 0;
  let stale = true; // large dialogues: the loaded page no longer matches the view or filter

  const filterBox = $('filter-options');
  filterBox.replaceChildren(...opts.categories.map((code) => h('label', { class: 'choice choice--filter', for: `filter-${code}` },
    h('input', { type: 'checkbox', name: 'filter-category', value: code, id: `filter-${code}`, checked: true }),
    categoryMark(code),
    has(`category.${code}`) ? h('span', { i18n: `category.${code}` }) : h('span', {}, code))));
  filterBox.addEventListener('change', (e) => {
    if (e.target.name !== 'filter-category') return;
    if (e.target.checked) selected.add(e.target.value); else selected.delete(e.target.value);
    opts.onFilter(selected);
    if (opts.pager) {
      reload().then(() => announce($('filter-status'), statusText()));
      return;
    }
    render();
    announce($('filter-status'), statusText());
  });

  function visible() {
    return features.filter((f) => selected.has(f.properties.category) || !opts.categories.includes(f.properties.category));
  }

  function statusText() {
    if (opts.pager && stale) return inView == null ? '' : tn('filter.inView', inView, { total: formatNumber(inView) });
    if (opts.pager) return tn('filter.showingInView', inView ?? features.length, { shown: formatNumber(features.length), total: formatNumber(inView ?? features.length) });
    return tn('filter.showing', features.length, { shown: formatNumber(visible().length), total: formatNumber(features.length) });
  }

  /**
   * Large dialogues: the first page of the pins in view again (the view or the filter changed);
   * while the list is closed only noted, and asked for when it opens, so moving the map costs no list.
   */
  async function reload() {
    stale = true;
    if (toggle.getAttribute('aria-expanded') !== 'true') {
      $('filter-status').textContent = statusText();
      return;
    }
    const mine = ++loading;
    const page = await opts.pager.load(null, selected);
    if (mine !== loading) return;
    stale = false;
    features = page.features;
    next = page.next;
    render();
    $('filter-status').textContent = statusText();
  }

  async function more(button) {
    const page = await opts.pager.load(next, selected);
    const first = page.features[0]?.id;
    features = features.concat(page.features);
    next = page.next;
    render();
    $('filter-status').textContent = statusText();
    const heading = first != null ? list.querySelector(`[data-pin-id="${first}"] h3`) : null;
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    } else {
      button?.focus();
    }
  }

  function item(f) {
    const headingId = `pin-${f.id}-heading`;
    const show = opts.onShowOnMap
      ? h('button', { type: 'button', class: 'button button--small', 'aria-describedby': headingId, i18n: 'map.showOnMap',
        onclick: (e) => opts.onShowOnMap(f.id, e.currentTarget, f) })
      : null;
    return h('li', { class: `pin-item ${categoryClass(f.properties.category)}`, 'data-pin-id': String(f.id), 'data-category': f.properties.category },
      ...pinDetails(f.properties, { headingTag: 'h3', headingId, supportCount: !opts.support }),
      h('div', { class: 'pin-item__actions' },
        opts.support ? supportControl(f, { describedBy: headingId, onSupported: opts.support.onSupported }) : null,
        show));
  }

  function render() {
    const shown = opts.pager ? features : visible().sort(newestFirst);
    list.replaceChildren(...shown.map(item));
    if (opts.pager && next != null) {
      list.append(h('li', { class: 'pin-list__more' }, h('button', { type: 'button', class: 'button', id: 'list-more',
        i18n: 'list.more', onclick: (e) => more(e.currentTarget) })));
    }
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
    if (on && opts.pager && stale) reload();
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
    reload,
    /** Large dialogues: open the list on what it now asks for (a cluster's cell), loading it once. */
    openAgain() {
      if (toggle.getAttribute('aria-expanded') === 'true') return reload();
      stale = true;
      return setExpanded(true);
    },
    /** The pins in the map's view, from the map's clusters (whole cells, so about). */
    setCount(n) {
      inView = n;
      $('filter-status').textContent = statusText();
    },
    selected: () => [...selected],
    refreshLanguage() {
      render();
      $('filter-status').textContent = statusText();
    },
  };
}
