/** The login page: end user (extension + web password [+ domain]) or admin account. */
import {ApiError, currentSession, dashboardFor, login} from './api.js';
import {$} from './dom.js';

const form = $('#login-form');
const kindUser = $('#login-kind-user');
const kindAdmin = $('#login-kind-admin');
const error = $('#login-error');
const submit = $('#login-submit');

const FIELD_INPUTS = {extension: 'login-extension', username: 'login-username', password: 'login-password',
  domain: 'login-domain', kind: 'login-kind-user'};

function kind() {
  return kindAdmin.checked ? 'admin' : 'user';
}

function showKind() {
  const admin = kind() === 'admin';
  for (const node of document.querySelectorAll('.user-only')) node.hidden = admin;
  for (const node of document.querySelectorAll('.admin-only')) node.hidden = !admin;
}

function showError(message, inputId) {
  error.textContent = message;
  error.hidden = false;
  for (const input of form.querySelectorAll('input')) input.removeAttribute('aria-invalid');
  const input = inputId ? document.getElementById(inputId) : null;
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }
}

function body() {
  const password = $('#login-password').value;
  if (kind() === 'admin') {
    return {kind: 'admin', username: $('#login-username').value.trim(), password};
  }
  const b = {kind: 'user', extension: $('#login-extension').value.trim(), password};
  const domain = $('#login-domain').value.trim();
  if (domain) b.domain = domain;
  return b;
}

function check(b) {
  if (b.kind === 'admin' && !b.username) return ['Enter your username.', 'login-username'];
  if (b.kind === 'user' && !b.extension) return ['Enter your extension.', 'login-extension'];
  if (!b.password) return ['Enter your password.', 'login-password'];
  return null;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const b = body();
  const problem = check(b);
  if (problem) {
    showError(...problem);
    return;
  }
  submit.disabled = true;
  form.setAttribute('aria-busy', 'true');
  try {
    const session = await login(b);
    location.assign(dashboardFor(session.role));
  } catch (e) {
    if (e instanceof ApiError && e.status === 429) {
      // The appliance says how long: "… try again in 5 minutes".
      showError(sentence(e.message) || 'Too many failed attempts. Wait a few minutes and try again.');
    } else if (e instanceof ApiError) {
      showError(e.message, FIELD_INPUTS[e.field] || (e.status === 401 ? 'login-password' : null));
    } else {
      showError('Sign-in failed: ' + e.message);
    }
    submit.disabled = false;
    form.removeAttribute('aria-busy');
  }
});

/** "too many …; try again in 5 minutes" → "Too many …; try again in 5 minutes." */
function sentence(message) {
  if (!message) return '';
  return message.charAt(0).toUpperCase() + message.slice(1) + (message.endsWith('.') ? '' : '.');
}

kindUser.addEventListener('change', showKind);
kindAdmin.addEventListener('change', showKind);

const params = new URLSearchParams(location.search);
if (params.get('domain')) $('#login-domain').value = params.get('domain');
if (params.get('kind') === 'admin') kindAdmin.checked = true;
showKind();

// Already signed in (e.g. the back button): straight to the dashboard.
currentSession().then((s) => {
  if (s) location.replace(dashboardFor(s.role));
}).catch(() => {});
