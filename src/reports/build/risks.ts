// The stored ranking (RankingResult) as the view model's ranked register and heat map.
import type { Lang } from '../../shared/lang.js';
import { riskLevel } from '../../pipeline/delphi.js';
import type { RankingResult, RankingRisk } from '../../pipeline/results.js';
import type { Consensus, HeatMap, HeatMapCell, RankedRisk } from '../report.view-model.js';
import type { RegisterRisk } from './inputs.js';

/**
 * Agreement shown in the report: Delphi consensus with both IQRs <= 1 is high,
 * consensus with a wider spread is moderate, anything else is low.
 */
export function consensusOf(r: RankingRisk): Consensus {
  if (r.consensus !== 'consensus') return 'low';
  return Math.max(r.iqrLikelihood, r.iqrImpact) <= 1 ? 'high' : 'moderate';
}

export function rankedRisks(ranking: RankingResult, register: readonly RegisterRisk[], lang: Lang): RankedRisk[] {
  const byCode = new Map(register.map((r) => [r.code, r]));
  return [...ranking.risks]
    .sort((a, b) => a.position - b.position)
    .map((r) => ({
      id: r.riskCode,
      rank: r.rank,
      title: byCode.get(r.riskCode)?.title[lang] ?? r.riskCode,
      level: r.level,
      likelihood: r.medianLikelihood,
      impact: r.medianImpact,
      score: r.score,
      iqrLikelihood: r.iqrLikelihood,
      iqrImpact: r.iqrImpact,
      consensus: consensusOf(r),
      agreement: Math.min(r.agreementLikelihood, r.agreementImpact),
    }));
}

export function heatMapOf(ranking: RankingResult, risks: readonly RankedRisk[]): HeatMap {
  const rankOf = new Map(risks.map((r) => [r.id, r.rank]));
  const steps = [1, 2, 3, 4, 5] as const;
  const cells: HeatMapCell[] = [];
  for (const l of steps)
    for (const i of steps) {
      const codes = ranking.heatMap.riskCodes[l - 1]?.[i - 1] ?? [];
      cells.push({
        likelihood: l,
        impact: i,
        level: riskLevel(l * i),
        ranks: codes
          .map((c) => rankOf.get(c))
          .filter((n): n is number => n !== undefined)
          .sort((a, b) => a - b),
      });
    }
  return { cells };
}
