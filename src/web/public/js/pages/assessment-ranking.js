// Ranking: ordered risks with consensus flags, the 5x5 heat map and Kendall's W.
import { get } from '../api.js';
import { h } from '../dom.js';
import { formatNumber, formatP, loc, t } from '../i18n.js';
import { notice, table } from '../ui.js';

export async function rankingPanel(assessment) {
  let ranking;
  try {
    ranking = await get(`/api/v1/assessments/${assessment.id}/ranking`);
  } catch (err) {
    return notice('info', t('ranking.missing'), ' ', err.message);
  }
  const result = ranking.result ?? {};
  const titles = new Map(ranking.risks.map((r) => [r.riskCode, loc(r.title)]));
  const ranks = new Map(ranking.risks.map((r) => [r.riskCode, r.rank]));
  const rows = ranking.risks.map((r) =>
    h(
      'tr',
      {},
      h('td', {}, String(r.rank)),
      h('th', { scope: 'row' }, loc(r.title)),
      h('td', {}, formatNumber(r.medianLikelihood)),
      h('td', {}, formatNumber(r.medianImpact)),
      h('td', {}, formatNumber(r.score)),
      h('td', {}, h('span', { class: `badge level-${r.level}` }, t(`level.${r.level}`))),
      h('td', {}, h('span', { class: `badge consensus-${r.consensus}` }, t(`consensus.${r.consensus}`))),
      h('td', {}, String(r.nExperts)),
      h('td', {}, formatNumber(r.evidence, 1)),
    ),
  );

  const heat = result.heatMap;
  const levelOf = (l, i) => {
    const s = l * i;
    return s >= 20 ? 'critical' : s >= 12 ? 'high' : s >= 5 ? 'medium' : 'low';
  };
  // Axis titles on both sides, the risks' names in their cells (not only on hover) and a
  // legend of the four bands with their score ranges.
  const heatTable = heat
    ? h(
        'table',
        { class: 'heatmap' },
        h('caption', {}, t('ranking.heatMap')),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('td', {}),
            h('th', { scope: 'colgroup', colspan: '5', class: 'axis' }, t('ranking.axisImpact')),
          ),
          h(
            'tr',
            {},
            h('th', { scope: 'col', class: 'axis' }, t('ranking.axisLikelihood')),
            [1, 2, 3, 4, 5].map((i) => h('th', { scope: 'col' }, String(i))),
          ),
        ),
        h(
          'tbody',
          {},
          [5, 4, 3, 2, 1].map((l) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, String(l)),
              [1, 2, 3, 4, 5].map((i) => {
                const codes = [...heat.riskCodes[l - 1][i - 1]].sort((a, b) => ranks.get(a) - ranks.get(b));
                return h(
                  'td',
                  { class: `cell level-${levelOf(l, i)}` },
                  codes.length
                    ? h(
                        'ul',
                        { class: 'cell-risks' },
                        codes.map((c) =>
                          h('li', {}, t('ranking.cellRisk', { rank: ranks.get(c), title: titles.get(c) ?? c })),
                        ),
                      )
                    : '',
                );
              }),
            ),
          ),
        ),
      )
    : null;
  // The order's bands over the products a 5x5 scale can give.
  const bands = [
    ['low', 1, 4],
    ['medium', 5, 10],
    ['high', 12, 16],
    ['critical', 20, 25],
  ];
  const legend = heat
    ? h(
        'ul',
        { class: 'legend', 'aria-label': t('ranking.legend') },
        bands.map(([level, from, to]) =>
          h(
            'li',
            {},
            h('span', { class: `swatch level-${level}`, 'aria-hidden': 'true' }),
            t('ranking.band', { level: t(`level.${level}`), from, to }),
          ),
        ),
      )
    : null;

  const k = result.kendall;
  const kendall = k
    ? k.W === null
      ? h('p', {}, t('ranking.kendallUndefined', { reason: t(`kendall.${k.reason}`), m: k.m, n: k.n }))
      : h(
          'p',
          {},
          h('strong', {}, t('ranking.kendallW', { w: formatNumber(k.W, 3) })),
          ' ',
          t('ranking.kendallDetails', { m: k.m, n: k.n, p: formatP(k.pValue) }),
        )
    : null;

  return h(
    'div',
    {},
    h('h2', {}, t('ranking.title')),
    kendall,
    h(
      'div',
      { class: 'ranking-layout' },
      h(
        'div',
        { class: 'scroll', role: 'region', tabindex: '0', 'aria-label': t('ranking.heatMap') },
        heatTable,
        legend,
      ),
      h(
        'div',
        { class: 'scroll' },
        table(
          [
            t('ranking.rank'),
            t('scoring.risk'),
            t('ranking.medianL'),
            t('ranking.medianI'),
            t('ranking.score'),
            t('ranking.level'),
            t('ranking.consensus'),
            t('ranking.experts'),
            t('ranking.evidence'),
          ],
          rows,
        ),
      ),
    ),
  );
}
