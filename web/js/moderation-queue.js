// The queue as a list: one item per pin, oldest first as the server sends them, each with a
// checkbox for the bulk tools and a button that opens the pin. Up and down arrows move between
// the pins' buttons, so a moderator can work through the list from the keyboard.
import { h } from './dom.js';
import { t, tn, label, formatDate } from './i18n.js';
import { categoryMark, categoryClass } from './pins.js';

const $ = (id) => document.getElementById(id);

function shortText(text, max = 140) {
  const flat = String(text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function meta(pin, { showStatus }) {
  const parts = [formatDate(pin.createdAt, true)];
  if (showStatus) parts.push(label('pinStatus', pin.status));
  if (pin.department?.name) parts.push(pin.department.name);
  if (pin.photos?.length) parts.push(tn('staff.pin.photos', pin.photos.length));
  if (pin.supports > 0) parts.push(tn('pin.supports', pin.supports));
  if (pin.replyCount > 0) parts.push(tn('staff.pin.replies', pin.replyCount));
  if (pin.redacted) parts.push(t('staff.pin.redacted'));
  return parts.join(' · ');
}

/** opts: onOpen(id), onToggle(id, on). */
export function createQueue(opts) {
  const list = $('queue');
  let shown = [];

  list.addEventListener('keydown', (e) => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key) || !e.target.classList.contains('queue-item__open')) return;
    const buttons = [...list.querySelectorAll('.queue-item__open')];
    const at = buttons.indexOf(e.target);
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: buttons.length - 1 }[e.key];
    if (buttons[next]) {
      e.preventDefault();
      buttons[next].focus();
    }
  });

  function item(pin, { currentId, checked, showStatus }) {
    const id = String(pin.id);
    const headingId = `queue-pin-${id}`;
    const box = h('input', {
      type: 'checkbox', class: 'select-pin', id: `select-pin-${id}`, value: id, checked: checked.has(pin.id),
      'aria-label': t('staff.select.one', { id }),
    });
    box.addEventListener('change', () => opts.onToggle(pin.id, box.checked));
    const open = h('button', { type: 'button', class: 'queue-item__open', 'aria-current': pin.id === currentId ? 'true' : null },
      h('span', { class: 'queue-item__head', id: headingId },
        categoryMark(pin.category), h('span', {}, label('category', pin.category)),
        h('span', { class: 'queue-item__id' }, `#${id}`)),
      h('span', { class: 'queue-item__text user-text' }, pin.text == null ? t(pin.source === 'walk' ? 'staff.pin.noText' : 'staff.pin.textDeleted') : shortText(pin.text)),
      h('span', { class: 'queue-item__meta' }, meta(pin, { showStatus })));
    open.addEventListener('click', () => opts.onOpen(pin.id));
    const li = h('li', {
      class: `queue-item ${categoryClass(pin.category)}${pin.id === currentId ? ' is-current' : ''}${checked.has(pin.id) ? ' is-checked' : ''}`,
      'data-pin-id': id,
    }, h('label', { class: 'queue-item__check', for: `select-pin-${id}` }, box), open);
    // A click anywhere on the item (not on its checkbox) opens it too.
    li.addEventListener('click', (e) => {
      if (e.target.closest('.queue-item__check') || e.target.closest('.queue-item__open')) return;
      opts.onOpen(pin.id);
    });
    return li;
  }

  return {
    render(pins, view) {
      shown = pins;
      list.replaceChildren(...pins.map((pin) => item(pin, view)));
    },
    /** Marks the open pin and the ticked pins without rebuilding the list (keeps focus). */
    mark({ currentId, checked }) {
      for (const li of list.children) {
        const id = Number(li.dataset.pinId);
        li.classList.toggle('is-current', id === currentId);
        li.classList.toggle('is-checked', checked.has(id));
        const open = li.querySelector('.queue-item__open');
        if (id === currentId) open.setAttribute('aria-current', 'true'); else open.removeAttribute('aria-current');
        li.querySelector('.select-pin').checked = checked.has(id);
      }
    },
    focusItem(id) {
      list.querySelector(`li[data-pin-id="${Number(id)}"] .queue-item__open`)?.focus();
    },
    /** Brings the item into view inside the list's own scroll box; the page itself stays put. */
    scrollToItem(id) {
      const li = list.querySelector(`li[data-pin-id="${Number(id)}"]`);
      if (!li) return;
      const top = li.offsetTop; // the list is the items' offset parent (position: relative)
      if (top < list.scrollTop) list.scrollTop = top;
      else if (top + li.offsetHeight > list.scrollTop + list.clientHeight) list.scrollTop = top + li.offsetHeight - list.clientHeight;
    },
    ids: () => shown.map((p) => p.id),
  };
}
