// Same-origin API calls: bearer token, the interface language for server messages,
// ETag/If-Match for optimistic concurrency, and one error type for the pages.
import { getLang } from './i18n.js';

// The session is shared by the tabs of one browser (localStorage, same origin only) and ends
// after IDLE_MINUTES without input in any of them; see README "Sessions in the browser".
const TOKEN_KEY = 'ctip.token';
const ACTIVITY_KEY = 'ctip.activity';
export const IDLE_MINUTES = 30;
const IDLE_MS = IDLE_MINUTES * 60_000;
const IDLE_NOTICE_KEY = 'ctip.signedOutIdle';

/**
 * Whether this tab's session ended for idleness. Kept until the next sign-in, so the sign-in page
 * says so however often it is drawn (a language switch, or a request of the page left behind that
 * found the session ended first).
 */
export function endedIdle() {
  return sessionStorage.getItem(IDLE_NOTICE_KEY) === '1';
}

/** Whether the shared session has seen no input for longer than the idle timeout. */
export function isIdle(now = Date.now()) {
  const last = Number(localStorage.getItem(ACTIVITY_KEY));
  return !(last > 0) || now - last > IDLE_MS;
}

export function getToken() {
  const token = localStorage.getItem(TOKEN_KEY);
  if (token && isIdle()) {
    setToken(null);
    sessionStorage.setItem(IDLE_NOTICE_KEY, '1');
    return null;
  }
  return token;
}

export function setToken(token) {
  if (token) {
    localStorage.setItem(TOKEN_KEY, token);
    sessionStorage.removeItem(IDLE_NOTICE_KEY);
    markActivity();
  } else {
    localStorage.removeItem(TOKEN_KEY);
    localStorage.removeItem(ACTIVITY_KEY);
  }
}

/** Records input now (every tab writes the same key, so activity in one keeps all alive). */
export function markActivity() {
  localStorage.setItem(ACTIVITY_KEY, String(Date.now()));
}

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.error?.message ?? String(status));
    this.status = status;
    this.code = body?.error?.code ?? 'unknown';
    this.details = body?.error?.details ?? {};
  }
}

let onUnauthorised = () => {};
export function setUnauthorisedHandler(handler) {
  onUnauthorised = handler;
}

function headers(extra = {}) {
  const result = { 'accept-language': getLang(), ...extra };
  const token = getToken();
  if (token) result.authorization = `Bearer ${token}`;
  return result;
}

async function send(method, path, { body, ifMatch, formData } = {}) {
  const extra = {};
  if (body !== undefined) extra['content-type'] = 'application/json';
  if (ifMatch !== undefined && ifMatch !== null) extra['if-match'] = `"${ifMatch}"`;
  const signedIn = Boolean(localStorage.getItem(TOKEN_KEY));
  const response = await fetch(path, {
    method,
    headers: headers(extra),
    body: formData ?? (body !== undefined ? JSON.stringify(body) : undefined),
  });
  // Refused for an expired, revoked or idle-ended session: back to the sign-in page.
  if (response.status === 401 && signedIn) {
    setToken(null);
    onUnauthorised();
  }
  return response;
}

/** JSON call; resolves to { data, etag, status } or throws ApiError. */
export async function api(method, path, options = {}) {
  const response = await send(method, path, options);
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) throw new ApiError(response.status, data);
  const etag = response.headers.get('etag');
  return { data, etag: etag ? etag.replace(/^W\//, '').replace(/"/g, '') : null, status: response.status };
}

export const get = (path) => api('GET', path).then((r) => r.data);

/** Downloads a protected file (the bearer token cannot ride on a plain link). */
export async function download(path, fallbackName) {
  const response = await send('GET', path);
  if (!response.ok) {
    let body = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    throw new ApiError(response.status, body);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  // RFC 6266: filename* (UTF-8, Cyrillic names) wins over the ASCII fallback filename.
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  const name = extended ? decodeURIComponent(extended[1]) : plain ? plain[1] : fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

let openApi = null;
/** Whether the server documents a route (pages for routes still being built hide themselves). */
export async function hasRoute(method, path) {
  if (!openApi)
    openApi = fetch('/docs/json').then(
      (r) => (r.ok ? r.json() : { paths: {} }),
      () => ({ paths: {} }),
    );
  const doc = await openApi;
  return Boolean(doc.paths?.[path]?.[method.toLowerCase()]);
}
