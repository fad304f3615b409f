// What every page does first: take the page's messages, link "My comments" when this browser
// holds a receipt, and re-render dynamic parts after a language switch. The page's static texts
// are already there: the server rendered them (web/pages/layout.html).
import { initI18n } from './i18n.js';
import { savedReceipt } from './api.js';

function showFatal() {
  // The one text that cannot come from the bundle: the bundle itself failed to load.
  const main = document.getElementById('main');
  main.replaceChildren();
  const p = document.createElement('p');
  p.className = 'notice notice--error';
  p.setAttribute('role', 'alert');
  p.textContent = 'Sidan kunde inte laddas. Försök igen om en stund. / The page could not be loaded. Please try again later.';
  main.append(p);
}

export function showReceiptLink() {
  const link = document.getElementById('my-receipt-link');
  const token = savedReceipt();
  if (link && token) {
    link.href = `/kvitto#${token}`;
    link.hidden = false;
  }
}

/** render() draws the page; onLanguage() (default: render again) runs after a switch. */
export async function boot(render, onLanguage = render) {
  try {
    await initI18n();
  } catch {
    showFatal();
    return;
  }
  showReceiptLink();
  document.addEventListener('dk:lang', () => onLanguage());
  await render();
}
