// One assessment: quality findings, risk scoring per round, ranking, narrative, finalise.
import { api } from '../api.js';
import { link } from '../nav.js';
import { h } from '../dom.js';
import { loc, t } from '../i18n.js';
import { statusBadge } from '../ui.js';
import { jobsPanel } from '../jobs.js';
import { finalisePanel } from './assessment-finalise.js';
import { narrativePanel } from './assessment-narrative.js';
import { qualityPanel } from './assessment-quality.js';
import { rankingPanel } from './assessment-ranking.js';
import { scoringPanel } from './assessment-scoring.js';

const TABS = [
  ['quality', qualityPanel],
  ['scoring', scoringPanel],
  ['ranking', rankingPanel],
  ['narrative', narrativePanel],
  ['finalise', finalisePanel],
];

export async function assessmentPage({ id }, query) {
  const { data: assessment, etag } = await api('GET', `/api/v1/assessments/${id}`);
  const tab = TABS.some(([k]) => k === query.get('tab')) ? query.get('tab') : 'quality';
  // Every tab shows the assessment's running jobs, read from the server (they survive leaving the page).
  const jobs = jobsPanel(id);
  const panel = await TABS.find(([k]) => k === tab)[1](assessment, { etag, query, jobs });
  const tabs = h(
    'nav',
    { class: 'tabs', 'aria-label': t('assessment.parts') },
    h(
      'ul',
      {},
      TABS.map(([k]) =>
        h(
          'li',
          {},
          link(`/assessments/${id}?tab=${k}`, t(`assessment.tab.${k}`), k === tab ? { 'aria-current': 'page' } : {}),
        ),
      ),
    ),
  );
  return h(
    'section',
    {},
    h('h1', {}, loc(assessment.title)),
    h(
      'p',
      {},
      statusBadge(`assessment_${assessment.status}`),
      ' ',
      t('assessment.periodValue', { start: assessment.startYear, end: assessment.endYear }),
      ' · ',
      t('assessment.roundValue', { n: assessment.currentRound }),
    ),
    tabs,
    jobs.element,
    h('div', { class: 'panel' }, panel),
  );
}
