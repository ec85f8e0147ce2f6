// Expert group: risk assessments — list and create.
import { api, get } from '../api.js';
import { link, navigate } from '../nav.js';
import { field, h, select, uid } from '../dom.js';
import { formatDateTime, loc, t } from '../i18n.js';
import { busy, notice, statusBadge, table } from '../ui.js';

export async function assessmentsPage() {
  const [list, campaigns] = await Promise.all([get('/api/v1/assessments'), get('/api/v1/campaigns')]);
  const out = h('div', { 'aria-live': 'polite' });
  const rows = list.map((a) =>
    h(
      'tr',
      {},
      h('td', {}, link(`/assessments/${a.id}`, loc(a.title))),
      h('td', {}, `${a.startYear}–${a.endYear}`),
      h('td', {}, statusBadge(`assessment_${a.status}`)),
      h('td', {}, String(a.currentRound)),
      h('td', {}, formatDateTime(a.updatedAt)),
    ),
  );

  const titleKk = h('input', { type: 'text', required: true, lang: 'kk' });
  const titleRu = h('input', { type: 'text', required: true, lang: 'ru' });
  const start = h('input', {
    type: 'number',
    min: 2024,
    max: 2100,
    required: true,
    value: Math.max(2024, new Date().getFullYear() - 2),
  });
  const end = h('input', { type: 'number', min: 2024, max: 2100, value: '' });
  const body = select(
    [
      ['mvd', t('assessment.bodyMvd')],
      ['mtszn', t('assessment.bodyMtszn')],
    ],
    'mvd',
  );
  const boxes = campaigns
    .filter((c) => c.status !== 'draft')
    .map((c) => ({ c, box: h('input', { type: 'checkbox', id: uid(), checked: true }) }));
  const includeSubmitted = h('input', { type: 'checkbox', id: uid() });
  const create = h('button', { type: 'submit' }, t('assessment.create'));
  const formEl = h(
    'form',
    {
      class: 'card',
      onsubmit: (e) => {
        e.preventDefault();
        busy(create, out, async () => {
          const payload = {
            title: { kk: titleKk.value.trim(), ru: titleRu.value.trim() },
            startYear: Number(start.value),
            coordinatingBody: body.value,
            campaignIds: boxes.filter((b) => b.box.checked).map((b) => b.c.id),
            includeSubmitted: includeSubmitted.checked,
          };
          if (end.value) payload.endYear = Number(end.value);
          const { data } = await api('POST', '/api/v1/assessments', { body: payload });
          navigate(`/assessments/${data.id}`);
        });
      },
    },
    h('h2', {}, t('assessment.new')),
    h('div', { class: 'row' }, field(t('assessment.titleKk'), titleKk), field(t('assessment.titleRu'), titleRu)),
    h(
      'div',
      { class: 'row' },
      field(t('assessment.startYear'), start),
      field(t('assessment.endYear'), end, t('assessment.endYearHint')),
      field(t('assessment.coordinatingBody'), body),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, t('assessment.campaigns')),
      boxes.map((b) =>
        h('label', { class: 'inline', for: b.box.id }, b.box, t('campaign.name', { year: b.c.reportingYear })),
      ),
    ),
    h('label', { class: 'inline', for: includeSubmitted.id }, includeSubmitted, t('assessment.includeSubmitted')),
    create,
  );
  return h(
    'section',
    {},
    h('h1', {}, t('assessment.listTitle')),
    out,
    list.length
      ? table(
          [
            t('assessment.title'),
            t('assessment.period'),
            t('assessment.status'),
            t('assessment.round'),
            t('assessment.updatedAt'),
          ],
          rows,
        )
      : notice('info', t('assessment.none')),
    formEl,
  );
}
