/**
 * The admin dashboard's Users view: create a user (with a phone account unless unticked, whose setup is then
 * shown once), edit one (extension, name, email, a new web password), delete one. A web password left empty
 * when editing is kept; one typed in replaces it and ends the user's web logins.
 */
import * as api from './api.js';
import {seg} from './api.js';
import {$, clearFieldErrors, el, emptyRow, fill, row, showError, status} from './dom.js';
import {showSecret} from './phone-setup.js';

const FIELDS = {extension: 'user-extension', displayName: 'user-name', email: 'user-email',
  webPassword: 'user-web-password'};
const NEW_HINT = 'For this dashboard, 8 to 128 characters; empty: no web sign-in.';
const EDIT_HINT = 'Type a new one to set or reset it (the user is signed out); empty: unchanged.';

const ctx = {
  state: null,       // the dashboard's state: users, devices
  tenantPath: null,
  reload: null,      // reloads users and devices
  report: null,
  editing: null,     // the user being edited, or null for a new one
};

export function initUsers({state, tenantPath, reload, report, forwarding}) {
  Object.assign(ctx, {state, tenantPath, reload, report, forwarding});
  $('#user-form').addEventListener('submit', save);
  $('#user-cancel').addEventListener('click', () => edit(null));
}

export function renderUsers() {
  const table = $('#users-table');
  const users = ctx.state.users;
  if (!users.length) {
    fill(table.tBodies[0], emptyRow(table, 'No users yet.'));
    return;
  }
  fill(table.tBodies[0], users.map((u) => {
    const count = ctx.state.devices.filter((d) => d.userId === u.id).length;
    return row({dataset: {extension: u.extension, userId: u.id}}, [
      u.extension,
      el('span', {class: 'user-name'}, u.displayName || ''),
      el('span', {class: 'user-email'}, u.email || ''),
      el('td', {class: 'wrap'}, ctx.forwarding(u.settings)),
      el('td', {class: 'num'}, count),
      el('td', {class: 'row-actions'},
        el('button', {type: 'button', class: 'secondary small edit', 'aria-label': 'Edit user ' + u.extension,
          on: {click: () => edit(u)}}, 'Edit'),
        el('button', {type: 'button', class: 'danger small delete', 'aria-label': 'Delete user ' + u.extension,
          on: {click: () => deleteUser(u)}}, 'Delete')),
    ], true);
  }));
}

/** Shows the form for {@code u}, or empty for a new user. */
export function edit(u) {
  ctx.editing = u;
  const form = $('#user-form');
  clearFieldErrors(form);
  form.reset();
  $('#user-form-title').textContent = u ? 'Edit user ' + u.extension : 'New user';
  $('#user-create').textContent = u ? 'Save changes' : 'Create user';
  $('#user-cancel').hidden = !u;
  $('#user-phone-field').hidden = !!u;
  $('#user-web-password-hint').textContent = u ? EDIT_HINT : NEW_HINT;
  if (u) {
    $('#user-extension').value = u.extension;
    $('#user-name').value = u.displayName || '';
    $('#user-email').value = u.email || '';
    $('#user-name').focus();
  }
}

async function save(event) {
  event.preventDefault();
  const form = $('#user-form');
  clearFieldErrors(form);
  const body = {
    extension: $('#user-extension').value.trim(),
    displayName: $('#user-name').value.trim() || null,
    email: $('#user-email').value.trim() || null,
    webPassword: $('#user-web-password').value || null,
  };
  const button = $('#user-create');
  button.disabled = true;
  try {
    if (ctx.editing) {
      const u = await api.put(ctx.tenantPath('/users/' + seg(ctx.editing.id)), body);
      edit(null);
      await ctx.reload();
      status(`User ${u.extension} saved` + (body.webPassword ? '; new web password set' : ''), 'ok');
    } else {
      await create(body);
    }
  } catch (e) {
    showError(form, e, FIELDS);
  } finally {
    button.disabled = false;
  }
}

async function create(body) {
  const phone = $('#user-phone').checked;
  const u = await api.post(ctx.tenantPath('/users'), body);
  $('#user-form').reset();
  let credentials = null;
  try {
    if (phone) credentials = await api.post(ctx.tenantPath('/users/' + seg(u.id) + '/devices'), {});
  } finally {
    await ctx.reload();
  }
  status(`User ${u.extension} created` + (credentials ? ' with a phone account' : ''), 'ok');
  if (credentials) showSecret(credentials);
  else $('#user-extension').focus();
}

async function deleteUser(u) {
  const label = u.extension + (u.displayName ? ' (' + u.displayName + ')' : '');
  if (!window.confirm(`Delete user ${label} and all of their devices?`)) return;
  try {
    await api.del(ctx.tenantPath('/users/' + seg(u.id)));
    if (ctx.editing && ctx.editing.id === u.id) edit(null);
    await ctx.reload();
    status(`User ${u.extension} deleted`, 'ok');
  } catch (e) {
    ctx.report(e);
  }
}
