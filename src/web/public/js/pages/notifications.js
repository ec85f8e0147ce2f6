// Every signed-in user: their in-app notices (newest first, unread marked) and their own
// notification preferences — the language of notices and the e-mail opt-out (issue 20).
import { api, get } from '../api.js';
import { link, render } from '../nav.js';
import { field, h, select } from '../dom.js';
import { formatDateTime, t } from '../i18n.js';
import { busy, notice } from '../ui.js';

export async function notificationsPage() {
  const [list, prefs] = await Promise.all([
    get('/api/v1/notifications?limit=100'),
    get('/api/v1/notifications/preferences'),
  ]);
  const out = h('div', { 'aria-live': 'polite' });
  const markAll = h('button', { type: 'button', class: 'secondary' }, t('notifications.markAll'));
  markAll.addEventListener('click', () =>
    busy(markAll, out, async () => {
      await api('POST', '/api/v1/notifications/read', { body: {} });
      render();
    }),
  );
  const items = list.items.map((n) =>
    h(
      'li',
      { class: `notice-item${n.readAt ? '' : ' unread'}` },
      h(
        'div',
        { class: 'notice-head' },
        h('strong', {}, n.subject),
        n.readAt ? null : h('span', { class: 'badge' }, t('notifications.new')),
        h('span', { class: 'meta' }, ` ${formatDateTime(n.createdAt)}`),
      ),
      h('p', {}, n.body),
      n.link ? link(n.link, t('notifications.open')) : null,
    ),
  );
  const email = h('input', { type: 'checkbox', id: 'pref-email', checked: prefs.emailNotifications });
  const lang = select(
    [
      ['kk', 'Қазақша'],
      ['ru', 'Русский'],
    ],
    prefs.lang,
  );
  const save = h('button', { type: 'submit' }, t('notifications.save'));
  const prefsOut = h('div', { 'aria-live': 'polite' });
  const form = h(
    'form',
    {
      class: 'card',
      onsubmit: (e) => {
        e.preventDefault();
        busy(save, prefsOut, async () => {
          await api('PUT', '/api/v1/notifications/preferences', {
            body: { lang: lang.value, emailNotifications: email.checked },
          });
          prefsOut.replaceChildren(notice('success', t('notifications.saved')));
        });
      },
    },
    h('h2', {}, t('notifications.prefs')),
    h('label', { class: 'inline', for: email.id }, email, t('notifications.email')),
    field(t('notifications.lang'), lang),
    save,
    prefsOut,
  );
  return h(
    'section',
    { class: 'notifications' },
    h('h1', {}, t('notifications.title')),
    out,
    list.items.length ? h('div', { class: 'actions' }, list.unread ? markAll : null) : null,
    list.items.length ? h('ul', { class: 'notice-list' }, items) : notice('info', t('notifications.none')),
    form,
  );
}
