// An invited specialist (Rules §16): the assessments that name the account, and their working
// materials: the steps run, the report's texts, the expert group's meetings and the draft report
// (protected like the published one). No raw data.
import { download, get } from '../api.js';
import { h } from '../dom.js';
import { formatDate, formatDateTime, getLang, loc, t } from '../i18n.js';
import { link } from '../nav.js';
import { busy, notice, table } from '../ui.js';

export async function materialsListPage() {
  const list = await get('/api/v1/working-materials');
  return h(
    'section',
    {},
    h('h1', {}, t('materials.title')),
    h('p', {}, t('materials.intro')),
    list.length
      ? h(
          'ul',
          {},
          list.map((a) =>
            h(
              'li',
              {},
              link(`/materials/${a.id}`, loc(a.title)),
              ' · ',
              t('assessment.periodValue', { start: a.startYear, end: a.endYear }),
            ),
          ),
        )
      : notice('info', t('materials.none')),
  );
}

export async function materialsPage({ id }) {
  const m = await get(`/api/v1/assessments/${id}/working-materials`);
  const out = h('div', { 'aria-live': 'polite' });
  const preview = h('button', { type: 'button' }, t('materials.preview'));
  preview.addEventListener('click', () =>
    busy(preview, out, () =>
      download(`/api/v1/assessments/${id}/working-materials/preview.pdf?lang=${getLang()}`, `preview-${getLang()}.pdf`),
    ),
  );
  const text = (c) => (getLang() === 'kk' ? c.textKk : c.textRu);
  return h(
    'section',
    {},
    h('h1', {}, loc(m.assessment.title)),
    h('p', {}, t('assessment.periodValue', { start: m.assessment.startYear, end: m.assessment.endYear })),
    out,
    h('p', {}, preview),
    h('h2', {}, t('materials.runs')),
    m.runs.length
      ? table(
          [t('group.decisionStep'), t('materials.finished')],
          m.runs.map((r) =>
            h('tr', {}, h('td', {}, t(`group.step.${r.step}`)), h('td', {}, formatDateTime(r.finishedAt))),
          ),
        )
      : notice('info', t('materials.noRuns')),
    h('h2', {}, t('materials.texts')),
    m.narrative.filter((c) => text(c)).length
      ? m.narrative
          .filter((c) => text(c))
          .map((c) => h('details', {}, h('summary', {}, c.chapter), h('p', { class: 'pre' }, text(c))))
      : notice('info', t('materials.noTexts')),
    h('h2', {}, t('group.meetings')),
    m.meetings.length
      ? h(
          'ul',
          {},
          m.meetings.map((x) => h('li', {}, formatDate(x.heldOn), ' · ', x.agenda)),
        )
      : notice('info', t('group.noMeetings')),
  );
}
