/**
 * The admin dashboard's Carriers view (SUPERADMIN: carriers belong to the node): the call router's carriers with
 * their status, add and edit, take out of service and back (after a confirmation), delete. The password is
 * write-only: the API only says whether one is set, so editing with the field empty keeps it.
 */
import * as api from './api.js';
import {seg} from './api.js';
import {$, clearFieldErrors, el, emptyRow, fill, humanize, row, showError, status} from './dom.js';

const BASE = '/api/v1/carriers';
const REFRESH_MS = 3000;
const FIELDS = {name: 'carrier-name', host: 'carrier-host', port: 'carrier-port', transport: 'carrier-transport',
  username: 'carrier-username', password: 'carrier-password', techPrefix: 'carrier-tech-prefix',
  maxChannels: 'carrier-max-channels', maxCallsPerSecond: 'carrier-max-cps'};
const STATUS_WORDS = {IN_SERVICE: 'In service', OUT_OF_SERVICE: 'Out of service',
  UNAVAILABLE: 'Unavailable (failing)', TRIAL: 'Trial call'};

const carriers = {
  list: [],
  quality: new Map(),   // carrierId -> CarrierQuality
  editing: null,
  timer: null,
  report: null,
};

/** Wires the view's form once. */
export function initCarriers({report}) {
  carriers.report = report;
  $('#carrier-form').addEventListener('submit', save);
  $('#carrier-cancel').addEventListener('click', () => edit(null));
}

/** The view is shown: load the carriers and follow their status. */
export async function showCarriers() {
  edit(null);
  await load();
  stopRefresh();
  carriers.timer = setInterval(() => refresh().catch(() => {}), REFRESH_MS);
}

export function hideCarriers() {
  stopRefresh();
}

function stopRefresh() {
  if (carriers.timer) clearInterval(carriers.timer);
  carriers.timer = null;
}

async function refresh() {
  if ($('#view-carriers').hidden) {
    stopRefresh();
    return;
  }
  await load();
}

async function load() {
  const [list, quality] = await Promise.all([api.get(BASE), api.get(BASE + '/quality')]);
  carriers.list = list;
  carriers.quality = new Map(quality.map((q) => [q.carrierId, q]));
  render();
}

/** Status as the router sees it now (breaker included); from the carrier itself until the quality is known. */
function statusOf(c) {
  const q = carriers.quality.get(c.id);
  return q ? q.status : (c.inService ? 'IN_SERVICE' : 'OUT_OF_SERVICE');
}

const NONE = '—';

/**
 * The live figures' cells: calls/s, then the quality window's ASR, NER, ACD, PDD, MOS and cost per minute, each
 * "—" until it is known (no attempt in the window, no answered call, no measured media).
 */
function figures(q) {
  const f = q && q.quality;
  const measured = f && f.attempts > 0;
  const percent = (x) => (x * 100).toFixed(1) + ' %';
  const minutes = (s) => Math.floor(s / 60) + ':' + String(Math.round(s % 60)).padStart(2, '0');
  const cells = {
    'carrier-cps': q ? q.callsPerSecond.toFixed(1) : NONE,
    'carrier-asr': measured ? percent(f.asr) : NONE,
    'carrier-ner': measured ? percent(f.ner) : NONE,
    'carrier-acd': measured && f.answered > 0 ? minutes(f.acdSeconds) : NONE,
    'carrier-pdd': measured ? (f.pddMillis / 1000).toFixed(2) + ' s' : NONE,
    'carrier-mos': f && f.mos != null ? f.mos.toFixed(2) : NONE,
    'carrier-cost': q && q.costPerMinute != null ? Number(q.costPerMinute).toFixed(4) : NONE,
  };
  return Object.entries(cells).map(([cls, text]) => el('td', {class: ['num', cls]}, text));
}

function limits(c) {
  const channels = c.maxChannels ? c.maxChannels + ' channels' : 'any channels';
  const cps = c.maxCallsPerSecond ? c.maxCallsPerSecond + ' calls/s' : 'any calls/s';
  return channels + ', ' + cps;
}

function render() {
  const table = $('#carriers-table');
  if (!carriers.list.length) {
    fill(table.tBodies[0], emptyRow(table, 'No carriers yet.'));
    return;
  }
  fill(table.tBodies[0], carriers.list.map((c) => {
    const s = statusOf(c);
    const q = carriers.quality.get(c.id);
    return row({dataset: {carrierId: c.id, name: c.name}}, [
      el('span', {class: 'carrier-name'}, c.name),
      el('td', {class: 'carrier-status'}, el('span', {class: ['pill', s === 'IN_SERVICE' ? 'ok' : 'neutral'],
        dataset: {status: s}}, STATUS_WORDS[s] || humanize(s))),
      el('td', {class: 'carrier-address'}, c.address + ' ' + c.transport),
      c.username ? el('span', {}, c.username, ' ', el('span', {class: 'muted carrier-password-state'},
        c.passwordSet ? '(password set)' : '(no password)')) : el('span', {class: 'muted'}, 'none'),
      c.techPrefix || '—',
      limits(c),
      el('td', {class: 'num carrier-live'}, q ? q.liveCalls : ''),
      ...figures(q),
      el('td', {class: 'row-actions'},
        el('button', {type: 'button', class: 'secondary small edit', 'aria-label': 'Edit carrier ' + c.name,
          on: {click: () => edit(c)}}, 'Edit'),
        el('button', {type: 'button', class: ['small', 'service', c.inService ? 'danger' : 'secondary'],
          'aria-label': (c.inService ? 'Take out of service: ' : 'Put back in service: ') + c.name,
          on: {click: () => setInService(c, !c.inService)}}, c.inService ? 'Take out of service' : 'Put back in service'),
        el('button', {type: 'button', class: 'danger small delete', 'aria-label': 'Delete carrier ' + c.name,
          on: {click: () => remove(c)}}, 'Delete')),
    ], true);
  }));
}

/** Fills the form with a carrier to edit, or empties it for a new one (null). */
function edit(c) {
  carriers.editing = c;
  const form = $('#carrier-form');
  clearFieldErrors(form);
  form.reset();
  $('#carrier-form-title').textContent = c ? 'Edit carrier ' + c.name : 'New carrier';
  $('#carrier-save').textContent = c ? 'Save carrier' : 'Add carrier';
  $('#carrier-cancel').hidden = !c;
  $('#carrier-password-hint').textContent = c && c.passwordSet
    ? 'A password is set; leave empty to keep it (a new username needs one).'
    : 'Needed with a username; never shown again.';
  if (c) {
    $('#carrier-name').value = c.name;
    $('#carrier-host').value = c.host;
    $('#carrier-port').value = String(c.port);
    $('#carrier-transport').value = c.transport;
    $('#carrier-username').value = c.username || '';
    $('#carrier-tech-prefix').value = c.techPrefix || '';
    $('#carrier-max-channels').value = String(c.maxChannels);
    $('#carrier-max-cps').value = String(c.maxCallsPerSecond);
    $('#carrier-name').focus();
  }
}

/** A number typed in a field, as a number when it is one (the API names the field of anything else). */
function integer(id) {
  const v = $(id).value.trim();
  if (v === '') return null;
  return /^\d+$/.test(v) ? Number(v) : v;
}

async function save(event) {
  event.preventDefault();
  const form = $('#carrier-form');
  clearFieldErrors(form);
  const body = {
    name: $('#carrier-name').value.trim(),
    host: $('#carrier-host').value.trim(),
    port: integer('#carrier-port'),
    transport: $('#carrier-transport').value,
    username: $('#carrier-username').value.trim() || null,
    password: $('#carrier-password').value || null,   // null: none on create, unchanged on edit
    techPrefix: $('#carrier-tech-prefix').value.trim() || null,
    maxChannels: integer('#carrier-max-channels'),
    maxCallsPerSecond: integer('#carrier-max-cps'),
  };
  const editing = carriers.editing;
  if (editing) body.inService = editing.inService; // a replace must not put a carrier back by the way
  const button = $('#carrier-save');
  button.disabled = true;
  try {
    const c = editing ? await api.put(BASE + '/' + seg(editing.id), body) : await api.post(BASE, body);
    status(`Carrier ${c.name} ${editing ? 'saved' : 'added'}`, 'ok');
    edit(null);
    await load();
  } catch (e) {
    showError(form, e, FIELDS);
  } finally {
    button.disabled = false;
  }
}

async function setInService(c, inService) {
  const question = inService
    ? `Put ${c.name} back in service? The router offers it calls again from the next call on.`
    : `Take ${c.name} out of service? The router offers it no new call from now on; calls in progress go on.`;
  if (!window.confirm(question)) return;
  try {
    const changed = await api.request('PATCH', BASE + '/' + seg(c.id), {inService});
    status(`${changed.name} is ${changed.inService ? 'back in service' : 'out of service'}`, 'ok');
    await load();
  } catch (e) {
    carriers.report(e);
  }
}

async function remove(c) {
  if (!window.confirm(`Delete carrier ${c.name} and its rate deck?`)) return;
  try {
    await api.del(BASE + '/' + seg(c.id));
    if (carriers.editing && carriers.editing.id === c.id) edit(null);
    status(`Carrier ${c.name} deleted`, 'ok');
    await load();
  } catch (e) {
    carriers.report(e);
  }
}
