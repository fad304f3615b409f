// The form to create or edit a dialogue: texts, status and dates, participation level,
// moderation mode, categories with their sub-tags, the study area (dialogues-admin-area.js) and
// the lifecycle texts. Faults go next to their field; the area's next to the map.
import { staffApi, errorText } from './staff.js';
import { t, has, today, addLabels } from './i18n.js';
import { showErrors, clearErrors, busy } from './staff-forms.js';
import { createAreaField } from './dialogues-admin-area.js';
import { createSubtagEditor, subtagDatalist } from './dialogues-admin-subtags.js';
import { h } from './dom.js';
import { createShapesField } from './dialogues-admin-shapes.js';
import { createLanguagesSection } from './dialogues-admin-languages.js';

const $ = (id) => document.getElementById(id);
const CATEGORIES = ['suggestion', 'safety_concern', 'service_gap', 'valued_place'];
const ALWAYS = ['suggestion', 'safety_concern', 'service_gap'];
const TEXTS = { title: 'dialogue-title', summary: 'dialogue-summary', outcome: 'dialogue-outcome', nextSteps: 'dialogue-next-steps', responsibleUnit: 'dialogue-unit', contact: 'dialogue-contact' };
const FIELDS = {
  slug: { input: 'dialogue-slug', error: 'error-dialogue-slug' },
  title: { input: 'dialogue-title', error: 'error-dialogue-title' },
  summary: { input: 'dialogue-summary', error: 'error-dialogue-summary' },
  status: { input: 'dialogue-status', error: 'error-dialogue-status' },
  startsOn: { input: 'dialogue-starts', error: 'error-dialogue-starts' },
  endsOn: { input: 'dialogue-ends', error: 'error-dialogue-ends' },
  participationLevel: { input: 'dialogue-level', error: 'error-dialogue-level' },
  moderationMode: { input: 'dialogue-moderation', error: 'error-dialogue-moderation' },
  categories: { error: 'error-dialogue-categories' },
  subtags: { error: 'error-dialogue-subtags' },
  acceptedShapes: { error: 'error-dialogue-acceptedShapes' },
  outcome: { input: 'dialogue-outcome', error: 'error-dialogue-outcome' },
  nextSteps: { input: 'dialogue-next-steps', error: 'error-dialogue-next-steps' },
  responsibleUnit: { input: 'dialogue-unit', error: 'error-dialogue-unit' },
  contact: { input: 'dialogue-contact', error: 'error-dialogue-contact' },
};

/** An address from a title: å and ä become a, ö becomes o, spaces and the rest become -. */
export function suggestSlug(title) {
  return String(title).toLowerCase().replace(/[åä]/g, 'a').replace(/ö/g, 'o')
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+/, '').slice(0, 80).replace(/-+$/, '');
}

/** A server fault in the planner's words: by field and code, else by code, else the server's. */
function faultText(f) {
  const max = /(\d+)/.exec(f.message || '')?.[1];
  for (const key of [`admin.error.${f.field}.${f.code}`, `admin.error.${f.code}`]) {
    if (has(key)) return t(key, max ? { max } : undefined);
  }
  return f.message || t('error.generic');
}

/** opts: site, say(text), onSaved(dialogue, created), others() -> every dialogue (for the map). */
export function createDialogueForm(opts) {
  const area = createAreaField({ site: opts.site, say: opts.say });
  let editing = null;
  let slugTouched = false;
  const editors = new Map();

  // ---- categories and their sub-tags ----
  const blocks = CATEGORIES.map((code) => {
    const always = ALWAYS.includes(code);
    const box = h('input', { type: 'checkbox', name: 'dialogue-categories', value: code, id: `category-${code}`, checked: always, disabled: always });
    const slot = h('div', { class: 'subtag-slot' });
    box.addEventListener('change', () => { slot.hidden = !box.checked; });
    return { code, box, slot, element: h('div', { class: 'category-block', 'data-category': code },
      h('label', { class: 'choice', for: `category-${code}` }, box,
        h('span', {}, h('span', { class: 'choice__label' }, h('span', { class: `cat-mark cat--${code}`, 'aria-hidden': 'true' }), h('span', { i18n: `category.${code}` })),
          h('span', { class: 'choice__hint', i18n: always ? 'admin.form.category.always' : 'admin.form.category.optional' }))),
      slot) };
  });
  $('dialogue-categories').replaceChildren(subtagDatalist(), ...blocks.map((b) => b.element));
  const shapes = createShapesField($('dialogue-categories').closest('fieldset'));
  const languages = createLanguagesSection($('dialogue-form'));

  function fillCategories(d) {
    shapes.fill(d);
    addLabels('subtag', d?.subtagLabels);
    for (const b of blocks) {
      b.box.checked = ALWAYS.includes(b.code) || !!d?.categories?.includes(b.code);
      const editor = createSubtagEditor(b.code, d?.subtags?.[b.code] || [], (text) => opts.say(text));
      editors.set(b.code, editor);
      b.slot.replaceChildren(editor.element);
      b.slot.hidden = !b.box.checked;
    }
  }

  // ---- helps that follow the chosen option ----
  function optionHelp() {
    for (const [select, help, prefix] of [['dialogue-status', 'dialogue-status-help', 'admin.status'],
      ['dialogue-level', 'dialogue-level-help', 'admin.level'], ['dialogue-moderation', 'dialogue-moderation-help', 'admin.moderation']]) {
      const key = `${prefix}.${$(select).value}.help`;
      $(help).dataset.i18n = key;
      $(help).textContent = t(key);
    }
  }

  /**
   * A warning, not a refusal: completed without saying what came of it, or ongoing before the
   * start date. The citizens see both on the dialogue's page.
   */
  function statusWarning() {
    const status = $('dialogue-status').value;
    const starts = $('dialogue-starts').value;
    let key = '';
    if (status === 'completed' && !$('dialogue-outcome').value.trim()) key = 'admin.form.warning.noOutcome';
    else if (status === 'ongoing' && starts && starts > today()) key = 'admin.form.warning.early';
    $('dialogue-status-warning').textContent = key ? t(key) : '';
  }

  function slugPreview() {
    const slug = $('dialogue-slug').value.trim();
    $('dialogue-slug-preview').textContent = slug ? t('admin.form.slug.preview', { path: `/dialoger/${slug}` }) : '';
  }

  function heading() {
    $('dialogue-form-heading').textContent = editing ? t('admin.form.editing', { title: editing.title }) : t('admin.form.new');
    const save = $('dialogue-save-label');
    save.dataset.i18n = editing ? 'admin.form.save' : 'admin.form.create';
    save.textContent = t(save.dataset.i18n);
    $('dialogue-reset').dataset.i18n = editing ? 'admin.form.cancelEdit' : 'admin.form.reset';
    $('dialogue-reset').textContent = t($('dialogue-reset').dataset.i18n);
  }

  function fill(d) {
    editing = d;
    clearErrors(FIELDS, 'dialogue-form-error');
    $('dialogue-slug').value = d?.slug || '';
    for (const [field, id] of Object.entries(TEXTS)) $(id).value = d?.[field] || '';
    $('dialogue-status').value = d?.status || 'planned';
    $('dialogue-starts').value = d?.startsOn || '';
    $('dialogue-ends').value = d?.endsOn || '';
    $('dialogue-level').value = d?.participationLevel || 'consultation';
    $('dialogue-moderation').value = d?.moderationMode || 'post';
    slugTouched = !!d;
    languages.edit(d);
    fillCategories(d);
    area.set(d?.studyArea || null, (opts.others?.() || []).filter((x) => x.id !== d?.id && x.studyArea).map((x) => x.studyArea));
    optionHelp();
    statusWarning();
    slugPreview();
    heading();
  }

  function read() {
    const body = { slug: $('dialogue-slug').value.trim() };
    for (const [field, id] of Object.entries(TEXTS)) body[field] = $(id).value.trim() || null;
    body.status = $('dialogue-status').value;
    body.startsOn = $('dialogue-starts').value || null;
    body.endsOn = $('dialogue-ends').value || null;
    body.participationLevel = $('dialogue-level').value;
    body.moderationMode = $('dialogue-moderation').value;
    body.categories = blocks.filter((b) => b.box.checked).map((b) => b.code);
    body.subtags = {};
    body.subtagLabels = {};
    for (const code of body.categories) {
      const editor = editors.get(code);
      const codes = editor?.codes() || [];
      if (codes.length) body.subtags[code] = codes;
      Object.assign(body.subtagLabels, editor?.ownLabels() || {});
    }
    body.studyArea = area.value();
    body.acceptedShapes = shapes.value();
    return body;
  }

  /** What the browser can see before asking; the server checks everything again. */
  function localFaults(body) {
    const faults = [];
    if (!body.title) faults.push({ field: 'title', code: 'text.blank' });
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(body.slug) || body.slug.length > 80) faults.push({ field: 'slug', code: 'slug.invalid' });
    if (!body.summary) faults.push({ field: 'summary', code: 'text.blank' });
    if (body.startsOn && body.endsOn && body.endsOn < body.startsOn) faults.push({ field: 'endsOn', code: 'dates.order' });
    return faults;
  }

  /** Faults from the server (or the browser): next to their field, the area's next to the map. */
  function show(e) {
    const faults = e.errors || [];
    const placed = faults.filter((f) => f.field !== 'studyArea').map((f) => ({ field: f.field, message: faultText(f) }));
    if (e.code === 'slug.taken') placed.push({ field: 'slug', message: t('admin.error.slug.taken') });
    const areaFaults = faults.filter((f) => f.field === 'studyArea');
    clearErrors(FIELDS, 'dialogue-form-error');
    let first = placed.length ? showErrors({ errors: placed }, FIELDS, 'dialogue-form-error') : null;
    if (areaFaults.length || e.code === 'body.too_large') {
      const texts = areaFaults.map((f) => `${t(has(`admin.error.${f.code}`) ? `admin.error.${f.code}` : 'admin.error.area')} ${
        t('admin.error.area.server', { message: f.message || f.code })}`);
      if (e.code === 'body.too_large') texts.push(t('admin.error.area.too_large'));
      area.showFault(texts.join(' '), areaFaults.find((f) => f.message)?.message);
      if (!first) {
        // The message is under the map: show the map with its mark too, then the message.
        $('area-map-wrap').scrollIntoView({ block: 'start' });
        first = $('error-dialogue-area');
      }
    }
    first?.focus?.({ preventScroll: first.id === 'error-dialogue-area' });
    opts.say(t('admin.form.notSaved'));
  }

  async function save(e) {
    e.preventDefault();
    clearErrors(FIELDS, 'dialogue-form-error');
    area.clearFault();
    if (area.isDrawing()) {
      area.showFault(t('admin.area.stillDrawing'));
      $('error-dialogue-area').focus();
      return;
    }
    const body = read();
    const faults = localFaults(body);
    if (faults.length) {
      show({ errors: faults });
      return;
    }
    const created = !editing;
    try {
      const saved = await busy($('dialogue-save'), () => (created
        ? staffApi('/api/v1/staff/dialogues', { method: 'POST', body })
        : staffApi(`/api/v1/staff/dialogues/${editing.id}`, { method: 'PUT', body })));
      const merged = { ...saved, pinCount: editing?.pinCount ?? saved.pinCount };
      fill(merged);
      opts.onSaved(merged, created);
    } catch (err) {
      if (err.errors?.length || ['slug.taken', 'body.too_large'].includes(err.code)) show(err);
      else {
        $('dialogue-form-error').textContent = errorText(err);
        $('dialogue-form-error').focus();
        opts.say(errorText(err));
      }
    }
  }

  $('dialogue-title').addEventListener('input', () => {
    if (slugTouched) return;
    $('dialogue-slug').value = suggestSlug($('dialogue-title').value);
    slugPreview();
  });
  $('dialogue-slug').addEventListener('input', () => {
    slugTouched = $('dialogue-slug').value !== '';
    slugPreview();
  });
  for (const id of ['dialogue-status', 'dialogue-level', 'dialogue-moderation']) $(id).addEventListener('change', optionHelp);
  for (const id of ['dialogue-status', 'dialogue-starts', 'dialogue-outcome']) $(id).addEventListener('input', statusWarning);
  $('dialogue-status').addEventListener('change', statusWarning);
  $('dialogue-form').addEventListener('submit', save);
  $('dialogue-reset').addEventListener('click', () => {
    fill(null);
    opts.say(t('admin.form.cleared'));
    $('dialogue-title').focus();
  });
  fill(null);

  return {
    edit(d) { fill(d); },
    editing: () => editing,
    /** The dialogue was opened or closed from the list: only its status changes here. */
    statusChanged(d) {
      if (editing?.id !== d.id) return;
      editing = { ...editing, status: d.status };
      $('dialogue-status').value = d.status;
      optionHelp();
    },
    shown: () => area.shown(),
    refreshLanguage() {
      heading();
      slugPreview();
      for (const editor of editors.values()) editor.refreshLanguage();
      area.refreshLanguage();
    },
  };
}
