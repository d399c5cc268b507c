/**
 * The admin dashboard's Contact center view, configuration side: the tenant's queues (create, edit, delete) and
 * their members, written as extensions with optional skills ("1001, 1002 sales=1 billing=2"). Errors name the
 * field the appliance refused.
 */
import * as api from './api.js';
import {seg} from './api.js';
import {$, clearFieldErrors, el, emptyRow, fill, humanize, row, showError, status} from './dom.js';

const FIELDS = {number: 'queue-number', name: 'queue-name', strategy: 'queue-strategy',
  maxWaitSeconds: 'queue-max-wait', maxLength: 'queue-max-length', overflowTarget: 'queue-overflow',
  announceSeconds: 'queue-announce', noAnswerSeconds: 'queue-no-answer', wrapUpSeconds: 'queue-wrap-up',
  serviceLevelSeconds: 'queue-service-level', skill: 'queue-skill', callbackAfterSeconds: 'queue-callback-after',
  callbackRetries: 'queue-callback-retries', callbackRetrySeconds: 'queue-callback-retry', members: 'queue-members'};
const NUMBERS = ['maxWaitSeconds', 'maxLength', 'announceSeconds', 'noAnswerSeconds', 'wrapUpSeconds',
  'serviceLevelSeconds', 'callbackAfterSeconds', 'callbackRetries', 'callbackRetrySeconds'];

const qs = {
  tenantPath: null,
  report: null,
  queues: [],
  users: [],
  editing: null,
};

const queuesPath = (rest = '') => qs.tenantPath('/queues' + rest);

export function initQueues({tenantPath, report}) {
  qs.tenantPath = tenantPath;
  qs.report = report;
  $('#queue-form').addEventListener('submit', save);
  $('#queue-cancel').addEventListener('click', () => edit(null));
}

/** The view is shown (or the tenant changed). */
export async function showQueues() {
  edit(null);
  [qs.queues, qs.users] = await Promise.all([api.get(queuesPath()), api.get(qs.tenantPath('/users'))]);
  render();
}

function extensionOf(userId) {
  const u = qs.users.find((x) => x.id === userId);
  return u ? u.extension : '#' + userId;
}

function render() {
  const table = $('#queues-table');
  if (!qs.queues.length) {
    fill(table.tBodies[0], emptyRow(table, 'No queues yet.'));
    return;
  }
  fill(table.tBodies[0], qs.queues.map((q) => row({dataset: {number: q.number, queueId: q.id}}, [
    q.number, el('span', {class: 'queue-config-name'}, q.name), humanize(q.strategy),
    el('td', {class: 'num'}, q.serviceLevelSeconds), q.overflowTarget || '',
    el('td', {class: 'row-actions'},
      el('button', {type: 'button', class: 'small edit', 'aria-label': 'Edit queue ' + q.number,
        on: {click: () => edit(q).catch(qs.report)}}, 'Edit'), ' ',
      el('button', {type: 'button', class: 'danger small delete', 'aria-label': 'Delete queue ' + q.number,
        on: {click: () => remove(q)}}, 'Delete')),
  ], true)));
}

/** Fills the form with a queue and its members, or empties it for a new one (null). */
async function edit(q) {
  qs.editing = q;
  const form = $('#queue-form');
  clearFieldErrors(form);
  form.reset();
  $('#queue-form-title').textContent = q ? 'Edit queue ' + q.number : 'New queue';
  $('#queue-save').textContent = q ? 'Save queue' : 'Create queue';
  $('#queue-cancel').hidden = !q;
  if (!q) return;
  for (const [field, id] of Object.entries(FIELDS)) {
    if (field !== 'members' && q[field] !== undefined && q[field] !== null) $('#' + id).value = String(q[field]);
  }
  const members = await api.get(queuesPath('/' + seg(q.id) + '/members'));
  $('#queue-members').value = members.map((m) => [extensionOf(m.userId),
    ...Object.entries(m.skills || {}).map(([s, l]) => s + '=' + l)].join(' ')).join(', ');
  $('#queue-number').focus();
}

/** "1001, 1002 sales=1" -> [{userId, skills}]; an unknown extension is an error naming the members field. */
function parseMembers(text) {
  return text.split(',').map((s) => s.trim()).filter(Boolean).map((part) => {
    const [ext, ...skills] = part.split(/\s+/);
    const user = qs.users.find((u) => u.extension === ext);
    if (!user) throw new api.ApiError(400, 'no user with extension ' + ext, 'members');
    const map = {};
    for (const s of skills) {
      const [name, level] = s.split('=');
      map[name] = Number(level || 1);
    }
    return {userId: user.id, skills: map};
  });
}

async function save(event) {
  event.preventDefault();
  const form = $('#queue-form');
  clearFieldErrors(form);
  const body = {};
  for (const [field, id] of Object.entries(FIELDS)) {
    if (field === 'members') continue;
    const v = $('#' + id).value.trim();
    body[field] = v === '' ? null : NUMBERS.includes(field) ? Number(v) : v;
  }
  try {
    const members = parseMembers($('#queue-members').value);
    const saved = qs.editing ? await api.put(queuesPath('/' + seg(qs.editing.id)), body)
      : await api.post(queuesPath(), body);
    await api.put(queuesPath('/' + seg(saved.id) + '/members'), members);
    status('Queue ' + saved.number + ' saved.', 'ok');
    await showQueues();
  } catch (e) {
    showError(form, e, FIELDS);
  }
}

async function remove(q) {
  if (!confirm('Delete queue ' + q.number + ' (' + q.name + ')? Callers waiting in it are not moved.')) return;
  try {
    await api.del(queuesPath('/' + seg(q.id)));
    status('Queue ' + q.number + ' deleted.', 'ok');
    await showQueues();
  } catch (e) {
    qs.report(e);
  }
}
