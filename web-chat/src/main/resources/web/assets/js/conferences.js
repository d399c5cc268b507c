/**
 * The admin dashboard's Conferences view: the tenant's conference rooms (create, edit, delete) and who is in
 * the selected room now, with mute and remove. The PIN is never shown (the API only says whether one is set):
 * editing a room with the PIN field empty keeps its PIN; "Remove PIN" clears it.
 */
import * as api from './api.js';
import {seg} from './api.js';
import {$, clearFieldErrors, el, emptyRow, fill, row, showError, status, time} from './dom.js';

const REFRESH_MS = 3000;
const FIELDS = {number: 'conference-number', name: 'conference-name', pin: 'conference-pin',
  maxParticipants: 'conference-max'};

const conf = {
  tenantPath: null,   // (rest) -> '/api/v1/tenants/{id}' + rest
  report: null,
  rooms: [],
  editing: null,      // the room being edited, or null for a new one
  selected: null,     // id of the room whose participants are shown
  timer: null,
};

const roomsPath = (rest = '') => conf.tenantPath('/conferences' + rest);

/** Wires the view's form and buttons once. */
export function initConferences({tenantPath, report}) {
  conf.tenantPath = tenantPath;
  conf.report = report;
  $('#conference-form').addEventListener('submit', save);
  $('#conference-cancel').addEventListener('click', () => edit(null));
  $('#conference-remove-pin').addEventListener('click', removePin);
  $('#participants-refresh').addEventListener('click', () => loadParticipants().catch(conf.report));
}

/** The view is shown (or the tenant changed): load the rooms, follow the selected room's participants. */
export async function showConferences() {
  edit(null);
  conf.selected = null;
  renderParticipants(null, []);
  await loadRooms();
  stopRefresh();
  conf.timer = setInterval(() => refresh().catch(() => {}), REFRESH_MS);
}

/** The view is hidden: no more polling. */
export function hideConferences() {
  stopRefresh();
}

function stopRefresh() {
  if (conf.timer) clearInterval(conf.timer);
  conf.timer = null;
}

async function refresh() {
  if ($('#view-conferences').hidden) {
    stopRefresh();
    return;
  }
  await loadRooms();
  if (conf.selected) await loadParticipants();
}

async function loadRooms() {
  conf.rooms = await api.get(roomsPath());
  renderRooms();
}

function renderRooms() {
  const table = $('#conferences-table');
  if (!conf.rooms.length) {
    fill(table.tBodies[0], emptyRow(table, 'No conference rooms yet.'));
    return;
  }
  fill(table.tBodies[0], conf.rooms.map((r) => row({dataset: {number: r.number, conferenceId: r.id}}, [
    r.number,
    el('span', {class: 'conference-name'}, r.name || ''),
    r.pinRequired ? 'PIN' : 'Open',
    el('td', {class: 'num'}, r.maxParticipants),
    el('td', {class: 'num conference-count'}, r.participants),
    el('td', {class: 'row-actions'},
      el('button', {type: 'button', class: 'small participants', 'aria-label': 'Participants of room ' + r.number,
        on: {click: () => select(r)}}, 'Participants'), ' ',
      el('button', {type: 'button', class: 'small edit', 'aria-label': 'Edit room ' + r.number,
        on: {click: () => edit(r)}}, 'Edit'), ' ',
      el('button', {type: 'button', class: 'danger small delete', 'aria-label': 'Delete room ' + r.number,
        on: {click: () => remove(r)}}, 'Delete')),
  ], true)));
}

/** Fills the form with a room to edit, or empties it for a new one (null). */
function edit(r) {
  conf.editing = r;
  const form = $('#conference-form');
  clearFieldErrors(form);
  form.reset();
  $('#conference-form-title').textContent = r ? 'Edit room ' + r.number : 'New conference room';
  $('#conference-save').textContent = r ? 'Save room' : 'Create room';
  $('#conference-cancel').hidden = !r;
  $('#conference-remove-pin').hidden = !(r && r.pinRequired);
  $('#conference-pin-hint').textContent = r && r.pinRequired
    ? 'A PIN is set; leave empty to keep it.' : '4 to 10 digits; empty: anyone may join.';
  if (r) {
    $('#conference-number').value = r.number;
    $('#conference-name').value = r.name || '';
    $('#conference-max').value = String(r.maxParticipants);
    $('#conference-number').focus();
  }
}

async function save(event) {
  event.preventDefault();
  const form = $('#conference-form');
  clearFieldErrors(form);
  const max = $('#conference-max').value.trim();
  const pin = $('#conference-pin').value.trim();
  const body = {
    number: $('#conference-number').value.trim(),
    name: $('#conference-name').value.trim() || null,
    pin: pin || null,             // null: none on create, unchanged on edit
    maxParticipants: max === '' ? null : (/^\d+$/.test(max) ? Number(max) : max),
  };
  const button = $('#conference-save');
  button.disabled = true;
  try {
    const r = conf.editing
      ? await api.put(roomsPath('/' + seg(conf.editing.id)), body)
      : await api.post(roomsPath(), body);
    status(`Conference room ${r.number} ${conf.editing ? 'saved' : 'created'}`, 'ok');
    edit(null);
    await loadRooms();
  } catch (e) {
    showError(form, e, FIELDS);
  } finally {
    button.disabled = false;
  }
}

async function removePin() {
  const r = conf.editing;
  if (!r || !window.confirm(`Remove the PIN of room ${r.number}? Anyone of the tenant may then join.`)) return;
  try {
    await api.put(roomsPath('/' + seg(r.id)), {number: r.number, name: r.name, pin: '',
      maxParticipants: r.maxParticipants});
    status(`Room ${r.number} no longer needs a PIN`, 'ok');
    edit(null);
    await loadRooms();
  } catch (e) {
    conf.report(e);
  }
}

async function remove(r) {
  if (!window.confirm(`Delete conference room ${r.number}? Anyone in it is hung up on.`)) return;
  try {
    await api.del(roomsPath('/' + seg(r.id)));
    if (conf.selected === r.id) {
      conf.selected = null;
      renderParticipants(null, []);
    }
    if (conf.editing && conf.editing.id === r.id) edit(null);
    await loadRooms();
    status(`Conference room ${r.number} deleted`, 'ok');
  } catch (e) {
    conf.report(e);
  }
}

/* ---------------- participants ---------------- */

async function select(r) {
  conf.selected = r.id;
  try {
    await loadParticipants();
    $('#conference-participants-title').focus({preventScroll: false});
  } catch (e) {
    conf.report(e);
  }
}

async function loadParticipants() {
  const r = conf.rooms.find((x) => x.id === conf.selected);
  if (!r) {
    renderParticipants(null, []);
    return;
  }
  renderParticipants(r, await api.get(roomsPath('/' + seg(r.id) + '/participants')));
}

function renderParticipants(r, participants) {
  const panel = $('#conference-participants');
  panel.hidden = !r;
  if (!r) return;
  $('#conference-participants-title').textContent = 'In room ' + r.number + (r.name ? ' (' + r.name + ')' : '');
  const table = $('#participants-table');
  if (!participants.length) {
    fill(table.tBodies[0], emptyRow(table, 'Nobody is in this room.'));
    return;
  }
  fill(table.tBodies[0], participants.map((p) => row({dataset: {participantId: p.id}}, [
    p.caller,
    time(p.joinedAt),
    p.muted ? 'Muted' : 'Speaking',
    el('td', {class: 'row-actions'},
      el('button', {type: 'button', class: 'small mute', 'aria-pressed': String(p.muted),
        'aria-label': (p.muted ? 'Unmute ' : 'Mute ') + p.caller,
        on: {click: () => mute(r, p, !p.muted)}}, p.muted ? 'Unmute' : 'Mute'), ' ',
      el('button', {type: 'button', class: 'danger small kick', 'aria-label': 'Remove ' + p.caller,
        on: {click: () => kick(r, p)}}, 'Remove')),
  ], true)));
}

async function mute(r, p, muted) {
  try {
    await api.post(roomsPath('/' + seg(r.id) + '/participants/' + seg(p.id) + '/mute'), {muted});
    status(`${p.caller} ${muted ? 'muted' : 'unmuted'}`, 'ok');
    await loadParticipants();
  } catch (e) {
    conf.report(e);
  }
}

async function kick(r, p) {
  if (!window.confirm(`Remove ${p.caller} from room ${r.number}?`)) return;
  try {
    await api.del(roomsPath('/' + seg(r.id) + '/participants/' + seg(p.id)));
    status(`${p.caller} removed`, 'ok');
    await loadParticipants();
    await loadRooms();
  } catch (e) {
    conf.report(e);
  }
}
