// Sign-in page: a plain form posted to /login. The CSRF token belongs to the session cookie
// that GET /api/v1/csrf creates, so it is fetched just before the form goes, never cached.
// The server answers a failure with a redirect to /logga-in?fel=1, a success with /personal/,
// and an account or client locked after too many failures with ?fel=spärrad&sekunder=N.
import { boot } from './page.js';
import { t, pluralKey } from './i18n.js';

const $ = (id) => document.getElementById(id);
let errorKey = null;
let errorVars;

function showError(key, focus = true, vars = undefined) {
  errorKey = key;
  errorVars = vars;
  const box = $('login-error');
  box.textContent = t(key, vars);
  box.hidden = false;
  if (focus) box.focus();
}

async function freshToken() {
  const response = await fetch('/api/v1/csrf', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) throw new Error(`csrf ${response.status}`);
  return response.json();
}

function setSending(on) {
  const button = $('login-submit');
  button.disabled = on;
  button.classList.toggle('is-sending', on);
}

function wire() {
  const form = $('login-form');
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const username = $('username');
    const password = $('password');
    for (const input of [username, password]) input.setAttribute('aria-invalid', String(!input.value.trim()));
    if (!username.value.trim() || !password.value) {
      showError('staff.login.missing', false);
      (username.value.trim() ? password : username).focus();
      return;
    }
    setSending(true);
    try {
      const csrf = await freshToken();
      const input = form.querySelector('input[type=hidden]');
      input.name = csrf.parameterName;
      input.value = csrf.token;
    } catch {
      setSending(false);
      showError('staff.login.unreachable');
      return;
    }
    form.submit(); // a real navigation: the server's redirect decides where we land
  });
}

function render() {
  const params = new URLSearchParams(location.search);
  if (params.get('fel') === 'spärrad') {
    const seconds = Number(params.get('sekunder')) || 30;
    showError(pluralKey('staff.login.locked', seconds), false, { n: seconds });
    $('username').setAttribute('aria-describedby', 'login-error');
  } else if (params.has('fel')) {
    showError('staff.login.failed', false);
    $('username').setAttribute('aria-describedby', 'login-error');
  }
  $('username').focus();
}

// bfcache: coming back to the page must not leave the button disabled
window.addEventListener('pageshow', () => setSending(false));
wire();
boot(render, () => { if (errorKey) $('login-error').textContent = t(errorKey, errorVars); });
