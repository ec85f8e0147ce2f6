// Administrator: users, their roles and organisation; create, edit, reset the password, disable.
import { api, get } from '../api.js';
import { render } from '../nav.js';
import { field, h, uid } from '../dom.js';
import { loc, t } from '../i18n.js';
import { organisations } from '../refdata.js';
import { busy, notice, organisationPicker, table } from '../ui.js';

const ROLES = ['admin', 'focal_point', 'expert', 'secretariat', 'specialist'];

export async function adminUsersPage() {
  const [users, orgs] = await Promise.all([get('/api/v1/users'), organisations()]);
  const orgName = (id) => loc(orgs.find((o) => o.id === id)?.name) || '—';
  const out = h('div', { 'aria-live': 'polite' });

  const rows = users.map((u) => {
    const toggle = h(
      'button',
      { type: 'button', class: 'secondary' },
      u.disabled ? t('users.enable') : t('users.disable'),
    );
    toggle.addEventListener('click', () =>
      busy(toggle, out, async () => {
        await api('PATCH', `/api/v1/users/${u.id}`, { body: { disabled: !u.disabled }, ifMatch: u.version });
        render();
      }),
    );
    const boxes = ROLES.map((r) => ({
      r,
      box: h('input', { type: 'checkbox', id: uid(), checked: u.roles.includes(r) }),
    }));
    const saveRoles = h('button', { type: 'submit', class: 'secondary' }, t('users.saveRoles'));
    const rolesForm = h(
      'form',
      {
        onsubmit: (e) => {
          e.preventDefault();
          busy(saveRoles, out, async () => {
            await api('PATCH', `/api/v1/users/${u.id}`, {
              body: { roles: boxes.filter((x) => x.box.checked).map((x) => x.r) },
              ifMatch: u.version,
            });
            render();
          });
        },
      },
      h(
        'fieldset',
        {},
        h('legend', {}, t('users.rolesOf', { name: u.name })),
        boxes.map((x) => h('label', { class: 'inline', for: x.box.id }, x.box, t(`role.${x.r}`))),
      ),
      saveRoles,
    );
    return h(
      'tr',
      {},
      h('td', {}, h('details', {}, h('summary', {}, u.name), editForm(u, orgs, out))),
      h('td', {}, u.email),
      h('td', {}, h('details', {}, h('summary', {}, u.roles.map((r) => t(`role.${r}`)).join(', ')), rolesForm)),
      h('td', {}, orgName(u.organisationId)),
      h('td', {}, u.disabled ? t('users.disabled') : t('users.active')),
      h('td', {}, toggle),
    );
  });

  const email = h('input', { type: 'email', required: true, autocomplete: 'off' });
  const name = h('input', { type: 'text', required: true });
  const password = h('input', { type: 'password', required: true, minlength: 12, autocomplete: 'new-password' });
  const roleBoxes = ROLES.map((r) => ({ r, box: h('input', { type: 'checkbox', value: r, id: uid() }) }));
  const orgPicker = organisationPicker(orgs, '', { label: uid() });
  const org = orgPicker.select;
  const create = h('button', { type: 'submit' }, t('users.create'));
  const formEl = h(
    'form',
    {
      class: 'card',
      onsubmit: (e) => {
        e.preventDefault();
        busy(create, out, async () => {
          await api('POST', '/api/v1/users', {
            body: {
              email: email.value.trim(),
              name: name.value.trim(),
              password: password.value,
              roles: roleBoxes.filter((x) => x.box.checked).map((x) => x.r),
              organisationId: org.value || null,
            },
          });
          render();
        });
      },
    },
    h('h2', {}, t('users.new')),
    h(
      'div',
      { class: 'row' },
      field(t('users.name'), name),
      field(t('auth.email'), email),
      field(t('auth.password'), password, t('users.passwordHint')),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, t('users.roles')),
      roleBoxes.map((x) => h('label', { class: 'inline', for: x.box.id }, x.box, t(`role.${x.r}`))),
    ),
    h('div', { class: 'field' }, h('label', { for: org.id }, t('users.organisation')), orgPicker.element),
    create,
  );

  return h(
    'section',
    {},
    h('h1', {}, t('users.title')),
    out,
    table(
      [
        t('users.name'),
        t('auth.email'),
        t('users.roles'),
        t('users.organisation'),
        t('users.state'),
        t('common.actions'),
      ],
      rows,
    ),
    formEl,
  );
}

/** Name and organisation of one user, and a new password (which signs the user out everywhere). */
function editForm(u, orgs, out) {
  const name = h('input', { type: 'text', required: true, value: u.name, id: uid() });
  const picker = organisationPicker(orgs, u.organisationId, { label: uid() });
  const save = h('button', { type: 'submit', class: 'secondary' }, t('users.save'));
  const details = h(
    'form',
    {
      onsubmit: (e) => {
        e.preventDefault();
        busy(save, out, async () => {
          await api('PATCH', `/api/v1/users/${u.id}`, {
            body: { name: name.value.trim(), organisationId: picker.select.value || null },
            ifMatch: u.version,
          });
          render();
        });
      },
    },
    field(t('users.name'), name),
    h('div', { class: 'field' }, h('label', { for: picker.select.id }, t('users.organisation')), picker.element),
    save,
  );
  const password = h('input', {
    type: 'password',
    required: true,
    minlength: 12,
    autocomplete: 'new-password',
    id: uid(),
  });
  const reset = h('button', { type: 'submit', class: 'secondary' }, t('users.resetPassword'));
  const resetForm = h(
    'form',
    {
      onsubmit: (e) => {
        e.preventDefault();
        busy(reset, out, async () => {
          const { data } = await api('POST', `/api/v1/users/${u.id}/password`, { body: { password: password.value } });
          u.version = data.version;
          password.value = '';
          out.replaceChildren(notice('success', t('users.passwordReset', { name: u.name })));
        });
      },
    },
    field(t('users.newPassword'), password, t('users.passwordHint')),
    reset,
  );
  return h('div', { class: 'edit' }, details, resetForm);
}
