// Administrator: organisations (agency type, region, names in both languages).
import { api } from '../api.js';
import { render } from '../nav.js';
import { field, h, select } from '../dom.js';
import { loc, t } from '../i18n.js';
import { agencyTypes, names, organisations, regions } from '../refdata.js';
import { busy, table } from '../ui.js';

export async function adminOrganisationsPage() {
  const [orgs, agencies, regionList] = await Promise.all([organisations(), agencyTypes(), regions()]);
  const [agencyName, regionName] = await Promise.all([names(agencies), names(regionList)]);
  const out = h('div', { 'aria-live': 'polite' });
  const rows = orgs.map((o) => h('tr', {}, h('td', {}, loc(o.name)), h('td', {}, agencyName(o.agencyType)), h('td', {}, regionName(o.region)), h('td', {}, o.active ? t('users.active') : t('users.disabled'))));

  const agency = select(agencies.map((a) => [a.code, loc(a.name)]), agencies[0]?.code);
  const region = select(regionList.map((r) => [r.code, loc(r.name)]), regionList[0]?.code);
  const nameKk = h('input', { type: 'text', required: true, lang: 'kk' });
  const nameRu = h('input', { type: 'text', required: true, lang: 'ru' });
  const create = h('button', { type: 'submit' }, t('org.create'));
  const formEl = h('form', { class: 'card', onsubmit: (e) => {
    e.preventDefault();
    busy(create, out, async () => {
      await api('POST', '/api/v1/organisations', { body: { agencyType: agency.value, region: region.value, name: { kk: nameKk.value.trim(), ru: nameRu.value.trim() } } });
      render();
    });
  } }, h('h2', {}, t('org.new')), h('div', { class: 'row' }, field(t('org.agencyType'), agency), field(t('org.region'), region)),
    h('div', { class: 'row' }, field(t('org.nameKk'), nameKk), field(t('org.nameRu'), nameRu)), create);

  return h('section', {}, h('h1', {}, t('org.title')), out, table([t('org.name'), t('org.agencyType'), t('org.region'), t('users.state')], rows), formEl);
}
