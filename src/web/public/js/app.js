// Application shell: header with navigation by role, language switch, router. Pages import
// nav.js, never this file; the shell registers its render function there.
import { ApiError, get, getToken, isIdle, markActivity, setToken, setUnauthorisedHandler } from './api.js';
import { clear, h } from './dom.js';
import { getLang, setLang, t } from './i18n.js';
import { hasRole, homeFor, link, navigate, session as state, setRenderer, takeLeaveHook } from './nav.js';
import { routes } from './routes.js';

const navItems = [
  { path: '/campaigns', key: 'nav.campaigns', roles: ['focal_point'] },
  { path: '/board', key: 'nav.board', roles: ['expert', 'admin'] },
  { path: '/assessments', key: 'nav.assessments', roles: ['expert', 'admin'] },
  { path: '/reports', key: 'nav.reports', roles: ['secretariat', 'admin', 'expert'] },
  { path: '/admin/users', key: 'nav.users', roles: ['admin'] },
  { path: '/admin/organisations', key: 'nav.organisations', roles: ['admin'] },
  { path: '/admin/campaigns', key: 'nav.adminCampaigns', roles: ['admin'] },
  { path: '/expert-group', key: 'nav.expertGroup', roles: ['admin', 'expert', 'secretariat'] },
  { path: '/results', key: 'nav.results', roles: ['focal_point', 'secretariat'] },
  { path: '/materials', key: 'nav.materials', roles: ['specialist'] },
  { path: '/notifications', key: 'nav.notifications', roles: ['focal_point', 'expert', 'secretariat', 'admin'] },
];

function languageSwitch() {
  const button = (lang, label) =>
    h(
      'button',
      {
        type: 'button',
        class: 'lang',
        lang,
        'aria-pressed': String(getLang() === lang),
        onclick: async () => {
          setLang(lang);
          await render();
          // Keep the keyboard user's place: the header is rebuilt by the render.
          document.querySelector(`.lang-switch button[lang="${lang}"]`)?.focus();
        },
      },
      label,
    );
  return h(
    'div',
    { class: 'lang-switch', role: 'group', 'aria-label': t('lang.switch') },
    button('kk', 'Қазақша'),
    button('ru', 'Русский'),
  );
}

/** The notices link says how many are unread (fetched after the header is drawn). */
function showUnread(a) {
  get('/api/v1/notifications?unread=true&limit=1')
    .then((r) => {
      if (r.unread) a.textContent = t('nav.notificationsUnread', { n: r.unread });
    })
    .catch(() => {});
}

function header() {
  const current = location.pathname;
  const nav = state.user
    ? h(
        'nav',
        { 'aria-label': t('nav.label') },
        h(
          'ul',
          {},
          navItems
            .filter((i) => hasRole(...i.roles))
            .map((i) => {
              const a = link(i.path, t(i.key), current.startsWith(i.path) ? { 'aria-current': 'page' } : {});
              if (i.path === '/notifications') showUnread(a);
              return h('li', {}, a);
            }),
        ),
      )
    : null;
  const user = state.user
    ? h(
        'div',
        { class: 'user' },
        h('span', { class: 'user-name' }, state.user.name),
        h('button', { type: 'button', class: 'secondary', onclick: signOut }, t('auth.signOut')),
      )
    : null;
  return h(
    'header',
    { class: 'top' },
    h('a', { class: 'skip', href: '#main' }, t('nav.skip')),
    h('div', { class: 'brand' }, t('app.title')),
    nav,
    h('div', { class: 'top-right' }, languageSwitch(), user),
  );
}

function signOut() {
  setToken(null);
  state.user = null;
  navigate('/login');
}

function match(pathname) {
  for (const route of routes) {
    const names = [];
    const pattern = new RegExp(
      `^${route.path.replace(/:(\w+)/g, (_, n) => {
        names.push(n);
        return '([^/]+)';
      })}$`,
    );
    const m = pattern.exec(pathname);
    if (m) return { route, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])])) };
  }
  return null;
}

let renderToken = 0;
async function render() {
  const current = ++renderToken;
  const hook = takeLeaveHook();
  if (hook) await hook().catch(() => {});
  document.documentElement.lang = getLang();
  document.title = t('app.title');
  if (!state.user && getToken()) {
    try {
      state.user = await get('/api/v1/auth/me');
    } catch (err) {
      // A 401 has ended the session already (api.js). Anything else (the server out of reach, or this
      // request cut off by leaving the page) keeps it: it used to sign the user out on a blip.
      if (getToken()) {
        const why = err instanceof ApiError ? err.message : t('common.unreachable');
        const main = h(
          'main',
          { id: 'main', tabindex: '-1' },
          h('h1', {}, t('common.error')),
          h('p', { role: 'alert', class: 'error' }, why),
        );
        clear(document.getElementById('root'), main);
        return;
      }
    }
  }
  let pathname = location.pathname;
  if (!state.user && pathname !== '/login') {
    history.replaceState(null, '', '/login');
    pathname = '/login';
  } else if (state.user && (pathname === '/' || pathname === '/login')) {
    pathname = homeFor(state.user);
    history.replaceState(null, '', pathname);
  }
  const found = match(pathname);
  const main = h('main', { id: 'main', tabindex: '-1' });
  clear(document.getElementById('root'), header(), main);
  if (!found || (found.route.roles && !hasRole(...found.route.roles))) {
    main.append(h('h1', {}, t('page.notFound')));
    return;
  }
  main.append(h('p', { class: 'loading', role: 'status' }, t('common.loading')));
  try {
    const page = await found.route.page(found.params, new URLSearchParams(location.search));
    if (current !== renderToken) return;
    clear(main, page);
    const heading = main.querySelector('h1');
    if (heading) document.title = `${heading.textContent} — ${t('app.title')}`;
  } catch (err) {
    if (current !== renderToken) return;
    clear(main, h('h1', {}, t('common.error')), h('p', { role: 'alert', class: 'error' }, err.message));
  }
}

setRenderer(render);
setUnauthorisedHandler(() => {
  state.user = null;
  navigate('/login', { replace: true });
});
window.addEventListener('popstate', render);

// One session for all tabs: input anywhere keeps it alive (written at most every 15 s); signing
// out or the idle timeout in one tab signs every tab out; signing in in one signs the others in.
let lastMark = 0;
const activity = () => {
  if (!state.user || Date.now() - lastMark < 15_000) return;
  lastMark = Date.now();
  markActivity();
};
for (const type of ['keydown', 'pointerdown', 'input', 'wheel'])
  window.addEventListener(type, activity, { capture: true, passive: true });
const idleCheck = () => {
  if (state.user && isIdle()) {
    getToken(); // ends the idle session and leaves the notice for the sign-in page
    state.user = null;
    navigate('/login', { replace: true });
  }
};
setInterval(idleCheck, 30_000);
document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && idleCheck());
window.addEventListener('storage', (e) => {
  if (e.key !== 'ctip.token') return;
  if (!e.newValue && state.user) {
    state.user = null;
    navigate('/login', { replace: true });
  } else if (e.newValue && !state.user) render();
});
render();
