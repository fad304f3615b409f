// Start page: every dialogue, grouped as ongoing / planned / completed, each with the three
// lifecycle texts (what it is about, what came of it, what happens next) where they exist.
import { boot } from './page.js';
import { api } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';
import { statusLine, facts, lifecycleTexts } from './dialogue-info.js';
import { contentText } from './content-lang.js';

const STATUSES = ['ongoing', 'planned', 'completed'];
let dialogues = null;

function card(d) {
  const titleId = `dialogue-title-${d.id}`;
  return h('article', { class: 'dialogue-card', 'data-status': d.status, 'aria-labelledby': titleId },
    h('header', { class: 'dialogue-card__header' },
      h('h3', { id: titleId, dir: 'auto' }, h('a', { href: d.page || `/dialoger/${d.slug}` }, contentText(d.title, d.titleLang))),
      statusLine(d)),
    lifecycleTexts(d),
    facts(d),
    d.status === 'ongoing'
      ? h('p', { class: 'dialogue-card__cta' },
        h('a', { class: 'button button--primary', href: d.page || `/dialoger/${d.slug}`, 'aria-describedby': titleId },
          t('dialogue.cta')))
      : null);
}

function renderGroups() {
  for (const status of STATUSES) {
    const section = document.getElementById(`dialogues-${status}`);
    const list = section.querySelector('.card-list');
    const mine = dialogues.filter((d) => d.status === status);
    list.replaceChildren(...mine.map(card));
    section.querySelector('.section-none').hidden = mine.length > 0;
    section.querySelector('.section-lead').hidden = mine.length === 0;
  }
}

async function render() {
  const status = document.getElementById('start-status');
  if (!dialogues) {
    status.hidden = false;
    status.replaceChildren(h('p', { i18n: 'start.loading' }));
    try {
      dialogues = await api.dialogues();
    } catch {
      const retry = h('button', { type: 'button', class: 'button', i18n: 'action.retry', onclick: () => render() });
      status.replaceChildren(h('p', { class: 'notice notice--error', role: 'alert' }, h('span', { i18n: 'start.error' }), ' ', retry));
      return;
    }
  }
  status.hidden = true;
  status.replaceChildren();
  renderGroups();
  document.getElementById('dialogue-groups').hidden = false;
}

// A switch of language asks for the dialogues' texts in the new language (translations).
boot(render, async () => {
  if (!dialogues) return;
  dialogues = await api.dialogues().catch(() => dialogues);
  renderGroups();
});
