// The facts of a dialogue as both the start page cards and the dialogue page show them.
import { h } from './dom.js';
import { t, tn, label, formatDate } from './i18n.js';
import { contentText } from './content-lang.js';

function dateRange(d) {
  const start = d.startsOn && formatDate(d.startsOn);
  const end = d.endsOn && formatDate(d.endsOn);
  if (start && end) return t('dialogue.dates.range', { start, end });
  if (start) return t('dialogue.dates.from', { start });
  if (end) return t('dialogue.dates.until', { end });
  return null;
}

export function statusLine(d) {
  const dates = dateRange(d);
  return h('p', { class: 'status-line' },
    h('span', { class: `badge badge--${d.status}` }, label('dialogueStatus', d.status)),
    dates ? h('span', { class: 'dates' }, dates) : null);
}

function fact(labelKey, ...value) {
  return h('div', { class: 'fact' }, h('dt', { i18n: labelKey }), h('dd', {}, ...value));
}

/** Participation level in words, responsible unit, contact and the number of pins. */
export function facts(d, pinCount = d.pinCount ?? 0) {
  return h('dl', { class: 'facts' },
    fact('dialogue.level.label', h('strong', {}, label('level', d.participationLevel)), ' – ',
      label('level', `${d.participationLevel}.help`)),
    d.responsibleUnit ? fact('dialogue.responsible', h('span', { class: 'user-text' }, contentText(d.responsibleUnit, d.responsibleUnitLang))) : null,
    d.contact ? fact('dialogue.contact', h('span', { class: 'user-text' }, d.contact)) : null,
    fact('dialogue.pinCount.label', h('span', { class: 'pin-count' }, tn('dialogue.pinCount', pinCount))));
}

/** The three lifecycle texts that exist; on the dialogue page as collapsible <details>. */
export function lifecycleTexts(d, { collapsible = false, headingTag = 'h4' } = {}) {
  const parts = [
    ['lifecycle.summary', d.summary, true, d.summaryLang],
    ['lifecycle.outcome', d.outcome, d.status === 'completed', d.outcomeLang],
    ['lifecycle.nextSteps', d.nextSteps, d.status === 'completed', d.nextStepsLang],
  ].filter(([, text]) => text);
  return parts.map(([key, text, open, lang]) => (collapsible
    ? h('details', { class: 'lifecycle', open },
      h('summary', {}, h('span', { i18n: key })), h('p', { class: 'user-text' }, contentText(text, lang)))
    : h('div', { class: 'lifecycle' }, h(headingTag, { i18n: key }), h('p', { class: 'user-text' }, contentText(text, lang)))));
}
