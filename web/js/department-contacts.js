// A department's contact addresses on the departments page (administrators): where the message of
// a forwarding goes. One address a line; never shown outside the staff pages.
import { h, announce } from './dom.js';
import { t } from './i18n.js';
import { staffApi, errorText } from './staff.js';
import { busy } from './staff-forms.js';

/** The editor for department id; status is the page's live region for "saved". */
export function contactsEditor(id, status) {
  // Read-only until the saved addresses have arrived, so nothing typed is overwritten by the load.
  const area = h('textarea', { id: `department-contacts-${id}`, rows: '3', autocomplete: 'off', spellcheck: 'false',
    readonly: true, 'aria-busy': 'true', 'aria-describedby': `department-contacts-${id}-hint department-contacts-${id}-error` });
  const error = h('p', { id: `department-contacts-${id}-error`, class: 'field-error', role: 'alert' });
  const save = h('button', { id: `department-contacts-save-${id}`, type: 'submit', class: 'button button--small' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }), h('span', { i18n: 'admin.contacts.save' }));
  const form = h('form', { class: 'staff-form department-contacts', novalidate: true },
    h('label', { for: area.id, class: 'field-label', i18n: 'admin.contacts.label' }),
    h('p', { id: `department-contacts-${id}-hint`, class: 'hint', i18n: 'admin.contacts.hint' }),
    area, error, h('div', { class: 'form-actions' }, save));
  const path = `/api/v1/staff/departments/${encodeURIComponent(id)}/contacts`;
  save.disabled = true;
  staffApi(path).then((c) => {
    area.value = c.addresses.join('\n');
    area.readOnly = false;
    save.disabled = false;
  }).catch((e) => { error.textContent = errorText(e); }).finally(() => area.removeAttribute('aria-busy'));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.textContent = '';
    area.removeAttribute('aria-invalid');
    const addresses = area.value.split(/[\n,;]+/).map((a) => a.trim()).filter(Boolean);
    try {
      const saved = await busy(save, () => staffApi(path, { method: 'PUT', body: { addresses } }));
      area.value = saved.addresses.join('\n');
      announce(status, t('admin.contacts.saved', { n: saved.addresses.length }));
    } catch (err) {
      const bad = (err.errors || []).map((f) => {
        const i = /\[(\d+)]/.exec(f.field);
        return i ? t('admin.contacts.invalid', { address: addresses[Number(i[1])] }) : t('admin.contacts.tooMany');
      });
      error.textContent = bad.length ? bad.join(' ') : errorText(err);
      area.setAttribute('aria-invalid', 'true');
      area.focus();
    }
  });
  return form;
}
