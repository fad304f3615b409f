// The forwarding parts of the moderation detail (planner and up): each forwarding that covers the
// pin (to which department, to whom the message went, when, the state of its answer link, with
// "revoke" and "send again"), what the body answered, and the body's replies waiting for a
// planner, each with "approve" (it becomes a public reply) and "reject".
import { h } from './dom.js';
import { t, tn, formatDate } from './i18n.js';
import { staffApi, errorText } from './staff.js';
import { busy } from './staff-forms.js';

const post = (path) => staffApi(path, { method: 'POST', body: {} });

function answerText(a) {
  if (a.kind === 'declined') return t('staff.forward.answer.declined', { reason: a.reason ?? '' });
  if (a.kind === 'planned' || a.kind === 'done') return t(`staff.forward.answer.${a.kind}`, { date: formatDate(a.due) });
  if (a.kind === 'reply') return t(`staff.forward.answer.reply.${a.replyState}`);
  return t('staff.forward.answer.accepted');
}

/**
 * A section that fills itself; hidden while the pin has never been forwarded. onChanged(message)
 * after an action that changed the pin (an approved reply), so the page reads it again.
 */
export function forwardingSection(pinId, { onChanged }) {
  const body = h('div', {});
  const error = h('p', { class: 'field-error', role: 'alert' });
  const section = h('section', { class: 'detail-section', 'aria-labelledby': 'forwarding-heading', hidden: true },
    h('h3', { id: 'forwarding-heading', i18n: 'staff.forward.heading' }), body, error);

  async function act(button, path, message, pinChanged) {
    error.textContent = '';
    try {
      await busy(button, () => post(path));
      if (pinChanged) onChanged(t(message, { id: pinId }));
      else await load();
    } catch (e) {
      error.textContent = errorText(e);
    }
  }

  function forwardingItem(f) {
    const to = f.recipients.length ? f.recipients.join(', ') : t('staff.forward.noAddress');
    return h('li', { class: 'forwarding-item', 'data-forwarding-id': String(f.id) },
      h('p', {}, h('strong', {}, f.departmentName), ' ', h('span', { class: 'tag' }, t(`staff.forward.state.${f.state}`))),
      h('p', { class: 'hint' }, tn('staff.forward.sent', f.sentCount, {
        who: f.createdBy, date: formatDate(f.sentAt ?? f.createdAt, true), to, until: formatDate(f.expiresAt),
      })),
      h('div', { class: 'form-actions' },
        f.state === 'active' ? h('button', { type: 'button', class: 'button button--small', 'data-action': 'revoke',
          onclick: (e) => act(e.currentTarget, `/api/v1/staff/forwardings/${f.id}/revoke`) }, h('span', { class: 'spinner', 'aria-hidden': 'true' }),
        h('span', { i18n: 'staff.forward.revoke' })) : null,
        h('button', { type: 'button', class: 'button button--small', 'data-action': 'resend',
          onclick: (e) => act(e.currentTarget, `/api/v1/staff/forwardings/${f.id}/resend`) }, h('span', { class: 'spinner', 'aria-hidden': 'true' }),
        h('span', { i18n: 'staff.forward.resend' }))));
  }

  function answerItem(a) {
    const pending = a.kind === 'reply' && a.replyState === 'pending';
    return h('li', { class: pending ? 'pending-reply' : null, 'data-answer-id': String(a.id) },
      h('span', { class: 'timeline__when' }, formatDate(a.createdAt, true)), ' ', answerText(a),
      a.text ? h('p', { class: 'user-text' }, a.text) : null,
      pending ? h('div', { class: 'form-actions' },
        h('button', { type: 'button', class: 'button button--primary button--small', 'data-action': 'approve',
          onclick: (e) => act(e.currentTarget, `/api/v1/staff/forwardings/answers/${a.id}/approve`, 'staff.forward.approved', true) },
        h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', { i18n: 'staff.forward.approve' })),
        h('button', { type: 'button', class: 'button button--small', 'data-action': 'reject',
          onclick: (e) => act(e.currentTarget, `/api/v1/staff/forwardings/answers/${a.id}/reject`) },
        h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', { i18n: 'staff.forward.reject' }))) : null);
  }

  async function load() {
    try {
      const data = await staffApi(`/api/v1/staff/pins/${encodeURIComponent(pinId)}/forwardings`);
      section.hidden = !data.forwardings.length && !data.answers.length;
      body.replaceChildren(
        h('ul', { class: 'forwarding-list' }, data.forwardings.map(forwardingItem)),
        data.answers.length ? h('h4', { i18n: 'staff.forward.answers' }) : null,
        data.answers.length ? h('ul', { class: 'forwarding-list' }, data.answers.map(answerItem)) : null);
    } catch {
      // the detail works without it
    }
  }

  load();
  return section;
}
