// Forms on the staff pages: faults from the server's problem details go next to the field they
// name (errors[].field), everything else into the form's own error line; buttons show that they
// are working and cannot be pressed twice.
import { errorText, fieldErrorText } from './staff.js';

const $ = (id) => document.getElementById(id);

/**
 * fields: { serverFieldName: { input: 'input-id', error: 'error-id' } }; box: the id of the
 * element for faults that name no known field. Returns the first element to give focus to.
 */
export function showErrors(e, fields, box) {
  clearErrors(fields, box);
  const unplaced = [];
  let first = null;
  for (const fault of e.errors || []) {
    const place = fields[fault.field];
    if (!place || !$(place.error)) {
      unplaced.push(fieldErrorText(fault));
      continue;
    }
    const errorEl = $(place.error);
    const text = fieldErrorText(fault);
    if (!errorEl.textContent.includes(text)) errorEl.textContent = errorEl.textContent ? `${errorEl.textContent} ${text}` : text;
    const input = place.input && $(place.input);
    input?.setAttribute('aria-invalid', 'true');
    first ||= input || errorEl;
  }
  if (!e.errors?.length) {
    // A conflict or a refusal without fields; some codes still belong to one field.
    const place = Object.values(fields).find((f) => f.codes?.includes(e.code));
    if (place && $(place.error)) {
      $(place.error).textContent = errorText(e);
      $(place.input)?.setAttribute('aria-invalid', 'true');
      first = $(place.input) || $(place.error);
    } else {
      unplaced.push(errorText(e));
    }
  }
  if (unplaced.length && box && $(box)) {
    $(box).textContent = [...new Set(unplaced)].join(' ');
    first ||= $(box);
  }
  return first;
}

export function clearErrors(fields, box) {
  for (const place of Object.values(fields)) {
    if (place.error && $(place.error)) $(place.error).textContent = '';
    if (place.input) $(place.input)?.removeAttribute('aria-invalid');
  }
  if (box && $(box)) $(box).textContent = '';
}

/** Runs fn with the button disabled and spinning; the button is found again by id afterwards. */
export async function busy(button, fn) {
  const id = button?.id;
  button?.setAttribute('disabled', '');
  button?.classList.add('is-sending');
  button?.setAttribute('aria-busy', 'true');
  try {
    return await fn();
  } finally {
    const el = (id && $(id)) || button;
    el?.removeAttribute('disabled');
    el?.classList.remove('is-sending');
    el?.removeAttribute('aria-busy');
  }
}
