/**
 * A small element builder. Everything that comes from outside the page (names, message text,
 * user agents, anything the API answers) goes in through textContent, properties or
 * setAttribute; nothing here parses markup, so no outside string can become an element.
 */

const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction']);
const SAFE_URL = /^(?:\/(?!\/)|\.{0,2}\/|#|\?|https?:|mailto:)/i;
const PROPS = new Set(['id', 'type', 'name', 'value', 'checked', 'disabled', 'hidden', 'htmlFor',
  'placeholder', 'title', 'tabIndex', 'required', 'selected', 'readOnly', 'min', 'max', 'step']);

/**
 * el('button', {class: 'primary', text: 'Save', dataset: {id: 3}, on: {click: fn}}, child...)
 * Children: nodes, strings (become text nodes), numbers, arrays of those; null/undefined/false are skipped.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false && !PROPS.has(key)) {
      continue;
    }
    if (key === 'class') {
      node.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : String(value);
    } else if (key === 'text') {
      node.textContent = String(value);
    } else if (key === 'dataset') {
      for (const [k, v] of Object.entries(value)) {
        if (v !== undefined && v !== null) node.dataset[k] = String(v);
      }
    } else if (key === 'on') {
      for (const [event, handler] of Object.entries(value)) node.addEventListener(event, handler);
    } else if (key === 'innerHTML' || key === 'outerHTML' || /^on/i.test(key)) {
      throw new Error('dom.el: ' + key + ' is not allowed');
    } else if (PROPS.has(key)) {
      node[key] = value;
    } else {
      setAttr(node, key, value);
    }
  }
  append(node, children);
  return node;
}

/** Sets an attribute; refuses event-handler attributes and script URLs. */
export function setAttr(node, name, value) {
  if (/^on/i.test(name)) {
    throw new Error('dom.setAttr: ' + name + ' is not allowed');
  }
  const text = String(value);
  if (URL_ATTRS.has(name.toLowerCase()) && !SAFE_URL.test(text)) {
    throw new Error('dom.setAttr: unsafe URL for ' + name);
  }
  node.setAttribute(name, text);
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Replaces every child of node with the given children. */
export function fill(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

export function text(node, value) {
  node.textContent = value === null || value === undefined ? '' : String(value);
  return node;
}

/** The number typed in an input, as a number when it is one (the API names the field of anything else); null if empty. */
export function integerOf(selector) {
  const v = $(selector).value.trim();
  if (v === '') return null;
  return /^\d+$/.test(v) ? Number(v) : v;
}

export function $(selector, root = document) {
  const found = root.querySelector(selector);
  if (!found) throw new Error('missing element ' + selector);
  return found;
}

export function $all(selector, root = document) {
  return Array.from(root.querySelectorAll(selector));
}

/** A table row whose cells are th (scope=row) for the first when rowHeader is true, else td. */
export function row(props, cells, rowHeader = false) {
  return el('tr', props, cells.map((c, i) => (c instanceof Node && (c.tagName === 'TD' || c.tagName === 'TH'))
    ? c
    : el(rowHeader && i === 0 ? 'th' : 'td', rowHeader && i === 0 ? {scope: 'row'} : {}, c)));
}

/** A single-cell row spanning the table, e.g. "No calls yet". */
export function emptyRow(table, message) {
  const columns = table.querySelectorAll('thead th').length || 1;
  return el('tr', {class: 'empty'}, el('td', {colspan: columns}, message));
}

const dateTime = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'short'});
const timeOnly = new Intl.DateTimeFormat(undefined, {hour: '2-digit', minute: '2-digit'});

/** "27 Nov 2026, 10:04" for an ISO instant, or "" */
export function formatDateTime(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : dateTime.format(d);
}

/** Time of day when the instant is today, else date and time. */
export function formatShort(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  return d.toDateString() === new Date().toDateString() ? timeOnly.format(d) : dateTime.format(d);
}

/** 75 -> "1:15", 3700 -> "1:01:40" */
export function formatDuration(seconds) {
  const s = Math.max(0, Math.floor(Number(seconds) || 0));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A <time> element for an instant. */
export function time(iso, short = false) {
  if (!iso) return '';
  return el('time', {datetime: iso, title: formatDateTime(iso)}, short ? formatShort(iso) : formatDateTime(iso));
}

/** Words for an enum constant: NO_ANSWER -> "No answer" */
export function humanize(constant) {
  if (!constant) return '';
  const s = String(constant).toLowerCase().replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/* ---- page furniture shared by the dashboards ---- */

/**
 * Writes to the page's status region (#status, role=status, aria-live=polite).
 * @param {string} message
 * @param {'ok'|'error'|'info'} kind
 */
export function status(message, kind = 'info') {
  const region = document.getElementById('status');
  if (!region) return;
  region.dataset.kind = kind;
  region.textContent = message || '';
}

/**
 * An ApiError (or any error) as status text in the user's words: the label of the input it concerns ("Ring for
 * (seconds): must be 5 to 300", "Target of key 3: …"), else the field name spelt out ("Forward busy: …"), never
 * the API's internal path ("options[2].extension").
 * @param {HTMLElement} [input] the input the error was matched to
 */
export function describeError(error, input = null) {
  if (!error) return '';
  const words = error.field ? fieldWords(error.field, input) : '';
  return (words ? words + ': ' : '') + (error.message || String(error));
}

function fieldWords(field, input) {
  const label = input && input.id ? document.querySelector(`label[for="${CSS.escape(input.id)}"]`) : null;
  const text = label ? label.textContent : input ? input.getAttribute('aria-label') : null;
  if (text && text.trim()) return text.trim();
  const leaf = field.split('.').pop().replace(/\[\d+\]$/, '');
  const spelt = leaf.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return spelt.charAt(0).toUpperCase() + spelt.slice(1);
}

/** Removes every field error shown in root. */
export function clearFieldErrors(root) {
  for (const input of root.querySelectorAll('[aria-invalid="true"]')) {
    input.removeAttribute('aria-invalid');
    const described = (input.getAttribute('aria-describedby') || '').split(' ')
      .filter((id) => id && id !== input.id + '-error');
    if (described.length) input.setAttribute('aria-describedby', described.join(' '));
    else input.removeAttribute('aria-describedby');
  }
  for (const message of root.querySelectorAll('.field-error')) message.remove();
}

/**
 * Shows an error next to the input it names and in the status region.
 * @param {HTMLElement} root the form
 * @param {Error} error an ApiError (field may be dotted: "settings.noAnswerSeconds")
 * @param {Object<string,string>} inputs API field name -> input id
 * @returns {boolean} whether a matching input was found
 */
export function showError(root, error, inputs = {}) {
  clearFieldErrors(root);
  const leaf = error && error.field ? error.field.split('.').pop() : null;
  const inputId = leaf ? inputs[error.field] || inputs[leaf] : null;
  const input = inputId ? document.getElementById(inputId) : null;
  status(describeError(error, input), 'error');
  if (!input) return false;
  markInvalid(input, error.message);
  input.focus();
  return true;
}

/** Flags one input as invalid with a message under it. */
export function markInvalid(input, message) {
  input.setAttribute('aria-invalid', 'true');
  const id = input.id + '-error';
  const note = el('p', {id, class: 'field-error'}, message);
  const described = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
  if (!described.includes(id)) described.push(id);
  input.setAttribute('aria-describedby', described.join(' '));
  (input.closest('.field') || input.parentElement).append(note);
}

/**
 * Tab-like navigation between sections: buttons with data-view="name" show section #view-name.
 * The current view is kept in location.hash so a reload stays on it.
 * @param {function(string)} onShow called with the view name each time one is shown
 */
export function setUpViews(buttons, fallback, onShow) {
  const names = buttons.filter((b) => !b.hidden).map((b) => b.dataset.view);
  const show = (name, focus = false) => {
    const view = names.includes(name) ? name : fallback;
    for (const b of buttons) {
      const on = b.dataset.view === view;
      if (on) b.setAttribute('aria-current', 'page');
      else b.removeAttribute('aria-current');
      const section = document.getElementById('view-' + b.dataset.view);
      if (section) section.hidden = !on;
    }
    if (location.hash !== '#' + view) history.replaceState(null, '', '#' + view);
    if (focus) {
      const heading = document.querySelector('#view-' + view + ' h2');
      if (heading) heading.focus({preventScroll: true});
    }
    onShow(view);
    return view;
  };
  for (const b of buttons) {
    b.addEventListener('click', () => show(b.dataset.view, true));
  }
  window.addEventListener('hashchange', () => show(location.hash.slice(1)));
  return show;
}
