// Focal point: the campaigns addressed to the organisation, with deadline and status.
import { get } from '../api.js';
import { link, session } from '../nav.js';
import { h } from '../dom.js';
import { t } from '../i18n.js';
import { notice, statusBadge, table } from '../ui.js';
import { periodText, requestText, termText } from '../campaign-facts.js';

export async function campaignsPage() {
  const orgId = session.user.organisationId;
  const campaigns = (await get('/api/v1/campaigns')).filter((c) => c.status !== 'draft');
  const rows = await Promise.all(
    campaigns.map(async (c) => {
      const sub = await get(`/api/v1/campaigns/${c.id}/submissions/${orgId}`).catch(() => null);
      const path = `/submissions/${c.id}/${orgId}`;
      // The same completeness as the form shows: what submission will accept.
      const pct = sub?.readiness?.required ? Math.round((sub.readiness.ready / sub.readiness.required) * 100) : 0;
      return h(
        'tr',
        {},
        h(
          'td',
          {},
          link(path, t('campaign.name', { year: c.reportingYear })),
          h('div', { class: 'meta' }, periodText(c)),
        ),
        h('td', {}, termText(c), h('div', { class: 'meta' }, `${t('campaign.request')}: ${requestText(c)}`)),
        h('td', {}, statusBadge(`campaign_${c.status}`)),
        h('td', {}, sub ? statusBadge(sub.status) : '—'),
        h('td', {}, t('common.percent', { value: pct })),
      );
    }),
  );
  return h(
    'section',
    {},
    h('h1', {}, t('campaigns.title')),
    campaigns.length === 0
      ? notice('info', t('campaigns.none'))
      : table(
          [
            t('campaign.year'),
            t('campaign.deadline'),
            t('campaign.status'),
            t('submission.status'),
            t('submission.completeness'),
          ],
          rows,
        ),
  );
}
