// Themes in what people wrote (GET /api/v1/analysis/themes): the "Teman" panel lists the themes
// of the filtered pins with their top words, count and three example comments, and can narrow
// the pin layer to one theme; in the side panel of a clicked cluster or hexagon, "Vad sägs här?"
// asks for the themes of just those pins. User text is only ever set as text (h() makes text
// nodes), never as HTML.
import { h } from './dom.js';
import { t, tn, formatNumber } from './i18n.js';
import { analysisGet, isAbort, problemText } from './analysis-api.js';
import { showOnlyPins } from './analysis-layer-pins.js';

const $ = (id) => document.getElementById(id);
const HERE_MAX = 5000; // what the themes endpoint takes as pinIds
const HERE_THEMES = 3; // the top themes shown for a cluster or hexagon

function method(data) {
  return document.documentElement.lang?.startsWith('en') ? data.method?.en : data.method?.sv;
}

function examples(theme) {
  return h('ul', { class: 'theme__examples' },
    ...(theme.examples || []).map((e) => h('li', { class: 'user-text' }, h('q', {}, e.text), h('span', { class: 'hint' }, ` #${e.pinId}`))));
}

function themeHead(theme) {
  return [
    h('h4', { class: 'theme__label' }, theme.label || t('analysis.themes.noLabel')),
    h('p', { class: 'hint' }, h('span', { i18n: `analysis.themes.count.${theme.count === 1 ? 'one' : 'other'}`, vars: { n: formatNumber(theme.count) } }),
      ' · ', h('span', { i18n: 'analysis.themes.words' }), ' ', (theme.topWords || []).join(', ')),
  ];
}

/** opts: query() → the current filters as URLSearchParams. */
export function createThemes(opts) {
  let controller = null;
  let shownTheme = null; // id of the theme the pin layer is narrowed to
  let loaded = false;
  let lastData = null;
  let herePins = null;
  let hereController = null;

  function status(el, text, { busy = false, error = false } = {}) {
    el.textContent = text;
    el.classList.toggle('is-busy', busy);
    el.classList.toggle('is-error', error);
  }

  function narrow(theme) {
    shownTheme = theme ? theme.id : null;
    showOnlyPins(theme ? theme.pinIds : null);
    // A theme on the map needs the pin layer: switched on as if by its own switch.
    if (theme && !$('layer-pins').checked) $('layer-pins').click();
    for (const button of $('themes-list').querySelectorAll('button[data-theme]')) {
      button.setAttribute('aria-pressed', String(Number(button.dataset.theme) === shownTheme));
    }
    $('themes-show-all').hidden = shownTheme == null;
    status($('themes-map-status'), theme ? tn('analysis.themes.onMap', theme.count, { label: theme.label }) : '');
  }

  function render(data) {
    lastData = data;
    $('themes-method').textContent = method(data) || '';
    $('themes-list').replaceChildren(...(data.themes || []).map((theme) => h('li', { class: 'theme' },
      ...themeHead(theme),
      examples(theme),
      h('button', {
        type: 'button', class: 'button button--small', 'data-theme': String(theme.id), 'aria-pressed': 'false',
        i18n: 'analysis.themes.filter', onclick: (e) => narrow(e.currentTarget.getAttribute('aria-pressed') === 'true' ? null : theme),
      }))));
    const unclear = data.unclear?.count ?? 0;
    $('themes-unclear').textContent = unclear ? tn('analysis.themes.unclear', unclear) : '';
  }

  async function load() {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    loaded = true;
    narrow(null);
    const panel = $('themes');
    panel.setAttribute('aria-busy', 'true');
    status($('themes-status'), t('analysis.themes.loading'), { busy: true });
    try {
      const data = await analysisGet('/api/v1/analysis/themes', opts.query(), mine.signal);
      if (mine.signal.aborted) return;
      render(data);
      status($('themes-status'), data.masked ? t('analysis.themes.masked')
        : data.themes?.length ? tn('analysis.themes.found', data.themes.length, { comments: tn('analysis.count.pins', data.commentCount ?? 0) })
          : t('analysis.themes.none'));
    } catch (e) {
      if (isAbort(e) || mine.signal.aborted) return;
      $('themes-list').replaceChildren();
      $('themes-method').textContent = '';
      status($('themes-status'), problemText(e), { error: true });
    } finally {
      if (controller === mine) panel.removeAttribute('aria-busy');
    }
  }

  /** "What is said here" for the clicked cluster's or hexagon's pins. */
  async function askHere() {
    if (!herePins?.length) return;
    hereController?.abort();
    const mine = new AbortController();
    hereController = mine;
    const result = $('selection-themes-result');
    result.replaceChildren();
    status($('selection-themes-status'), t('analysis.themes.loading'), { busy: true });
    const q = opts.query();
    q.set('pinIds', herePins.slice(0, HERE_MAX).join(','));
    try {
      const data = await analysisGet('/api/v1/analysis/themes', q, mine.signal);
      if (mine.signal.aborted) return;
      const top = (data.themes || []).slice(0, HERE_THEMES);
      result.replaceChildren(...top.map((theme) => h('li', { class: 'theme' }, ...themeHead(theme), examples(theme))));
      status($('selection-themes-status'), top.length ? tn('analysis.themes.here', data.themes.length, { shown: formatNumber(top.length) })
        : t('analysis.themes.none'));
    } catch (e) {
      if (isAbort(e) || mine.signal.aborted) return;
      status($('selection-themes-status'), problemText(e), { error: true });
    }
  }

  $('themes-load').addEventListener('click', load);
  $('themes-show-all').addEventListener('click', () => {
    narrow(null);
    $('themes-load').focus();
  });
  $('selection-themes-ask').addEventListener('click', askHere);

  return {
    /** The filters changed: themes already shown are found again for the new selection. */
    reload() {
      if (loaded) load();
    },
    /** A cluster or hexagon was opened (or null: closed). */
    select(selection) {
      hereController?.abort();
      herePins = selection?.pinIds?.length ? [...new Set(selection.pinIds)] : null;
      $('selection-themes-result').replaceChildren();
      status($('selection-themes-status'), '');
      $('selection-themes-ask').hidden = !herePins;
    },
    refreshLanguage() {
      if (lastData) $('themes-method').textContent = method(lastData) || '';
    },
  };
}
