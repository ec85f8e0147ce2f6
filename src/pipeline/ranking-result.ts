/**
 * Assembles the stored ranking result (results.ts) from expert scores and evidence:
 * Delphi aggregation per risk (latest scored round of each risk), the final order
 * (score, then evidence, then code), the 5x5 heat map, the territorial ranking and
 * Kendall's W of the panel over the current round.
 *
 * Kendall's W needs a complete experts x risks matrix; it is computed over the
 * experts who scored in the round and the risks EVERY one of them scored (so a
 * partial scorer narrows the risk set rather than being dropped). Each expert's
 * score for a risk is L x I. Experts and risks are sorted by id/code first, so the
 * result does not depend on input order.
 */
import { aggregateDelphi, heatMap, latestRounds, type ExpertScore } from './delphi.js';
import { kendallW } from './kendall.js';
import { rankRegions, rankRisks } from './ranking.js';
import type { RankingResult } from './results.js';

export interface RankingInputs {
  riskRegisterVersion: string;
  /** The assessment's current Delphi round; scores of later rounds are ignored. */
  round: number;
  scores: readonly ExpertScore[];
  /** Evidence 0-10 (or null) per risk code; risks absent here get null. */
  riskEvidence: ReadonlyMap<string, number | null>;
  regionEvidence: readonly { regionCode: string; evidence: number | null }[];
}

export interface KendallScope {
  experts: string[];
  riskCodes: string[];
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Experts of the round and the risks all of them scored, both sorted. */
export function kendallScope(scores: readonly ExpertScore[], round: number): KendallScope {
  const byExpert = new Map<string, Set<string>>();
  for (const s of scores) {
    if (s.round !== round) continue;
    let set = byExpert.get(s.expertId);
    if (!set) byExpert.set(s.expertId, (set = new Set()));
    set.add(s.riskCode);
  }
  const experts = [...byExpert.keys()].sort(byCode);
  if (experts.length === 0) return { experts, riskCodes: [] };
  const riskCodes = [...byExpert.get(experts[0])!]
    .filter((c) => experts.every((e) => byExpert.get(e)!.has(c)))
    .sort(byCode);
  return { experts, riskCodes };
}

export function buildRankingResult(inputs: RankingInputs): { result: RankingResult; kendallScope: KendallScope } {
  const scores = inputs.scores.filter((s) => s.round <= inputs.round);
  const latest = latestRounds(aggregateDelphi(scores));
  const summaryByCode = new Map(latest.map((s) => [s.riskCode, s]));
  const ranked = rankRisks(
    latest.map((s) => ({
      riskCode: s.riskCode,
      score: s.score,
      evidence: inputs.riskEvidence.get(s.riskCode) ?? null,
    })),
  );

  const scope = kendallScope(scores, inputs.round);
  const cell = new Map(
    scores.filter((s) => s.round === inputs.round).map((s) => [`${s.expertId}|${s.riskCode}`, s.likelihood * s.impact]),
  );
  const matrix = scope.experts.map((e) => scope.riskCodes.map((c) => cell.get(`${e}|${c}`)!));

  const result: RankingResult = {
    riskRegisterVersion: inputs.riskRegisterVersion,
    round: inputs.round,
    risks: ranked.map((r) => rankedRisk(r, summaryByCode.get(r.riskCode)!)),
    regions: rankRegions(inputs.regionEvidence.map((r) => ({ regionCode: r.regionCode, evidence: r.evidence }))).map(
      (r) => ({
        regionCode: r.regionCode,
        position: r.position,
        rank: r.rank,
        evidence: r.evidence,
      }),
    ),
    heatMap: heatMap(latest),
    kendall: kendallW(matrix),
  };
  return { result, kendallScope: scope };
}

/** One ranked risk as stored: its place in the order with its Delphi aggregate. */
export function rankedRisk(
  r: ReturnType<typeof rankRisks>[number],
  s: ReturnType<typeof aggregateDelphi>[number],
): RankingResult['risks'][number] {
  return {
    riskCode: r.riskCode,
    position: r.position,
    rank: r.rank,
    round: s.round,
    nExperts: s.nExperts,
    medianLikelihood: s.medianLikelihood,
    medianImpact: s.medianImpact,
    iqrLikelihood: s.iqrLikelihood,
    iqrImpact: s.iqrImpact,
    agreementLikelihood: s.agreementLikelihood,
    agreementImpact: s.agreementImpact,
    score: s.score,
    level: s.level,
    consensus: s.status,
    evidence: r.evidence,
  };
}
