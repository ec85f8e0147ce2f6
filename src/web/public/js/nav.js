// Session and navigation that pages use: the signed-in user, role checks, links, page
// changes and the leave hook. The shell (app.js) registers the renderer here, so pages
// never import the shell and the shell's route table never forms a cycle with them.
import { api, setToken } from './api.js';
import { h } from './dom.js';

const state = { user: null };
export const session = state;

let renderer = async () => {};
/** The shell's render function; set once by app.js. */
export function setRenderer(fn) {
  renderer = fn;
}
export function render() {
  return renderer();
}

export async function navigate(path, { replace = false } = {}) {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  await render();
  // A new page: start reading (and tabbing) from its content, as after a full page load.
  if (!document.activeElement || document.activeElement === document.body) document.getElementById('main')?.focus();
}

export function hasRole(...roles) {
  return Boolean(state.user?.roles.some((r) => roles.includes(r)));
}

export function homeFor(user) {
  if (user.roles.includes('focal_point')) return '/campaigns';
  if (user.roles.includes('expert')) return '/board';
  if (user.roles.includes('secretariat')) return '/reports';
  if (user.roles.includes('specialist')) return '/materials';
  return '/admin/users';
}

export function link(path, text, attrs = {}) {
  return h(
    'a',
    {
      href: path,
      ...attrs,
      onclick: (e) => {
        if (e.ctrlKey || e.metaKey) return;
        e.preventDefault();
        navigate(path);
      },
    },
    text,
  );
}

export async function signIn(email, password) {
  const { data } = await api('POST', '/api/v1/auth/login', { body: { email, password } });
  setToken(data.token);
  state.user = data.user;
  navigate(homeFor(data.user), { replace: true });
}

// A page with unsaved work (the questionnaire's autosave) flushes it before the next render.
let leaveHook = null;
export function onLeave(hook) {
  leaveHook = hook;
}
/** The pending leave hook, cleared: the shell runs it before rendering the next page. */
export function takeLeaveHook() {
  const hook = leaveHook;
  leaveHook = null;
  return hook;
}
