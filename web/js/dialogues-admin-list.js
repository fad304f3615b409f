// The dialogues, grouped by status (ongoing, planned, completed), each with edit and open or
// close. Closing asks first, in the item itself: citizens can no longer pin once it is closed.
// Opening before the start date asks too: the dialogue's own page says when it starts.
import { h } from './dom.js';
import { t, tn, formatDate, label, today } from './i18n.js';

const GROUPS = ['ongoing', 'planned', 'completed'];

function dates(d) {
  if (d.startsOn && d.endsOn) return t('dialogue.dates.range', { start: formatDate(d.startsOn), end: formatDate(d.endsOn) });
  if (d.startsOn) return t('dialogue.dates.from', { start: formatDate(d.startsOn) });
  if (d.endsOn) return t('dialogue.dates.until', { end: formatDate(d.endsOn) });
  return t('admin.list.noDates');
}

/** opts: onEdit(dialogue), onStatus(dialogue, status, button). */
export function createDialogueList(container, opts) {
  let dialogues = [];

  /** Asks in the item itself before a change of status; {@code content}: the question and any warning. */
  function confirm(d, item, button, status, content, yesClass, yesKey) {
    const panel = item.querySelector('.confirm-close-panel');
    const textId = `confirm-${status}-${d.id}`;
    const cancel = () => {
      panel.replaceChildren();
      panel.hidden = true;
      button.focus();
    };
    const [question, ...rest] = content;
    question.id = textId;
    panel.replaceChildren(question, ...rest.filter(Boolean),
      h('div', { class: 'form-actions' },
        h('button', { type: 'button', class: `button button--primary ${yesClass}`, i18n: yesKey,
          onclick: (e) => opts.onStatus(d, status, e.currentTarget) }),
        h('button', { type: 'button', class: 'button cancel-close', i18n: 'admin.list.confirmClose.no', onclick: cancel })));
    panel.setAttribute('aria-labelledby', textId);
    panel.hidden = false;
    panel.onkeydown = (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        cancel();
      }
    };
    panel.querySelector(`#${textId}`).focus();
  }

  function confirmClose(d, item, closeButton) {
    confirm(d, item, closeButton, 'completed', [
      h('p', { class: 'confirm-close-panel__text', tabindex: '-1' }, t('admin.list.confirmClose', { title: d.title })),
      d.outcome ? null : h('p', { class: 'hint', i18n: 'admin.list.confirmClose.noOutcome' })], 'confirm-close', 'admin.list.confirmClose.yes');
  }

  function openDialogue(d, item, openButton) {
    if (d.status === 'planned' && d.startsOn && d.startsOn > today()) {
      confirm(d, item, openButton, 'ongoing', [
        h('p', { class: 'confirm-close-panel__text', tabindex: '-1' },
          t('admin.list.confirmEarlyOpen', { title: d.title, start: formatDate(d.startsOn) }))], 'confirm-open', 'admin.list.confirmEarlyOpen.yes');
    } else {
      opts.onStatus(d, 'ongoing', openButton);
    }
  }

  function item(d) {
    const headingId = `admin-dialogue-${d.id}`;
    const open = d.status !== 'ongoing'
      ? h('button', { type: 'button', class: 'button button--small open-dialogue', i18n: d.status === 'completed' ? 'admin.list.reopen' : 'admin.list.open',
        'aria-describedby': headingId, onclick: (e) => openDialogue(d, li, e.currentTarget) })
      : null;
    const li = h('li', { class: 'admin-dialogue', 'data-dialogue-id': String(d.id), 'data-status': d.status });
    const close = d.status === 'ongoing'
      ? h('button', { type: 'button', class: 'button button--small close-dialogue', i18n: 'admin.list.close', 'aria-describedby': headingId,
        onclick: (e) => confirmClose(d, li, e.currentTarget) })
      : null;
    li.append(
      h('h4', { id: headingId, tabindex: '-1' }, d.title),
      h('p', { class: 'status-line' },
        h('span', { class: `badge badge--${d.status}`, i18n: `dialogueStatus.${d.status}` }),
        h('span', { class: 'dates' }, dates(d)),
        h('span', { class: 'hint' }, tn('dialogue.pinCount', d.pinCount ?? 0))),
      h('p', { class: 'admin-dialogue__facts hint' },
        h('span', {}, `${t('dialogue.level.label')}: ${label('level', d.participationLevel)}`),
        h('span', {}, t(`admin.moderation.${d.moderationMode || 'post'}`)),
        h('span', {}, t(d.studyArea ? 'admin.list.hasArea' : 'admin.list.noArea')),
        h('a', { href: `/dialoger/${encodeURIComponent(d.slug)}` }, `/dialoger/${d.slug}`)),
      h('div', { class: 'admin-dialogue__actions' },
        h('button', { type: 'button', class: 'button button--small edit-dialogue', i18n: 'admin.list.edit', 'aria-describedby': headingId,
          onclick: () => opts.onEdit(d) }),
        h('a', { class: 'button button--small', href: `/personal/report.html?dialogue=${encodeURIComponent(d.id)}`,
          i18n: 'admin.list.report', 'aria-describedby': headingId }),
        h('a', { class: 'button button--small', href: `/personal/dialoger/${encodeURIComponent(d.id)}/fragor`,
          i18n: 'questions.link', 'aria-describedby': headingId }),
        open, close),
      h('div', { class: 'confirm-close-panel', role: 'group', hidden: true }));
    return li;
  }

  function render() {
    container.replaceChildren(...GROUPS.map((status) => {
      const inGroup = dialogues.filter((d) => d.status === status);
      return h('section', { class: 'admin-dialogue-group', 'data-status': status, 'aria-labelledby': `group-${status}` },
        h('h3', { id: `group-${status}` }, `${t(`admin.list.group.${status}`)} (${inGroup.length})`),
        inGroup.length
          ? h('ul', { class: 'admin-dialogue-list' }, inGroup.map(item))
          : h('p', { class: 'hint', i18n: `admin.list.none.${status}` }));
    }));
  }

  return {
    set(list) {
      dialogues = list;
      render();
    },
    all: () => dialogues,
    /** Puts a saved or changed dialogue in its place (new ones first in their group). */
    put(d) {
      const at = dialogues.findIndex((x) => x.id === d.id);
      if (at >= 0) dialogues[at] = d; else dialogues.unshift(d);
      render();
    },
    focusItem(id) {
      container.querySelector(`li.admin-dialogue[data-dialogue-id="${id}"] h4`)?.focus();
    },
    render,
  };
}
