// What the report page's parts share: the chosen dialogue, the report API's address for it, and
// the page's status line.
import { errorText } from './staff.js';
import { announce } from './dom.js';

const $ = (id) => document.getElementById(id);

export const dialogueId = () => $('report-dialogue').value;
export const reportPath = (suffix = '') => `/api/v1/staff/dialogues/${encodeURIComponent(dialogueId())}/report${suffix}`;

export function say(text, { error = false } = {}) {
  $('report-status').classList.toggle('is-error', error);
  announce($('report-status'), text);
}

export function sayError(e) {
  say(errorText(e), { error: true });
}
