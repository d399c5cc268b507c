/**
 * The end-user dashboard's Voicemail view: the mailbox (live from voicemail.* frames), listening in
 * the page (an <audio> element on the message's WAV; starting playback of a NEW message marks it
 * heard), download, delete, the two greetings (WAV upload) and the mailbox PIN.
 *
 * The table is updated in place, never rebuilt: a frame (e.g. the voicemail.saved that playing a
 * message causes) must not tear down the <audio> element that is playing, nor the focused button.
 */
import * as api from './api.js';
import {ApiError, seg} from './api.js';
import {$, clearFieldErrors, el, emptyRow, fill, formatDuration, markInvalid, showError, status, text, time} from './dom.js';

const KINDS = ['busy', 'unavailable'];
const KIND_LABEL = {busy: 'Busy', unavailable: 'Unavailable'};
const PRESS_PLAY = 'Press play on the player to listen.';

const state = {
  extension: null,
  labelOf: (extension) => extension,
  report: () => {},
  messages: new Map(),     // id -> VoicemailDto
  greetings: {busy: false, unavailable: false},
  pinSet: false,
  loaded: false,
  loading: 0,              // loads in flight
  buffered: [],            // frames that arrived while a load was in flight, applied again after it
  marking: new Set(),      // ids being marked heard
};

export const audioUrl = (id) => '/api/v1/me/voicemails/' + seg(id) + '/audio';

/**
 * @param {{extension: string, labelOf: function(string): string, report: function(Error)}} options
 */
export function init(options) {
  state.extension = options.extension;
  state.labelOf = options.labelOf || state.labelOf;
  state.report = options.report || state.report;
  for (const kind of KINDS) {
    $('#greeting-' + kind).addEventListener('submit', (e) => uploadGreeting(kind, e));
    $('#greeting-' + kind + '-remove').addEventListener('click', () => removeGreeting(kind));
  }
  $('#vm-pin-form').addEventListener('submit', savePin);
  $('#vm-pin-username').value = options.extension || '';
}

/** (Re)reads the whole mailbox; frames that arrive meanwhile are applied again on top of the answer. */
export async function load() {
  state.loading += 1;
  let box;
  try {
    box = await api.get('/api/v1/me/voicemails');
  } finally {
    state.loading -= 1;
  }
  state.messages = new Map(box.messages.map((v) => [v.id, v]));
  state.greetings = {busy: !!box.busyGreeting, unavailable: !!box.unavailableGreeting};
  state.pinSet = !!box.pinSet;
  state.loaded = true;
  const replay = state.loading === 0 ? state.buffered.splice(0) : state.buffered.slice();
  for (const frame of replay) apply(frame);
  render();
}

/** A voicemail.left|saved|deleted frame of the event stream. */
export function onFrame(frame) {
  if (frame.extension && state.extension && frame.extension !== state.extension) return;
  if (state.loading > 0) state.buffered.push(frame);
  apply(frame);
  if (state.loaded) render();
}

function apply(frame) {
  const v = frame.voicemail;
  if (!v || v.id == null) return;
  if (frame.type === 'voicemail.deleted') {
    state.messages.delete(v.id);
  } else {
    state.messages.set(v.id, v);
  }
}

const newCount = () => Array.from(state.messages.values()).filter((v) => v.folder === 'NEW').length;

function callerLabel(v) {
  if (v.callerName && v.callerExtension) return v.callerName + ' (' + v.callerExtension + ')';
  if (v.callerExtension) return state.labelOf(v.callerExtension);
  return v.callerName || 'Unknown caller';
}

/* ---------------- the mailbox table ---------------- */

function render() {
  renderBadge();
  renderTable();
  renderGreetings();
  renderPin();
}

function renderBadge() {
  const count = newCount();
  const badge = $('#voicemail-new');
  text(badge, count > 0 ? String(count) : '');
  badge.hidden = count === 0;
  badge.title = count === 1 ? '1 new voicemail' : count + ' new voicemails';
  const heard = state.messages.size - count;
  text($('#voicemail-summary'), state.messages.size === 0 ? ''
    : `${count} new, ${heard} heard. Playing a new message marks it heard.`);
}

const tbody = () => $('#voicemail-table').tBodies[0];
const rowOf = (id) => tbody().querySelector(`tr[data-voicemail-id="${Number(id)}"]`);
const playerOf = (id) => document.getElementById('voicemail-player-' + Number(id));

function renderTable() {
  const body = tbody();
  const sorted = Array.from(state.messages.values()).sort((a, b) =>
    String(b.receivedAt).localeCompare(String(a.receivedAt)) || b.id - a.id);
  if (!sorted.length) {
    fill(body, emptyRow($('#voicemail-table'), 'No voicemail.'));
    return;
  }
  for (const empty of body.querySelectorAll('tr.empty')) empty.remove();
  for (const tr of body.querySelectorAll('tr[data-voicemail-id]')) {
    const id = Number(tr.dataset.voicemailId);
    if (!state.messages.has(id)) {
      const player = playerOf(id);
      if (player) player.remove();
      tr.remove();
    }
  }
  // Rows are moved only when out of place (a moved <audio> would not survive every browser's handling).
  let cursor = body.firstElementChild;
  for (const v of sorted) {
    let tr = rowOf(v.id);
    if (tr) updateRow(tr, v);
    else tr = messageRow(v);
    if (tr !== cursor) body.insertBefore(tr, cursor);
    cursor = tr.nextElementSibling;
    const player = playerOf(v.id);
    if (player) {
      if (player !== cursor) body.insertBefore(player, cursor);
      cursor = player.nextElementSibling;
    }
  }
}

function stateCell(v) {
  const fresh = v.folder === 'NEW';
  return el('span', {class: ['pill', fresh ? 'new' : 'neutral'], dataset: {folder: v.folder}}, fresh ? 'New' : 'Heard');
}

function messageRow(v) {
  const label = callerLabel(v);
  const play = el('button', {type: 'button', class: 'play secondary small', 'aria-expanded': 'false',
    'aria-controls': 'voicemail-player-' + v.id, 'aria-label': 'Play the message from ' + label,
    on: {click: () => togglePlay(v.id)}}, 'Play');
  const download = el('a', {class: 'download button ghost small', href: audioUrl(v.id),
    download: 'voicemail-' + v.id + '.wav', 'aria-label': 'Download the message from ' + label}, 'Download');
  const remove = el('button', {type: 'button', class: 'delete danger small', 'aria-label': 'Delete the message from ' + label,
    on: {click: () => deleteMessage(v.id)}}, 'Delete');
  const caller = v.callerName
    ? [el('span', {class: 'vm-caller-name'}, v.callerName), v.callerExtension
      ? el('span', {class: 'vm-caller-ext muted'}, v.callerExtension) : null]
    : el('span', {class: 'vm-caller-name'}, callerLabel(v));
  return el('tr', {dataset: {voicemailId: v.id}, class: v.folder === 'NEW' ? 'new' : null},
    el('th', {scope: 'row', class: 'vm-caller'}, caller),
    el('td', {class: 'vm-received'}, time(v.receivedAt, true),
      // At phone width the Length column gives way to this (CSS); elsewhere it is not shown.
      el('span', {class: 'vm-duration-inline muted'}, ' · ' + duration(v))),
    el('td', {class: 'num vm-duration'}, duration(v)),
    el('td', {class: 'vm-state'}, stateCell(v)),
    el('td', {class: 'row-actions'}, play, download, remove));
}

const duration = (v) => formatDuration(Math.round((Number(v.durationMillis) || 0) / 1000));

function updateRow(tr, v) {
  tr.classList.toggle('new', v.folder === 'NEW');
  const cell = tr.querySelector('td.vm-state');
  const pill = cell.firstElementChild;
  if (!pill || pill.dataset.folder !== v.folder) fill(cell, stateCell(v));
}

function togglePlay(id) {
  const v = state.messages.get(id);
  if (!v) return;
  let player = playerOf(id);
  if (!player) {
    player = playerRow(v);
    rowOf(id).after(player);
    rowOf(id).querySelector('button.play').setAttribute('aria-expanded', 'true');
  }
  const audio = player.querySelector('audio');
  if (!audio.paused) {
    audio.pause();
    return;
  }
  audio.play().catch((e) => {
    // Blocked autoplay or a decoding failure: the controls stay, the person can press play there.
    if (e && e.name === 'NotAllowedError') {
      status(PRESS_PLAY, 'info');
      audio.focus();
    } else if (e && e.name !== 'AbortError') {
      status('This message cannot be played here: ' + (e.message || e.name) + '. Download it instead.', 'error');
    }
  });
}

function playerRow(v) {
  const label = callerLabel(v);
  const audio = el('audio', {controls: '', preload: 'metadata', src: audioUrl(v.id),
    'aria-label': 'Voicemail from ' + label});
  const button = () => {
    const tr = rowOf(v.id);
    return tr ? tr.querySelector('button.play') : null;
  };
  const show = (playing) => {
    const b = button();
    if (!b) return;
    text(b, playing ? 'Pause' : 'Play');
    b.setAttribute('aria-label', (playing ? 'Pause' : 'Play') + ' the message from ' + label);
    b.setAttribute('aria-expanded', 'true');
  };
  audio.addEventListener('playing', () => {
    show(true);
    if ($('#status').textContent === PRESS_PLAY) status('');
    markHeard(v.id);
  });
  audio.addEventListener('pause', () => show(false));
  audio.addEventListener('ended', () => show(false));
  audio.addEventListener('error', () => {
    show(false);
    status('The recording of the message from ' + label + ' cannot be played. Download it instead.', 'error');
  });
  return el('tr', {id: 'voicemail-player-' + v.id, class: 'vm-player', dataset: {playerFor: v.id}},
    el('td', {colspan: 5}, audio));
}

async function markHeard(id) {
  const v = state.messages.get(id);
  if (!v || v.folder !== 'NEW' || state.marking.has(id)) return;
  state.marking.add(id);
  try {
    const saved = await api.put('/api/v1/me/voicemails/' + seg(id), {folder: 'SAVED'});
    if (state.messages.has(id)) state.messages.set(id, saved);
    render();
  } catch (e) {
    state.report(e);
  } finally {
    state.marking.delete(id);
  }
}

async function deleteMessage(id) {
  const v = state.messages.get(id);
  if (!v) return;
  if (!window.confirm(`Delete the message from ${callerLabel(v)}? This cannot be undone.`)) return;
  const tr = rowOf(id);
  const player = playerOf(id);
  const next = player ? player.nextElementSibling : tr && tr.nextElementSibling;
  try {
    const audio = player && player.querySelector('audio');
    if (audio) audio.pause();
    await api.del('/api/v1/me/voicemails/' + seg(id));
    state.messages.delete(id);
    render();
    status('Message deleted', 'ok');
    const focus = next && next.isConnected ? next.querySelector('button.play') : null;
    (focus || $('#voicemail-title')).focus();
  } catch (e) {
    state.report(e);
  }
}

/* ---------------- greetings ---------------- */

function renderGreetings() {
  for (const kind of KINDS) {
    const custom = state.greetings[kind];
    const pill = $('#greeting-' + kind + '-state');
    text(pill, custom ? 'Custom greeting' : 'Default greeting');
    pill.className = 'pill ' + (custom ? 'ok' : 'neutral');
    $('#greeting-' + kind + '-remove').disabled = !custom;
  }
}

async function uploadGreeting(kind, event) {
  event.preventDefault();
  const form = $('#greeting-' + kind);
  const input = $('#greeting-' + kind + '-file');
  const button = $('#greeting-' + kind + '-upload');
  clearFieldErrors(form);
  const file = input.files && input.files[0];
  if (!file) {
    markInvalid(input, 'choose a WAV file first');
    status(KIND_LABEL[kind] + ' greeting: choose a WAV file first', 'error');
    input.focus();
    return;
  }
  button.disabled = true;
  status('Uploading ' + KIND_LABEL[kind].toLowerCase() + ' greeting…');
  try {
    await api.putRaw('/api/v1/me/voicemail/greetings/' + kind, file, 'audio/wav');
    state.greetings[kind] = true;
    renderGreetings();
    input.value = '';
    status(KIND_LABEL[kind] + ' greeting saved', 'ok');
  } catch (e) {
    status(KIND_LABEL[kind] + ' greeting not saved: ' + (e.message || String(e)), 'error');
    // 400 (field body: not a usable WAV), 413 (too large), 415: the file is to blame.
    if (e instanceof ApiError && (e.field === 'body' || e.status === 413 || e.status === 415)) {
      markInvalid(input, e.message);
      input.focus();
    }
  } finally {
    button.disabled = false;
  }
}

async function removeGreeting(kind) {
  if (!window.confirm(`Remove your ${KIND_LABEL[kind].toLowerCase()} greeting? Callers hear the default one.`)) return;
  clearFieldErrors($('#greeting-' + kind));
  try {
    await api.del('/api/v1/me/voicemail/greetings/' + kind);
    state.greetings[kind] = false;
    renderGreetings();
    status(KIND_LABEL[kind] + ' greeting removed: callers hear the default one', 'ok');
    $('#greeting-' + kind + '-file').focus();
  } catch (e) {
    state.report(e);
  }
}

/* ---------------- PIN ---------------- */

function renderPin() {
  const pill = $('#vm-pin-state');
  text(pill, state.pinSet ? 'PIN set' : 'No PIN yet');
  pill.className = 'pill ' + (state.pinSet ? 'ok' : 'neutral');
}

async function savePin(event) {
  event.preventDefault();
  const form = $('#vm-pin-form');
  const input = $('#vm-pin');
  clearFieldErrors(form);
  const button = $('#vm-pin-save');
  button.disabled = true;
  try {
    await api.put('/api/v1/me/voicemail/pin', {pin: input.value});
    input.value = '';
    state.pinSet = true;
    renderPin();
    status('PIN saved', 'ok');
  } catch (e) {
    showError(form, e, {pin: 'vm-pin'});
  } finally {
    button.disabled = false;
  }
}
