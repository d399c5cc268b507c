/**
 * The admin dashboard's DIDs view: the selected tenant's public numbers, what each rings, and which one is the
 * tenant's main number (presented as caller ID by users who own none). Making one main takes it from the other.
 */
import * as api from './api.js';
import {seg} from './api.js';
import {$, clearFieldErrors, el, emptyRow, fill, row, showError, status} from './dom.js';

const FIELDS = {number: 'did-number', extension: 'did-extension', main: 'did-main'};

const dids = {list: [], editing: null, tenantPath: null, report: null};

const didsPath = (rest = '') => dids.tenantPath('/dids' + rest);

export function initDids({tenantPath, report}) {
  dids.tenantPath = tenantPath;
  dids.report = report;
  $('#did-form').addEventListener('submit', save);
  $('#did-cancel').addEventListener('click', () => edit(null));
}

/** The view is shown (or the tenant changed). */
export async function showDids() {
  edit(null);
  await load();
}

async function load() {
  dids.list = await api.get(didsPath());
  render();
}

function render() {
  const table = $('#dids-table');
  fill(table.tBodies[0], dids.list.length ? dids.list.map((d) => row({dataset: {didId: d.id, number: d.number}}, [
    el('span', {class: 'did-number'}, d.number),
    el('td', {class: 'did-extension'}, d.extension),
    el('td', {class: 'did-main'}, d.main ? el('span', {class: 'pill ok'}, 'Main') : ''),
    el('td', {class: 'row-actions'},
      el('button', {type: 'button', class: 'secondary small edit', 'aria-label': 'Edit DID ' + d.number,
        on: {click: () => edit(d)}}, 'Edit'),
      el('button', {type: 'button', class: 'danger small delete', 'aria-label': 'Delete DID ' + d.number,
        on: {click: () => remove(d)}}, 'Delete')),
  ], true)) : emptyRow(table, 'No DIDs yet.'));
}

function edit(d) {
  dids.editing = d;
  const form = $('#did-form');
  clearFieldErrors(form);
  form.reset();
  $('#did-form-title').textContent = d ? 'Edit DID ' + d.number : 'New DID';
  $('#did-save').textContent = d ? 'Save DID' : 'Add DID';
  $('#did-cancel').hidden = !d;
  if (d) {
    $('#did-number').value = d.number;
    $('#did-extension').value = d.extension;
    $('#did-main').checked = d.main;
    $('#did-number').focus();
  }
}

async function save(event) {
  event.preventDefault();
  const form = $('#did-form');
  clearFieldErrors(form);
  const body = {number: $('#did-number').value.trim(), extension: $('#did-extension').value.trim(),
    main: $('#did-main').checked};
  const button = $('#did-save');
  button.disabled = true;
  try {
    const d = dids.editing ? await api.put(didsPath('/' + seg(dids.editing.id)), body) : await api.post(didsPath(), body);
    status(`DID ${d.number} ${dids.editing ? 'saved' : 'added'}`, 'ok');
    edit(null);
    await load();
  } catch (e) {
    showError(form, e, FIELDS);
  } finally {
    button.disabled = false;
  }
}

async function remove(d) {
  if (!window.confirm(`Delete DID ${d.number}? Calls to it are refused from then on.`)) return;
  try {
    await api.del(didsPath('/' + seg(d.id)));
    if (dids.editing && dids.editing.id === d.id) edit(null);
    status(`DID ${d.number} deleted`, 'ok');
    await load();
  } catch (e) {
    dids.report(e);
  }
}
