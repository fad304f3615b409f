// The published consultation report on the public dialogue page: "Vad kom vi fram till? Vad
// händer nu?" from the latest version, and its files. Drafts are never public.
import { h } from './dom.js';
import { t, formatDate } from './i18n.js';
import { inLanguage } from './content-lang.js';

/** The report section, or null when no version is published. */
export function reportSection(report) {
  const v = report?.latest;
  if (!v) return null;
  return h('section', { class: 'dialogue-report', 'aria-labelledby': 'dialogue-report-heading' },
    h('h2', { id: 'dialogue-report-heading', i18n: 'dialogue.report.heading' }),
    h('p', { class: 'hint' }, t('dialogue.report.version', { number: v.number, date: formatDate(v.publishedAt),
      views: v.viewCount, topics: v.topicCount })),
    v.conclusions ? h('h3', { i18n: 'dialogue.report.conclusions' }) : null,
    v.conclusions ? inLanguage(h('p', { class: 'user-text' }, v.conclusions), 'sv') : null, // the report is Swedish
    v.nextSteps ? h('h3', { i18n: 'dialogue.report.nextSteps' }) : null,
    v.nextSteps ? inLanguage(h('p', { class: 'user-text' }, v.nextSteps), 'sv') : null,
    h('ul', { class: 'dialogue-report-files' },
      h('li', {}, h('a', { href: v.files.pdf, class: 'report-pdf' }, t('dialogue.report.pdf', { number: v.number }))),
      h('li', {}, h('a', { href: v.files.html }, t('dialogue.report.html'))),
      h('li', {}, h('a', { href: v.files.docx, download: '' }, t('dialogue.report.docx')))));
}
