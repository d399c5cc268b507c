/**
 * The end-user dashboard's Chats view, for agents of visitor chat queues: the "Take chats" switch, offers
 * (accept / decline), one pane per open chat (lines, the visitor typing, reply, end) and the history of chats
 * answered with their transcripts. Live from chat.* frames of the event stream; a new snapshot reloads it all.
 * Visitor names and text are untrusted: they go in through dom.el as text only.
 */
import * as api from './api.js';
import {seg} from './api.js';
import {$, el, emptyRow, fill, row, text, time} from './dom.js';

const HISTORY_PAGE = 20;
const TYPING_EVERY_MS = 2000;

const state = {
  report: () => {},
  queues: [],
  chats: new Map(),        // id -> ChatDto (offered or active), with .lines
  lastTyping: new Map(),   // id -> ms of the last typing signal sent
  typingTimers: new Map(), // id -> timeout clearing "typing…"
};

const base = (id) => '/api/v1/me/chats/' + seg(id);

export function init(options) {
  state.report = options.report || state.report;
  $('#chat-available').addEventListener('change', (e) => setAvailable(e.target.checked).catch(state.report));
}

/** Reads the desk (queues, switch, open chats) and the history again. */
export async function load() {
  const desk = await api.get('/api/v1/me/chats');
  state.queues = desk.queues;
  $('#nav-chats').hidden = desk.queues.length === 0 && desk.chats.length === 0;
  text($('#chat-queues'), desk.queues.length ? 'Queues: ' + desk.queues.join(', ') : 'You answer no chat queue.');
  $('#chat-available').checked = desk.available;
  $('#chat-available').disabled = desk.queues.length === 0;
  state.chats = new Map(desk.chats.map((c) => [c.id, c]));
  render();
  await loadHistory();
}

async function setAvailable(on) {
  const desk = await api.put('/api/v1/me/chats/availability', {available: on});
  $('#chat-available').checked = desk.available;
}

export function onFrame(frame) {
  const chat = frame.chat;
  const known = state.chats.get(chat.id);
  switch (frame.type) {
    case 'chat.offered':
      state.chats.set(chat.id, {...chat, lines: []});
      render();
      break;
    case 'chat.accepted':
      api.get(base(chat.id)).then((full) => {
        state.chats.set(chat.id, full);
        render();
      }).catch(state.report);
      break;
    case 'chat.line':
      if (known) addLine(known, frame.line);
      break;
    case 'chat.typing':
      showTyping(chat.id);
      break;
    case 'chat.withdrawn':
      state.chats.delete(chat.id);
      render();
      // A missed offer switches taking chats off: show the switch as it is now.
      load().catch(state.report);
      break;
    case 'chat.ended':
      if (known) {
        known.state = 'ended';
        known.endedBy = chat.endedBy;
        render();
      }
      loadHistory().catch(state.report);
      break;
    default:
      break;
  }
}

function addLine(chat, line) {
  chat.lines = chat.lines || [];
  if (chat.lines.some((l) => l.seq === line.seq)) return;
  chat.lines.push(line);
  const log = document.querySelector(`.chat-pane[data-chat-id="${chat.id}"] .chat-log`);
  if (log) {
    log.append(lineItem(line));
    log.scrollTop = log.scrollHeight;
    if (line.from === 'visitor') text(log.parentElement.querySelector('.chat-typing'), '');
  }
}

function lineItem(line) {
  return el('li', {class: ['chat-line', line.from], dataset: {seq: line.seq}},
    line.from === 'system' ? null : el('span', {class: 'author', text: line.author || line.from}),
    el('span', {class: 'chat-text-body', text: line.text}),
    el('time', {class: 'muted small', text: ' ' + new Date(line.at).toLocaleTimeString()}));
}

function showTyping(id) {
  const pane = document.querySelector(`.chat-pane[data-chat-id="${id}"] .chat-typing`);
  if (!pane) return;
  text(pane, 'The visitor is typing…');
  clearTimeout(state.typingTimers.get(id));
  state.typingTimers.set(id, setTimeout(() => text(pane, ''), 4000));
}

function render() {
  const offers = [...state.chats.values()].filter((c) => c.state === 'offered');
  fill($('#chat-offers'), offers.length ? offers.map(offerItem) : el('li', {class: 'muted', text: 'No chat waiting for you.'}));
  const open = [...state.chats.values()].filter((c) => c.state !== 'offered');
  // A pane that is still in the same state is kept as it is: a reply being typed there must survive.
  const kept = new Map([...document.querySelectorAll('#chat-panes .chat-pane')]
    .map((p) => [p.dataset.chatId + ':' + p.dataset.state, p]));
  const container = $('#chat-panes');
  const wanted = open.map((c) => kept.get(c.id + ':' + c.state) || pane(c));
  for (const p of [...container.children]) {
    if (!wanted.includes(p)) p.remove();
  }
  wanted.forEach((p, i) => {
    if (container.children[i] !== p) container.insertBefore(p, container.children[i] || null);
  });
  const count = offers.length;
  const badge = $('#chat-offer-count');
  badge.hidden = count === 0;
  text(badge, count ? String(count) : '');
}

function who(chat) {
  return chat.visitorName + (chat.visitorEmail ? ' <' + chat.visitorEmail + '>' : '');
}

function offerItem(chat) {
  return el('li', {class: 'chat-offer', dataset: {chatId: chat.id}},
    el('strong', {text: who(chat)}), ' wants to chat (queue ' + chat.queue + ')',
    chat.visitorPage ? el('span', {class: 'muted small', text: ' from ' + chat.visitorPage}) : null, ' ',
    el('button', {type: 'button', class: 'primary small chat-accept', text: 'Accept',
      on: {click: () => api.post(base(chat.id) + '/accept').then((full) => {
        state.chats.set(full.id, full);
        render();
      }).catch(state.report)}}),
    el('button', {type: 'button', class: 'secondary small chat-decline', text: 'Decline',
      on: {click: () => api.post(base(chat.id) + '/decline').catch(state.report)}}));
}

function pane(chat) {
  const ended = chat.state === 'ended';
  const textarea = el('textarea', {class: 'chat-text', rows: 2, 'aria-label': 'Reply to ' + chat.visitorName,
    maxlength: 4000, disabled: ended});
  const log = el('ol', {class: 'chat-log thread', 'aria-live': 'polite', 'aria-label': 'Chat with ' + chat.visitorName},
    (chat.lines || []).map(lineItem));
  const form = el('form', {class: 'compose chat-compose', novalidate: true},
    textarea, el('button', {type: 'submit', class: 'primary chat-send', text: 'Send', disabled: ended}));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const value = textarea.value.trim();
    if (!value) return;
    api.post(base(chat.id) + '/messages', {text: value}).then((line) => {
      textarea.value = '';
      addLine(chat, line);
    }).catch(state.report);
  });
  textarea.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  textarea.addEventListener('input', () => {
    const now = Date.now();
    if (now - (state.lastTyping.get(chat.id) || 0) < TYPING_EVERY_MS) return;
    state.lastTyping.set(chat.id, now);
    api.post(base(chat.id) + '/typing').catch(() => {});
  });
  const end = el('button', {type: 'button', class: 'secondary small chat-end', text: ended ? 'Close' : 'End chat',
    on: {click: () => {
      if (ended) {
        state.chats.delete(chat.id);
        render();
        return;
      }
      api.post(base(chat.id) + '/end').catch(state.report);
    }}});
  const heading = el('h3', {class: 'pane-title', text: who(chat)});
  const status = el('p', {class: 'muted small chat-state',
    text: ended ? 'Ended by the ' + (chat.endedBy || 'system') + '.' : 'Chatting' + (chat.visitorPage ? ' — ' + chat.visitorPage : '')});
  return el('article', {class: 'chat-pane', dataset: {chatId: chat.id, state: chat.state}},
    heading, status, log, el('p', {class: 'chat-typing muted small', 'aria-live': 'polite'}), form, end);
}

async function loadHistory() {
  const page = await api.get('/api/v1/me/chats/history' + api.query({offset: 0, limit: HISTORY_PAGE}));
  const table = $('#chat-history-table');
  const body = table.tBodies[0];
  if (!page.items.length) {
    fill(body, emptyRow(table, 'No chats answered yet.'));
    return;
  }
  fill(body, page.items.map((c) => row({dataset: {chatId: c.id}}, [
    time(c.createdAt), c.visitorName, c.queue, c.state, c.endedBy || '',
    el('button', {type: 'button', class: 'link chat-transcript-open', text: 'Transcript',
      on: {click: () => showTranscript(c.id).catch(state.report)}}),
  ])));
}

async function showTranscript(id) {
  const chat = await api.get(base(id));
  const box = $('#chat-transcript');
  fill(box, el('h3', {text: 'Transcript: ' + who(chat)}),
    el('ol', {class: 'thread'}, chat.lines.map(lineItem)));
  box.hidden = false;
}
