/**
 * The admin dashboard's Rate decks view (SUPERADMIN): per carrier, the current deck's summary and the upload of a
 * new one. The appliance imports an upload in the background; its progress comes both from the event stream
 * (rate-deck.import frames, passed in by admin.js) and from polling the import, so the bar moves even when the
 * stream is reconnecting. A rejected deck lists its bad rows by number, as the appliance words them.
 */
import * as api from './api.js';
import {seg} from './api.js';
import {$, el, fill, formatDateTime, humanize, status, text} from './dom.js';

const POLL_MS = 700;
const FINISHED = new Set(['DONE', 'REJECTED', 'FAILED']);
const STATE_WORDS = {QUEUED: 'Queued', READING: 'Reading', STORING: 'Storing', DONE: 'Done', REJECTED: 'Rejected',
  FAILED: 'Failed'};

const decks = {
  carriers: [],
  carrierId: null,
  poll: null,
  report: null,
};

const deckPath = (rest = '') => '/api/v1/carriers/' + seg(decks.carrierId) + '/rate-deck' + rest;

export function initRateDecks({report}) {
  decks.report = report;
  $('#deck-carrier').addEventListener('change', () => {
    decks.carrierId = Number($('#deck-carrier').value);
    showCarrier().catch(decks.report);
  });
  $('#deck-form').addEventListener('submit', upload);
}

/** The view is shown: the carriers to choose from, then the chosen one's deck and last import. */
export async function showRateDecks() {
  decks.carriers = await api.get('/api/v1/carriers');
  const select = $('#deck-carrier');
  fill(select, decks.carriers.map((c) => el('option', {value: String(c.id)}, c.name)));
  if (!decks.carriers.some((c) => c.id === decks.carrierId)) {
    decks.carrierId = decks.carriers.length ? decks.carriers[0].id : null;
  }
  select.value = decks.carrierId === null ? '' : String(decks.carrierId);
  $('#deck-upload').disabled = decks.carrierId === null;
  if (decks.carrierId === null) {
    status('Add a carrier first (Carriers)', 'info');
  }
  await showCarrier();
}

export function hideRateDecks() {
  stopPolling();
}

/** A rate-deck.import frame of the event stream. */
export function deckImportFrame(frame) {
  const progress = frame.deckImport;
  if (!progress || progress.carrierId !== decks.carrierId || $('#view-rate-decks').hidden) return;
  show(progress).catch(decks.report);
}

async function showCarrier() {
  stopPolling();
  renderImport(null);
  if (decks.carrierId === null) {
    renderSummary(null);
    return;
  }
  await loadSummary();
  const progress = await api.getOrNull(deckPath('/import'));
  renderImport(progress);
  if (progress) concluded = FINISHED.has(progress.state) ? importKey(progress) : null;
  if (progress && !FINISHED.has(progress.state)) startPolling();
}

async function loadSummary() {
  renderSummary(await api.getOrNull(deckPath()));
}

function renderSummary(deck) {
  $('#deck-summary').hidden = !deck;
  $('#deck-none').hidden = !!deck || decks.carrierId === null;
  if (!deck) return;
  text($('#deck-source'), deck.source);
  text($('#deck-rows'), deck.rows);
  text($('#deck-prefixes'), deck.prefixes);
  text($('#deck-imported'), formatDateTime(deck.importedAt));
  text($('#deck-effective'), (deck.effectiveFrom || '?') + ' to ' + (deck.effectiveUntil || 'open-ended'));
}

async function upload(event) {
  event.preventDefault();
  const file = $('#deck-file').files[0];
  if (!file) {
    status('Choose a CSV file first', 'error');
    $('#deck-file').focus();
    return;
  }
  const button = $('#deck-upload');
  button.disabled = true;
  try {
    const started = await api.putRaw(deckPath('?source=' + encodeURIComponent(file.name)), file, 'text/csv');
    status(`Importing ${file.name}…`, 'info');
    $('#deck-form').reset();
    startPolling();
    await show(started);
  } catch (e) {
    decks.report(e);
  } finally {
    button.disabled = false;
  }
}

function startPolling() {
  stopPolling();
  decks.poll = setInterval(() => pollOnce().catch(() => {}), POLL_MS);
}

function stopPolling() {
  if (decks.poll) clearInterval(decks.poll);
  decks.poll = null;
}

async function pollOnce() {
  if ($('#view-rate-decks').hidden) {
    stopPolling();
    return;
  }
  const progress = await api.getOrNull(deckPath('/import'));
  if (progress) await show(progress);
}

const importKey = (p) => p.carrierId + ' ' + p.startedAt;
let concluded = null;   // the import whose end was reported already (frames and polls both bring it)

/** Shows an import's progress, from a poll or a frame; its end (once) stops the polling and reloads the summary. */
async function show(progress) {
  renderImport(progress);
  if (!FINISHED.has(progress.state) || concluded === importKey(progress)) return;
  concluded = importKey(progress);
  stopPolling();
  await finished(progress);
}

async function finished(progress) {
  await loadSummary();
  if (progress.state === 'DONE') status(`Deck ${progress.source} imported: ${progress.rowsStored} rows`, 'ok');
  else status(`Deck ${progress.source} ${progress.state === 'REJECTED' ? 'rejected' : 'failed'}: the current deck stays`,
    'error');
}

let shownState = null;

/** The progress bar, the state, the outcome in words and, when rejected, the bad rows. */
function renderImport(p) {
  $('#deck-import').hidden = !p;
  if (!p) {
    shownState = null;
    return;
  }
  // frames and polls may cross: never move a finished import back, nor the bar backwards within one import
  const bar = $('#deck-progress');
  const key = importKey(p);
  if (shownState && shownState.key === key && (FINISHED.has(shownState.state) && !FINISHED.has(p.state)
    || p.percent < shownState.percent)) return;
  shownState = {key, state: p.state, percent: p.percent};
  bar.value = p.percent;
  text($('#deck-percent'), p.percent + ' %');
  const state = $('#deck-state');
  state.dataset.state = p.state;
  state.className = 'pill' + (p.state === 'DONE' ? ' ok' : FINISHED.has(p.state) ? ' bad' : '');
  text(state, STATE_WORDS[p.state] || humanize(p.state));
  text($('#deck-outcome'), outcome(p));
  const errors = $('#deck-errors');
  fill(errors, (p.errors || []).map((e) => el('li', {}, e)));
  errors.hidden = !(p.errors && p.errors.length);
  const more = $('#deck-more-errors');
  more.hidden = !p.moreErrors;
  text(more, p.moreErrors ? `and ${p.moreErrors} more bad rows` : '');
}

function outcome(p) {
  const name = p.source || 'the deck';
  switch (p.state) {
    case 'QUEUED': return `${name}: waiting to be read.`;
    case 'READING': return `${name}: reading, ${p.rowsRead} rows so far.`;
    case 'STORING': return `${name}: storing, ${p.rowsStored} of ${p.rowsRead} rows.`;
    case 'DONE': return `${name}: ${p.rowsStored} rows imported; the router uses them from now on.`;
    case 'REJECTED': return `${name}: rejected, nothing imported (the current deck stays). Bad rows:`;
    case 'FAILED': return `${name}: the import failed (${p.failure || 'see the appliance log'}); the current deck stays.`;
    default: return '';
  }
}
