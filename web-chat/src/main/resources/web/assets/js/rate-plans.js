/**
 * The admin dashboard's Rate plans view, per selected tenant: the retail plans and, for the one picked, its rates
 * edited as one set (the API replaces them whole: a set with a bad value changes nothing). A refused value comes
 * back as "[2].pricePerMinute" and is shown at that row's input. The provider (SUPERADMIN) edits; a tenant's admin
 * reads (inputs read-only, no buttons).
 */
import * as api from './api.js';
import {seg} from './api.js';
import {$, clearFieldErrors, describeError, el, emptyRow, fill, markInvalid, row, showError, status, text} from './dom.js';

/** A rate's fields in their column order, with the words of their hidden labels. */
const COLUMNS = [
  ['prefix', 'Prefix'], ['description', 'Destination'], ['pricePerMinute', 'Price per minute'],
  ['connectionFee', 'Connection fee'], ['minimumCharge', 'Minimum charge'], ['increment', 'Increment'],
  ['effectiveFrom', 'Effective from'], ['effectiveUntil', 'Effective until'],
];
const PLACEHOLDERS = {pricePerMinute: '0.10', connectionFee: '0', minimumCharge: '0', increment: '60/60',
  effectiveFrom: 'YYYY-MM-DD', effectiveUntil: 'open-ended'};
/** The API's names for parts of a field that one input holds. */
const INPUT_OF = {firstIncrement: 'increment', nextIncrement: 'increment'};

const plans = {
  tenantPath: null,
  canEdit: () => false,
  report: null,
  list: [],
  plan: null,
  nextRow: 0,
};

const base = (rest = '') => plans.tenantPath('/billing/plans' + rest);

export function initRatePlans({tenantPath, canEdit, report}) {
  Object.assign(plans, {tenantPath, canEdit, report});
  $('#plan-form').addEventListener('submit', createPlan);
  $('#rates-form').addEventListener('submit', saveRates);
  $('#rate-add').addEventListener('click', () => addRateRow(null).querySelector('input').focus());
  $('#rates-close').addEventListener('click', () => openRates(null));
}

/** The view is shown (or the tenant changed). */
export async function showRatePlans() {
  $('#plan-form').hidden = !plans.canEdit();
  clearFieldErrors($('#plan-form'));
  await loadPlans();
  const still = plans.plan && plans.list.find((p) => p.id === plans.plan.id);
  await openRates(still || null);
}

async function loadPlans() {
  plans.list = await api.get(base());
  const table = $('#plans-table');
  const editor = plans.canEdit();
  fill(table.tBodies[0], plans.list.length ? plans.list.map((p) => row({dataset: {planId: p.id, name: p.name}}, [
    el('span', {class: 'plan-name'}, p.name),
    el('td', {class: 'plan-currency'}, p.currency),
    el('td', {class: 'plan-time-zone'}, p.timeZone),
    el('td', {class: 'row-actions'},
      el('button', {type: 'button', class: 'secondary small rates', 'aria-label': 'Rates of plan ' + p.name,
        on: {click: () => openRates(p).catch(plans.report)}}, editor ? 'Edit rates' : 'Rates'),
      editor ? el('button', {type: 'button', class: 'danger small delete', 'aria-label': 'Delete plan ' + p.name,
        on: {click: () => removePlan(p)}}, 'Delete') : null),
  ], true)) : emptyRow(table, 'No rate plans yet.'));
}

async function createPlan(event) {
  event.preventDefault();
  const form = $('#plan-form');
  clearFieldErrors(form);
  const body = {name: $('#plan-name').value.trim(), currency: $('#plan-currency').value.trim().toUpperCase(),
    timeZone: $('#plan-time-zone').value.trim()};
  const button = $('#plan-create');
  button.disabled = true;
  try {
    const p = await api.post(base(), body);
    form.reset();
    await loadPlans();
    await openRates(p);
    status(`Plan ${p.name} created: add its rates`, 'ok');
  } catch (e) {
    showError(form, e, {name: 'plan-name', currency: 'plan-currency', timeZone: 'plan-time-zone'});
  } finally {
    button.disabled = false;
  }
}

async function removePlan(p) {
  if (!window.confirm(`Delete plan ${p.name} and its rates?`)) return;
  try {
    await api.del(base('/' + seg(p.id)));
    if (plans.plan && plans.plan.id === p.id) await openRates(null);
    await loadPlans();
    status(`Plan ${p.name} deleted`, 'ok');
  } catch (e) {
    plans.report(e);
  }
}

/** Shows a plan's rates in the editor (null: closes it). */
async function openRates(p) {
  plans.plan = p;
  const form = $('#rates-form');
  form.hidden = !p;
  clearFieldErrors(form);
  if (!p) return;
  const rates = await api.get(base('/' + seg(p.id) + '/rates'));
  text($('#rates-title'), `Rates of ${p.name} (${p.currency}, days in ${p.timeZone})`);
  const editor = plans.canEdit();
  for (const id of ['#rate-add', '#rates-save']) $(id).hidden = !editor;
  fill($('#rates-table').tBodies[0]);
  plans.nextRow = 0;
  rates.forEach((r) => addRateRow(r));
  if (!rates.length && editor) addRateRow(null);
  if (!rates.length && !editor) fill($('#rates-table').tBodies[0], emptyRow($('#rates-table'), 'No rates yet.'));
}

/** One editable row (ids rate-N-field, each with a hidden label) holding a rate, or empty for a new one. */
function addRateRow(rate) {
  const n = plans.nextRow++;
  const editor = plans.canEdit();
  const cells = COLUMNS.map(([field, words]) => {
    const id = `rate-${n}-${field}`;
    const value = rate && rate[field] !== null && rate[field] !== undefined ? String(rate[field]) : '';
    return el('td', {class: ['rate-cell', 'rate-' + field]},
      el('label', {for: id, class: 'visually-hidden'}, `${words} of rate ${n + 1}`),
      el('input', {id, value, dataset: {field}, autocomplete: 'off', spellcheck: 'false', readOnly: !editor,
        placeholder: editor ? PLACEHOLDERS[field] || '' : ''}));
  });
  const remove = editor ? el('button', {type: 'button', class: 'danger small remove', 'aria-label': `Remove rate ${n + 1}`,
    on: {click: () => tr.remove()}}, 'Remove') : null;
  const tr = el('tr', {class: 'rate-row'}, cells, el('td', {class: 'row-actions'}, remove));
  $('#rates-table').tBodies[0].append(tr);
  return tr;
}

function rowsOfEditor() {
  return Array.from($('#rates-table').tBodies[0].querySelectorAll('tr.rate-row'));
}

function rateOf(tr) {
  const rate = {};
  for (const [field] of COLUMNS) {
    const v = tr.querySelector(`input[data-field="${field}"]`).value.trim();
    rate[field] = v === '' ? null : v;
  }
  return rate;
}

async function saveRates(event) {
  event.preventDefault();
  const form = $('#rates-form');
  clearFieldErrors(form);
  const trs = rowsOfEditor();
  const button = $('#rates-save');
  button.disabled = true;
  try {
    await api.put(base('/' + seg(plans.plan.id) + '/rates'), trs.map(rateOf));
    await openRates(plans.plan);
    status(`${trs.length} rate${trs.length === 1 ? '' : 's'} of ${plans.plan.name} saved`, 'ok');
  } catch (e) {
    showRateError(trs, e);
  } finally {
    button.disabled = false;
  }
}

/**
 * A refused set: "[2].pricePerMinute" is marked at row 3's price input; an error of the whole set (overlapping
 * periods: "effectiveFrom") only in the status region, which quotes the prefix.
 */
function showRateError(trs, e) {
  const match = e instanceof api.ApiError && e.field ? /^\[(\d+)\]\.(\w+)$/.exec(e.field) : null;
  const tr = match ? trs[Number(match[1])] : null;
  const input = tr ? tr.querySelector(`input[data-field="${INPUT_OF[match[2]] || match[2]}"]`) : null;
  if (!input) {
    showError($('#rates-form'), e, {});
    return;
  }
  // the API's text starts with its path ("[2].pricePerMinute: "): the label says it in the user's words
  const reason = e.message.startsWith(e.field + ': ') ? e.message.slice(e.field.length + 2) : e.message;
  status(describeError({field: e.field, message: reason}, input), 'error');
  markInvalid(input, reason);
  input.focus();
}
