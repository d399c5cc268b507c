/**
 * The admin dashboard's auto-attendant view: a tenant's menus (number, greeting, timeouts) and what each key
 * does. A key's target is typed as an extension, or for MENU as the other menu's number (sent as its id).
 */
import * as api from './api.js';
import {seg} from './api.js';
import {$, clearFieldErrors, el, emptyRow, fill, row, showError, status} from './dom.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*'];
const ACTIONS = ['', 'EXTENSION', 'MENU', 'VOICEMAIL', 'HANGUP'];
const ACTION_LABELS = {'': '—', EXTENSION: 'Ring extension', MENU: 'Another menu', VOICEMAIL: 'Voicemail of', HANGUP: 'Hang up'};

const state = {menus: [], editing: null, tenantPath: null, report: null};

const keyId = (key) => (key === '*' ? 'star' : key);
const actionInput = (key) => $('#menu-option-' + keyId(key) + '-action');
const targetInput = (key) => $('#menu-option-' + keyId(key) + '-target');

function describe(o) {
  if (o.action === 'MENU') {
    const m = state.menus.find((x) => x.id === o.menuId);
    return `${o.digit} → menu ${m ? m.number : o.menuId}`;
  }
  if (o.action === 'HANGUP') return `${o.digit} → hang up`;
  return `${o.digit} → ${o.action === 'VOICEMAIL' ? 'voicemail ' : ''}${o.extension}`;
}

function renderOptionRows() {
  fill($('#menu-options').tBodies[0], KEYS.map((key) => {
    const action = 'menu-option-' + keyId(key) + '-action';
    const target = 'menu-option-' + keyId(key) + '-target';
    return row({dataset: {key}}, [
      key,
      el('td', {}, el('label', {htmlFor: action, class: 'visually-hidden'}, 'Action of key ' + key),
        el('select', {id: action}, ACTIONS.map((a) => el('option', {value: a}, ACTION_LABELS[a])))),
      el('td', {}, el('label', {htmlFor: target, class: 'visually-hidden'}, 'Target of key ' + key),
        el('input', {id: target, autocomplete: 'off', inputmode: 'numeric'})),
    ], true);
  }));
}

function render() {
  const table = $('#menus-table');
  fill(table.tBodies[0], state.menus.length ? state.menus.map((m) => row({dataset: {menuId: m.id, number: m.number}}, [
    m.number,
    m.name || '',
    el('td', {class: 'wrap menu-keys'}, m.options.map(describe).join(', ') || '—'),
    el('td', {class: 'row-actions'},
      el('button', {type: 'button', class: 'secondary small edit', 'aria-label': 'Edit menu ' + m.number,
        on: {click: () => edit(m)}}, 'Edit'),
      el('button', {type: 'button', class: 'danger small delete', 'aria-label': 'Delete menu ' + m.number,
        on: {click: () => remove(m)}}, 'Delete')),
  ], true)) : emptyRow(table, 'No menus yet.'));
}

export async function load() {
  state.menus = await api.get(state.tenantPath('/menus'));
  render();
}

function reset() {
  const form = $('#menu-form');
  form.reset();
  clearFieldErrors(form);
  state.editing = null;
  $('#menu-form-title').textContent = 'New menu';
  $('#menu-save').textContent = 'Create menu';
  $('#menu-cancel').hidden = true;
}

function edit(m) {
  reset();
  state.editing = m;
  $('#menu-form-title').textContent = 'Menu ' + m.number;
  $('#menu-save').textContent = 'Save menu';
  $('#menu-cancel').hidden = false;
  $('#menu-number').value = m.number;
  $('#menu-name').value = m.name || '';
  $('#menu-greeting').value = m.greeting;
  $('#menu-timeout').value = m.timeoutSeconds;
  $('#menu-retries').value = m.maxRetries;
  $('#menu-operator').value = m.operatorExtension || '';
  $('#menu-dial-by-extension').checked = m.dialByExtension;
  for (const o of m.options) {
    actionInput(o.digit).value = o.action;
    const target = state.menus.find((x) => x.id === o.menuId);
    targetInput(o.digit).value = o.action === 'MENU' ? (target ? target.number : '') : (o.extension || '');
  }
  $('#menu-number').focus();
}

const numberOrNull = (value) => (value.trim() === '' ? null : Number(value));

/** The request body, and the input behind each option index for errors such as options[1].extension. */
function body() {
  const options = [];
  const inputs = {number: 'menu-number', name: 'menu-name', greeting: 'menu-greeting', timeoutSeconds: 'menu-timeout',
    maxRetries: 'menu-retries', operatorExtension: 'menu-operator'};
  for (const key of KEYS) {
    const action = actionInput(key).value;
    if (!action) continue;
    const target = targetInput(key).value.trim();
    const i = options.length;
    const option = {digit: key, action, extension: null, menuId: null};
    if (action === 'EXTENSION' || action === 'VOICEMAIL') option.extension = target;
    if (action === 'MENU') {
      const m = state.menus.find((x) => x.number === target);
      option.menuId = m ? m.id : -1; // the server names options[i].menuId as unknown
    }
    options.push(option);
    inputs[`options[${i}].digit`] = actionInput(key).id;
    inputs[`options[${i}].action`] = actionInput(key).id;
    inputs[`options[${i}].extension`] = targetInput(key).id;
    inputs[`options[${i}].menuId`] = targetInput(key).id;
  }
  return {
    request: {
      number: $('#menu-number').value.trim(),
      name: $('#menu-name').value.trim() || null,
      greeting: $('#menu-greeting').value.trim() || null,
      dialByExtension: $('#menu-dial-by-extension').checked,
      timeoutSeconds: numberOrNull($('#menu-timeout').value),
      maxRetries: numberOrNull($('#menu-retries').value),
      operatorExtension: $('#menu-operator').value.trim() || null,
      options,
    },
    inputs,
  };
}

async function save(event) {
  event.preventDefault();
  const form = $('#menu-form');
  clearFieldErrors(form);
  const {request, inputs} = body();
  const button = $('#menu-save');
  button.disabled = true;
  try {
    const m = state.editing
      ? await api.put(state.tenantPath('/menus/' + seg(state.editing.id)), request)
      : await api.post(state.tenantPath('/menus'), request);
    const verb = state.editing ? 'saved' : 'created';
    reset();
    await load();
    status(`Menu ${m.number} ${verb}`, 'ok');
  } catch (e) {
    showError(form, e, inputs);
  } finally {
    button.disabled = false;
  }
}

async function remove(m) {
  if (!window.confirm(`Delete menu ${m.number}?`)) return;
  try {
    await api.del(state.tenantPath('/menus/' + seg(m.id)));
    if (state.editing && state.editing.id === m.id) reset();
    await load();
    status(`Menu ${m.number} deleted`, 'ok');
  } catch (e) {
    state.report(e);
  }
}

/**
 * @param {function(string): string} tenantPath the selected tenant's API path plus a suffix
 * @param {function(Error)} report shows an error in the status line
 */
export function setUp(tenantPath, report) {
  state.tenantPath = tenantPath;
  state.report = report;
  renderOptionRows();
  $('#menu-form').addEventListener('submit', save);
  $('#menu-cancel').addEventListener('click', reset);
}

/** Another tenant was selected: forget the menu being edited. */
export function tenantChanged() {
  state.menus = [];
  reset();
}
