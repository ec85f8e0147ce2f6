// Administrator: data-collection campaigns — create with recipients, open, close, change the deadline.
import { api, get } from '../api.js';
import { render } from '../nav.js';
import { field, h, select } from '../dom.js';
import { formatDate, t } from '../i18n.js';
import { agencyTypes, organisations, questionnaires, regions, versionName } from '../refdata.js';
import { recipientPicker } from '../recipients.js';
import { busy, statusBadge, table } from '../ui.js';
import { requestText, termText } from '../campaign-facts.js';

export async function adminCampaignsPage() {
  const [campaigns, orgs, versions, agencyList, regionList] = await Promise.all([
    get('/api/v1/campaigns'),
    organisations(),
    questionnaires(),
    agencyTypes(),
    regions(),
  ]);
  const versionLabel = (id) => {
    const v = versions.find((x) => x.id === id);
    return v ? versionName(v) : id;
  };
  const out = h('div', { 'aria-live': 'polite' });
  const rows = campaigns.map((c) => {
    const actions = [];
    const act = (key, path) => {
      const b = h('button', { type: 'button', class: 'secondary' }, t(key));
      b.addEventListener('click', () =>
        busy(b, out, async () => {
          await api('POST', `/api/v1/campaigns/${c.id}/${path}`, { ifMatch: c.version });
          render();
        }),
      );
      actions.push(b);
    };
    if (c.status === 'draft') act('campaign.open', 'open');
    if (c.status === 'open') act('campaign.close', 'close');
    return h(
      'tr',
      {},
      h('td', {}, t('campaign.name', { year: c.reportingYear })),
      h('td', {}, versionLabel(c.questionnaireVersion)),
      h(
        'td',
        {},
        c.status === 'closed' ? termText(c) : [deadlineEditor(c, out), h('div', { class: 'hint' }, termText(c))],
      ),
      h('td', { class: 'request' }, requestText(c)),
      h('td', {}, String(c.recipientCount)),
      h('td', {}, statusBadge(`campaign_${c.status}`), c.supersededAt ? ` (${t('campaign.superseded')})` : null),
      h('td', {}, actions),
    );
  });

  // The next reporting year without a campaign, from last year on (one campaign per year).
  const taken = new Set(campaigns.map((c) => c.reportingYear));
  let nextYear = new Date().getFullYear() - 1;
  while (taken.has(nextYear)) nextYear += 1;
  const year = h('input', { type: 'number', min: 2024, max: 2100, required: true, value: nextYear });
  const offered = versions.filter((v) => v.status === 'published');
  const version = select(
    offered.map((v) => [v.id, versionName(v)]),
    offered.at(-1)?.id,
  );
  const requestDate = h('input', { type: 'date' });
  const deadline = h('input', { type: 'date' });
  const recipients = recipientPicker(orgs, regionList, agencyList);
  // The request (Rules §9): who asks, under which outgoing number and date.
  const body = select(
    [
      ['mvd', t('campaign.body.mvd')],
      ['mtszn', t('campaign.body.mtszn')],
    ],
    'mvd',
  );
  const outgoingNumber = h('input', { type: 'text', maxlength: 100, required: true });
  const outgoingDate = h('input', { type: 'date', required: true });
  // A correction campaign replaces a closed campaign of the same year (one campaign per year).
  const closed = campaigns.filter((c) => c.status === 'closed' && !c.supersededAt);
  const supersedes = select(
    [['', t('campaign.supersedesNone')], ...closed.map((c) => [c.id, t('campaign.name', { year: c.reportingYear })])],
    '',
  );
  const supersedeReason = h('textarea', { rows: 2 });
  const create = h('button', { type: 'submit' }, t('campaign.create'));
  const formEl = h(
    'form',
    {
      class: 'card',
      onsubmit: (e) => {
        e.preventDefault();
        busy(create, out, async () => {
          const payload = {
            reportingYear: Number(year.value),
            questionnaireVersion: version.value,
            recipients: recipients.selected(),
            requestingBody: body.value,
            outgoingNumber: outgoingNumber.value,
            outgoingDate: outgoingDate.value,
          };
          if (requestDate.value) payload.requestDate = requestDate.value;
          if (deadline.value) payload.deadline = deadline.value;
          if (supersedes.value) payload.supersedes = { campaignId: supersedes.value, reason: supersedeReason.value };
          await api('POST', '/api/v1/campaigns', { body: payload });
          render();
        });
      },
    },
    h('h2', {}, t('campaign.new')),
    h(
      'div',
      { class: 'row' },
      field(t('campaign.year'), year),
      field(t('campaign.version'), version),
      field(t('campaign.requestDate'), requestDate),
      field(t('campaign.deadline'), deadline),
    ),
    h(
      'div',
      { class: 'row' },
      field(t('campaign.requestingBody'), body),
      field(t('campaign.outgoingNumber'), outgoingNumber),
      field(t('campaign.outgoingDate'), outgoingDate),
    ),
    closed.length
      ? h(
          'div',
          { class: 'row' },
          field(t('campaign.supersedes'), supersedes),
          field(t('campaign.supersedeReason'), supersedeReason),
        )
      : null,
    recipients.el,
    create,
  );
  return h(
    'section',
    {},
    h('h1', {}, t('campaign.adminTitle')),
    out,
    table(
      [
        t('campaign.year'),
        t('campaign.version'),
        t('campaign.term'),
        t('campaign.request'),
        t('campaign.recipientCount'),
        t('campaign.status'),
        t('common.actions'),
      ],
      rows,
    ),
    formEl,
  );
}

/** The deadline of a draft or open campaign, changed in place (PATCH with If-Match). */
function deadlineEditor(c, out) {
  const input = h('input', {
    type: 'date',
    value: c.deadline,
    'aria-label': t('campaign.deadlineOf', { year: c.reportingYear }),
  });
  const save = h('button', { type: 'button', class: 'secondary' }, t('campaign.changeDeadline'));
  save.addEventListener('click', () =>
    busy(save, out, async () => {
      if (input.value === c.deadline) return;
      await api('PATCH', `/api/v1/campaigns/${c.id}`, { body: { deadline: input.value }, ifMatch: c.version });
      render();
    }),
  );
  return h(
    'details',
    { class: 'inline-edit' },
    h('summary', {}, formatDate(c.deadline), h('span', { class: 'meta' }, ` · ${t('campaign.changeDeadline')}`)),
    h('div', { class: 'row' }, input, save),
  );
}
