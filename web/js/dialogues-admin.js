// Dialogue administration (administrators): the dialogues grouped by status, opened and closed
// from the list, and the form to create or edit one (dialogues-admin-form.js) with its study
// area drawn on the map or uploaded as GeoJSON.
import { staffBoot, staffApi, errorText, showPageProblem } from './staff.js';
import { announce } from './dom.js';
import { t } from './i18n.js';
import { busy } from './staff-forms.js';
import { createDialogueList } from './dialogues-admin-list.js';
import { createDialogueForm } from './dialogues-admin-form.js';

const $ = (id) => document.getElementById(id);
let list = null;
let form = null;

function say(text, { error = false } = {}) {
  $('admin-status').classList.toggle('is-error', error);
  announce($('admin-status'), text);
}

function edit(d) {
  form.edit(d);
  say(t('admin.form.editingNow', { title: d.title }));
  $('dialogue-form-heading').scrollIntoView({ block: 'start' });
  $('dialogue-form-heading').focus({ preventScroll: true });
  form.shown();
}

async function changeStatus(d, status, button) {
  try {
    const changed = await busy(button, () => staffApi(`/api/v1/staff/dialogues/${d.id}/status`, { method: 'POST', body: { status } }));
    const merged = { ...changed, pinCount: d.pinCount };
    list.put(merged);
    form.statusChanged(merged);
    list.focusItem(d.id);
    say(t(status === 'ongoing' ? 'admin.list.opened' : 'admin.list.closed', { title: d.title }));
  } catch (e) {
    say(errorText(e), { error: true });
  }
}

function saved(d, created) {
  list.put(d);
  say(t(created ? 'admin.form.created' : 'admin.form.saved', { title: d.title }));
}

async function render() {
  let site;
  let dialogues;
  try {
    [site, dialogues] = await Promise.all([staffApi('/api/v1/site'), staffApi('/api/v1/dialogues?lang=sv')]);
  } catch (e) {
    showPageProblem(errorText(e), e.status === 403 ? null : () => location.reload());
    return;
  }
  $('dialogues-content').hidden = false; // before the map, so that Leaflet can measure its box
  list = createDialogueList($('dialogues-list'), { onEdit: edit, onStatus: changeStatus });
  list.set(dialogues);
  form = createDialogueForm({ site, say, onSaved: saved, others: () => list.all() });
  form.shown();
  $('dialogue-new').addEventListener('click', () => {
    form.edit(null);
    say(t('admin.form.newNow'));
    $('dialogue-form-heading').scrollIntoView({ block: 'start' });
    $('dialogue-title').focus({ preventScroll: true });
  });
}

staffBoot({
  page: 'dialogues',
  role: 'admin',
  render,
  onLanguage: () => {
    list?.render();
    form?.refreshLanguage();
  },
});
