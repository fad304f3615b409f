// One question as form controls, by kind: radio buttons, check boxes, a scale as a radio group,
// a ranking with up/down buttons (keyboard, not drag), text, number, map answers. Each field is
// a fieldset with its legend (or a label), its help and its fault, and gives its value.
import { h, fill } from './dom.js';
import { t } from './i18n.js';
import { contentText } from './content-lang.js';
import { localText, textLang, moved } from './questionnaire-logic.js';
import { mapAnswerField } from './questionnaire-map.js';

const lang = () => document.documentElement.lang || 'sv';

/** A question's text (label, help, option) in the page's language, else Swedish marked lang="sv" with the note. */
function textIn(texts) {
  return contentText(localText(texts, lang()), textLang(texts, lang()));
}

/** An element holding one of the questionnaire's texts, filled again after a switch of language. */
function dataText(tag, props, texts, registry) {
  const el = h(tag, props);
  const refill = () => fill(el, textIn(texts));
  refill();
  registry.push(refill);
  return el;
}

const TEXT_MAX = { short_text: 200, long_text: 2000 };

/**
 * q: a question of the questionnaire; prefix: unique per form (ids); ctx: { site, studyArea };
 * onChange() after any change. Returns { q, el, value(), setError(text), setShown(on), focus(),
 * reset(), refreshLanguage() }.
 */
export function questionField(q, prefix, ctx, onChange) {
  const id = `${prefix}-q${q.id}`;
  const texts = [];
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [q.help?.sv ? helpId : null, errorId].filter(Boolean).join(' ');
  const help = q.help?.sv ? dataText('p', { class: 'hint', id: helpId }, q.help, texts) : null;
  const error = h('p', { class: 'field-error', id: errorId });
  const required = q.required ? h('span', { class: 'q-required', i18n: 'survey.required' }) : null;
  const grouped = !['short_text', 'long_text', 'number'].includes(q.kind);
  const caption = () => [dataText('span', {}, q.label, texts), required ? ' ' : null, required];
  let control;

  if (q.kind === 'single_choice' || q.kind === 'multiple_choice' || q.kind === 'scale') {
    const type = q.kind === 'multiple_choice' ? 'checkbox' : 'radio';
    const items = q.kind === 'scale'
      ? [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: scaleLabel(q, n) }))
      : q.options.map((o) => ({ value: o.code, label: o }));
    const list = h('div', { class: q.kind === 'scale' ? 'choice-list q-scale' : 'choice-list' }, ...items.map((item, i) => {
      const inputId = `${id}-${i}`;
      return h('label', { class: 'choice', for: inputId },
        h('input', { type, name: id, value: item.value, id: inputId, 'aria-describedby': describedBy, onchange: onChange }),
        h('span', { class: 'choice__text' }, q.kind === 'scale' ? h('span', { class: 'q-scale__n' }, item.value) : null,
          item.label ? dataText('span', { class: q.kind === 'scale' ? 'q-scale__label' : '' }, item.label, texts) : null));
    }));
    control = {
      el: list,
      value() {
        const checked = [...list.querySelectorAll('input:checked')].map((x) => x.value);
        if (q.kind === 'multiple_choice') return checked.length ? checked : null;
        if (!checked.length) return null;
        return q.kind === 'scale' ? Number(checked[0]) : checked[0];
      },
      reset: () => list.querySelectorAll('input').forEach((x) => { x.checked = false; }),
      focus: () => (list.querySelector('input:checked') || list.querySelector('input'))?.focus(),
    };
  } else if (q.kind === 'ranking') {
    control = rankingControl(q, id, describedBy, onChange);
  } else if (q.kind === 'short_text' || q.kind === 'long_text' || q.kind === 'number') {
    const input = q.kind === 'long_text'
      ? h('textarea', { id, rows: '4', maxlength: String(TEXT_MAX.long_text), 'aria-describedby': describedBy, oninput: onChange })
      : h('input', {
        id, type: q.kind === 'number' ? 'number' : 'text', 'aria-describedby': describedBy, oninput: onChange,
        maxlength: q.kind === 'short_text' ? String(TEXT_MAX.short_text) : null,
        inputmode: q.kind === 'number' ? 'decimal' : null, step: q.kind === 'number' ? 'any' : null,
        min: q.min ?? null, max: q.max ?? null,
      });
    control = {
      el: input,
      value() {
        if (q.kind !== 'number') return input.value.trim() ? input.value : null;
        if (input.value === '') return input.validity?.badInput ? 'NaN' : null;
        const n = Number(input.value);
        return Number.isFinite(n) ? n : input.value;
      },
      reset: () => { input.value = ''; },
      focus: () => input.focus(),
    };
  } else {
    const kind = { map_point: 'point', map_line: 'line', map_area: 'area' }[q.kind];
    const field = mapAnswerField(q, kind, ctx, onChange, describedBy);
    control = { el: field.el, value: field.value, reset: field.reset, focus: field.focus };
  }

  const el = grouped
    ? h('fieldset', { class: 'field q-field', 'data-question': String(q.id), 'aria-describedby': describedBy },
      h('legend', {}, ...caption()), help, control.el, error)
    : h('div', { class: 'field q-field', 'data-question': String(q.id) },
      h('label', { class: 'field-label', for: id }, ...caption()), help, control.el, error);

  return {
    q,
    el,
    value: control.value,
    setError(message) {
      error.textContent = message || '';
      el.querySelectorAll('input, textarea').forEach((x) => {
        if (message) x.setAttribute('aria-invalid', 'true'); else x.removeAttribute('aria-invalid');
      });
    },
    setShown(on) {
      el.hidden = !on;
    },
    isShown: () => !el.hidden,
    focus: control.focus,
    reset() {
      control.reset();
      error.textContent = '';
    },
    refreshLanguage() {
      texts.forEach((fill) => fill());
      control.refresh?.();
    },
  };
}

function scaleLabel(q, n) {
  const labels = q.scaleLabels || [];
  if (labels.length === 5) return labels[n - 1];
  if (labels.length === 2 && (n === 1 || n === 5)) return labels[n === 1 ? 0 : 1];
  return null;
}

/** Options in an ordered list, each with "move up" and "move down" buttons; the first is the most important. */
function rankingControl(q, id, describedBy, onChange) {
  let order = q.options.map((o) => o.code);
  let touched = false;
  const list = h('ol', { class: 'q-ranking', 'aria-describedby': describedBy });
  const status = h('p', { class: 'visually-hidden', 'aria-live': 'polite' });
  const option = (code) => q.options.find((o) => o.code === code);

  function render(focusCode, direction) {
    list.replaceChildren(...order.map((code, i) => {
      const name = localText(option(code), lang());
      const up = h('button', { type: 'button', class: 'button button--small', 'data-move': 'up', disabled: i === 0,
        'aria-label': t('survey.ranking.up', { option: name }), onclick: () => move(i, -1, code, 'up') }, '↑');
      const down = h('button', { type: 'button', class: 'button button--small', 'data-move': 'down', disabled: i === order.length - 1,
        'aria-label': t('survey.ranking.down', { option: name }), onclick: () => move(i, 1, code, 'down') }, '↓');
      return h('li', { class: 'q-ranking__item', 'data-code': code }, h('span', { class: 'q-ranking__label' }, textIn(option(code))), up, down);
    }));
    if (focusCode) {
      const item = list.querySelector(`[data-code="${CSS.escape(focusCode)}"]`);
      const button = item?.querySelector(`[data-move="${direction}"]:not([disabled])`) || item?.querySelector('button:not([disabled])');
      button?.focus();
    }
  }

  function move(i, delta, code, direction) {
    order = moved(order, i, delta);
    touched = true;
    render(code, direction);
    status.textContent = t('survey.ranking.moved', { option: localText(option(code), lang()), position: order.indexOf(code) + 1 });
    onChange();
  }

  render();
  return {
    el: h('div', { class: 'q-ranking-field' }, h('p', { class: 'hint', i18n: 'survey.ranking.help' }), list, status),
    // A required ranking is answered as it stands; an optional one once the order was changed.
    value: () => (touched || q.required ? order.slice() : null),
    reset() {
      order = q.options.map((o) => o.code);
      touched = false;
      render();
    },
    focus: () => list.querySelector('button:not([disabled])')?.focus(),
    refresh: () => render(),
  };
}
