// Secretariat: finalised assessments and their report files.
import { download, get } from '../api.js';
import { h } from '../dom.js';
import { formatDateTime, loc, t } from '../i18n.js';
import { link } from '../nav.js';
import { busy, notice } from '../ui.js';
import { filesTable } from './assessment-finalise.js';

export async function reportsPage() {
  const finalised = (await get('/api/v1/assessments')).filter((a) => a.status === 'finalised');
  const out = h('div', { 'aria-live': 'polite' });
  const blocks = await Promise.all(
    finalised.map(async (a) =>
      h(
        'article',
        { class: 'card' },
        h('h2', {}, loc(a.title)),
        h(
          'p',
          {},
          t('assessment.periodValue', { start: a.startYear, end: a.endYear }),
          ' · ',
          t('finalise.done', { time: formatDateTime(a.finalisedAt) }),
          ' · ',
          link(`/commission/${a.id}`, t('commission.title')),
        ),
        downloadAll(a, out),
        await filesTable(a.id, out),
      ),
    ),
  );
  return h(
    'section',
    {},
    h('h1', {}, t('reports.title')),
    out,
    finalised.length ? blocks : notice('info', t('reports.none')),
  );
}

/** Every published file of the assessment in one ZIP, streamed by the server. */
function downloadAll(a, out) {
  const button = h('button', { type: 'button', class: 'secondary download-all' }, t('files.downloadAll'));
  button.addEventListener('click', () =>
    busy(button, out, () => download(`/api/v1/assessments/${a.id}/files.zip`, `assessment-${a.startYear}.zip`)),
  );
  return h('p', {}, button);
}
