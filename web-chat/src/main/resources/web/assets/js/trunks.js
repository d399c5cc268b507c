/**
 * The admin dashboard's Trunks view: the PBX's call routers and gateways (from the node's configuration), each
 * up or down as its health checks and calls found it, refreshed every few seconds while shown.
 */
import * as api from './api.js';
import {$, el, emptyRow, fill, row} from './dom.js';

const REFRESH_MS = 3000;
const trunks = {timer: null, report: null};

export function initTrunks({report}) {
  trunks.report = report;
  $('#trunks-refresh').addEventListener('click', () => load().catch(trunks.report));
}

export async function showTrunks() {
  await load();
  stopRefresh();
  trunks.timer = setInterval(() => refresh().catch(() => {}), REFRESH_MS);
}

export function hideTrunks() {
  stopRefresh();
}

function stopRefresh() {
  if (trunks.timer) clearInterval(trunks.timer);
  trunks.timer = null;
}

async function refresh() {
  if ($('#view-trunks').hidden) {
    stopRefresh();
    return;
  }
  await load();
}

async function load() {
  const list = await api.get('/api/v1/trunks');
  const table = $('#trunks-table');
  fill(table.tBodies[0], list.length ? list.map((t) => {
    const address = t.host + ':' + t.port;
    return row({dataset: {role: t.role, address}}, [
      t.role === 'router' ? 'Call router' : 'Gateway',
      el('td', {class: 'trunk-prefix'}, t.role === 'gateway' ? 'starting ' + t.prefix : 'all others'),
      el('td', {class: 'trunk-address'}, address),
      (t.transport || '').toUpperCase(),
      el('td', {class: 'trunk-state'}, el('span', {class: ['pill', t.up ? 'ok' : 'bad'], dataset: {up: t.up}},
        t.up ? 'Up' : 'Down')),
    ], true);
  }) : emptyRow(table, 'No trunks: this node sends no calls outside (trunk.routers, trunk.gateways).'));
}
