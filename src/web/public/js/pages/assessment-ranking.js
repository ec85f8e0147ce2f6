// Ranking: ordered risks with consensus flags, the 5x5 heat map and Kendall's W.
import { get } from '../api.js';
import { h } from '../dom.js';
import { formatNumber, loc, t } from '../i18n.js';
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
  const rows = ranking.risks.map((r) => h('tr', {},
    h('td', {}, String(r.rank)), h('th', { scope: 'row' }, loc(r.title)),
    h('td', {}, formatNumber(r.medianLikelihood)), h('td', {}, formatNumber(r.medianImpact)), h('td', {}, formatNumber(r.score)),
    h('td', {}, h('span', { class: `badge level-${r.level}` }, t(`level.${r.level}`))),
    h('td', {}, h('span', { class: `badge consensus-${r.consensus}` }, t(`consensus.${r.consensus}`))),
    h('td', {}, String(r.nExperts)), h('td', {}, formatNumber(r.evidence, 1))));

  const heat = result.heatMap;
  const levelOf = (l, i) => { const s = l * i; return s >= 20 ? 'critical' : s >= 12 ? 'high' : s >= 5 ? 'medium' : 'low'; };
  const heatTable = heat ? h('table', { class: 'heatmap' },
    h('caption', {}, t('ranking.heatMap')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('ranking.likelihoodImpact')), [1, 2, 3, 4, 5].map((i) => h('th', { scope: 'col' }, t('ranking.impactN', { n: i }))))),
    h('tbody', {}, [5, 4, 3, 2, 1].map((l) => h('tr', {}, h('th', { scope: 'row' }, t('ranking.likelihoodN', { n: l })), [1, 2, 3, 4, 5].map((i) => {
      const codes = heat.riskCodes[l - 1][i - 1];
      return h('td', { class: `cell level-${levelOf(l, i)}`, title: codes.map((c) => titles.get(c) ?? c).join('\n') }, codes.length ? h('strong', {}, String(codes.length)) : '', codes.length ? h('span', { class: 'codes' }, t('ranking.ranks', { list: codes.map((c) => ranks.get(c)).sort((a, b) => a - b).join(', ') })) : null);
    }))))) : null;

  const k = result.kendall;
  const kendall = k ? (k.W === null
    ? h('p', {}, t('ranking.kendallUndefined', { reason: t(`kendall.${k.reason}`), m: k.m, n: k.n }))
    : h('p', {}, h('strong', {}, t('ranking.kendallW', { w: formatNumber(k.W, 3) })), ' ', t('ranking.kendallDetails', { m: k.m, n: k.n, p: formatNumber(k.pValue, 4) }))) : null;

  return h('div', {}, h('h2', {}, t('ranking.title')), kendall,
    h('div', { class: 'ranking-layout' }, heatTable,
      h('div', { class: 'scroll' }, table([t('ranking.rank'), t('scoring.risk'), t('ranking.medianL'), t('ranking.medianI'), t('ranking.score'), t('ranking.level'), t('ranking.consensus'), t('ranking.experts'), t('ranking.evidence')], rows))));
}
