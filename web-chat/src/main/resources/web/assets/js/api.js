/**
 * The appliance's JSON API as the dashboards use it: same-origin cookie session, JSON bodies,
 * the session's CSRF token on every state-changing request, errors as ApiError.
 */

export class ApiError extends Error {
  /**
   * @param {number} status HTTP status (0 when the request never got an answer)
   * @param {string} message the server's "error" text
   * @param {string|null} field the request field to blame, e.g. "noAnswerSeconds" or "settings.noAnswerSeconds"
   */
  constructor(status, message, field = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.field = field || null;
  }

  /** The last part of a dotted field ("settings.noAnswerSeconds" -> "noAnswerSeconds"). */
  get leafField() {
    return this.field ? this.field.split('.').pop().replace(/\[\d+\]$/, '') : null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
let csrfToken = null;
let loginPage = '/';
let onUnauthorized = () => {
  if (location.pathname !== '/') location.assign(loginPage);
};

/** Remembers the session's CSRF token (the WebSession answer of login or GET /web/session). */
export function useSession(session) {
  csrfToken = session && session.csrfToken ? session.csrfToken : null;
}

/** What to do on a 401 (default: back to the login page). */
export function setUnauthorizedHandler(handler) {
  onUnauthorized = handler;
}

/**
 * One request. body (if any) is sent as JSON; answers are parsed as JSON (null for 204).
 * @param {{redirectOn401?: boolean}} options
 */
export async function request(method, path, body, options = {}) {
  return send(method, path, body === undefined ? undefined : JSON.stringify(body),
    body === undefined ? null : 'application/json', options);
}

/**
 * One request with a body that is not JSON (an uploaded recording): sent as it is, under the given
 * Content-Type, with the CSRF header like every other state-changing request; answers as request().
 * @param {Blob|ArrayBuffer|string} body
 * @param {string} contentType e.g. 'audio/wav'
 */
export async function requestRaw(method, path, body, contentType, options = {}) {
  return send(method, path, body, contentType, options);
}

async function send(method, path, body, contentType, options) {
  const verb = method.toUpperCase();
  const headers = {Accept: 'application/json'};
  if (body !== undefined && contentType) headers['Content-Type'] = contentType;
  if (!SAFE_METHODS.has(verb) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch(path, {
      method: verb,
      credentials: 'same-origin',
      cache: 'no-store',
      headers,
      body,
    });
  } catch (e) {
    throw new ApiError(0, 'The appliance cannot be reached (' + e.message + ')');
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  const payload = type.includes('json') ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) {
    const message = payload && typeof payload === 'object' && payload.error
      ? payload.error : (response.statusText || 'request failed') + ' (' + response.status + ')';
    const error = new ApiError(response.status, message, payload && typeof payload === 'object' ? payload.field : null);
    if (response.status === 401 && options.redirectOn401 !== false) onUnauthorized(error);
    throw error;
  }
  return payload;
}

export const get = (path, options) => request('GET', path, undefined, options);

/** GET that answers null on 404 (nothing there yet: no deck, no account). */
export async function getOrNull(path) {
  try {
    return await get(path);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}
export const post = (path, body, options) => request('POST', path, body, options);
export const put = (path, body, options) => request('PUT', path, body, options);
export const del = (path, options) => request('DELETE', path, undefined, options);
/** PUT of a raw body, e.g. putRaw('/api/v1/me/voicemail/greetings/busy', file, 'audio/wav'). */
export const putRaw = (path, body, contentType, options) => requestRaw('PUT', path, body, contentType, options);

/** "?a=1&b=x" from the non-empty entries of params ("" when none). */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

/** Path segment, encoded (a call id holds '@' and maybe '/'). */
export const seg = (value) => encodeURIComponent(String(value));

/**
 * The current WebSession, or null (no redirect) when not logged in.
 */
export async function currentSession() {
  try {
    const s = await get('/api/v1/web/session', {redirectOn401: false});
    useSession(s);
    return s;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

/**
 * For a dashboard: the session (with its CSRF token restored), or off to the login page.
 * @param {string[]} roles the roles this page is for
 * @param {string} login the login page to send a visitor without a session to (e.g. '/?kind=admin')
 */
export async function requireSession(roles, login = '/') {
  loginPage = login;
  const s = await currentSession();
  if (!s) {
    location.replace(login);
    return new Promise(() => {});
  }
  if (!roles.includes(s.role)) {
    location.replace(dashboardFor(s.role));
    return new Promise(() => {});
  }
  return s;
}

export function dashboardFor(role) {
  return role === 'USER' ? '/user/' : '/admin/';
}

export async function login(body) {
  const s = await post('/api/v1/web/login', body, {redirectOn401: false});
  useSession(s);
  return s;
}

export async function logout() {
  try {
    await post('/api/v1/web/logout', undefined, {redirectOn401: false});
  } finally {
    useSession(null);
    location.assign(loginPage);
  }
}
