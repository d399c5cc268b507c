/**
 * The end-user dashboard: my calls, my devices (live), forwarding and DND, instant messages (live),
 * voicemail (live; see voicemail.js).
 */
import * as api from './api.js';
import {ApiError, query} from './api.js';
import {EventStream, involves} from './events.js';
import * as voicemail from './voicemail.js';
import * as agentChats from './agent-chats.js';
import {
  $, clearFieldErrors, describeError, el, emptyRow, fill, formatDuration, humanize, markInvalid, row, setUpViews, showError,
  status, text, time,
} from './dom.js';

const CALLS_PAGE = 20;
const THREAD_PAGE = 50;

const state = {
  session: null,
  me: null,
  view: null,
  directory: new Map(),          // extension -> display name
  devices: [],
  registrations: new Map(),      // deviceId -> Map(contact key -> Registration)
  activeCalls: new Map(),        // callId -> Call
  callsOffset: 0,
  conversations: new Map(),      // peer -> {peer, peerName, lastMessage, unread}
  currentPeer: null,
  threadOffset: 0,
  seen: new Set(),               // ids of messages already counted or shown
};

const ext = () => state.session.extension;
const nameOf = (extension) => state.directory.get(extension) || null;
const labelOf = (extension) => (nameOf(extension) ? nameOf(extension) + ' (' + extension + ')' : extension);

/* ---------------- calls ---------------- */

async function loadCalls(offset = state.callsOffset) {
  const page = await api.get('/api/v1/me/calls' + query({offset, limit: CALLS_PAGE}));
  state.callsOffset = page.offset;
  const table = $('#calls-table');
  const body = table.tBodies[0];
  if (!page.items.length) {
    fill(body, emptyRow(table, 'No calls yet.'));
  } else {
    fill(body, page.items.map(callRow));
  }
  const last = Math.min(page.offset + page.items.length, page.total);
  text($('#calls-page'), page.total ? `${page.offset + 1}–${last} of ${page.total}` : '');
  $('#calls-prev').disabled = page.offset === 0;
  $('#calls-next').disabled = last >= page.total;
}

function callRow(cdr) {
  const outgoing = cdr.caller === ext();
  const answered = cdr.disposition === 'ANSWERED';
  const direction = outgoing ? 'Outgoing' : (answered ? 'Incoming' : 'Missed');
  const other = outgoing ? cdr.callee : cdr.caller;
  return row({dataset: {cdrId: cdr.id}, class: !outgoing && !answered ? 'missed' : null}, [
    time(cdr.startedAt),
    el('span', {class: ['direction', direction.toLowerCase()]}, direction),
    labelOf(other),
    el('span', {class: ['pill', answered ? 'ok' : 'neutral']}, humanize(cdr.disposition)),
    el('td', {class: 'num'}, answered ? formatDuration(cdr.durationSeconds) : '–'),
  ]);
}

let callsReload = null;
function reloadCallsSoon() {
  clearTimeout(callsReload);
  callsReload = setTimeout(() => loadCalls().catch(report), 500);
}

/* ---------------- devices ---------------- */

const regKey = (r) => (r.aor || '') + ' ' + (r.contact || '');

async function loadDevices() {
  state.devices = await api.get('/api/v1/me/devices');
  for (const d of state.devices) {
    if (!state.registrations.has(d.id)) {
      state.registrations.set(d.id, new Map((d.registrations || []).map((r) => [regKey(r), r])));
    }
  }
  renderDevices();
}

function renderDevices() {
  const table = $('#devices-table');
  if (!state.devices.length) {
    fill(table.tBodies[0], emptyRow(table, 'No devices yet. Your administrator adds them.'));
    return;
  }
  fill(table.tBodies[0], state.devices.map((d) => {
    const regs = Array.from((state.registrations.get(d.id) || new Map()).values());
    const registered = regs.length > 0;
    return row({dataset: {deviceId: d.id}}, [
      d.sipUsername,
      el('td', {class: 'reg-state'},
        el('span', {class: ['pill', registered ? 'ok' : 'neutral'], dataset: {registered}},
          registered ? 'Registered' : 'Not registered')),
      el('td', {class: 'wrap'}, regs.map((r) => el('span', {class: 'line'}, `${r.source || ''} ${r.transport || ''}`.trim()))),
      el('td', {class: 'wrap'}, regs.map((r) => el('span', {class: 'line'}, r.userAgent || ''))),
      time(d.createdAt),
    ], true);
  }));
}

function onRegistration(frame) {
  const r = frame.registration;
  if (!r || r.deviceId == null) return;
  const known = state.devices.some((d) => d.id === r.deviceId);
  if (!state.registrations.has(r.deviceId)) state.registrations.set(r.deviceId, new Map());
  const bindings = state.registrations.get(r.deviceId);
  if (frame.type === 'registration.removed' || frame.type === 'registration.expired') {
    bindings.delete(regKey(r));
  } else {
    bindings.set(regKey(r), r);
  }
  if (known) renderDevices();
  else loadDevices().catch(report); // a device added since the page loaded
}

/* ---------------- settings ---------------- */

const SETTINGS_INPUTS = {
  forwardAlways: 'set-forward-always', forwardBusy: 'set-forward-busy', forwardNoAnswer: 'set-forward-no-answer',
  noAnswerSeconds: 'set-no-answer-seconds', doNotDisturb: 'set-dnd', doNotDisturbToVoicemail: 'set-dnd-voicemail',
};

function showSettings(settings) {
  $('#set-forward-always').value = settings.forwardAlways || '';
  $('#set-forward-busy').value = settings.forwardBusy || '';
  $('#set-forward-no-answer').value = settings.forwardNoAnswer || '';
  $('#set-no-answer-seconds').value = settings.noAnswerSeconds ?? '';
  $('#set-dnd').checked = !!settings.doNotDisturb;
  $('#set-dnd-voicemail').checked = !!settings.doNotDisturbToVoicemail;
}

async function saveSettings(event) {
  event.preventDefault();
  const form = $('#settings-form');
  clearFieldErrors(form);
  const seconds = $('#set-no-answer-seconds').value.trim();
  if (seconds !== '' && !/^\d+$/.test(seconds)) {
    markInvalid($('#set-no-answer-seconds'), 'must be a whole number of seconds');
    status('Ring for (seconds): must be a whole number of seconds', 'error');
    $('#set-no-answer-seconds').focus();
    return;
  }
  const value = (id) => $(id).value.trim() || null;
  const body = {
    forwardAlways: value('#set-forward-always'),
    forwardBusy: value('#set-forward-busy'),
    forwardNoAnswer: value('#set-forward-no-answer'),
    noAnswerSeconds: seconds === '' ? null : Number(seconds),
    doNotDisturb: $('#set-dnd').checked,
    doNotDisturbToVoicemail: $('#set-dnd-voicemail').checked,
  };
  const button = $('#settings-save');
  button.disabled = true;
  status('Saving…');
  try {
    state.me = await api.put('/api/v1/me/settings', body);
    showSettings(state.me.settings);
    status('Saved', 'ok');
  } catch (e) {
    showError(form, e, SETTINGS_INPUTS);
  } finally {
    button.disabled = false;
  }
}

async function changePassword(event) {
  event.preventDefault();
  const form = $('#password-form');
  clearFieldErrors(form);
  const body = {currentPassword: $('#pw-current').value, newPassword: $('#pw-new').value};
  try {
    await api.put('/api/v1/me/password', body);
    $('#pw-current').value = '';
    $('#pw-new').value = '';
    status('Password changed', 'ok');
  } catch (e) {
    showError(form, e, {currentPassword: 'pw-current', newPassword: 'pw-new'});
  }
}

/* ---------------- messages ---------------- */

async function loadDirectory() {
  const entries = await api.get('/api/v1/me/directory');
  state.directory = new Map(entries.map((e) => [e.extension, e.displayName]));
  fill($('#directory'), entries.map((e) => el('option', {value: e.extension, label: e.displayName || e.extension})));
}

async function loadConversations() {
  const list = await api.get('/api/v1/me/conversations');
  state.conversations = new Map(list.map((c) => [c.peer, {...c}]));
  renderConversations();
}

function conversation(peer) {
  let c = state.conversations.get(peer);
  if (!c) {
    c = {peer, peerName: nameOf(peer), lastMessage: null, unread: 0};
    state.conversations.set(peer, c);
  }
  return c;
}

function renderConversations() {
  const sorted = Array.from(state.conversations.values()).sort((a, b) =>
    ((b.lastMessage && b.lastMessage.id) || 0) - ((a.lastMessage && a.lastMessage.id) || 0));
  const list = $('#conversations');
  if (!sorted.length) {
    fill(list, el('li', {class: 'empty muted'}, 'No conversations yet.'));
  } else {
    fill(list, sorted.map(conversationItem));
  }
  const total = sorted.reduce((sum, c) => sum + (c.unread || 0), 0);
  const badge = $('#unread-total');
  text(badge, total > 0 ? String(total) : '');
  badge.hidden = total === 0;
  badge.title = total === 1 ? '1 unread message' : total + ' unread messages';
  document.title = (total > 0 ? `(${total}) ` : '') + 'My phone · Crosspoint';
}

function conversationItem(c) {
  const m = c.lastMessage;
  const mine = m && m.from === ext();
  const current = c.peer === state.currentPeer;
  return el('li', {class: ['conversation', current && 'current', c.unread > 0 && 'has-unread'], dataset: {peer: c.peer},
    on: {click: () => openConversation(c.peer, true).catch(report)}},
  el('button', {type: 'button', class: 'conversation-open', 'aria-current': current ? 'true' : null},
    el('span', {class: 'conversation-head'},
      el('span', {class: 'conversation-name'}, c.peerName || nameOf(c.peer) || c.peer),
      el('span', {class: 'conversation-ext muted'}, c.peer),
      el('span', {class: 'unread-count badge', hidden: !(c.unread > 0)}, c.unread > 0 ? String(c.unread) : ''),
      c.unread > 0 ? el('span', {class: 'visually-hidden'}, ' unread') : null),
    el('span', {class: 'conversation-preview muted'}, m ? (mine ? 'You: ' : '') + m.body : ''),
    m ? time(m.createdAt, true) : null));
}

async function openConversation(peer, focusBody = false) {
  const changed = state.currentPeer !== peer;
  state.currentPeer = peer;
  $('#msg-to').value = peer;
  const c = conversation(peer);
  text($('#thread-title'), 'Conversation with ' + (c.peerName || nameOf(peer) || peer) + ' · ' + peer);
  if (changed) fill($('#message-thread'));
  renderConversations();
  const page = await api.get('/api/v1/me/messages' + query({peer, offset: 0, limit: THREAD_PAGE}));
  if (state.currentPeer !== peer) return; // another conversation was opened meanwhile
  const thread = $('#message-thread');
  fill(thread, page.items.slice().reverse().map(messageItem));
  page.items.forEach((m) => state.seen.add(m.id));
  state.threadOffset = page.items.length;
  $('#thread-older').hidden = page.items.length < THREAD_PAGE;
  scrollThread();
  const unreadHere = page.items.some((m) => m.to === ext() && m.from !== ext() && !m.readAt);
  if (c.unread > 0 || unreadHere) await markRead(peer);
  if (focusBody) $('#msg-body').focus();
}

async function loadOlder() {
  const peer = state.currentPeer;
  if (!peer) return;
  const page = await api.get('/api/v1/me/messages' + query({peer, offset: state.threadOffset, limit: THREAD_PAGE}));
  if (state.currentPeer !== peer) return;
  const thread = $('#message-thread');
  const older = page.items.slice().reverse().filter((m) => !thread.querySelector(`li[data-message-id="${m.id}"]`));
  thread.prepend(...older.map(messageItem));
  state.threadOffset += page.items.length;
  $('#thread-older').hidden = page.items.length < THREAD_PAGE;
}

async function markRead(peer) {
  await api.post('/api/v1/me/messages/read', {peer});
  conversation(peer).unread = 0;
  renderConversations();
}

function messageItem(m) {
  const mine = m.from === ext();
  const from = mine ? 'You' : (conversation(m.from).peerName || nameOf(m.from) || m.from);
  return el('li', {class: ['message', mine ? 'mine' : 'theirs'], dataset: {messageId: m.id}},
    el('div', {class: 'message-meta'},
      el('span', {class: 'message-from'}, from),
      time(m.createdAt, true),
      mine ? el('span', {class: 'message-state muted'}, m.deliveredAt ? 'Delivered' : 'Waiting for a phone') : null),
    el('p', {class: 'message-body'}, m.body));
}

function upsertMessage(m) {
  const thread = $('#message-thread');
  const item = messageItem(m);
  const existing = thread.querySelector(`li[data-message-id="${Number(m.id)}"]`);
  if (existing) {
    existing.replaceWith(item);
    return;
  }
  const later = Array.from(thread.children).find((li) => Number(li.dataset.messageId) > m.id);
  thread.insertBefore(item, later || null);
  scrollThread();
}

function scrollThread() {
  const thread = $('#message-thread');
  thread.scrollTop = thread.scrollHeight;
}

function viewingConversation(peer) {
  return state.view === 'messages' && state.currentPeer === peer && document.visibilityState === 'visible';
}

function onMessage(frame) {
  const m = frame.message;
  if (!involves(m, ext())) return;
  const peer = m.from === ext() ? m.to : m.from;
  const c = conversation(peer);
  if (!c.lastMessage || m.id >= c.lastMessage.id) c.lastMessage = m;
  const incoming = m.to === ext() && m.from !== ext();
  const isNew = !state.seen.has(m.id);
  state.seen.add(m.id);
  if (state.currentPeer === peer) upsertMessage(m);
  if (incoming && isNew && !m.readAt) {
    if (viewingConversation(peer)) {
      markRead(peer).catch(report);
    } else {
      c.unread = (c.unread || 0) + 1;
    }
  }
  renderConversations();
}

async function send(event) {
  event.preventDefault();
  const form = $('#compose');
  clearFieldErrors(form);
  const to = $('#msg-to').value.trim();
  const body = $('#msg-body').value;
  if (!to) {
    markInvalid($('#msg-to'), 'enter an extension');
    $('#msg-to').focus();
    return;
  }
  if (!body.trim()) {
    markInvalid($('#msg-body'), 'write a message');
    $('#msg-body').focus();
    return;
  }
  const button = $('#msg-send');
  button.disabled = true;
  try {
    const answer = await api.post('/api/v1/me/messages', {to, body});
    const m = answer.message;
    $('#msg-body').value = '';
    state.seen.add(m.id);
    const c = conversation(m.to);
    if (!c.lastMessage || m.id >= c.lastMessage.id) c.lastMessage = m;
    if (state.currentPeer !== m.to) {
      await openConversation(m.to);
    } else {
      upsertMessage(m);
      renderConversations();
    }
    status(answer.outcome === 'STORED'
      ? `Stored: ${labelOf(m.to)} has no phone online and gets it when one signs in.`
      : `Sent to ${labelOf(m.to)}`, 'ok');
    $('#msg-body').focus();
  } catch (e) {
    showError(form, e, {to: 'msg-to', body: 'msg-body'});
  } finally {
    button.disabled = false;
  }
}

function onRecipientChanged() {
  const to = $('#msg-to').value.trim();
  if (!to || to === state.currentPeer) return;
  if (state.conversations.has(to)) {
    openConversation(to).catch(report);
  } else {
    state.currentPeer = null;
    fill($('#message-thread'));
    $('#thread-older').hidden = true;
    text($('#thread-title'), 'New message to ' + labelOf(to));
    renderConversations();
  }
}

function newMessage() {
  state.currentPeer = null;
  $('#msg-to').value = '';
  fill($('#message-thread'));
  $('#thread-older').hidden = true;
  text($('#thread-title'), 'New message');
  renderConversations();
  $('#msg-to').focus();
}

/* ---------------- live calls (a line above the history) ---------------- */

function onCall(frame) {
  const call = frame.call;
  if (!call) return;
  if (frame.type === 'call.ended' || call.state === 'ENDED') {
    state.activeCalls.delete(call.callId);
    reloadCallsSoon();
  } else {
    state.activeCalls.set(call.callId, call);
  }
  renderActiveCalls();
}

function renderActiveCalls() {
  const calls = Array.from(state.activeCalls.values());
  const box = document.getElementById('calls-active') || el('p', {id: 'calls-active', class: 'callout'});
  if (!box.isConnected) $('#calls-title').after(box);
  box.hidden = calls.length === 0;
  fill(box, calls.map((c) => {
    const outgoing = c.caller === ext();
    const other = outgoing ? (c.connectedTo || c.callee) : c.caller;
    return el('span', {class: 'line'}, `${humanize(c.state)}: ${outgoing ? 'to' : 'from'} ${labelOf(other)}`);
  }));
}

/* ---------------- wiring ---------------- */

function report(e) {
  status(e instanceof ApiError ? describeError(e) : 'Error: ' + e.message, 'error');
}

async function onShow(view) {
  const previous = state.view;
  state.view = view;
  if (previous && previous !== view) status('');
  try {
    if (view === 'calls') await loadCalls();
    if (view === 'devices') await loadDevices();
    if (view === 'messages' && state.currentPeer) await openConversation(state.currentPeer);
    if (view === 'voicemail') await voicemail.load();
  } catch (e) {
    report(e);
  }
}

async function main() {
  state.session = await api.requireSession(['USER']);
  const s = state.session;
  fill($('#whoami'), el('span', {class: 'whoami-name'}, s.displayName || s.username), ' · ext ',
    el('span', {class: 'whoami-ext'}, s.extension || ''));
  $('#logout').addEventListener('click', () => api.logout());
  $('#pw-username').value = s.username || '';
  $('#settings-form').addEventListener('submit', saveSettings);
  $('#password-form').addEventListener('submit', changePassword);
  $('#compose').addEventListener('submit', send);
  $('#msg-to').addEventListener('change', onRecipientChanged);
  $('#msg-body').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) $('#compose').requestSubmit();
  });
  voicemail.init({extension: s.extension, labelOf, report});
  agentChats.init({report});
  $('#thread-older').addEventListener('click', () => loadOlder().catch(report));
  $('#calls-prev').addEventListener('click', () => loadCalls(Math.max(0, state.callsOffset - CALLS_PAGE)).catch(report));
  $('#calls-next').addEventListener('click', () => loadCalls(state.callsOffset + CALLS_PAGE).catch(report));
  const newButton = el('button', {type: 'button', id: 'msg-new', class: 'secondary small', on: {click: newMessage}},
    'New message');
  $('#conversations-title').after(newButton);
  document.addEventListener('visibilitychange', () => {
    const c = state.currentPeer && state.conversations.get(state.currentPeer);
    if (c && c.unread > 0 && viewingConversation(c.peer)) markRead(c.peer).catch(report);
  });

  try {
    const [me] = await Promise.all([api.get('/api/v1/me'), loadDirectory()]);
    state.me = me;
    showSettings(me.settings || {});
    await Promise.all([loadConversations(), loadDevices(), voicemail.load(), agentChats.load()]);
  } catch (e) {
    report(e);
  }

  const buttons = ['#nav-calls', '#nav-devices', '#nav-settings', '#nav-messages', '#nav-voicemail', '#nav-chats'].map((id) => $(id));
  const show = setUpViews(buttons, 'calls', (view) => onShow(view));
  show(location.hash.slice(1));

  new EventStream({
    indicator: $('#connection'),
    onSnapshot: (snapshot) => {
      state.registrations = new Map();
      for (const r of snapshot.registrations || []) {
        if (r.deviceId == null) continue;
        if (!state.registrations.has(r.deviceId)) state.registrations.set(r.deviceId, new Map());
        state.registrations.get(r.deviceId).set(regKey(r), r);
      }
      renderDevices();
      state.activeCalls = new Map((snapshot.calls || []).map((c) => [c.callId, c]));
      renderActiveCalls();
      // Messages that arrived while disconnected are not replayed: refresh the list.
      loadConversations().then(() => {
        if (state.currentPeer && viewingConversation(state.currentPeer)) return openConversation(state.currentPeer);
        return null;
      }).catch(report);
      // Nor are voicemails: read the mailbox again (frames arriving meanwhile are applied on top).
      voicemail.load().catch(report);
      agentChats.load().catch(report);
    },
    onFrame: (frame) => {
      if (frame.type.startsWith('registration.')) onRegistration(frame);
      else if (frame.type.startsWith('call.')) onCall(frame);
      else if (frame.type.startsWith('message.')) onMessage(frame);
      else if (frame.type.startsWith('voicemail.')) voicemail.onFrame(frame);
      else if (frame.type.startsWith('chat.')) agentChats.onFrame(frame);
    },
    onDrop: () => api.currentSession().then((session) => {
      if (!session) location.replace('/');
    }).catch(() => {}),
  }).start();
}

main().catch(report);
