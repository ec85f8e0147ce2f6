// Expert group: progress of a campaign by region x agency type, and each recipient's submission.
import { get } from '../api.js';
import { link, navigate } from '../nav.js';
import { h, select, uid } from '../dom.js';
import { formatDate, formatDateTime, loc, t } from '../i18n.js';
import { agencyTypes, names, regions } from '../refdata.js';
import { notice, statusBadge, table } from '../ui.js';

const pct = (c) => (c ? Math.round(((c.answered + c.explained) / c.total) * 100) : 0);

export async function boardPage(_params, query) {
  const campaigns = (await get('/api/v1/campaigns')).filter((c) => c.status !== 'draft');
  if (!campaigns.length) return h('section', {}, h('h1', {}, t('board.title')), notice('info', t('campaigns.none')));
  const campaignId = query.get('campaign') ?? campaigns[0].id;
  const [progress, regionName, agencyName] = await Promise.all([get(`/api/v1/campaigns/${campaignId}/progress`), names(regions()), names(agencyTypes())]);
  const chooser = select(campaigns.map((c) => [c.id, t('campaign.name', { year: c.reportingYear })]), campaignId, {
    id: uid(), onchange: (e) => navigate(`/board?campaign=${e.target.value}`) });

  const regionCodes = [...new Set(progress.recipients.map((r) => r.region))];
  const agencyCodes = [...new Set(progress.recipients.map((r) => r.agencyType))];
  const cell = (region, agency) => {
    const list = progress.recipients.filter((r) => r.region === region && r.agencyType === agency);
    if (!list.length) return h('td', { class: 'empty' }, '');
    const done = list.filter((r) => r.status === 'submitted' || r.status === 'accepted').length;
    const late = list.filter((r) => r.timeliness === 'late' || r.timeliness === 'overdue').length;
    return h('td', { class: done === list.length ? 'done' : late ? 'late' : '' }, t('board.cell', { done, total: list.length }), late ? h('span', { class: 'count error' }, t('board.late', { n: late })) : null);
  };
  const matrix = h('table', { class: 'matrix' },
    h('caption', {}, t('board.matrix')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('board.region')), agencyCodes.map((a) => h('th', { scope: 'col' }, agencyName(a))))),
    h('tbody', {}, regionCodes.map((r) => h('tr', {}, h('th', { scope: 'row' }, regionName(r)), agencyCodes.map((a) => cell(r, a))))));

  const rows = progress.recipients.map((r) => h('tr', {},
    h('td', {}, link(`/submissions/${campaignId}/${r.organisationId}`, loc(r.name))),
    h('td', {}, regionName(r.region)), h('td', {}, agencyName(r.agencyType)),
    h('td', {}, statusBadge(r.status)), h('td', {}, t(`timeliness.${r.timeliness}`)),
    h('td', {}, t('common.percent', { value: pct(r.completeness) })), h('td', {}, formatDateTime(r.submittedAt))));
  const totals = progress.totals;
  return h('section', {}, h('h1', {}, t('board.title')),
    h('div', { class: 'field' }, h('label', { for: chooser.id }, t('board.campaign')), chooser),
    h('p', {}, t('board.summary', { total: totals.recipients, notStarted: totals.byStatus.not_started, draft: totals.byStatus.draft, submitted: totals.byStatus.submitted, accepted: totals.byStatus.accepted, returned: totals.byStatus.returned, late: totals.late, overdue: totals.overdue }),
      ' ', t('campaign.deadline'), ': ', formatDate(progress.campaign.deadline)),
    h('div', { class: 'scroll' }, matrix),
    h('h2', {}, t('board.recipients')),
    table([t('org.name'), t('org.region'), t('org.agencyType'), t('submission.status'), t('board.timeliness'), t('submission.completeness'), t('submission.submittedAt')], rows));
}
