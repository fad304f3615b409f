// The dialogue report (samrådsredogörelse) for planners: pick a dialogue, write its texts, group
// its views into topics with the municipality's position, build a draft with progress, publish a
// numbered version. Everything users wrote goes into the page as text (h() and textContent only).
import { staffBoot, staffApi, errorText, showPageProblem } from './staff.js';
import { api } from './api.js';
import { h } from './dom.js';
import { dialogueId, forChosenDialogue, reportPath, say, sayError, STALE } from './report-context.js';
import { t, tn } from './i18n.js';
import { showErrors, clearErrors, busy } from './staff-forms.js';
import { reportBuilds } from './report-build.js';
import { reportTopics } from './report-topics.js';
import { reportViews } from './report-views.js';

const $ = (id) => document.getElementById(id);
const DIALOGUE_KEY = 'dialogkarta.report.dialogue';
const state = { dialogues: [], overview: null };

const TEXT_FIELDS = {
  announcement: { input: 'report-announcement', error: 'error-report-announcement' },
  conclusions: { input: 'report-conclusions', error: 'error-report-conclusions' },
  nextSteps: { input: 'report-next-steps', error: 'error-report-next-steps' },
};


const builds = reportBuilds({ onPublished: () => loadOverview() });
const views = reportViews();
const topics = reportTopics({ onChange: () => views.reload() });
views.setTopics(() => topics.list());
views.setOnMoved(() => topics.load());

async function loadOverview() {
  let overview;
  try {
    overview = await forChosenDialogue(() => staffApi(reportPath()));
  } catch (e) {
    sayError(e);
    return;
  }
  if (overview === STALE) return;
  state.overview = overview;
  const o = state.overview;
  $('report-summary').textContent = [
    tn('report.page.summary.views', o.views),
    o.pending ? tn('report.page.summary.pending', o.pending) : null,
  ].filter(Boolean).join(' ');
  $('report-announcement').value = o.texts.announcement ?? '';
  $('report-conclusions').value = o.texts.conclusions ?? '';
  $('report-next-steps').value = o.texts.nextSteps ?? '';
  $('report-not-met').href = reportPath('/not-met.csv');
  builds.show(o);
}

async function saveTexts(event) {
  event.preventDefault();
  clearErrors(TEXT_FIELDS, 'report-texts-error');
  const body = {
    announcement: $('report-announcement').value,
    conclusions: $('report-conclusions').value,
    nextSteps: $('report-next-steps').value,
  };
  try {
    await busy($('report-texts-save'), () => staffApi(reportPath('/texts'), { method: 'PUT', body }));
    say(t('report.page.texts.saved'));
  } catch (e) {
    showErrors(e, TEXT_FIELDS, 'report-texts-error')?.focus?.();
  }
}

async function dialogueChosen() {
  try { localStorage.setItem(DIALOGUE_KEY, dialogueId()); } catch { /* private mode */ }
  builds.reset();
  await loadOverview();
  await topics.load();
}

function renderDialogues() {
  const select = $('report-dialogue');
  const chosen = select.value;
  select.replaceChildren(...state.dialogues.map((d) => h('option', { value: String(d.id) }, d.title)));
  if (chosen) select.value = chosen;
}

async function render() {
  try {
    state.dialogues = await api.dialogues();
  } catch (e) {
    showPageProblem(errorText(e), () => location.reload());
    return;
  }
  $('report-content').hidden = false;
  if (!state.dialogues.length) {
    $('report-summary').textContent = t('report.page.noDialogues');
    return;
  }
  renderDialogues();
  let remembered = null;
  try { remembered = localStorage.getItem(DIALOGUE_KEY); } catch { /* none */ }
  const wanted = [new URLSearchParams(location.search).get('dialogue'), remembered]
    .find((v) => v && state.dialogues.some((d) => String(d.id) === v));
  if (wanted) $('report-dialogue').value = wanted;
  $('report-dialogue').addEventListener('change', dialogueChosen);
  $('report-texts').addEventListener('submit', saveTexts);
  builds.bind();
  topics.bind();
  views.bind();
  await dialogueChosen();
}

staffBoot({
  page: 'report',
  role: 'planner',
  render,
  onLanguage: () => {
    if (!state.dialogues.length) return;
    renderDialogues();
    if (state.overview) builds.show(state.overview);
    topics.render();
    views.render();
  },
});
