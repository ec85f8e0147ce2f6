// Expert group: progress of a campaign by region x agency type, and each recipient's submission.
import { get } from '../api.js';
import { link, navigate } from '../nav.js';
import { field, h, select, uid } from '../dom.js';
import { formatDate, formatDateTime, loc, t } from '../i18n.js';
import { agencyTypes, names, regions } from '../refdata.js';
import { busy, notice, statusBadge, table } from '../ui.js';

// Readiness where the server stored it (what submission will accept), as the form shows it.
const pct = (c) =>
  c
    ? Math.round(
        (c.required !== undefined ? (c.required ? c.ready / c.required : 1) : (c.answered + c.explained) / c.total) *
          100,
      )
    : 0;

// The list's filters, sort and page live in the address, so reload and back keep them.
const LIST_KEYS = ['region', 'agencyType', 'status', 'timeliness', 'q', 'sort', 'order', 'page'];
const STATUSES = ['not_started', 'draft', 'returned', 'submitted', 'accepted'];
const TIMELINESS = ['overdue', 'late', 'pending', 'on_time'];
const SORTS = ['region', 'agencyType', 'name', 'status', 'timeliness', 'completeness', 'submittedAt'];

function listQuery(query) {
  const out = new URLSearchParams();
  for (const k of LIST_KEYS) if (query.get(k)) out.set(k, query.get(k));
  return out;
}

/** Filters, search and sort as a form; applying it goes back to page 1. */
function filterForm(campaignId, query, regionOptions, agencyOptions) {
  const any = ['', t('board.any')];
  const controls = {
    region: select([any, ...regionOptions], query.get('region') ?? '', { id: uid(), name: 'region' }),
    agencyType: select([any, ...agencyOptions], query.get('agencyType') ?? '', { id: uid(), name: 'agencyType' }),
    status: select([any, ...STATUSES.map((s) => [s, t(`status.${s}`)])], query.get('status') ?? '', {
      id: uid(),
      name: 'status',
    }),
    timeliness: select([any, ...TIMELINESS.map((s) => [s, t(`timeliness.${s}`)])], query.get('timeliness') ?? '', {
      id: uid(),
      name: 'timeliness',
    }),
    q: h('input', { type: 'search', id: uid(), name: 'q', value: query.get('q') ?? '' }),
    sort: select(
      SORTS.map((s) => [s, t(`board.sort.${s}`)]),
      query.get('sort') ?? 'region',
      { id: uid(), name: 'sort' },
    ),
    order: select(
      [
        ['asc', t('board.order.asc')],
        ['desc', t('board.order.desc')],
      ],
      query.get('order') ?? 'asc',
      { id: uid(), name: 'order' },
    ),
  };
  const form = h(
    'form',
    {
      class: 'filters',
      role: 'search',
      onsubmit: (e) => {
        e.preventDefault();
        const next = new URLSearchParams({ campaign: campaignId });
        for (const [k, c] of Object.entries(controls)) if (c.value) next.set(k, c.value);
        navigate(`/board?${next}`);
      },
    },
    h(
      'div',
      { class: 'row' },
      field(t('org.region'), controls.region),
      field(t('org.agencyType'), controls.agencyType),
      field(t('submission.status'), controls.status),
      field(t('board.timeliness'), controls.timeliness),
    ),
    h(
      'div',
      { class: 'row' },
      field(t('board.search'), controls.q),
      field(t('board.sortBy'), controls.sort),
      field(t('board.order'), controls.order),
      h(
        'div',
        { class: 'field actions' },
        h('button', { type: 'submit' }, t('board.apply')),
        link(`/board?campaign=${campaignId}`, t('board.reset'), { class: 'button secondary' }),
      ),
    ),
  );
  return form;
}

function pager(campaignId, query, progress) {
  const pages = Math.max(1, Math.ceil(progress.matched / progress.pageSize));
  const to = (page) => {
    const next = listQuery(query);
    next.set('campaign', campaignId);
    next.set('page', String(page));
    return `/board?${next}`;
  };
  return h(
    'nav',
    { class: 'pager', 'aria-label': t('board.pages') },
    progress.page > 1 ? link(to(progress.page - 1), t('board.prev')) : null,
    h('span', {}, t('board.pageOf', { page: progress.page, pages, matched: progress.matched })),
    progress.page < pages ? link(to(progress.page + 1), t('board.next')) : null,
  );
}

/** Whom to remind: the overdue recipients as text to copy into a letter. */
function overdueAction(campaignId, regionName, agencyName) {
  const out = h('div', { 'aria-live': 'polite' });
  const b = h('button', { type: 'button', class: 'secondary' }, t('board.overdue'));
  b.addEventListener('click', () =>
    busy(b, out, async () => {
      const list = await get(`/api/v1/campaigns/${campaignId}/overdue`);
      if (!list.length) return out.replaceChildren(notice('success', t('board.overdueNone')));
      const text = list.map((r) => `${loc(r.name)} — ${regionName(r.region)}, ${agencyName(r.agencyType)}`).join('\n');
      const area = h('textarea', { id: uid(), rows: String(Math.min(12, list.length + 1)), readonly: true }, text);
      out.replaceChildren(field(t('board.overdueList', { n: list.length }), area));
      area.select();
    }),
  );
  return h('div', {}, b, out);
}

export async function boardPage(_params, query) {
  const campaigns = (await get('/api/v1/campaigns')).filter((c) => c.status !== 'draft');
  if (!campaigns.length) return h('section', {}, h('h1', {}, t('board.title')), notice('info', t('campaigns.none')));
  const campaignId = query.get('campaign') ?? campaigns[0].id;
  const [progress, regionName, agencyName, regionList, agencyList] = await Promise.all([
    get(`/api/v1/campaigns/${campaignId}/progress?${listQuery(query)}`),
    names(regions()),
    names(agencyTypes()),
    regions(),
    agencyTypes(),
  ]);
  const chooser = select(
    campaigns.map((c) => [c.id, t('campaign.name', { year: c.reportingYear })]),
    campaignId,
    {
      id: uid(),
      onchange: (e) => navigate(`/board?campaign=${e.target.value}`),
    },
  );

  // The matrix is over every recipient: its cells come from the server's roll-ups.
  const regionCodes = progress.byRegion.map((r) => r.key);
  const agencyCodes = progress.byAgencyType.map((r) => r.key);
  const cells = new Map(progress.byRegionAndAgencyType.map((c) => [`${c.region}|${c.agencyType}`, c]));
  const cell = (region, agency) => {
    const c = cells.get(`${region}|${agency}`);
    if (!c) return h('td', { class: 'empty' }, '');
    const done = c.byStatus.submitted + c.byStatus.accepted;
    const late = c.late + c.overdue;
    const filtered = `/board?${new URLSearchParams({ campaign: campaignId, region, agencyType: agency })}`;
    return h(
      'td',
      { class: done === c.recipients ? 'done' : late ? 'late' : '' },
      link(filtered, t('board.cell', { done, total: c.recipients })),
      late ? h('span', { class: 'count error' }, t('board.late', { n: late })) : null,
    );
  };
  const matrix = h(
    'table',
    { class: 'matrix' },
    h('caption', {}, t('board.matrix')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t('board.region')),
        agencyCodes.map((a) => h('th', { scope: 'col' }, agencyName(a))),
      ),
    ),
    h(
      'tbody',
      {},
      regionCodes.map((r) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, regionName(r)),
          agencyCodes.map((a) => cell(r, a)),
        ),
      ),
    ),
  );

  const rows = progress.recipients.map((r) =>
    h(
      'tr',
      {},
      h('td', {}, link(`/submissions/${campaignId}/${r.organisationId}`, loc(r.name))),
      h('td', {}, regionName(r.region)),
      h('td', {}, agencyName(r.agencyType)),
      h('td', {}, statusBadge(r.status)),
      h('td', {}, t(`timeliness.${r.timeliness}`)),
      h('td', {}, t('common.percent', { value: pct(r.completeness) })),
      h('td', {}, formatDateTime(r.submittedAt)),
    ),
  );
  const totals = progress.totals;
  return h(
    'section',
    {},
    h('h1', {}, t('board.title')),
    h('div', { class: 'field' }, h('label', { for: chooser.id }, t('board.campaign')), chooser),
    h(
      'p',
      {},
      t('board.summary', {
        total: totals.recipients,
        notStarted: totals.byStatus.not_started,
        draft: totals.byStatus.draft,
        submitted: totals.byStatus.submitted,
        accepted: totals.byStatus.accepted,
        returned: totals.byStatus.returned,
        late: totals.late,
        overdue: totals.overdue,
      }),
      ' ',
      t('campaign.deadline'),
      ': ',
      formatDate(progress.campaign.deadline),
    ),
    h('div', { class: 'scroll', role: 'region', tabindex: '0', 'aria-label': t('board.matrix') }, matrix),
    overdueAction(campaignId, regionName, agencyName),
    h('h2', {}, t('board.recipients')),
    filterForm(
      campaignId,
      query,
      regionList.map((r) => [r.code, loc(r.name)]),
      agencyList.map((a) => [a.code, loc(a.name)]),
    ),
    pager(campaignId, query, progress),
    table(
      [
        t('org.name'),
        t('org.region'),
        t('org.agencyType'),
        t('submission.status'),
        t('board.timeliness'),
        t('submission.completeness'),
        t('submission.submittedAt'),
      ],
      rows,
    ),
  );
}
