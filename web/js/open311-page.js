// Open311 clients (administrators only): the fault-report systems allowed to post service
// requests. A new client's API key is shown once, here; the list shows each client's hourly limit
// and whether its key still works, and revokes a key. Names are inserted as text.
import { staffBoot, staffApi, errorText } from './staff.js';
import { showErrors, clearErrors, busy } from './staff-forms.js';
import { h, fill } from './dom.js';
import { t, tn, formatDate } from './i18n.js';

const $ = (id) => document.getElementById(id);
const FIELDS = {
  name: { input: 'open311-name', error: 'error-open311-name' },
  postsPerHour: { input: 'open311-limit', error: 'error-open311-limit' },
};
let clients = null;

function clientItem(client) {
  const revoke = client.enabled
    ? h('button', { type: 'button', class: 'button button--small open311-revoke', i18n: 'open311.revoke' })
    : null;
  revoke?.addEventListener('click', async () => {
    if (!window.confirm(t('open311.revokeConfirm', { name: client.name }))) return;
    await busy(revoke, async () => {
      try {
        await staffApi(`/api/v1/staff/open311/clients/${encodeURIComponent(client.id)}/revoke`, { method: 'POST' });
        await load();
        $('open311-list').focus();
      } catch (e) {
        $('open311-form-error').textContent = errorText(e);
      }
    });
  });
  return h('li', { class: 'open311-client', 'data-client-id': String(client.id) },
    h('strong', { class: 'open311-client__name user-text' }, client.name), ' · ',
    h('span', {}, tn('open311.perHour', client.postsPerHour)), ' · ',
    h('span', { class: 'open311-client__state' }, client.enabled
      ? t('open311.active', { date: formatDate(client.createdAt) })
      : t('open311.revoked', { date: formatDate(client.revokedAt) })),
    revoke ? ' ' : null, revoke);
}

function render() {
  fill($('open311-list'), clients.length ? clients.map(clientItem) : h('li', { i18n: 'open311.none' }));
}

async function load() {
  clients = await staffApi('/api/v1/staff/open311/clients');
  render();
}

async function create(e) {
  e.preventDefault();
  clearErrors(FIELDS, 'open311-form-error');
  const limit = $('open311-limit').value.trim();
  // the server's own checks, asked first so that a slip costs no round trip
  const faults = [];
  const name = $('open311-name').value.trim();
  if (!name || name.length > 200) faults.push({ field: 'name', code: 'open311.name_invalid' });
  if (limit && !(/^\d+$/.test(limit) && Number(limit) >= 1 && Number(limit) <= 100000)) faults.push({ field: 'postsPerHour', code: 'open311.limit_invalid' });
  if (faults.length) {
    showErrors({ errors: faults }, FIELDS, 'open311-form-error')?.focus();
    return;
  }
  await busy($('open311-create'), async () => {
    try {
      const created = await staffApi('/api/v1/staff/open311/clients', {
        method: 'POST',
        body: { name: $('open311-name').value, postsPerHour: limit ? Number(limit) : null },
      });
      const box = $('open311-key');
      fill(box,
        h('p', {}, t('open311.keyOnce', { name: created.client.name })),
        h('p', {}, h('code', { id: 'open311-new-key', class: 'open311-key' }, created.apiKey)));
      box.hidden = false;
      box.focus();
      $('open311-name').value = '';
      await load();
    } catch (err) {
      showErrors(err, FIELDS, 'open311-form-error')?.focus();
    }
  });
}

staffBoot({
  page: 'api-clients',
  role: 'admin',
  render: async () => {
    $('open311-form').addEventListener('submit', create);
    $('open311-list').setAttribute('tabindex', '-1');
    $('open311-content').hidden = false;
    await load();
  },
  onLanguage: () => {
    if (clients) render();
  },
});
