// The faults of a refused translation (problem details with errors[].field "texts.<field>"), shown
// where they belong: on the field's input and its "-error" line, or in the form's own error line.
// Shared by the dialogue's and the questions' translation forms.
import { errorText, fieldErrorText } from './staff.js';

/** Marks what err names; inputOf(field) finds a field's input; returns what should get focus. */
export function showTranslationFaults(err, inputOf, formError) {
  let first = null;
  for (const fault of err.errors || []) {
    const input = fault.field?.startsWith('texts.') && inputOf(fault.field.slice(6));
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      document.getElementById(`${input.id}-error`).textContent = fieldErrorText(fault);
      first ||= input;
    } else {
      formError.textContent = fieldErrorText(fault);
    }
  }
  if (!err.errors?.length) formError.textContent = errorText(err);
  return first || formError;
}
