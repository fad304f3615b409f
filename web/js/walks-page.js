// Walk planning (/personal/walks.html, planner and up): choose a dialogue, see its walks with the
// link for the participants' phones (big, to read out, text or make a QR code of), the report and
// a close button; create or edit a walk with the route drawn on the map.
import { staffBoot, staffApi, errorText } from './staff.js';
import { api } from './api.js';
import { h, announce } from './dom.js';
import { t, label, formatDate, tn } from './i18n.js';
import { createPlanMap } from './walk-plan-map.js';
import { createWalkForm } from './walk-plan-form.js';
import { busy } from './staff-forms.js';

const $ = (id) => document.getElementById(id);
const DIALOGUE_KEY = 'dialogkarta.staff.walkDialogue';
const state = { site: null, dialogues: [], walks: [], planMap: null, form: null };

const dialogue = () => state.dialogues.find((d) => String(d.id) === $('walks-dialogue').value) || null;
export const walkModeUrl = (id) => new URL(`/vandring/${id}`, location.origin).href;

function status(key, vars, isError = false) {
  const box = $('walks-status');
  box.classList.toggle('is-error', isError);
  announce(box, key ? t(key, vars) : '');
}

function planMap() {
  if (!state.planMap && window.L) {
    state.planMap = createPlanMap($('plan-map'), {
      site: state.site,
      onMode: (mode) => {
        $('plan-meeting').setAttribute('aria-pressed', String(mode === 'meeting'));
        $('plan-route').setAttribute('aria-pressed', String(mode === 'route'));
        const help = $('plan-help');
        help.dataset.i18n = mode === 'route' ? 'walk.plan.helpRoute' : mode === 'meeting' ? 'walk.plan.helpMeeting' : 'walk.plan.help';
        help.textContent = t(help.dataset.i18n);
      },
      say: (key, vars) => announce($('plan-status'), t(key, vars)),
      onTilesFailed: () => announce($('plan-status'), t('map.tilesFailed')),
    });
    state.planMap?.setArea(dialogue()?.studyArea);
  }
  return state.planMap;
}

function walkState(w) {
  if (w.closedAt) return 'closed';
  if (w.open) return 'open';
  return w.pinsFrom && Date.now() < Date.parse(w.pinsFrom) ? 'planned' : 'ended';
}

async function copy(text, button) {
  try {
    await navigator.clipboard.writeText(text);
    status('walk.plan.copied');
  } catch {
    getSelection().selectAllChildren(button.closest('.walk-card').querySelector('.walk-share'));
    status('walk.plan.copyFailed');
  }
}

async function closeWalk(w, button) {
  if (!window.confirm(t('walk.plan.closeConfirm', { title: w.title }))) return;
  await busy(button, async () => {
    try {
      await staffApi(`/api/v1/staff/walks/${w.id}/close`, { method: 'POST' });
      status('walk.plan.closedDone', { title: w.title });
      await loadWalks();
    } catch (e) {
      status(null);
      announce($('walks-status'), errorText(e));
      $('walks-status').classList.add('is-error');
    }
  });
}

function card(w) {
  const url = walkModeUrl(w.id);
  const s = walkState(w);
  const time = w.startsAt ? `${formatDate(w.startsAt, true)}${w.endsAt ? ` – ${formatDate(w.endsAt, true)}` : ''}` : '';
  return h('li', { class: `walk-card${w.closedAt ? ' is-closed' : ''}`, 'data-walk': String(w.id) },
    h('h3', { id: `walk-${w.id}-title` }, w.title),
    h('p', { class: 'walk-card__meta' }, t(`walk.kind.${w.kind}`), ' · ', time),
    h('p', { class: 'walk-card__meta' }, h('strong', {}, t(`walk.plan.state.${s}`)), ' · ', tn('walk.plan.pinCount', w.pinCount ?? 0),
      w.meetingPointName ? [' · ', t('walk.map.meetingNamed', { name: w.meetingPointName })] : null),
    h('p', { class: 'walk-card__share-label', i18n: 'walk.plan.shareLabel' }),
    h('a', { class: 'walk-share', href: url, target: '_blank', rel: 'noopener' }, url),
    h('div', { class: 'walk-card__actions' },
      h('button', { type: 'button', class: 'button button--small', i18n: 'walk.plan.copy', onclick: (e) => copy(url, e.currentTarget) }),
      h('a', { class: 'button button--small', href: `/personal/vandring/${w.id}/rapport`, i18n: 'walk.plan.report' }),
      h('a', { class: 'button button--small', href: `/personal/walk-method.html?walk=${w.id}`, i18n: 'walkmethod.page.link' }),
      h('button', { type: 'button', class: 'button button--small', i18n: 'walk.plan.edit', 'aria-describedby': `walk-${w.id}-title`, onclick: () => openForm(w) }),
      w.closedAt ? null : h('button', { type: 'button', class: 'button button--small', id: `walk-close-${w.id}`, i18n: 'walk.plan.close', 'aria-describedby': `walk-${w.id}-title`, onclick: (e) => closeWalk(w, e.currentTarget) })));
}

function renderList() {
  $('walks-list').replaceChildren(...state.walks.map(card));
  $('walks-empty').hidden = state.walks.length > 0;
}

async function loadWalks() {
  const d = dialogue();
  if (!d) return;
  $('walks-list').setAttribute('aria-busy', 'true');
  try {
    state.walks = await staffApi(`/api/v1/staff/walks?dialogue=${encodeURIComponent(d.id)}`) || [];
  } catch (e) {
    state.walks = [];
    announce($('walks-status'), errorText(e));
    $('walks-status').classList.add('is-error');
  }
  $('walks-list').removeAttribute('aria-busy');
  renderList();
}

function openForm(walk) {
  state.form.open(walk || null);
  const q = new URLSearchParams(location.search);
  if (walk) q.set('walk', walk.id); else q.delete('walk');
  history.replaceState(null, '', `?${q}`);
}

function dialogueChosen() {
  const d = dialogue();
  try { localStorage.setItem(DIALOGUE_KEY, String(d.id)); } catch { /* not remembered */ }
  const q = new URLSearchParams(location.search);
  q.set('dialogue', d.id);
  q.delete('walk');
  history.replaceState(null, '', `?${q}`);
  state.form.close();
  state.planMap?.setArea(d.studyArea);
  status(null);
  return loadWalks();
}

function renderDialogues() {
  const select = $('walks-dialogue');
  const value = select.value;
  select.replaceChildren(...state.dialogues.map((d) => h('option', { value: String(d.id) }, `${d.title} (${label('dialogueStatus', d.status)})`)));
  if (value) select.value = value;
}

async function render() {
  try {
    [state.site, state.dialogues] = await Promise.all([api.site().catch(() => null), api.dialogues()]);
  } catch (e) {
    $('page-status').replaceChildren(h('p', { class: 'notice notice--error', role: 'alert' }, errorText(e)));
    return;
  }
  $('walks-content').hidden = false;
  document.title = t('walk.plan.pageTitle');
  if (!state.dialogues.length) {
    $('walks-empty').hidden = false;
    $('walk-new').hidden = true;
    return;
  }
  renderDialogues();
  const q = new URLSearchParams(location.search);
  let remembered = null;
  try { remembered = localStorage.getItem(DIALOGUE_KEY); } catch { /* none */ }
  const wanted = [q.get('dialogue'), remembered].find((v) => v && state.dialogues.some((d) => String(d.id) === v));
  if (wanted) $('walks-dialogue').value = wanted;
  state.form = createWalkForm({
    planMap, dialogue,
    onSaved: async (walk) => {
      status('walk.plan.saved', { title: walk.title });
      await loadWalks();
      document.querySelector(`[data-walk="${walk.id}"] h3`)?.setAttribute('tabindex', '-1');
      document.querySelector(`[data-walk="${walk.id}"] h3`)?.focus();
    },
    onClosed: () => $('walk-new').focus(),
  });
  $('walks-dialogue').addEventListener('change', dialogueChosen);
  $('walk-new').addEventListener('click', () => openForm(null));
  $('plan-meeting').addEventListener('click', () => planMap()?.setMode('meeting'));
  $('plan-route').addEventListener('click', () => planMap()?.setMode('route'));
  $('route-undo').addEventListener('click', () => planMap()?.undo());
  $('route-clear').addEventListener('click', () => planMap()?.clearRoute());
  $('meeting-clear').addEventListener('click', () => planMap()?.clearMeeting());
  await loadWalks();
  const open = state.walks.find((w) => String(w.id) === q.get('walk'));
  if (open) openForm(open);
  if (!window.L) announce($('plan-status'), t('walk.plan.noMap'));
}

staffBoot({
  page: 'walks', role: 'planner', render,
  onLanguage: () => {
    if (!state.dialogues.length) return;
    renderDialogues();
    renderList();
    state.planMap?.refreshLanguage();
  },
});
