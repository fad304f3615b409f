// Place names and addresses (planners), a section of the neighbourhoods page: how many places the
// gazetteer holds, and the upload of a CSV or GeoPackage file that replaces it or is added to it.
// The server checks the whole file and stores all of it or nothing; a refusal lists every fault
// with its line ("rows[12].lon") or feature.
import { staffApi, currentStaff, errorText } from './staff.js';
import { request } from './api.js';
import { h } from './dom.js';
import { t, tn, has } from './i18n.js';
import { busy } from './staff-forms.js';

const $ = (id) => document.getElementById(id);
const PATH = '/api/v1/staff/places';

async function showCount() {
  try {
    const summary = await staffApi(PATH);
    $('places-count').textContent = tn('gazetteer.count', summary.total);
  } catch (e) {
    $('places-count').textContent = errorText(e);
  }
}

function fault(e) {
  const key = `gazetteer.error.${e.code}`;
  return h('li', {}, has(key) ? `${t(key)} ` : '', h('span', { class: 'hint' }, e.message || ''));
}

async function upload(event) {
  event.preventDefault();
  const result = $('places-result');
  const file = $('places-file').files[0];
  if (!file) {
    result.replaceChildren(h('p', { class: 'notice notice--error', role: 'alert' }, t('gazetteer.choose')));
    $('places-file').focus();
    return;
  }
  const body = new FormData();
  body.append('mode', new FormData($('places-form')).get('mode') || 'append');
  body.append('file', file);
  const { csrf } = currentStaff();
  await busy($('places-upload'), async () => {
    try {
      const answer = await request(PATH, {
        method: 'POST', body, headers: { [csrf.headerName]: csrf.token, 'X-Requested-With': 'XMLHttpRequest' },
      });
      result.replaceChildren(h('p', { class: 'notice' }, tn('gazetteer.done', answer.imported, {
        total: tn('gazetteer.places', answer.total),
      })));
      await showCount();
    } catch (e) {
      if (e.status === 422) {
        const list = e.errors?.length ? e.errors : [{ code: e.code, message: e.problem?.detail }];
        result.replaceChildren(h('p', { class: 'notice notice--error', role: 'alert' }, t('gazetteer.refused')),
          h('ul', { class: 'field-error' }, list.map(fault)));
      } else {
        result.replaceChildren(h('p', { class: 'notice notice--error', role: 'alert' }, errorText(e)));
      }
    }
  });
  result.focus();
}

export function setUpGazetteerImport() {
  $('places-form').addEventListener('submit', upload);
  showCount();
}
