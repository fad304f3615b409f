// Building the report: a draft or the next published version runs on the server as a job; the
// page polls its progress (shown in a <progress> with its step in words) and then offers the
// files. Publishing asks once more in place, naming the version number.
import { staffApi, errorText } from './staff.js';
import { h } from './dom.js';
import { t, tn, has, formatDate } from './i18n.js';
import { busy } from './staff-forms.js';
import { reportPath, say, sayError } from './report-context.js';

const $ = (id) => document.getElementById(id);
const POLL_MS = 700;

export function reportBuilds({ onPublished }) {
  let overview = null;
  let polling = null;

  function fileLinks(files, key) {
    return ['pdf', 'docx', 'html'].map((f) => h('li', {},
      h('a', { href: files[f], download: '' }, t(`report.page.file.${f}`), ' ', h('span', { class: 'hint' }, t(key)))));
  }

  function showVersions() {
    const list = overview?.versions ?? [];
    $('report-versions-none').hidden = list.length > 0;
    $('report-versions').replaceChildren(...list.map((v) => h('li', { class: 'report-version' },
      h('h3', {}, t('report.page.versions.item', { number: v.number, date: formatDate(v.publishedAt, true) })),
      h('p', { class: 'hint' }, t('report.page.versions.counts', {
        views: tn('report.page.count.views', v.viewCount), topics: tn('report.page.count.topics', v.topicCount),
      })),
      h('ul', { class: 'report-files' }, ...['pdf', 'docx', 'html'].map((f) => h('li', {},
        h('a', { href: v.files[f], download: '' }, t(`report.page.file.${f}`))))))));
  }

  function setProgress(build) {
    $('report-progress-box').hidden = false;
    $('report-progress').value = build.percent;
    $('report-progress').setAttribute('aria-valuetext', `${build.percent} %`);
    const step = `report.page.step.${build.step}`; // html, pdf and docx count views: plural forms
    $('report-progress-label').textContent = (has(`${step}.other`) ? tn(step, build.total, { done: build.done })
      : t(step, { done: build.done, total: build.total }))
      + ` (${build.percent} %)`;
  }

  function running(yes) {
    for (const id of ['report-draft', 'report-publish']) $(id).toggleAttribute('disabled', yes);
    $('report-draft').classList.toggle('is-sending', yes);
    $('report-draft').setAttribute('aria-busy', String(yes));
  }

  async function follow(build) {
    running(true);
    $('report-build-error').textContent = '';
    $('report-files').replaceChildren();
    setProgress(build);
    const path = reportPath(`/builds/${build.id}`);
    const step = async () => {
      let now;
      try {
        now = await staffApi(path);
      } catch (e) {
        running(false);
        sayError(e);
        return;
      }
      setProgress(now);
      if (now.state === 'running') {
        polling = setTimeout(step, POLL_MS);
        return;
      }
      running(false);
      $('report-progress-box').hidden = true;
      if (now.state === 'failed') {
        $('report-build-error').textContent = t('report.page.build.failed', { error: now.error ?? '' });
        return;
      }
      if (now.kind === 'publish') {
        say(t('report.page.published', { number: now.version }));
        await onPublished();
        $('report-versions-heading').setAttribute('tabindex', '-1');
        $('report-versions-heading').focus();
      } else {
        $('report-files').replaceChildren(...fileLinks(now.files, 'report.page.file.draft'));
        say(t('report.page.build.done'));
        $('report-files').querySelector('a')?.focus();
      }
    };
    polling = setTimeout(step, POLL_MS);
  }

  async function start(body, button) {
    try {
      const build = body
        ? await busy(button, () => staffApi(reportPath('/versions'), { method: 'POST', body }))
        : await staffApi(reportPath('/builds'), { method: 'POST' });
      await follow(build);
    } catch (e) {
      running(false);
      $('report-build-error').textContent = errorText(e);
    }
  }

  return {
    bind() {
      $('report-draft').addEventListener('click', () => start(null));
      $('report-publish').addEventListener('click', () => {
        $('report-publish-confirm').hidden = false;
        $('report-publish-yes').focus();
      });
      $('report-publish-no').addEventListener('click', () => {
        $('report-publish-confirm').hidden = true;
        $('report-publish').focus();
      });
      $('report-publish-yes').addEventListener('click', (e) => {
        $('report-publish-confirm').hidden = true;
        start({ number: overview.nextVersion }, e.currentTarget);
      });
    },
    reset() {
      clearTimeout(polling);
      running(false);
      $('report-progress-box').hidden = true;
      $('report-files').replaceChildren();
      $('report-build-error').textContent = '';
    },
    show(o) {
      overview = o;
      const vars = { number: o.nextVersion };
      $('report-publish').textContent = t('report.page.publish', vars);
      $('report-publish-question').textContent = t('report.page.publish.question', vars);
      $('report-publish-yes').textContent = t('report.page.publish.confirm', vars);
      showVersions();
    },
  };
}
