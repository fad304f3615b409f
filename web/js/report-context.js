// What the report page's parts share: the chosen dialogue, the report API's address for it, and
// the page's status line.
import { errorText } from './staff.js';
import { announce } from './dom.js';

const $ = (id) => document.getElementById(id);

export const dialogueId = () => $('report-dialogue').value;
export const reportPath = (suffix = '') => `/api/v1/staff/dialogues/${encodeURIComponent(dialogueId())}/report${suffix}`;

/** Said instead of an answer that came back after the planner had chosen another dialogue. */
export const STALE = Symbol('stale');

/**
 * request()'s answer, or STALE when another dialogue was chosen while it was on its way (a slow
 * answer for the dialogue left behind must not draw over the chosen one's). A failure for a
 * dialogue left behind is STALE too.
 */
export async function forChosenDialogue(request) {
  const asked = dialogueId();
  try {
    const answer = await request();
    return asked === dialogueId() ? answer : STALE;
  } catch (e) {
    if (asked !== dialogueId()) return STALE;
    throw e;
  }
}

export function say(text, { error = false } = {}) {
  $('report-status').classList.toggle('is-error', error);
  announce($('report-status'), text);
}

export function sayError(e) {
  say(errorText(e), { error: true });
}
