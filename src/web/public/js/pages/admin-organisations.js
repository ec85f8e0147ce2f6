// Administrator: organisations (agency type, region, names in both languages, parent, active):
// create, search, edit and deactivate.
import { api } from '../api.js';
import { render } from '../nav.js';
import { field, h, select, uid } from '../dom.js';
import { loc, t } from '../i18n.js';
import { agencyTypes, names, organisations, regions } from '../refdata.js';
import { busy, organisationPicker, table } from '../ui.js';

export async function adminOrganisationsPage() {
  const [orgs, allAgencies, regionList] = await Promise.all([organisations(), agencyTypes(), regions()]);
  const [agencyName, regionName] = await Promise.all([names(allAgencies), names(regionList)]);
  // A legacy type (kept for earlier submissions) is never offered for an organisation.
  const agencies = allAgencies.filter((a) => !a.legacy);
  const out = h('div', { 'aria-live': 'polite' });
  const rows = orgs.map((o) =>
    h(
      'tr',
      { 'data-search': `${o.name.kk} ${o.name.ru}`.toLocaleLowerCase() },
      h('td', {}, h('details', {}, h('summary', {}, loc(o.name)), editForm(o, orgs, agencies, regionList, out))),
      h('td', {}, agencyName(o.agencyType)),
      h('td', {}, regionName(o.region)),
      h('td', {}, o.parentId ? loc(orgs.find((p) => p.id === o.parentId)?.name) : '—'),
      h('td', {}, o.active ? t('users.active') : t('users.disabled')),
    ),
  );
  const list = table([t('org.name'), t('org.agencyType'), t('org.region'), t('org.parent'), t('users.state')], rows);
  const search = h('input', { type: 'search', id: uid() });
  search.addEventListener('input', () => {
    const needle = search.value.trim().toLocaleLowerCase();
    for (const row of rows) row.hidden = Boolean(needle) && !row.dataset.search.includes(needle);
  });

  const agency = select(
    agencies.map((a) => [a.code, loc(a.name)]),
    agencies[0]?.code,
  );
  const region = select(
    regionList.map((r) => [r.code, loc(r.name)]),
    regionList[0]?.code,
  );
  const nameKk = h('input', { type: 'text', required: true, lang: 'kk' });
  const nameRu = h('input', { type: 'text', required: true, lang: 'ru' });
  const create = h('button', { type: 'submit' }, t('org.create'));
  const formEl = h(
    'form',
    {
      class: 'card',
      onsubmit: (e) => {
        e.preventDefault();
        busy(create, out, async () => {
          await api('POST', '/api/v1/organisations', {
            body: {
              agencyType: agency.value,
              region: region.value,
              name: { kk: nameKk.value.trim(), ru: nameRu.value.trim() },
            },
          });
          render();
        });
      },
    },
    h('h2', {}, t('org.new')),
    h('div', { class: 'row' }, field(t('org.agencyType'), agency), field(t('org.region'), region)),
    h('div', { class: 'row' }, field(t('org.nameKk'), nameKk), field(t('org.nameRu'), nameRu)),
    create,
  );

  return h(
    'section',
    {},
    h('h1', {}, t('org.title')),
    out,
    field(t('org.search'), search),
    h('div', { class: 'scroll', role: 'region', tabindex: '0', 'aria-label': t('org.title') }, list),
    formEl,
  );
}

/** Names, type, region, parent and state of one organisation (versioned: If-Match). */
function editForm(o, orgs, agencies, regionList, out) {
  const nameKk = h('input', { type: 'text', required: true, lang: 'kk', value: o.name.kk, id: uid() });
  const nameRu = h('input', { type: 'text', required: true, lang: 'ru', value: o.name.ru, id: uid() });
  const agency = select(
    agencies.map((a) => [a.code, loc(a.name)]),
    o.agencyType,
    { id: uid() },
  );
  const region = select(
    regionList.map((r) => [r.code, loc(r.name)]),
    o.region,
    { id: uid() },
  );
  const parent = organisationPicker(
    orgs.filter((p) => p.id !== o.id),
    o.parentId,
    { label: uid() },
  );
  const active = h('input', { type: 'checkbox', checked: o.active, id: uid() });
  const save = h('button', { type: 'submit', class: 'secondary' }, t('org.save'));
  return h(
    'form',
    {
      class: 'edit',
      onsubmit: (e) => {
        e.preventDefault();
        busy(save, out, async () => {
          await api('PATCH', `/api/v1/organisations/${o.id}`, {
            ifMatch: o.version,
            body: {
              name: { kk: nameKk.value.trim(), ru: nameRu.value.trim() },
              agencyType: agency.value,
              region: region.value,
              parentId: parent.select.value || null,
              active: active.checked,
            },
          });
          render();
        });
      },
    },
    h('div', { class: 'row' }, field(t('org.nameKk'), nameKk), field(t('org.nameRu'), nameRu)),
    h('div', { class: 'row' }, field(t('org.agencyType'), agency), field(t('org.region'), region)),
    h('div', { class: 'field' }, h('label', { for: parent.select.id }, t('org.parent')), parent.element),
    h('label', { class: 'inline', for: active.id }, active, t('org.active')),
    save,
  );
}
