// Routing rules on the departments page (administrators): per dialogue, "category [+ sub-tag]
// [+ neighbourhood] → department". A rule forwards a new pin when it is published (at once under
// post-moderation, at approval under pre-moderation), as a planner would, and the department
// gets its message.
import { h, announce } from './dom.js';
import { t, label } from './i18n.js';
import { request } from './api.js';
import { staffApi, errorText } from './staff.js';
import { busy } from './staff-forms.js';

const $ = (id) => document.getElementById(id);

/** Fills the section #routing-section; departments() gives the page's current list. */
export async function createRoutingRules({ departments, status }) {
  const section = $('routing-section');
  if (!section) return;
  let dialogues = [];
  let neighbourhoods = [];
  try {
    dialogues = await request('/api/v1/dialogues');
    neighbourhoods = await staffApi('/api/v1/staff/neighbourhoods').catch(() => []);
  } catch (e) {
    $('routing-error').textContent = errorText(e);
    return;
  }
  const dialogueSelect = $('routing-dialogue');
  dialogueSelect.replaceChildren(...dialogues.map((d) => h('option', { value: String(d.id) }, d.title)));
  const current = () => dialogues.find((d) => String(d.id) === dialogueSelect.value);

  function fillChoices() {
    const d = current();
    if (!d) return;
    const category = $('routing-category');
    const keep = category.value;
    category.replaceChildren(...d.categories.map((c) => h('option', { value: c }, label('category', c))));
    if (d.categories.includes(keep)) category.value = keep;
    const tags = d.subtags?.[category.value] || [];
    $('routing-subtag').replaceChildren(h('option', { value: '', i18n: 'admin.routing.any' }),
      ...tags.map((tag) => h('option', { value: tag }, label('subtag', tag))));
    $('routing-neighbourhood').replaceChildren(h('option', { value: '', i18n: 'admin.routing.anywhere' }),
      ...neighbourhoods.map((n) => h('option', { value: String(n.id) }, n.name)));
    $('routing-department').replaceChildren(...departments().filter((x) => x.enabled)
      .map((x) => h('option', { value: String(x.id) }, x.name)));
  }

  async function list() {
    const d = current();
    if (!d) return;
    try {
      const rules = await staffApi(`/api/v1/staff/dialogues/${d.id}/routing-rules`);
      $('routing-none').hidden = rules.length > 0;
      $('routing-list').replaceChildren(...rules.map((r) => h('li', { 'data-rule-id': String(r.id) },
        h('span', {}, [label('category', r.category), r.subtag ? label('subtag', r.subtag) : null, r.neighbourhoodName]
          .filter(Boolean).join(' + '), ' → ', h('strong', {}, r.departmentName)), ' ',
        h('button', { type: 'button', class: 'button button--small', 'aria-label': t('admin.routing.deleteOne', { id: r.id }),
          i18n: 'admin.routing.delete', onclick: (e) => remove(r, e.currentTarget) }))));
    } catch (e) {
      $('routing-error').textContent = errorText(e);
    }
  }

  async function remove(rule, button) {
    try {
      await busy(button, () => staffApi(`/api/v1/staff/dialogues/${current().id}/routing-rules/${rule.id}`, { method: 'DELETE' }));
      announce(status, t('admin.routing.deleted'));
      await list();
      $('routing-list-heading').focus();
    } catch (e) {
      $('routing-error').textContent = errorText(e);
    }
  }

  $('routing-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    $('routing-error').textContent = '';
    const body = { category: $('routing-category').value, departmentId: Number($('routing-department').value) || null };
    if ($('routing-subtag').value) body.subtag = $('routing-subtag').value;
    if ($('routing-neighbourhood').value) body.neighbourhoodId = Number($('routing-neighbourhood').value);
    try {
      await busy($('routing-save'), () => staffApi(`/api/v1/staff/dialogues/${current().id}/routing-rules`, { method: 'POST', body }));
      announce(status, t('admin.routing.saved'));
      await list();
    } catch (err) {
      $('routing-error').textContent = (err.errors || []).map((f) => t(`admin.routing.fault.${f.code.replace('routing.', '')}`)).join(' ') || errorText(err);
      $('routing-category').focus();
    }
  });
  dialogueSelect.addEventListener('change', () => { fillChoices(); list(); });
  $('routing-category').addEventListener('change', fillChoices);
  section.hidden = dialogues.length === 0;
  fillChoices();
  await list();
}
