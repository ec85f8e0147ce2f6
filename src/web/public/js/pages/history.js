// Revisions of a submission, with the changes between consecutive ones.
import { get } from '../api.js';
import { link } from '../nav.js';
import { h } from '../dom.js';
import { formatDateTime, loc, t } from '../i18n.js';
import { form as loadForm } from '../refdata.js';
import { statusBadge, table } from '../ui.js';

export async function historyPage({ campaignId, organisationId }) {
  const base = `/api/v1/campaigns/${campaignId}/submissions/${organisationId}`;
  // One request for the whole history: each revision with the items it changed.
  const [revisions, sub] = await Promise.all([get(`${base}/revisions?changes=true`), get(base)]);
  const form = await loadForm(sub.questionnaireVersion, sub.agencyType);
  const labels = new Map(
    form.sections.flatMap((s) =>
      s.questions.flatMap((q) => q.items.map((i) => [i.id, `${s.number}.${q.number}. ${loc(i.label)}`])),
    ),
  );
  const rows = revisions.map((r) =>
    h(
      'tr',
      {},
      h('td', {}, String(r.revision)),
      h('td', {}, t(`action.${r.action}`)),
      h('td', {}, statusBadge(r.status)),
      h('td', {}, formatDateTime(r.savedAt)),
      h('td', {}, r.savedByName ?? ''),
      h(
        'td',
        {},
        r.changes.length
          ? h(
              'details',
              {},
              h('summary', {}, t('history.changes', { n: r.changes.length })),
              h(
                'ul',
                {},
                r.changes.map((d) =>
                  h(
                    'li',
                    {},
                    link(
                      `/submissions/${campaignId}/${organisationId}?item=${encodeURIComponent(d.itemId)}`,
                      labels.get(d.itemId) ?? d.itemId,
                    ),
                    ` — ${t(`diff.${d.change}`)}`,
                  ),
                ),
              ),
            )
          : '—',
      ),
    ),
  );
  return h(
    'section',
    {},
    h('h1', {}, t('history.title')),
    h('p', {}, link(`/submissions/${campaignId}/${organisationId}`, t('history.back'))),
    table(
      [
        t('submission.revision'),
        t('history.action'),
        t('submission.status'),
        t('history.savedAt'),
        t('history.savedBy'),
        t('history.changesCol'),
      ],
      rows,
    ),
  );
}
