// The follow-up form of a yearly campaign (separate from the questionnaire): for each action of the
// subject's agency type from the last communicated assessment, the status, what was done and the
// evidence. Each row saves on its own with If-Match.
import { api } from '../api.js';
import { field, h, select } from '../dom.js';
import { formatDateTime, loc, t } from '../i18n.js';
import { hasRole } from '../nav.js';
import { busy, notice } from '../ui.js';

const STATUSES = ['not_started', 'in_progress', 'done', 'not_applicable'];

function actionForm(base, item, editable, n) {
  let version = item.report?.version ?? 0;
  const status = select(
    STATUSES.map((s) => [s, t(`followUp.status.${s}`)]),
    item.report?.status ?? 'not_started',
    { disabled: !editable },
  );
  const done = h('textarea', { rows: 3, disabled: !editable }, item.report?.done ?? '');
  const evidence = h('textarea', { rows: 2, disabled: !editable }, item.report?.evidence ?? '');
  const out = h('div', { 'aria-live': 'polite' });
  const saved = h(
    'p',
    { class: 'hint' },
    item.report ? t('followUp.savedAt', { time: formatDateTime(item.report.updatedAt) }) : '',
  );
  const save = h('button', { type: 'submit' }, t('followUp.save'));
  return h(
    'form',
    {
      class: 'card',
      'aria-label': t('followUp.action', { n }),
      onsubmit: (e) => {
        e.preventDefault();
        busy(save, out, async () => {
          const { data } = await api('PUT', `${base}/actions/${item.actionId}`, {
            body: { status: status.value, done: done.value, evidence: evidence.value },
            ifMatch: version,
          });
          version = data.version;
          saved.textContent = t('followUp.savedAt', { time: formatDateTime(data.updatedAt) });
          out.replaceChildren(notice('success', t('followUp.saved')));
        });
      },
    },
    h('h2', {}, t('followUp.action', { n })),
    h('p', {}, loc(item.text)),
    field(t('followUp.statusLabel'), status),
    field(t('followUp.done'), done, t('followUp.doneHint')),
    field(t('followUp.evidence'), evidence, t('followUp.evidenceHint')),
    editable ? save : null,
    saved,
    out,
  );
}

export async function followUpPage({ campaignId, organisationId }) {
  const base = `/api/v1/campaigns/${campaignId}/follow-up/${organisationId}`;
  const { data } = await api('GET', base);
  const editable = data.open && hasRole('focal_point');
  return h(
    'section',
    {},
    h('h1', {}, t('followUp.title', { year: data.reportingYear })),
    h('p', {}, t('followUp.intro')),
    data.assessment
      ? h('p', {}, t('followUp.from', { start: data.assessment.startYear, end: data.assessment.endYear }))
      : null,
    data.open ? null : notice('info', t('followUp.closed')),
    data.items.length
      ? data.items.map((item, i) => actionForm(base, item, editable, i + 1))
      : notice('info', t('followUp.none')),
  );
}
