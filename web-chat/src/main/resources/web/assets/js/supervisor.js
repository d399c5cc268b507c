/**
 * The admin dashboard's Contact center view, supervisor side: every queue of the tenant with its live figures and
 * service level, the callers waiting (their waits counted on each second) and the agents with their states, from
 * GET /tenants/{t}/acd/board; read again when an acd.queue frame arrives, acd.agent frames applied at once. A
 * supervisor logs an agent out, pauses them or makes them available, and moves a waiting caller to another queue.
 * Caller text is shown as text only.
 */
import * as api from './api.js';
import {seg} from './api.js';
import {$, el, emptyRow, fill, formatDuration, humanize, row, status} from './dom.js';

const sup = {
  tenantPath: null,
  tenantId: () => null,
  report: null,
  board: null,
  skewMs: 0,          // this browser's clock minus the appliance's
  reading: false,
  readAgain: false,
  ticker: null,
  moveTo: new Map(),  // entryId -> the queue chosen in its row, kept across re-renders
};

export function initSupervisor({tenantPath, tenantId, report}) {
  sup.tenantPath = tenantPath;
  sup.tenantId = tenantId;
  sup.report = report;
}

/** The view is shown (or the tenant changed): read the board, count the waits on. */
export async function showSupervisor() {
  sup.board = null;
  await reload();
  if (!sup.ticker) sup.ticker = setInterval(tick, 1000);
}

export function hideSupervisor() {
  if (sup.ticker) clearInterval(sup.ticker);
  sup.ticker = null;
}

/** acd.* frames of the event stream. */
export function supervisorFrame(frame) {
  if (!sup.board || $('#view-acd').hidden || frame.tenantId !== sup.tenantId()) return;
  if (frame.type === 'acd.agent' && frame.agent) {
    const i = sup.board.agents.findIndex((a) => a.userId === frame.agent.userId);
    if (i >= 0) sup.board.agents[i] = frame.agent;
    else sup.board.agents.push(frame.agent);
    renderAgents();
  } else if (frame.type === 'acd.queue') {
    reload().catch(() => {}); // who waits comes with the board
  }
}

async function reload() {
  if (sup.reading) {
    sup.readAgain = true;
    return;
  }
  sup.reading = true;
  try {
    const board = await api.get(sup.tenantPath('/acd/board'));
    sup.skewMs = Date.now() - new Date(board.at).getTime();
    sup.board = board;
    render();
  } finally {
    sup.reading = false;
  }
  if (sup.readAgain) {
    sup.readAgain = false;
    await reload();
  }
}

function waitedSeconds(iso) {
  return Math.max(0, Math.floor((Date.now() - sup.skewMs - new Date(iso).getTime()) / 1000));
}

function render() {
  renderQueues();
  renderWaiting();
  renderAgents();
}

function renderQueues() {
  const table = $('#acd-queues-table');
  const queues = sup.board.queues;
  if (!queues.length) {
    fill(table.tBodies[0], emptyRow(table, 'No queues yet.'));
    return;
  }
  fill(table.tBodies[0], queues.map((q) => {
    const s = q.stats;
    const level = Math.round(s.serviceLevelPercent);
    const head = q.waiting.length ? q.waiting[0].joinedAt : null;
    return row({dataset: {queueId: s.queueId}}, [
      el('span', {class: 'queue-name'}, s.name), s.number,
      el('td', {class: 'num queue-waiting'}, s.waiting),
      el('td', {class: 'num queue-longest', dataset: {since: head || ''}}, head ? formatDuration(waitedSeconds(head)) : ''),
      el('td', {class: 'queue-level'},
        el('meter', {min: 0, max: 100, low: 80, optimum: 100, value: level, 'aria-label': 'Service level'}),
        ' ' + level + ' % in ' + q.serviceLevelSeconds + ' s'),
      el('td', {class: 'num'}, s.answered), el('td', {class: 'num'}, s.abandoned),
      Object.entries(s.agents).filter(([k, n]) => n > 0 && k !== 'LOGGED_OUT')
        .map(([k, n]) => n + ' ' + humanize(k).toLowerCase()).join(' · ') || 'nobody logged in',
    ], true);
  }));
}

function renderWaiting() {
  const table = $('#acd-waiting-table');
  const callers = sup.board.queues.flatMap((q) => q.waiting.map((w) => ({queue: q.stats.name,
    queueId: q.stats.queueId, ...w})));
  if (!callers.length) {
    fill(table.tBodies[0], emptyRow(table, 'Nobody waits.'));
    return;
  }
  fill(table.tBodies[0], callers.map((w) => row({dataset: {entryId: w.entryId}}, [
    w.queue, el('td', {class: 'num'}, w.position),
    el('span', {class: 'waiting-caller'}, (w.callerName ? w.callerName + ' (' + w.caller + ')' : w.caller)
      + (w.callback ? ' (callback)' : '')),
    el('td', {class: 'num waiting-time', dataset: {since: w.joinedAt}}, formatDuration(waitedSeconds(w.joinedAt))),
    moveCell(w),
  ])));
}

/** A choice of the tenant's other queues and a Move button for a waiting caller. */
function moveCell(w) {
  const others = sup.board.queues.filter((q) => q.stats.queueId !== w.queueId);
  if (!others.length) return el('td', {class: 'row-actions'}, '');
  const chosen = sup.moveTo.get(w.entryId);
  const select = el('select', {class: 'waiting-move-to',
    on: {change: (e) => sup.moveTo.set(w.entryId, Number(e.target.value))}},
  others.map((q) => el('option', {value: q.stats.queueId, selected: q.stats.queueId === chosen},
    q.stats.name + ' (' + q.stats.number + ')')));
  const label = el('label', {}, el('span', {class: 'visually-hidden'}, 'Queue to move caller ' + w.caller + ' to'),
    select);
  return el('td', {class: 'row-actions'}, label, ' ', el('button', {type: 'button', class: 'small waiting-move',
    'aria-label': 'Move caller ' + w.caller, on: {click: () => move(w, Number(select.value))}}, 'Move'));
}

async function move(w, toQueueId) {
  try {
    const moved = await api.post(sup.tenantPath('/queues/' + seg(w.queueId) + '/waiting/' + seg(w.entryId) + '/move'),
      {toQueueId});
    sup.moveTo.delete(w.entryId);
    const to = sup.board.queues.find((q) => q.stats.queueId === moved.queueId);
    status('Caller ' + w.caller + ' moved to ' + (to ? to.stats.name : 'queue ' + moved.queueId)
      + ', position ' + moved.position + '.', 'ok');
    await reload();
  } catch (e) {
    sup.report(e);
  }
}

function renderAgents() {
  const table = $('#acd-agents-table');
  const agents = [...sup.board.agents].sort((a, b) => a.extension.localeCompare(b.extension));
  if (!agents.length) {
    fill(table.tBodies[0], emptyRow(table, 'No agent has logged in yet.'));
    return;
  }
  fill(table.tBodies[0], agents.map((a) => row({dataset: {extension: a.extension, status: a.status}}, [
    a.extension,
    el('span', {class: 'agent-status'}, humanize(a.status)),
    el('span', {class: 'agent-reason'}, a.status === 'PAUSED' ? a.pauseReason || '' : ''),
    el('td', {class: 'num agent-since', dataset: {since: a.since}}, formatDuration(waitedSeconds(a.since))),
    el('td', {class: 'num'}, a.callsAnswered),
    el('td', {class: 'num'}, a.chatCapacity ? a.chats + '/' + a.chatCapacity : ''),
    el('td', {class: 'row-actions'},
      a.status === 'LOGGED_OUT' ? null : el('button', {type: 'button', class: 'danger small agent-log-out',
        'aria-label': 'Log agent ' + a.extension + ' out', on: {click: () => change(a, 'LOGGED_OUT')}}, 'Log out'), ' ',
      a.status === 'LOGGED_OUT' || a.status === 'PAUSED' ? null : el('button', {type: 'button',
        class: 'small agent-pause', 'aria-label': 'Pause agent ' + a.extension,
        on: {click: () => change(a, 'PAUSED', 'supervisor')}}, 'Pause'), ' ',
      a.status === 'AVAILABLE' ? null : el('button', {type: 'button', class: 'small agent-available',
        'aria-label': 'Make agent ' + a.extension + ' available', on: {click: () => change(a, 'AVAILABLE')}},
      'Available')),
  ], true)));
}

async function change(agent, to, reason) {
  try {
    const after = await api.put(sup.tenantPath('/agents/' + seg(agent.userId)), reason ? {status: to, reason} : {status: to});
    supervisorFrame({type: 'acd.agent', tenantId: sup.tenantId(), agent: after});
    status('Agent ' + agent.extension + ': ' + humanize(after.status).toLowerCase() + '.', 'ok');
  } catch (e) {
    sup.report(e);
  }
}

/** Every second: the waits and the times in status count on, without reading anything. */
function tick() {
  if ($('#view-acd').hidden) return;
  for (const cell of document.querySelectorAll('#view-acd td[data-since]')) {
    if (cell.dataset.since) cell.textContent = formatDuration(waitedSeconds(cell.dataset.since));
  }
}
