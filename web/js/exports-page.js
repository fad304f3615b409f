// File exports for GIS staff (/personal/exporter, role gis): choose layer, format, CRS and
// dialogue, start an export job, follow its progress (polled once a second into a <progress>)
// and download the file when it is complete. Faults come back as problem details and are shown
// next to the field they name.
import { staffBoot, staffApi, errorText } from './staff.js';
import { api } from './api.js';
import { h, announce } from './dom.js';
import { t, tn, has, formatNumber } from './i18n.js';
import { busy } from './staff-forms.js';
import { LAYERS, FORMATS, CRS, format } from './exports-choices.js';

const $ = (id) => document.getElementById(id);
const FIELDS = { layer: 'export-layer', format: 'export-format', crs: 'export-crs', dialogue: 'export-dialogue', layers: 'export-more-layers' };
const state = { dialogues: [], job: null, timer: null };

function options(select, items) {
  const chosen = select.value;
  select.replaceChildren(...items.map(([value, text]) => h('option', { value }, text)));
  if (items.some(([value]) => value === chosen)) select.value = chosen;
}

function renderChoices() {
  options($('export-layer'), LAYERS.map((l) => [l, t(`export.layer.${l}`)]));
  options($('export-format'), FORMATS.map((f) => [f.code, t(`export.format.${f.code.replace('.', '_')}`)]));
  options($('export-crs'), CRS.map(([code, name]) => [code, `${name} (${code})`]));
  options($('export-dialogue'), [['', t('export.allDialogues')], ...state.dialogues.map((d) => [d.slug, d.title])]);
  renderMore();
  sync();
}

/** More layers for one GeoPackage: every layer but the chosen one. */
function renderMore() {
  const checked = new Set([...$('export-more-layers').querySelectorAll('input:checked')].map((i) => i.value));
  $('export-more-layers').replaceChildren(...LAYERS.filter((l) => l !== $('export-layer').value).map((l) =>
    h('label', { class: 'choice', for: `export-more-${l}` },
      h('input', { type: 'checkbox', value: l, id: `export-more-${l}`, checked: checked.has(l), onchange: sync }),
      h('span', { class: 'choice__label' }, t(`export.layer.${l}`)))));
}

/** GeoJSON and KML are WGS84 by definition; only a GeoPackage holds several layers. */
function sync() {
  const f = format($('export-format').value);
  const crs = $('export-crs');
  if (f.wgs84) crs.value = 'EPSG:4326';
  crs.disabled = !!f.wgs84;
  $('export-crs-hint').textContent = f.wgs84 ? t('export.crs.wgs84Only') : t('export.crs.hint');
  $('export-format-hint').textContent = t(`export.format.${f.code.replace('.', '_')}.hint`);
  $('export-more').hidden = !f.multiLayer;
  $('export-url').textContent = `${location.origin}${directUrl(body())}`;
}

function body() {
  const f = format($('export-format').value);
  const more = f.multiLayer ? [...$('export-more-layers').querySelectorAll('input:checked')].map((i) => i.value) : [];
  return {
    layer: $('export-layer').value,
    format: f.code,
    crs: f.wgs84 ? null : $('export-crs').value,
    dialogue: $('export-dialogue').value || null,
    layers: more.length ? more.join(',') : null,
  };
}

function directUrl(b) {
  const q = new URLSearchParams();
  for (const k of ['crs', 'dialogue', 'layers']) if (b[k]) q.set(k, b[k]);
  const s = q.toString();
  return `/api/v1/exports/${b.layer}.${b.format}${s ? `?${s}` : ''}`;
}

/** A fault's text: the page's own wording by code (export.error.*), else the server's message. */
function faultText(fault) {
  const key = `export.error.${String(fault.code).replace(/^export\./, '')}`;
  return has(key) ? t(key) : (fault.message || t('error.generic'));
}

function clearErrors() {
  for (const [field, input] of Object.entries(FIELDS)) {
    $(`error-export-${field}`) && ($(`error-export-${field}`).textContent = '');
    $(input).removeAttribute('aria-invalid');
  }
  $('export-error').textContent = '';
}

function showErrors(e) {
  let first = null;
  for (const fault of e.errors || []) {
    const error = $(`error-export-${fault.field}`);
    if (!error) {
      $('export-error').textContent = faultText(fault);
      first ||= $('export-error');
      continue;
    }
    error.textContent = faultText(fault);
    $(FIELDS[fault.field]).setAttribute('aria-invalid', 'true');
    first ||= $(FIELDS[fault.field]);
  }
  if (!e.errors?.length) {
    $('export-error').textContent = e.code && has(`export.error.${String(e.code).replace(/^export\./, '')}`)
      ? faultText(e) : errorText(e);
    first = $('export-error');
  }
  first?.focus();
}

function showJob(job) {
  state.job = job;
  $('export-job').hidden = false;
  $('export-job-file').textContent = job.fileName;
  $('export-progress').value = job.percent;
  const download = $('export-download');
  download.hidden = job.state !== 'done';
  if (job.state === 'done') {
    download.href = job.file;
    download.setAttribute('download', job.fileName);
  }
  const text = job.state === 'done' ? tn('export.job.done', job.written)
    : job.state === 'failed' ? `${t('export.job.failed')}${job.error ? ` ${job.error}` : ''}`
      : job.total == null ? t('export.job.preparing')
        : tn('export.job.running', job.total, { written: formatNumber(job.written), percent: job.percent });
  $('export-job-status').textContent = text;
}

async function poll() {
  clearTimeout(state.timer);
  if (!state.job || state.job.state !== 'running') return;
  try {
    const job = await staffApi(`/api/v1/exports/jobs/${encodeURIComponent(state.job.id)}`);
    showJob(job);
    if (job.state === 'done') {
      announce($('export-job-status'), tn('export.job.done', job.written));
      $('export-download').focus();
    }
  } catch (e) {
    $('export-job-status').textContent = errorText(e);
    // The job is gone (the service restarted) or not ours: asking again will not change that.
    if (e.status >= 400 && e.status < 500) return;
  }
  state.timer = setTimeout(poll, 1000);
}

async function start(event) {
  event.preventDefault();
  clearErrors();
  await busy($('export-start'), async () => {
    try {
      const job = await staffApi('/api/v1/exports/jobs', { method: 'POST', body: body() });
      showJob(job);
      $('export-job-heading').focus?.();
      state.timer = setTimeout(poll, 300);
    } catch (e) {
      showErrors(e);
    }
  });
}

async function render() {
  try {
    state.dialogues = await api.dialogues();
  } catch (e) {
    $('page-status').textContent = errorText(e);
    return;
  }
  renderChoices();
  $('export-layer').addEventListener('change', () => { renderMore(); sync(); });
  for (const id of ['export-format', 'export-crs', 'export-dialogue']) $(id).addEventListener('change', sync);
  $('export-form').addEventListener('submit', start);
  $('export-content').hidden = false;
  document.title = t('export.pageTitle');
}

staffBoot({ page: 'exports', role: 'gis', render, onLanguage: () => { renderChoices(); if (state.job) showJob(state.job); } });
