/**
 * The admin dashboard: tenants, users, devices, conference rooms, live calls and registrations, call records, DIDs;
 * billing (account, ledger, statements, rate plans); and the node's carrier edge: carriers, rate decks, routes, trunks.
 * ADMIN works on its own tenant, SUPERADMIN on any (and creates tenants, manages carriers), OPERATOR watches Live
 * (and, without a tenant, routes and trunks too).
 */
import * as api from './api.js';
import {ApiError, query, seg} from './api.js';
import {EventStream} from './events.js';
import * as menus from './menus.js';
import {hideConferences, initConferences, showConferences} from './conferences.js';
import {hideSupervisor, initSupervisor, showSupervisor, supervisorFrame} from './supervisor.js';
import {initQueues, showQueues} from './queues.js';
import {hideSecret, initPhoneSetup, showSecret} from './phone-setup.js';
import {hideCarriers, initCarriers, showCarriers} from './carriers.js';
import {deckImportFrame, hideRateDecks, initRateDecks, showRateDecks} from './rate-decks.js';
import {initRoutes, showRoutes} from './routes.js';
import {initDids, showDids} from './dids.js';
import {hideTrunks, initTrunks, showTrunks} from './trunks.js';
import {initBilling, showBilling} from './billing.js';
import {initRatePlans, showRatePlans} from './rate-plans.js';
import {edit as editUser, initUsers, renderUsers} from './users.js';
import {
  $, clearFieldErrors, describeError, el, emptyRow, fill, formatDuration, humanize, row, setUpViews, showError, status, text,
  time,
} from './dom.js';

const CDR_PAGE = 25;
const TENANT_KEY = 'crosspoint.admin.tenant';

const state = {
  session: null,
  tenants: [],
  tenantId: null,
  view: null,
  users: [],
  devices: [],
  registrations: new Map(),   // aor + contact -> Registration (every tenant the login sees)
  calls: new Map(),           // callId -> Call
  cdrOffset: 0,
};

const role = () => state.session.role;
const isOperator = () => role() === 'OPERATOR';
const isSuperadmin = () => role() === 'SUPERADMIN';
/** Sees every tenant: routes/explain and trunks are for such logins (operators too). */
const isGlobal = () => state.session.tenantId === null || state.session.tenantId === undefined;
const tenantPath = (rest = '') => '/api/v1/tenants/' + seg(state.tenantId) + rest;
const regKey = (r) => (r.aor || '') + ' ' + (r.contact || '');

function report(e) {
  status(e instanceof ApiError ? describeError(e) : 'Error: ' + e.message, 'error');
}

function party(extension, name) {
  if (!extension) return '';
  return name ? el('span', {}, el('span', {class: 'party-name'}, name), ' ', el('span', {class: 'muted'}, extension))
    : extension;
}

function userName(extension) {
  const u = state.users.find((x) => x.extension === extension);
  return u ? u.displayName : null;
}

/* ---------------- tenants ---------------- */

async function loadTenants() {
  state.tenants = await api.get('/api/v1/tenants');
  const select = $('#tenant-select');
  fill(select, state.tenants.map((t) => el('option', {value: String(t.id)}, t.name + ' — ' + t.domain)));
  const remembered = Number(sessionStorage.getItem(TENANT_KEY));
  const wanted = [state.tenantId, remembered, state.session.tenantId].find((id) =>
    id && state.tenants.some((t) => t.id === id));
  state.tenantId = wanted || (state.tenants[0] && state.tenants[0].id) || null;
  select.value = state.tenantId ? String(state.tenantId) : '';
  select.disabled = state.tenants.length <= 1;
  renderTenants();
}

function renderTenants() {
  const table = $('#tenants-table');
  fill(table.tBodies[0], state.tenants.length
    ? state.tenants.map((t) => row({dataset: {tenantId: t.id}}, [t.name, t.domain, el('td', {class: 'num'}, t.id)], true))
    : emptyRow(table, 'No tenants yet.'));
}

async function createTenant(event) {
  event.preventDefault();
  const form = $('#tenant-form');
  clearFieldErrors(form);
  try {
    const t = await api.post('/api/v1/tenants', {name: $('#tenant-name').value.trim(), domain: $('#tenant-domain').value.trim()});
    form.reset();
    state.tenantId = t.id;
    sessionStorage.setItem(TENANT_KEY, String(t.id));
    await loadTenants();
    status(`Tenant ${t.name} created`, 'ok');
  } catch (e) {
    showError(form, e, {name: 'tenant-name', domain: 'tenant-domain'});
  }
}

/* ---------------- users ---------------- */

async function loadUsers() {
  if (!state.tenantId) return;
  const [users, devices] = await Promise.all([api.get(tenantPath('/users')), api.get(tenantPath('/devices'))]);
  state.users = users;
  state.devices = devices;
  renderUsers();
  renderDeviceUserSelect();
  renderDevices();
}

function forwarding(s) {
  if (!s) return '';
  const parts = [];
  if (s.doNotDisturb) parts.push(s.doNotDisturbToVoicemail ? 'Do not disturb (voicemail)' : 'Do not disturb (busy)');
  if (s.forwardAlways) parts.push('Always → ' + s.forwardAlways);
  if (s.forwardBusy) parts.push('Busy → ' + s.forwardBusy);
  if (s.forwardNoAnswer) parts.push(`No answer (${s.noAnswerSeconds} s) → ` + s.forwardNoAnswer);
  return parts.length ? parts.join(', ') : '—';
}

/* ---------------- devices ---------------- */

function renderDeviceUserSelect() {
  const select = $('#device-user');
  const keep = select.value;
  fill(select, state.users.map((u) => el('option', {value: u.extension},
    u.extension + (u.displayName ? ' · ' + u.displayName : ''))));
  if (state.users.some((u) => u.extension === keep)) select.value = keep;
  $('#device-create').disabled = state.users.length === 0;
}

function registeredDevice(deviceId) {
  for (const r of state.registrations.values()) {
    if (r.deviceId === deviceId) return true;
  }
  return false;
}

function renderDevices() {
  const table = $('#devices-table');
  if (!state.devices.length) {
    fill(table.tBodies[0], emptyRow(table, 'No devices yet.'));
    return;
  }
  fill(table.tBodies[0], state.devices.map((d) => {
    const registered = registeredDevice(d.id);
    return row({dataset: {deviceId: d.id}}, [
      d.sipUsername,
      party(d.extension, userName(d.extension)),
      el('td', {class: 'reg-state'}, el('span', {class: ['pill', registered ? 'ok' : 'neutral']},
        registered ? 'Registered' : 'Not registered')),
      time(d.createdAt),
      el('td', {class: 'row-actions'},
        el('button', {type: 'button', class: 'secondary small reset-password',
          'aria-label': 'New SIP password for ' + d.sipUsername, on: {click: () => resetPassword(d)}}, 'New password'),
        el('button', {type: 'button', class: 'danger small delete',
          'aria-label': 'Delete device ' + d.sipUsername, on: {click: () => deleteDevice(d)}}, 'Delete')),
    ], true);
  }));
}

async function createDevice(event) {
  event.preventDefault();
  const form = $('#device-form');
  clearFieldErrors(form);
  const user = state.users.find((u) => u.extension === $('#device-user').value);
  if (!user) {
    status('Choose a user first', 'error');
    return;
  }
  const body = {sipUsername: $('#device-username').value.trim() || null, password: $('#device-password').value || null};
  const button = $('#device-create');
  button.disabled = true;
  try {
    const created = await api.post(tenantPath('/users/' + seg(user.id) + '/devices'), body);
    $('#device-username').value = '';
    $('#device-password').value = '';
    await loadUsers();
    status(`Device ${created.sipUsername} created for ${user.extension}`, 'ok');
    showSecret(created);
  } catch (e) {
    showError(form, e, {sipUsername: 'device-username', password: 'device-password', userId: 'device-user'});
  } finally {
    button.disabled = false;
  }
}

async function resetPassword(d) {
  if (!window.confirm(`Give ${d.sipUsername} a new SIP password? The phone stops working until it is set up again.`)) return;
  try {
    const credentials = await api.put(tenantPath('/devices/' + seg(d.id) + '/password'), {password: null});
    status(`New password for ${d.sipUsername}`, 'ok');
    showSecret(credentials);
  } catch (e) {
    report(e);
  }
}

async function deleteDevice(d) {
  if (!window.confirm(`Delete device ${d.sipUsername}?`)) return;
  try {
    await api.del(tenantPath('/devices/' + seg(d.id)));
    await loadUsers();
    status(`Device ${d.sipUsername} deleted`, 'ok');
  } catch (e) {
    report(e);
  }
}

/* ---------------- live ---------------- */

function renderLive() {
  const callsTable = $('#live-calls-table');
  const calls = Array.from(state.calls.values()).filter((c) => c.tenantId === state.tenantId)
    .sort((a, b) => String(a.startedAt).localeCompare(String(b.startedAt)));
  fill(callsTable.tBodies[0], calls.length ? calls.map((c) => row({dataset: {callId: c.callId}}, [
    party(c.caller, c.callerName),
    party(c.callee, userName(c.callee)),
    c.connectedTo ? party(c.connectedTo, userName(c.connectedTo)) : '—',
    el('span', {class: ['pill', c.state === 'ANSWERED' ? 'ok' : 'neutral'], dataset: {state: c.state}}, humanize(c.state)),
    time(c.startedAt, true),
    c.codec || '',
    mosCell(c),
    mediaCell(c.media),
    el('td', {class: 'row-actions'}, el('button', {type: 'button', class: 'danger small hangup',
      'aria-label': `Hang up the call from ${c.caller} to ${c.callee}`, on: {click: () => hangUp(c)}}, 'Hang up')),
  ])) : emptyRow(callsTable, 'No calls right now.'));

  const regTable = $('#live-registrations-table');
  const regs = Array.from(state.registrations.values()).filter((r) => r.tenantId === state.tenantId)
    .sort((a, b) => String(a.extension).localeCompare(String(b.extension)) || regKey(a).localeCompare(regKey(b)));
  fill(regTable.tBodies[0], regs.length ? regs.map((r) => row({dataset: {deviceId: r.deviceId, extension: r.extension}}, [
    party(r.extension, userName(r.extension)),
    r.sipUsername || '',
    r.source || '',
    r.transport || '',
    el('td', {class: 'wrap'}, r.userAgent || ''),
    natCell(r.nat),
    time(r.expiresAt, true),
  ], true)) : emptyRow(regTable, 'No registered devices.'));
  // The first two figures follow the stream for the selected tenant; "calls today" comes from /status.
  text($('#stat-registered'), new Set(regs.map((r) => r.deviceId)).size);
  text($('#stat-calls'), calls.length);
  if (state.view === 'devices') renderDevices();
}

/**
 * What was found of a device's NAT: the summary ("symmetric NAT (ports change): flow routing, …"); the evidence and
 * the actions open on click (details) and show on hover (title), so a reader knows why calls do or do not arrive.
 */
function natCell(nat) {
  if (!nat) return el('td', {class: 'nat'}, '');
  const lines = nat.evidence.map((e) => e.text);
  const detail = lines.concat(nat.actions.length ? ['Applied: ' + nat.actions.map(humanize).join(', ')] : []);
  if (!detail.length) {
    return el('td', {class: 'nat', dataset: {natKind: nat.kind}}, nat.summary);
  }
  return el('td', {class: ['nat', 'wrap'], dataset: {natKind: nat.kind}, title: detail.join('\n')},
    el('details', {}, el('summary', {}, nat.summary), el('ul', {class: 'nat-evidence'}, detail.map((t) => el('li', {}, t)))));
}

/**
 * How a call's audio travels (the NAT doctor for calls): the route in a few words ("relayed", "direct", "appliance");
 * per phone what its signalling showed and where the relay hears it, on click (details) and hover (title).
 */
function mediaCell(media) {
  if (!media) return el('td', {class: 'media'}, '');
  const label = {RELAYED: 'relayed', DIRECT: 'direct', APPLIANCE: 'appliance'}[media.route] || media.route;
  const lines = media.parties.map((p) => {
    const seen = p.evidence.length ? ` (${p.evidence.join('; ')})` : '';
    const heard = p.heardFrom ? `, heard from ${p.heardFrom}` : '';
    const moves = p.latchCount > 1 ? `, ${p.latchCount - 1} re-latch${p.latchCount > 2 ? 'es' : ''}` : '';
    return `${p.party}: ${p.behindNat ? 'behind NAT' : 'no NAT'}${seen}${heard}${moves}`;
  });
  return el('td', {class: ['media', 'wrap'], dataset: {route: media.route}, title: media.summary},
    el('details', {}, el('summary', {}, label), el('ul', {class: 'media-parties'}, lines.map((t) => el('li', {}, t)))));
}

/**
 * The estimated MOS of a call the appliance answers (voicemail…); "not anchored" for two phones talking directly,
 * whose media the appliance does not carry and so cannot measure; empty before the answer.
 */
function mosCell(c) {
  const q = c.quality;
  if (!q && c.mediaAnchored === false) {
    return el('td', {class: 'mos muted', dataset: {mos: 'not-anchored'},
      title: 'The phones send their audio to each other directly: the appliance does not carry it, so it cannot measure it'},
    'not anchored');
  }
  if (!q) return el('td', {class: 'num mos'}, '');
  const rtt = q.rttMillis == null ? '' : `, round trip ${q.rttMillis} ms`;
  return el('td', {class: 'num mos', dataset: {mos: q.mos},
    title: `Loss ${q.lossPercent} %, jitter ${q.jitterMillis} ms${rtt}`}, q.mos.toFixed(2));
}

async function hangUp(c) {
  if (!window.confirm(`Hang up the call from ${c.caller} to ${c.callee}?`)) return;
  try {
    await api.del('/api/v1/tenants/' + seg(c.tenantId) + '/calls/' + seg(c.callId));
    status('Hanging up…', 'ok');
  } catch (e) {
    report(e);
  }
}

let statsTimer = null;
function refreshStatsSoon() {
  clearTimeout(statsTimer);
  statsTimer = setTimeout(() => refreshStats(), 800);
}

async function refreshStats() {
  try {
    // Scoped to the selected tenant, like the two figures that follow the stream.
    const s = await api.get('/api/v1/status' + (state.tenantId ? '?tenantId=' + encodeURIComponent(state.tenantId) : ''));
    text($('#stat-today'), s.callsToday);
  } catch (e) {
    text($('#stat-today'), '–');
  }
}

/* ---------------- call records ---------------- */

function isoOf(localValue) {
  if (!localValue) return null;
  const d = new Date(localValue);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function cdrFilters() {
  return {
    party: $('#cdr-party').value.trim(),
    disposition: $('#cdr-disposition').value,
    from: isoOf($('#cdr-from').value),
    to: isoOf($('#cdr-to').value),
  };
}

function updateExportLink() {
  if (!state.tenantId) return;
  $('#cdr-export').setAttribute('href', tenantPath('/cdrs/export') + query(cdrFilters()));
}

async function loadCdrs(offset = state.cdrOffset) {
  if (!state.tenantId) return;
  clearFieldErrors($('#cdr-form'));
  updateExportLink();
  let page;
  try {
    page = await api.get(tenantPath('/cdrs') + query({...cdrFilters(), offset, limit: CDR_PAGE}));
  } catch (e) {
    showError($('#cdr-form'), e, {party: 'cdr-party', disposition: 'cdr-disposition', from: 'cdr-from', to: 'cdr-to'});
    return;
  }
  state.cdrOffset = page.offset;
  const table = $('#cdr-table');
  fill(table.tBodies[0], page.items.length ? page.items.map((c) => row({dataset: {cdrId: c.id}}, [
    time(c.startedAt),
    party(c.caller, userName(c.caller)),
    party(c.callee, userName(c.callee)),
    el('span', {class: ['pill', c.disposition === 'ANSWERED' ? 'ok' : 'neutral']}, humanize(c.disposition)),
    humanize(c.hungUpBy),
    el('td', {class: 'num'}, c.sipCause || ''),
    el('td', {class: 'num'}, c.answeredAt ? formatDuration(c.durationSeconds) : '–'),
  ])) : emptyRow(table, 'No call records match.'));
  const last = Math.min(page.offset + page.items.length, page.total);
  text($('#cdr-page'), page.total ? `${page.offset + 1}–${last} of ${page.total}` : '');
  $('#cdr-prev').disabled = page.offset === 0;
  $('#cdr-next').disabled = last >= page.total;
}

/* ---------------- wiring ---------------- */

async function onShow(view) {
  const previous = state.view;
  state.view = view;
  if (previous && previous !== view) status('');
  if (previous && previous !== view) hideSecret(); // shown once, never again
  if (view === 'users') editUser(null);
  try {
    if (view === 'live') {
      renderLive();
      refreshStats();
      if (!isOperator()) loadUsers().then(renderLive).catch(() => {});
    }
    if (view === 'users' || view === 'devices') await loadUsers();
    if (view === 'menus') await menus.load();
    if (view === 'cdrs') await loadCdrs(0);
    if (view === 'tenants') await loadTenants();
    if (view === 'dids') await showDids();
    if (view === 'routes') showRoutes();
    if (view === 'billing') await showBilling();
    if (view === 'plans') await showRatePlans();
    if (view === 'conferences') await showConferences();
    else hideConferences();
    if (view === 'acd') await showContactCenter();
    else hideSupervisor();
    if (view === 'carriers') await showCarriers();
    else hideCarriers();
    if (view === 'rate-decks') await showRateDecks();
    else hideRateDecks();
    if (view === 'trunks') await showTrunks();
    else hideTrunks();
  } catch (e) {
    report(e);
  }
}

/** Supervisors (operators too) watch the board; only admins configure the queues. */
async function showContactCenter() {
  $('#queue-admin').hidden = isOperator();
  await showSupervisor();
  if (!isOperator()) await showQueues();
}

async function main() {
  state.session = await api.requireSession(['ADMIN', 'SUPERADMIN', 'OPERATOR'], '/?kind=admin');
  const s = state.session;
  fill($('#whoami'), el('span', {class: 'whoami-name'}, s.username), ' · ', humanize(s.role));
  $('#logout').addEventListener('click', () => api.logout());

  if (!isOperator()) {
    for (const id of ['#nav-users', '#nav-devices', '#nav-menus', '#nav-conferences', '#nav-cdrs', '#nav-dids', '#nav-billing',
      '#nav-plans', '#nav-tenants']) {
      $(id).hidden = false;
    }
  }
  // carriers and their decks are the node's (SUPERADMIN); routes and trunks any login that sees every tenant
  for (const id of ['#nav-carriers', '#nav-rate-decks']) $(id).hidden = !isSuperadmin();
  for (const id of ['#nav-routes', '#nav-trunks']) $(id).hidden = !(isSuperadmin() || isOperator() && isGlobal());
  $('#tenant-form').hidden = !isSuperadmin();
  $('#tenant-form').addEventListener('submit', createTenant);
  initUsers({state, tenantPath, reload: loadUsers, report, forwarding});
  initConferences({tenantPath, report});
  initSupervisor({tenantPath, tenantId: () => state.tenantId, report});
  initQueues({tenantPath, report});
  initDids({tenantPath, report});
  initCarriers({report});
  initRateDecks({report});
  initRoutes();
  // billing: the provider edits, a tenant's admin reads (and may freeze)
  initBilling({tenantPath, canEdit: isSuperadmin, report});
  initRatePlans({tenantPath, canEdit: isSuperadmin, report});
  initTrunks({report});
  $('#device-form').addEventListener('submit', createDevice);
  menus.setUp(tenantPath, report);
  initPhoneSetup(() => (state.view === 'users' ? $('#user-extension') : $('#device-create')).focus());
  $('#cdr-form').addEventListener('submit', (e) => {
    e.preventDefault();
    loadCdrs(0);
  });
  $('#cdr-form').addEventListener('input', updateExportLink);
  $('#cdr-prev').addEventListener('click', () => loadCdrs(Math.max(0, state.cdrOffset - CDR_PAGE)));
  $('#cdr-next').addEventListener('click', () => loadCdrs(state.cdrOffset + CDR_PAGE));
  $('#tenant-select').addEventListener('change', () => {
    state.tenantId = Number($('#tenant-select').value);
    sessionStorage.setItem(TENANT_KEY, String(state.tenantId));
    hideSecret();
    state.users = [];
    state.devices = [];
    menus.tenantChanged();
    onShow(state.view);
  });

  try {
    await loadTenants();
  } catch (e) {
    report(e);
  }

  $('#nav-acd').hidden = false;
  const buttons = ['#nav-live', '#nav-users', '#nav-devices', '#nav-menus', '#nav-conferences', '#nav-acd', '#nav-cdrs', '#nav-dids',
    '#nav-billing', '#nav-plans', '#nav-carriers', '#nav-rate-decks', '#nav-routes', '#nav-trunks', '#nav-tenants'].map((id) => $(id));
  const show = setUpViews(buttons, 'live', (view) => onShow(view));
  show(location.hash.slice(1));

  new EventStream({
    indicator: $('#connection'),
    onSnapshot: (snapshot) => {
      state.registrations = new Map((snapshot.registrations || []).map((r) => [regKey(r), r]));
      state.calls = new Map((snapshot.calls || []).map((c) => [c.callId, c]));
      renderLive();
      refreshStatsSoon();
    },
    onFrame: (frame) => {
      if (frame.type.startsWith('registration.') && frame.registration) {
        if (frame.type === 'registration.removed' || frame.type === 'registration.expired') {
          state.registrations.delete(regKey(frame.registration));
        } else {
          state.registrations.set(regKey(frame.registration), frame.registration);
        }
      } else if (frame.type.startsWith('acd.')) {
        supervisorFrame(frame);
        return;
      } else if (frame.type === 'rate-deck.import') {
        deckImportFrame(frame);
        return;
      } else if (frame.type.startsWith('call.') && frame.call) {
        const known = state.calls.has(frame.call.callId);
        if (frame.type === 'call.ended' || frame.call.state === 'ENDED') state.calls.delete(frame.call.callId);
        else state.calls.set(frame.call.callId, frame.call);
        if (!known || !state.calls.has(frame.call.callId)) refreshStatsSoon();
      } else {
        return; // messages: not shown here
      }
      renderLive();
    },
    onDrop: () => api.currentSession().then((session) => {
      if (!session) location.replace('/?kind=admin');
    }).catch(() => {}),
  }).start();
}

main().catch(report);
