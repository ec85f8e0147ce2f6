import { endedIdle, IDLE_MINUTES } from '../api.js';
import { signIn } from '../nav.js';
import { field, h } from '../dom.js';
import { t } from '../i18n.js';
import { busy, notice } from '../ui.js';

export function loginPage() {
  const email = h('input', { type: 'email', name: 'email', autocomplete: 'username', required: true });
  const password = h('input', { type: 'password', name: 'password', autocomplete: 'current-password', required: true });
  const out = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit' }, t('auth.signIn'));
  const form = h(
    'form',
    {
      class: 'card narrow',
      onsubmit: (e) => {
        e.preventDefault();
        busy(submit, out, () => signIn(email.value.trim(), password.value));
      },
    },
    field(t('auth.email'), email),
    field(t('auth.password'), password),
    out,
    submit,
  );
  const idle = endedIdle() ? notice('info', t('auth.signedOutIdle', { n: IDLE_MINUTES })) : null;
  return h('section', {}, h('h1', {}, t('auth.title')), idle, form);
}
