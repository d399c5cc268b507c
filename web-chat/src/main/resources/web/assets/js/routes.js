/**
 * The admin dashboard's Routes view: a number in, the carriers the router would try for it now, in order, with
 * each score's parts (price, quality, availability, the weighted total) and every floor checked; then the excluded
 * carriers with the floor that failed. Asking claims nothing on the appliance (no breaker trial call).
 */
import * as api from './api.js';
import {query} from './api.js';
import {$, clearFieldErrors, el, emptyRow, fill, row, showError, text} from './dom.js';

export function initRoutes() {
  $('#route-form').addEventListener('submit', (e) => {
    e.preventDefault();
    explain();
  });
}

export function showRoutes() {
  $('#route-number').focus();
}

async function explain() {
  const form = $('#route-form');
  clearFieldErrors(form);
  const number = $('#route-number').value.trim();
  let answer;
  try {
    answer = await api.get('/api/v1/routes/explain' + query({number}));
  } catch (e) {
    showError(form, e, {number: 'route-number'});
    return;
  }
  const ranked = answer.candidates.filter((c) => !c.excluded).length;
  text($('#route-summary'), `+${answer.number} on ${answer.date}: ` + (ranked
    ? `${ranked} carrier${ranked === 1 ? '' : 's'} to try, in this order.`
    : 'no carrier may take this call.'));
  const table = $('#route-table');
  fill(table.tBodies[0], answer.candidates.length ? answer.candidates.map(line)
    : emptyRow(table, 'No carriers.'));
}

const score = (value) => value.toFixed(3);

function rate(r) {
  if (!r) return el('span', {class: 'muted'}, 'no rate for this number');
  const where = r.destination ? `${r.prefix} ${r.destination}` : r.prefix;
  return el('span', {}, where, ': ', el('strong', {}, String(r.ratePerMinute)), '/min ',
    el('span', {class: 'muted'}, r.increment));
}

function floors(list) {
  return el('ul', {class: 'floors'}, list.map((f) => el('li', {class: f.passed ? 'passed' : 'failed',
    dataset: {floor: f.floor, passed: f.passed}}, (f.passed ? '✓ ' : '✗ ') + f.floor + ': ' + f.detail)));
}

function line(c) {
  const s = c.score;
  return row({class: c.excluded ? 'excluded' : null, dataset: {carrierId: c.carrierId, rank: c.rank}}, [
    el('td', {class: 'num route-rank'}, c.excluded ? 'excluded' : c.rank),
    el('td', {class: 'route-carrier'}, c.carrier),
    el('td', {class: 'route-rate wrap'}, rate(c.rate)),
    el('td', {class: 'num score-price'}, score(s.price)),
    el('td', {class: 'num score-quality', title: s.qualityNeutral ? 'Too few calls measured: neutral' : null},
      score(s.quality) + (s.qualityNeutral ? ' (neutral)' : '')),
    el('td', {class: 'num score-availability', title: 'Circuit breaker: ' + c.availability}, score(s.availability)),
    el('td', {class: 'num score-total'}, el('strong', {}, score(s.total))),
    el('td', {class: 'route-floors wrap'}, floors(c.floors)),
  ]);
}
