/**
 * The appliance's event stream (WebSocket /api/v1/events, authenticated by the session cookie):
 * the first frame is a snapshot of registrations and calls, then one frame per event. A dropped
 * connection is retried with exponential back-off (1 s, 2 s, 4 s ... 30 s) and each new
 * connection starts with a fresh snapshot. The state is shown in an element (#connection).
 */

const MIN_DELAY = 1000;
const MAX_DELAY = 30000;

export class EventStream {
  /**
   * @param {{onSnapshot: function(object), onFrame: function(object), onDrop?: function(number),
   *          indicator?: HTMLElement, path?: string}} options
   */
  constructor(options) {
    this.onSnapshot = options.onSnapshot;
    this.onFrame = options.onFrame;
    this.onDrop = options.onDrop || (() => {});
    this.indicator = options.indicator || null;
    this.path = options.path || '/api/v1/events';
    this.socket = null;
    this.failures = 0;
    this.timer = null;
    this.stopped = false;
    this.live = false;
  }

  start() {
    this.stopped = false;
    this.connect();
    window.addEventListener('online', () => this.retryNow());
    return this;
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.socket) this.socket.close(1000, 'page closed');
  }

  /** Reconnects at once (e.g. the browser is back online). */
  retryNow() {
    if (this.stopped || this.live || !this.timer) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.connect();
  }

  connect() {
    this.timer = null;
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    this.show(this.failures === 0 ? 'connecting' : 'reconnecting', 'Connecting to the event stream');
    let socket;
    try {
      socket = new WebSocket(scheme + '//' + location.host + this.path);
    } catch (e) {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.addEventListener('message', (event) => this.receive(event));
    socket.addEventListener('close', (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.live = false;
      if (this.stopped) return;
      this.scheduleReconnect();
      // 1008 (policy) means the session is gone; after other drops it may be too: let the page check.
      this.onDrop(event.code);
    });
  }

  receive(event) {
    let frame;
    try {
      frame = JSON.parse(event.data);
    } catch (e) {
      console.warn('event stream: not JSON', e);
      return;
    }
    if (frame.type === 'snapshot') {
      this.failures = 0;
      this.live = true;
      this.show('live', 'Live updates on');
      this.onSnapshot(frame);
      return;
    }
    this.onFrame(frame);
  }

  scheduleReconnect() {
    const delay = Math.min(MAX_DELAY, MIN_DELAY * 2 ** this.failures);
    this.failures += 1;
    this.show('reconnecting', 'Connection lost; retrying in ' + Math.round(delay / 1000) + ' s');
    this.timer = setTimeout(() => this.connect(), delay);
  }

  show(state, description) {
    if (!this.indicator) return;
    this.indicator.textContent = state;
    this.indicator.dataset.state = state;
    this.indicator.title = description;
  }
}

/** Whether a message frame involves this extension (sender or recipient). */
export function involves(message, extension) {
  return !!message && (message.from === extension || message.to === extension);
}
