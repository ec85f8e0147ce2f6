// Administrator: data-collection campaigns — create with recipients, open, close.
import { api, get } from '../api.js';
import { render } from '../nav.js';
import { field, h, select, uid } from '../dom.js';
import { loc, t } from '../i18n.js';
import { agencyTypes, names, organisations, questionnaires } from '../refdata.js';
import { busy, statusBadge, table } from '../ui.js';
import { requestText, termText } from '../campaign-facts.js';

export async function adminCampaignsPage() {
  const [campaigns, orgs, versions, agencyName] = await Promise.all([
    get('/api/v1/campaigns'),
    organisations(),
    questionnaires(),
    names(agencyTypes()),
  ]);
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
      h('td', {}, c.questionnaireVersion),
      h('td', {}, termText(c)),
      h('td', { class: 'request' }, requestText(c)),
      h('td', {}, String(c.recipientCount)),
      h('td', {}, statusBadge(`campaign_${c.status}`), c.supersededAt ? ` (${t('campaign.superseded')})` : null),
      h('td', {}, actions),
    );
  });

  const year = h('input', {
    type: 'number',
    min: 2024,
    max: 2100,
    required: true,
    value: new Date().getFullYear() - 1,
  });
  const version = select(
    versions.map((v) => [v.id, `${v.id} — ${loc(v.title)}`]),
    versions[0]?.id,
  );
  const requestDate = h('input', { type: 'date' });
  const deadline = h('input', { type: 'date' });
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
  const boxes = orgs
    .filter((o) => o.active)
    .map((o) => ({ o, box: h('input', { type: 'checkbox', id: uid(), checked: true }) }));
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
            recipients: boxes.filter((b) => b.box.checked).map((b) => b.o.id),
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
    h(
      'fieldset',
      { class: 'recipients' },
      h('legend', {}, t('campaign.recipients')),
      boxes.map((b) =>
        h('label', { class: 'inline', for: b.box.id }, b.box, `${loc(b.o.name)} (${agencyName(b.o.agencyType)})`),
      ),
    ),
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
