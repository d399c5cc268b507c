/*
 * Crosspoint visitor chat widget. Embed with
 *   <script src="https://APPLIANCE/chat/widget.js" data-tenant="DOMAIN" data-queue="QUEUE" async></script>
 * It draws a chat button and panel inside a shadow root (its styles and the page's stay apart), asks the
 * visitor's name and optional e-mail, and talks to wss://APPLIANCE/chat/ws (JSON frames: docs/api.md). A dropped
 * connection is resumed with the chat's token and the last line seen, so nothing is lost or shown twice, also
 * across a reload of the page (sessionStorage). Everything from outside goes in as text, never as markup.
 * With data-demo, ?tenant= and ?queue= of the page override data-tenant and data-queue (the demo page).
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__crosspointChat) return;
  window.__crosspointChat = true;

  var base = new URL(script.src, location.href);
  var params = new URLSearchParams(location.search);
  var demo = script.hasAttribute('data-demo');
  var tenant = (demo && params.get('tenant')) || script.getAttribute('data-tenant') || '';
  var queue = (demo && params.get('queue')) || script.getAttribute('data-queue') || 'support';
  var title = script.getAttribute('data-title') || 'Chat with us';
  var storeKey = 'crosspoint-chat:' + base.host + ':' + tenant;
  var PING_MS = 15000;
  var TYPING_MS = 2000;

  var state = { leaving: false, socket: null, token: null, lastSeq: 0, chat: 0, ended: false, failures: 0, timer: null,
    pinger: null, lastTyping: 0, typingTimer: null, maxChars: 1000, pending: [], sent: 0,
    lastAgentSeq: 0, readSent: 0 };

  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      if (k === 'text') node.textContent = props[k];
      else if (k === 'className') node.className = props[k];
      else node.setAttribute(k, props[k]);
    });
    (children || []).forEach(function (c) { node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return node;
  }

  /* ---------- the face ---------- */
  var host = el('div', { id: 'crosspoint-chat' });
  var root = host.attachShadow({ mode: 'open' });
  root.appendChild(el('link', { rel: 'stylesheet', href: new URL('widget.css', base).href }));
  var launcher = el('button', { className: 'launcher', id: 'cp-open', type: 'button', 'aria-expanded': 'false',
    'aria-controls': 'cp-panel', text: title });
  var closeButton = el('button', { id: 'cp-close', type: 'button', 'aria-label': 'Close the chat window', text: '×' });
  var heading = el('h2', { id: 'cp-title', text: title });
  var nameInput = el('input', { id: 'cp-name', type: 'text', maxlength: '80', autocomplete: 'name', required: '' });
  var emailInput = el('input', { id: 'cp-email', type: 'email', maxlength: '254', autocomplete: 'email' });
  var startButton = el('button', { id: 'cp-start', type: 'submit', className: 'primary', text: 'Start chat' });
  var startForm = el('form', { className: 'start', id: 'cp-start-form', novalidate: '' }, [
    el('label', { for: 'cp-name', text: 'Your name' }), nameInput,
    el('label', { for: 'cp-email', text: 'E-mail (optional)' }), emailInput, startButton]);
  // Nobody answers the queue: the visitor leaves a message instead (name and e-mail as typed above).
  var leaveText = el('textarea', { id: 'cp-leave-text', rows: '4', required: '' });
  var leaveButton = el('button', { id: 'cp-leave', type: 'submit', className: 'primary', text: 'Leave message' });
  var leaveForm = el('form', { className: 'start', id: 'cp-leave-form', novalidate: '' }, [
    el('p', { id: 'cp-leave-intro', text: 'Nobody can chat right now. Leave us a message and we will get back to you.' }),
    el('label', { for: 'cp-leave-text', text: 'Your message' }), leaveText, leaveButton]);
  var status = el('div', { className: 'status', id: 'cp-status', role: 'status', 'aria-live': 'polite' });
  var error = el('div', { className: 'error', id: 'cp-error', role: 'alert' });
  var log = el('ol', { className: 'log', id: 'cp-log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Messages' });
  var typing = el('div', { className: 'typing', id: 'cp-typing', 'aria-live': 'polite' });
  var text = el('textarea', { id: 'cp-text', 'aria-label': 'Your message', rows: '2' });
  var send = el('button', { id: 'cp-send', type: 'submit', className: 'primary', text: 'Send' });
  var compose = el('form', { className: 'compose', id: 'cp-compose' }, [text, send]);
  var endButton = el('button', { id: 'cp-end', type: 'button', className: 'secondary', text: 'End chat' });
  var actions = el('div', { className: 'actions' }, [endButton]);
  var panel = el('section', { className: 'panel', id: 'cp-panel', role: 'dialog', 'aria-labelledby': 'cp-title',
    hidden: '' }, [el('header', {}, [heading, closeButton]), status, error, startForm, leaveForm, log, typing, compose,
      actions]);
  root.appendChild(launcher);
  root.appendChild(panel);

  function show(what) {
    startForm.hidden = what !== 'form';
    leaveForm.hidden = what !== 'leave';
    log.hidden = what === 'form' || what === 'leave';
    compose.hidden = what !== 'chat';
    actions.hidden = what !== 'chat';
  }
  function setStatus(s) { status.textContent = s; }
  function setError(s) { error.textContent = s || ''; }

  function open() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    (startForm.hidden ? text : nameInput).focus();
    reportRead();
  }
  function closePanel() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }
  launcher.addEventListener('click', function () { if (panel.hidden) open(); else closePanel(); });
  closeButton.addEventListener('click', closePanel);
  panel.addEventListener('keydown', function (e) { if (e.key === 'Escape') closePanel(); });

  /* ---------- the conversation ---------- */
  function addLine(frame) {
    if (frame.seq <= state.lastSeq) return; // already shown (a resume replays only later lines; be sure)
    state.lastSeq = frame.seq;
    remember();
    var item = el('li', { className: frame.from, 'data-seq': String(frame.seq) });
    if (frame.from !== 'system') {
      item.appendChild(el('span', { className: 'author', text: frame.from === 'visitor' ? 'You' : (frame.author || 'Agent') }));
    }
    item.appendChild(document.createTextNode(frame.text));
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
    if (frame.from === 'agent') typing.textContent = '';
  }

  /* A message stays pending (shown as sending) until the appliance's receipt; after a reconnect it is sent again
     with the same id, and the appliance keeps it once. */
  function sendPending() {
    var socket = state.socket;
    if (!socket || socket.readyState !== 1) return;
    state.pending.forEach(function (p) { socket.send(JSON.stringify({ type: 'say', text: p.text, id: p.id })); });
  }

  function delivered(f) {
    state.pending = state.pending.filter(function (p) {
      if (p.id !== f.id) return true;
      if (p.item.parentNode) p.item.parentNode.removeChild(p.item);
      return false;
    });
    var line = log.querySelector('li[data-seq="' + Number(f.seq) + '"]');
    if (line && !line.classList.contains('read')) {
      line.classList.add('delivered');
      line.setAttribute('title', 'Delivered');
    }
  }

  /* Tells the agent the visitor has seen its lines, once the chat is in sight. */
  function reportRead() {
    var socket = state.socket;
    if (!socket || socket.readyState !== 1 || panel.hidden || document.visibilityState !== 'visible'
      || state.lastAgentSeq <= state.readSent) return;
    state.readSent = state.lastAgentSeq;
    socket.send(JSON.stringify({ type: 'read', seq: state.readSent }));
  }
  document.addEventListener('visibilitychange', reportRead);

  function read(f) {
    Array.prototype.forEach.call(log.querySelectorAll('li.visitor[data-seq]'), function (line) {
      if (Number(line.getAttribute('data-seq')) <= f.seq) {
        line.classList.remove('delivered');
        line.classList.add('read');
        line.setAttribute('title', 'Read');
      }
    });
  }

  function remember() {
    try {
      if (state.token && !state.ended) {
        sessionStorage.setItem(storeKey, JSON.stringify({ token: state.token, lastSeq: state.lastSeq, chat: state.chat }));
      } else {
        sessionStorage.removeItem(storeKey);
      }
    } catch (e) { /* storage may be off: resuming then works only within this page */ }
  }

  function receive(event) {
    var f;
    try { f = JSON.parse(event.data); } catch (e) { return; }
    if (f.type === 'started') {
      state.failures = 0;
      state.token = f.token;
      state.chat = f.chat;
      state.maxChars = f.maxMessageChars || state.maxChars;
      text.setAttribute('maxlength', String(state.maxChars));
      remember();
      show('chat');
      setError('');
      if (f.state === 'waiting' || f.state === 'offered') setStatus('Waiting for an agent…');
    } else if (f.type === 'position') {
      var wait = f.estimatedWaitSeconds == null ? '' : ' (about ' + Math.max(1, Math.round(f.estimatedWaitSeconds / 60)) + ' min)';
      setStatus('You are number ' + f.position + ' in the queue' + wait + '.');
    } else if (f.type === 'state') {
      if (f.state === 'active') setStatus('Chatting with ' + (f.agent || 'an agent'));
      if (f.state === 'ended') finish(f.endedBy === 'visitor' ? 'You ended the chat.' :
        f.endedBy === 'agent' ? 'The agent ended the chat.' : 'The chat has ended.');
    } else if (f.type === 'line') {
      addLine(f);
      if (f.from === 'agent') { state.lastAgentSeq = f.seq; reportRead(); }
    } else if (f.type === 'delivered') {
      delivered(f);
    } else if (f.type === 'read') {
      read(f);
    } else if (f.type === 'typing') {
      typing.textContent = 'The agent is typing…';
      clearTimeout(state.typingTimer);
      state.typingTimer = setTimeout(function () { typing.textContent = ''; }, 4000);
    } else if (f.type === 'left') {
      state.leaving = false;
      state.ended = true; // the appliance closes the connection: nothing to resume
      setStatus('Thank you, your message was left. We will get back to you.');
      leaveText.value = '';
      show('ended');
    } else if (f.type === 'error' && f.code === 'no-agent' && !state.token) {
      state.leaving = true;
      leaveText.setAttribute('maxlength', String(state.maxChars));
      setError('');
      setStatus('');
      show('leave');
      leaveText.focus();
    } else if (f.type === 'error') {
      setError(f.message);
      if (state.leaving) leaveButton.disabled = false;
      if (f.code === 'unknown-chat') finish('The chat has ended.');
    }
  }

  function finish(message) {
    state.ended = true;
    remember();
    setStatus(message);
    show('ended');
    typing.textContent = '';
    startButton.disabled = false;
    var again = el('li', { className: 'system' }, [el('button', { type: 'button', className: 'secondary', id: 'cp-again', text: 'Start a new chat' })]);
    again.firstChild.addEventListener('click', function () {
      state.token = null; state.lastSeq = 0; state.chat = 0; state.ended = false;
      while (log.firstChild) log.removeChild(log.firstChild);
      setStatus(''); show('form'); nameInput.focus();
    });
    log.appendChild(again);
  }

  function connect(first) {
    state.timer = null;
    var url = new URL('ws', base);
    url.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
    url.searchParams.set('tenant', tenant);
    var socket;
    try { socket = new WebSocket(url.href); } catch (e) { retry(); return; }
    state.socket = socket;
    socket.addEventListener('open', function () {
      socket.send(JSON.stringify(state.token ? { type: 'resume', token: state.token, after: state.lastSeq } : first));
      if (state.token) { sendPending(); state.readSent = 0; reportRead(); }
      clearInterval(state.pinger);
      state.pinger = setInterval(function () { if (socket.readyState === 1) socket.send('{"type":"ping"}'); }, PING_MS);
    });
    socket.addEventListener('message', receive);
    socket.addEventListener('close', function (e) {
      if (state.socket !== socket) return;
      state.socket = null;
      clearInterval(state.pinger);
      if (state.leaving) { leaveButton.disabled = false; return; } // the form stays; sending reconnects
      if (state.ended || !state.token) { if (!state.ended) { startButton.disabled = false; show('form'); } return; }
      setStatus('Connection lost; reconnecting…');
      retry();
    });
  }

  function retry() {
    var delay = Math.min(15000, 1000 * Math.pow(2, state.failures));
    state.failures += 1;
    state.timer = setTimeout(function () { connect(null); }, delay);
  }
  window.addEventListener('online', function () {
    if (state.timer && state.token && !state.ended) { clearTimeout(state.timer); connect(null); }
  });

  startForm.addEventListener('submit', function (e) {
    e.preventDefault();
    var name = nameInput.value.trim();
    if (!name) { setError('Please tell us your name.'); nameInput.focus(); return; }
    setError('');
    startButton.disabled = true;
    setStatus('Connecting…');
    show('chat');
    connect({ type: 'start', queue: queue, name: name, email: emailInput.value.trim(), page: location.href.slice(0, 2000) });
  });

  leaveForm.addEventListener('submit', function (e) {
    e.preventDefault();
    var value = leaveText.value.trim();
    if (!value) { setError('Please write your message.'); leaveText.focus(); return; }
    setError('');
    leaveButton.disabled = true;
    var frame = { type: 'leave', queue: queue, name: nameInput.value.trim(), email: emailInput.value.trim(), text: value };
    if (state.socket && state.socket.readyState === 1) state.socket.send(JSON.stringify(frame));
    else connect(frame);
  });

  compose.addEventListener('submit', function (e) {
    e.preventDefault();
    var value = text.value.trim();
    if (!value || !state.token || state.ended) return;
    state.sent += 1;
    var id = state.chat + '-' + Date.now().toString(36) + '-' + state.sent;
    var item = el('li', { className: 'visitor pending', title: 'Sending' }, [el('span', { className: 'author', text: 'You' }), value]);
    log.appendChild(item);
    state.pending.push({ id: id, text: value, item: item });
    var socket = state.socket;
    if (socket && socket.readyState === 1) socket.send(JSON.stringify({ type: 'say', text: value, id: id }));
    text.value = '';
    text.focus();
  });
  text.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); compose.requestSubmit(); }
  });
  text.addEventListener('input', function () {
    var now = Date.now();
    if (state.socket && state.socket.readyState === 1 && now - state.lastTyping > TYPING_MS) {
      state.lastTyping = now;
      state.socket.send('{"type":"typing"}');
    }
  });
  endButton.addEventListener('click', function () {
    if (state.socket && state.socket.readyState === 1) state.socket.send('{"type":"end"}');
  });

  function mount() {
    document.body.appendChild(host);
    show('form');
    var saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(storeKey) || 'null'); } catch (e) { saved = null; }
    if (saved && saved.token) {
      state.token = saved.token;
      state.chat = saved.chat || 0;
      // Lines are shown again from the start after a reload: ask for all of them.
      state.lastSeq = 0;
      show('chat');
      panel.hidden = false;
      launcher.setAttribute('aria-expanded', 'true');
      setStatus('Reconnecting…');
      connect(null);
    }
  }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
})();
