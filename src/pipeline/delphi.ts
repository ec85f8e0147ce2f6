/**
 * Delphi-style aggregation of expert scores (likelihood x impact on 1-5 scales).
 *
 * Per risk and round: median and IQR (type-7 quartiles) of likelihood (L) and
 * impact (I), the share of experts within +-1 of each median, the score
 * medianL x medianI and its level on the 5x5 matrix.
 *
 * Choices downstream code must know:
 * - Medians are kept unrounded (they can end in .5); the score is the exact
 *   product, so it can be non-integer (e.g. 2.5 x 3 = 7.5).
 * - Level by thresholds on the score: low < 5 <= medium < 12 <= high < 20 <= critical.
 *   On integer products this reproduces the matrix bands low 1-4, medium 5-10,
 *   high 12-16, critical 20-25; values falling in gaps (11, 17-19, or .5
 *   products) get the band of the threshold below them.
 * - Consensus: BOTH agreement shares (L and I) must be >= consensusShare
 *   (default 0.75) and at least minExperts (default 3) experts must have scored.
 * - Heat map: medians rounded half up (2.5 -> 3), i.e. towards the riskier cell.
 */
import { median, quantiles } from './stats.js';

export interface ExpertScore {
  riskCode: string;
  expertId: string;
  round: number;
  /** Integer 1-5. */
  likelihood: number;
  /** Integer 1-5. */
  impact: number;
}

export type RiskLevel = 'low' | 'medium' | 'high' | 'critical';

export type ConsensusStatus = 'consensus' | 'no_consensus' | 'insufficient_experts';

export interface DelphiOptions {
  /** Minimum share of experts within +-1 of the median, for both L and I (default 0.75). */
  consensusShare?: number;
  /** Fewer experts than this can never reach consensus (default 3). */
  minExperts?: number;
}

export interface RiskRoundSummary {
  riskCode: string;
  round: number;
  nExperts: number;
  medianLikelihood: number;
  medianImpact: number;
  iqrLikelihood: number;
  iqrImpact: number;
  /** Share of experts with |L - medianL| <= 1. */
  agreementLikelihood: number;
  /** Share of experts with |I - medianI| <= 1. */
  agreementImpact: number;
  /** medianLikelihood x medianImpact (unrounded). */
  score: number;
  level: RiskLevel;
  status: ConsensusStatus;
  /** True unless status is 'consensus': the risk goes to another round. */
  needsAnotherRound: boolean;
}

/** 5x5 level of a (possibly non-integer) score; see module comment. */
export function riskLevel(score: number): RiskLevel {
  if (!Number.isFinite(score)) throw new RangeError(`riskLevel: score=${score}`);
  if (score < 5) return 'low';
  if (score < 12) return 'medium';
  if (score < 20) return 'high';
  return 'critical';
}

/** Round half up (2.5 -> 3), used to place medians into heat-map cells. */
export function roundHalfUp(x: number): number {
  return Math.floor(x + 0.5);
}

function validate(s: ExpertScore): void {
  for (const [name, v] of [
    ['likelihood', s.likelihood],
    ['impact', s.impact],
  ] as const) {
    if (!Number.isInteger(v) || v < 1 || v > 5) {
      throw new RangeError(`delphi: ${name}=${v} for risk ${s.riskCode}, expert ${s.expertId} must be an integer 1-5`);
    }
  }
  if (!Number.isInteger(s.round) || s.round < 1) {
    throw new RangeError(`delphi: round=${s.round} for risk ${s.riskCode} must be a positive integer`);
  }
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function shareWithinOne(xs: readonly number[], centre: number): number {
  let k = 0;
  // Integer scores vs a median ending in .5: +-1 then admits only the two nearest integers.
  for (const x of xs) if (Math.abs(x - centre) <= 1) k++;
  return k / xs.length;
}

/**
 * Aggregates scores per (risk, round). Output sorted by riskCode then round.
 * Throws RangeError on out-of-range scores or a duplicate (risk, expert, round).
 */
export function aggregateDelphi(scores: readonly ExpertScore[], options: DelphiOptions = {}): RiskRoundSummary[] {
  const consensusShare = options.consensusShare ?? 0.75;
  const minExperts = options.minExperts ?? 3;
  const groups = new Map<string, { riskCode: string; round: number; experts: Set<string>; l: number[]; i: number[] }>();
  for (const s of scores) {
    validate(s);
    const key = JSON.stringify([s.riskCode, s.round]);
    let g = groups.get(key);
    if (!g) {
      g = { riskCode: s.riskCode, round: s.round, experts: new Set(), l: [], i: [] };
      groups.set(key, g);
    }
    if (g.experts.has(s.expertId)) {
      throw new RangeError(`delphi: expert ${s.expertId} scored risk ${s.riskCode} twice in round ${s.round}`);
    }
    g.experts.add(s.expertId);
    g.l.push(s.likelihood);
    g.i.push(s.impact);
  }

  const out: RiskRoundSummary[] = [];
  for (const g of groups.values()) {
    const medianLikelihood = median(g.l);
    const medianImpact = median(g.i);
    const [l1, l3] = quantiles(g.l, [0.25, 0.75]);
    const [i1, i3] = quantiles(g.i, [0.25, 0.75]);
    const agreementLikelihood = shareWithinOne(g.l, medianLikelihood);
    const agreementImpact = shareWithinOne(g.i, medianImpact);
    const score = medianLikelihood * medianImpact;
    const nExperts = g.l.length;
    const status: ConsensusStatus =
      nExperts < minExperts
        ? 'insufficient_experts'
        : agreementLikelihood >= consensusShare && agreementImpact >= consensusShare
          ? 'consensus'
          : 'no_consensus';
    out.push({
      riskCode: g.riskCode,
      round: g.round,
      nExperts,
      medianLikelihood,
      medianImpact,
      iqrLikelihood: l3 - l1,
      iqrImpact: i3 - i1,
      agreementLikelihood,
      agreementImpact,
      score,
      level: riskLevel(score),
      status,
      needsAnotherRound: status !== 'consensus',
    });
  }
  return out.sort((a, b) => compareCodes(a.riskCode, b.riskCode) || a.round - b.round);
}

/** The latest round per risk (the result to rank and publish), sorted by riskCode. */
export function latestRounds(summaries: readonly RiskRoundSummary[]): RiskRoundSummary[] {
  const best = new Map<string, RiskRoundSummary>();
  for (const s of summaries) {
    const cur = best.get(s.riskCode);
    if (!cur || s.round > cur.round) best.set(s.riskCode, s);
  }
  return [...best.values()].sort((a, b) => compareCodes(a.riskCode, b.riskCode));
}

export interface HeatMap {
  /** counts[l - 1][i - 1]: number of risks with rounded median likelihood l and impact i. */
  counts: number[][];
  /** riskCodes[l - 1][i - 1]: the risk codes in that cell, sorted. */
  riskCodes: string[][][];
}

/**
 * 5x5 heat map of risks from one summary per risk (pass latestRounds(...)).
 * Medians are rounded half up. Throws if a risk appears more than once.
 */
export function heatMap(summaries: readonly RiskRoundSummary[]): HeatMap {
  const counts = Array.from({ length: 5 }, () => new Array<number>(5).fill(0));
  const riskCodes = Array.from({ length: 5 }, () => Array.from({ length: 5 }, () => [] as string[]));
  const seen = new Set<string>();
  for (const s of summaries) {
    if (seen.has(s.riskCode)) throw new RangeError(`heatMap: risk ${s.riskCode} appears more than once`);
    seen.add(s.riskCode);
    const l = roundHalfUp(s.medianLikelihood);
    const i = roundHalfUp(s.medianImpact);
    counts[l - 1][i - 1]++;
    riskCodes[l - 1][i - 1].push(s.riskCode);
  }
  for (const row of riskCodes) for (const cell of row) cell.sort(compareCodes);
  return { counts, riskCodes };
}
