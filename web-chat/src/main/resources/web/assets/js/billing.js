/**
 * The admin dashboard's Billing view, per selected tenant: the account's money (balance or credit limit, what calls
 * hold, what is available), its limits and freeze; the audited ledger with the top-up and adjustment form; the
 * monthly statements to download as CSV or PDF. The provider (SUPERADMIN) opens and changes the account, posts to the
 * ledger and thaws; a tenant's admin reads all of it and may only freeze its own account (the API says the same).
 */
import * as api from './api.js';
import {$, clearFieldErrors, el, emptyRow, fill, humanize, integerOf, row, showError, status, text, time} from './dom.js';

const LEDGER_LINES = 100;
const ACCOUNT_FIELDS = {kind: 'billing-account-kind', planId: 'billing-account-plan', currency: 'billing-account-plan',
  creditLimit: 'billing-account-credit', warningThreshold: 'billing-account-warning',
  maxConcurrentCalls: 'billing-account-max-calls', maxSpendPerHour: 'billing-account-max-hour',
  maxSpendPerDay: 'billing-account-max-day', blockedPatterns: 'billing-account-blocked'};
const POST_FIELDS = {amount: 'billing-post-amount', reason: 'billing-post-reason'};

const billing = {
  tenantPath: null,
  canEdit: () => false,
  report: null,
  account: null,
  plans: [],
};

const path = (rest) => billing.tenantPath('/billing' + rest);

/** Wires the view's forms once. */
export function initBilling({tenantPath, canEdit, report}) {
  Object.assign(billing, {tenantPath, canEdit, report});
  $('#billing-account-form').addEventListener('submit', saveAccount);
  $('#billing-post-form').addEventListener('submit', postToLedger);
  $('#billing-freeze').addEventListener('click', toggleFreeze);
}

/** The view is shown (or the tenant changed): the account, its ledger and statements. */
export async function showBilling() {
  const editor = billing.canEdit();
  clearFieldErrors($('#billing-account-form'));
  clearFieldErrors($('#billing-post-form'));
  billing.plans = await api.get(path('/plans'));
  billing.account = await api.getOrNull(path('/account'));
  renderAccount();
  $('#billing-account-form').hidden = !editor;
  $('#billing-post-form').hidden = !editor || !billing.account;
  if (editor) fillAccountForm();
  await Promise.all([loadLedger(), loadStatements()]);
}

const money = (amount, currency) => amount + ' ' + currency;
const none = (amount) => amount === undefined || amount === null || Number(amount) === 0;

function limitsText(a) {
  const l = a.limits || {};
  const parts = [];
  if (l.maxConcurrentCalls) parts.push(`${l.maxConcurrentCalls} calls at once`);
  if (!none(l.maxSpendPerHour)) parts.push(money(l.maxSpendPerHour, a.currency) + ' an hour');
  if (!none(l.maxSpendPerDay)) parts.push(money(l.maxSpendPerDay, a.currency) + ' a day');
  if (l.blockedPatterns && l.blockedPatterns.length) parts.push('blocked: ' + l.blockedPatterns.join(', '));
  return parts.length ? parts.join('; ') : 'none';
}

function planName(planId) {
  const p = billing.plans.find((x) => x.id === planId);
  return p ? p.name : '#' + planId;
}

function renderAccount() {
  const a = billing.account;
  $('#billing-none').hidden = !!a;
  $('#billing-summary').hidden = !a;
  const freeze = $('#billing-freeze');
  // a tenant's admin may brake, only the provider releases it
  freeze.hidden = !a || (a.frozen && !billing.canEdit());
  if (!a) return;
  text($('#billing-kind'), a.kind === 'PREPAID' ? 'Prepaid' : 'Postpaid');
  const state = $('#billing-state');
  state.dataset.frozen = String(a.frozen);
  state.className = 'pill ' + (a.frozen ? 'bad' : 'ok');
  text(state, a.frozen ? 'Frozen' : 'Active');
  text($('#billing-balance'), money(a.balance, a.currency));
  text($('#billing-credit'), a.kind === 'POSTPAID' ? money(a.creditLimit, a.currency) : '—');
  text($('#billing-reserved'), money(a.reserved, a.currency) + ` (${a.openCalls} call${a.openCalls === 1 ? '' : 's'})`);
  text($('#billing-available'), money(a.available, a.currency));
  text($('#billing-warning'), none(a.warningThreshold) ? 'none' : money(a.warningThreshold, a.currency));
  text($('#billing-plan'), planName(a.planId));
  text($('#billing-limits'), limitsText(a));
  freeze.textContent = a.frozen ? 'Thaw account' : 'Freeze account';
  freeze.className = 'small ' + (a.frozen ? 'secondary' : 'danger');
}

function fillAccountForm() {
  const a = billing.account;
  fill($('#billing-account-plan'), billing.plans.map((p) => el('option', {value: String(p.id)},
    `${p.name} (${p.currency})`)));
  $('#billing-account-form-title').textContent = a ? 'Change the account' : 'Open the account';
  $('#billing-account-save').textContent = a ? 'Save account' : 'Open account';
  $('#billing-account-save').disabled = billing.plans.length === 0;
  if (!billing.plans.length) status('Create a rate plan first (Rate plans)', 'info');
  if (!a) {
    $('#billing-account-form').reset();
    return;
  }
  const l = a.limits || {};
  $('#billing-account-kind').value = a.kind;
  $('#billing-account-plan').value = String(a.planId);
  $('#billing-account-credit').value = a.creditLimit;
  $('#billing-account-warning').value = a.warningThreshold;
  $('#billing-account-max-calls').value = String(l.maxConcurrentCalls || 0);
  $('#billing-account-max-hour').value = l.maxSpendPerHour || '0';
  $('#billing-account-max-day').value = l.maxSpendPerDay || '0';
  $('#billing-account-blocked').value = (l.blockedPatterns || []).join(', ');
}

const decimal = (id) => $(id).value.trim() || null;

async function saveAccount(event) {
  event.preventDefault();
  const form = $('#billing-account-form');
  clearFieldErrors(form);
  const kind = $('#billing-account-kind').value;
  const plan = billing.plans.find((p) => String(p.id) === $('#billing-account-plan').value);
  const body = {
    kind,
    planId: plan ? plan.id : null,
    currency: plan ? plan.currency : null,
    creditLimit: kind === 'POSTPAID' ? decimal('#billing-account-credit') : null,
    warningThreshold: decimal('#billing-account-warning'),
    limits: {
      maxConcurrentCalls: integerOf('#billing-account-max-calls'),
      maxSpendPerHour: decimal('#billing-account-max-hour'),
      maxSpendPerDay: decimal('#billing-account-max-day'),
      blockedPatterns: $('#billing-account-blocked').value.split(',').map((s) => s.trim()).filter(Boolean),
    },
  };
  const button = $('#billing-account-save');
  button.disabled = true;
  try {
    const opening = !billing.account;
    await api.put(path('/account'), body);
    await showBilling();
    status(opening ? 'Account opened' : 'Account saved', 'ok');
  } catch (e) {
    showError(form, e, ACCOUNT_FIELDS);
  } finally {
    button.disabled = false;
  }
}

async function postToLedger(event) {
  event.preventDefault();
  const form = $('#billing-post-form');
  clearFieldErrors(form);
  const kind = $('#billing-post-kind').value;
  const body = {amount: decimal('#billing-post-amount'), reason: $('#billing-post-reason').value.trim() || null};
  const button = $('#billing-post-save');
  button.disabled = true;
  try {
    const line = await api.post(path('/' + kind), body);
    form.reset();
    await showBilling();
    status(`${kind === 'top-ups' ? 'Top-up' : 'Adjustment'} of ${money(line.amount, line.currency)} posted`, 'ok');
  } catch (e) {
    showError(form, e, POST_FIELDS);
  } finally {
    button.disabled = false;
  }
}

async function toggleFreeze() {
  const a = billing.account;
  if (!a) return;
  const question = a.frozen
    ? 'Thaw the account? Its outside calls are allowed again.'
    : 'Freeze the account now? New outside calls are refused and running ones end. Only the provider can thaw it.';
  if (!window.confirm(question)) return;
  try {
    await api.post(path('/freeze'), {frozen: !a.frozen});
    await showBilling();
    status(a.frozen ? 'Account thawed' : 'Account frozen', 'ok');
  } catch (e) {
    billing.report(e);
  }
}

async function loadLedger() {
  const table = $('#billing-ledger-table');
  const lines = billing.account ? await api.get(path('/ledger?limit=' + LEDGER_LINES)) : [];
  fill(table.tBodies[0], lines.length ? lines.map((l) => row({dataset: {entryId: l.id, kind: l.kind}}, [
    time(l.at),
    el('td', {class: 'ledger-kind'}, humanize(l.kind)),
    el('td', {class: 'num ledger-amount'}, money(l.amount, l.currency)),
    el('td', {class: 'ledger-actor'}, l.actor || ''),
    el('td', {class: ['ledger-reason', 'wrap']}, l.reason || ''),
  ])) : emptyRow(table, billing.account ? 'Nothing on the ledger yet.' : 'No account.'));
}

async function loadStatements() {
  const table = $('#billing-statements-table');
  const months = billing.account ? await api.get(path('/statements')) : [];
  fill(table.tBodies[0], months.length ? months.map((s) => row({dataset: {month: s.month}}, [
    el('span', {class: 'statement-month'}, s.month),
    el('td', {class: 'row-actions'},
      el('a', {class: 'button secondary small csv', href: s.csv, download: `statement-${s.month}.csv`,
        'aria-label': `Statement ${s.month} as CSV`}, 'CSV'),
      el('a', {class: 'button secondary small pdf', href: s.pdf, download: `statement-${s.month}.pdf`,
        'aria-label': `Statement ${s.month} as PDF`}, 'PDF')),
  ], true)) : emptyRow(table, 'No statements yet.'));
}
