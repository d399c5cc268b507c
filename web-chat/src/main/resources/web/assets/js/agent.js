/**
 * The user dashboard's Agent view, for users who serve queues: their state (log in, pause with a reason, resume,
 * log out), and their queues with the callers waiting in them. acd.agent frames (the stream sends an agent only
 * their own) update the state at once; the queues are read every two seconds while the view is shown (the stream
 * does not send queue figures to agents), with the messages visitors left in the agent's chat queues. Caller and
 * visitor text is shown as text only.
 */
import * as api from './api.js';
import {seg} from './api.js';
import {$, el, emptyRow, fill, formatDateTime, formatDuration, humanize, row, status} from './dom.js';

const POLL_MS = 2000;
const ag = {
  report: null,
  agent: null,
  board: null,
  skewMs: 0,
  timer: null,
};

/** Whether the user serves any queue (the view is offered only then). */
export async function initAgent({report}) {
  ag.report = report;
  let mine;
  try {
    mine = await api.get('/api/v1/me/agent');
  } catch (e) {
    if (e.status === 404) return false; // no contact center on this node
    throw e;
  }
  ag.agent = mine.agent;
  $('#agent-login').addEventListener('click', () => change({status: 'AVAILABLE'}));
  $('#agent-resume').addEventListener('click', () => change({status: 'AVAILABLE'}));
  $('#agent-logout').addEventListener('click', () => change({status: 'LOGGED_OUT'}));
  $('#agent-pause-form').addEventListener('submit', (e) => {
    e.preventDefault();
    change({status: 'PAUSED', reason: $('#agent-pause-reason').value.trim() || null});
  });
  renderState();
  return mine.queues.length > 0;
}

export async function showAgent() {
  await poll();
  if (!ag.timer) ag.timer = setInterval(() => poll().catch(() => {}), POLL_MS);
}

export function hideAgent() {
  if (ag.timer) clearInterval(ag.timer);
  ag.timer = null;
}

/** acd.agent frames: the user's own state changed (a feature code, a supervisor, a missed offer). */
export function agentFrame(frame) {
  if (frame.type === 'acd.agent' && frame.agent && ag.agent && frame.agent.userId === ag.agent.userId) {
    ag.agent = frame.agent;
    renderState();
  }
}

async function poll() {
  if ($('#view-agent').hidden) {
    hideAgent();
    return;
  }
  const board = await api.get('/api/v1/me/agent/queues');
  ag.skewMs = Date.now() - new Date(board.at).getTime();
  ag.board = board;
  renderQueues();
  renderLeft((await api.get('/api/v1/me/left-messages')).messages);
}

/** Messages visitors left in the agent's chat queues (their text as text), each with its "Mark handled". */
function renderLeft(messages) {
  const table = $('#agent-left-table');
  if (!messages.length) {
    fill(table.tBodies[0], emptyRow(table, 'No messages left.'));
    return;
  }
  fill(table.tBodies[0], messages.map((m) => row({dataset: {messageId: m.id}, class: m.handledAt ? 'handled' : 'open'}, [
    m.queue,
    el('span', {class: 'left-from'}, m.email ? m.name + ' <' + m.email + '>' : m.name),
    el('span', {class: 'left-text'}, m.text),
    formatDateTime(m.createdAt),
    el('td', {class: 'left-handled'}, m.handledAt ? 'by ' + m.handledBy
      : el('button', {type: 'button', class: 'small left-mark-handled', 'aria-label': 'Mark the message from '
        + m.name + ' handled', on: {click: () => handled(m)}}, 'Mark handled')),
  ])));
}

async function handled(m) {
  try {
    await api.post('/api/v1/me/left-messages/' + seg(m.id) + '/handled', null);
    status('Message from ' + m.name + ' marked handled.', 'ok');
    await poll();
  } catch (e) {
    ag.report(e);
  }
}

async function change(body) {
  try {
    const mine = await api.put('/api/v1/me/agent', body);
    ag.agent = mine.agent;
    renderState();
    status('You are ' + humanize(mine.agent.status).toLowerCase() + '.', 'ok');
  } catch (e) {
    ag.report(e);
  }
}

function seconds(iso) {
  return Math.max(0, Math.floor((Date.now() - ag.skewMs - new Date(iso).getTime()) / 1000));
}

function renderState() {
  const a = ag.agent;
  const s = a.status;
  $('#agent-state').textContent = humanize(s) + (s === 'PAUSED' && a.pauseReason ? ' (' + a.pauseReason + ')' : '');
  $('#agent-state').dataset.status = s;
  $('#agent-login').hidden = s !== 'LOGGED_OUT';
  $('#agent-logout').hidden = s === 'LOGGED_OUT';
  $('#agent-resume').hidden = s !== 'PAUSED';
  $('#agent-pause-form').hidden = s === 'LOGGED_OUT' || s === 'PAUSED';
  $('#agent-calls').textContent = String(a.callsAnswered);
}

function renderQueues() {
  const queues = ag.board.queues;
  const table = $('#agent-queues-table');
  if (!queues.length) fill(table.tBodies[0], emptyRow(table, 'You serve no queue.'));
  else {
    fill(table.tBodies[0], queues.map((q) => row({dataset: {queueId: q.stats.queueId}}, [
      q.stats.name, q.stats.number, el('td', {class: 'num queue-waiting'}, q.stats.waiting),
      el('td', {class: 'num'}, q.waiting.length ? formatDuration(seconds(q.waiting[0].joinedAt)) : ''),
      Math.round(q.stats.serviceLevelPercent) + ' %',
    ], true)));
  }
  const waiting = $('#agent-waiting-table');
  const callers = queues.flatMap((q) => q.waiting.map((w) => ({queue: q.stats.name, ...w})));
  if (!callers.length) fill(waiting.tBodies[0], emptyRow(waiting, 'Nobody waits.'));
  else {
    fill(waiting.tBodies[0], callers.map((w) => row({}, [
      w.queue, el('td', {class: 'num'}, w.position),
      el('span', {class: 'waiting-caller'}, w.callerName ? w.callerName + ' (' + w.caller + ')' : w.caller),
      el('td', {class: 'num'}, formatDuration(seconds(w.joinedAt))),
    ])));
  }
}
