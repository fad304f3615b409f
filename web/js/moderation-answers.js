// The answers a pin came with (its category's questions), in the moderation detail: each
// question in the words of the version it was answered to, the answer as text (never markup).
import { h } from './dom.js';
import { staffApi } from './staff.js';
import { localText } from './questionnaire-logic.js';

const loaded = new Map(); // pin id → the answers, once read

/** A section that fills itself with the pin's answers, and stays hidden when there are none. */
export function pinAnswersSection(pinId) {
  const list = h('dl', { class: 'facts pin-answers' });
  const section = h('section', { class: 'detail-section', 'aria-labelledby': 'answers-heading', hidden: true },
    h('h3', { id: 'answers-heading', i18n: 'survey.staff.answers' }), list);
  const fill = (answers) => {
    list.replaceChildren(...answers.flatMap((a) => [
      h('dt', {}, localText(a.label, document.documentElement.lang), ' ', h('span', { class: 'hint', i18n: 'survey.staff.version', vars: { n: a.version } })),
      h('dd', { class: 'user-text' }, a.kind.startsWith('map_') ? h('span', { i18n: `survey.staff.map.${a.kind}` }) : a.text),
    ]));
    section.hidden = answers.length === 0;
  };
  if (loaded.has(pinId)) {
    fill(loaded.get(pinId));
  } else {
    staffApi(`/api/v1/staff/moderation/pins/${encodeURIComponent(pinId)}/answers`).then((answers) => {
      loaded.set(pinId, answers);
      fill(answers);
    }).catch(() => {}); // the detail works without them
  }
  return section;
}
