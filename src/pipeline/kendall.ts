/**
 * Kendall's coefficient of concordance W with tie correction, used to check
 * whether the experts of the group rank the risks consistently.
 *
 * W = 12 S / (m^2 (n^3 - n) - m * sum_j T_j)
 *   S   = sum_i (R_i - mean R)^2, R_i = sum over raters of the (average) rank of object i
 *   T_j = sum over tie groups of rater j of (t^3 - t)
 * Chi-square approximation: m (n - 1) W with n - 1 degrees of freedom.
 * For small n (default n <= 7) the chi-square approximation is poor, so the
 * p-value comes from the permutation distribution (each rater's ranks permuted
 * independently, ties kept): exact enumeration when feasible, otherwise a
 * seeded, therefore reproducible, Monte Carlo.
 */
import { chiSquareUpperP, mulberry32, randomInt } from './stats.js';

export type KendallPValueMethod = 'chi-square' | 'exact-permutation' | 'monte-carlo-permutation';

export interface KendallOptions {
  /** Largest n for which a permutation p-value replaces the chi-square one (default 7). */
  permutationMaxN?: number;
  /** Enumerate exactly when (n!)^(m-1) does not exceed this (default 1,000,000). */
  exactLimit?: number;
  /** Monte Carlo permutations when enumeration is too large (default 20,000). */
  monteCarloPermutations?: number;
  /** PRNG seed for the Monte Carlo (default 20240849). */
  seed?: number;
}

export interface KendallResult {
  W: number;
  /** Number of raters (experts). */
  m: number;
  /** Number of objects (risks). */
  n: number;
  /** Rank sums R_i per object, in input order (rank 1 = lowest score). */
  rankSums: number[];
  S: number;
  /** Tie corrections T_j per rater. */
  tieCorrections: number[];
  chiSquare: number;
  df: number;
  /** Chi-square approximation p-value (always reported, for reference). */
  chiSquarePValue: number;
  /** The p-value to use: permutation-based for small n, chi-square otherwise. */
  pValue: number;
  pValueMethod: KendallPValueMethod;
  /** Number of permutation configurations evaluated (0 for chi-square). */
  permutations: number;
}

export type KendallUndefinedReason = 'too_few_raters' | 'too_few_objects' | 'all_tied';

export interface KendallUndefined {
  W: null;
  m: number;
  n: number;
  reason: KendallUndefinedReason;
}

export type KendallOutcome = KendallResult | KendallUndefined;

/**
 * Ranks 1..n in ascending order of value; tied values share the average of the
 * ranks they occupy.
 */
export function averageRanks(values: readonly number[]): number[] {
  const idx = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const ranks = new Array<number>(values.length);
  let i = 0;
  while (i < idx.length) {
    let j = i;
    while (j + 1 < idx.length && values[idx[j + 1]] === values[idx[i]]) j++;
    const avg = (i + j + 2) / 2; // ranks i+1 .. j+1
    for (let k = i; k <= j; k++) ranks[idx[k]] = avg;
    i = j + 1;
  }
  return ranks;
}

/** Tie correction sum over tie groups of (t^3 - t) for one rater's values. */
export function tieCorrection(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let t = 0;
  for (const c of counts.values()) t += c * c * c - c;
  return t;
}

function rankSumDeviationSS(rankSums: readonly number[], m: number, n: number): number {
  const meanR = (m * (n + 1)) / 2;
  let s = 0;
  for (const r of rankSums) s += (r - meanR) ** 2;
  return s;
}

function factorial(k: number): number {
  let f = 1;
  for (let i = 2; i <= k; i++) f *= i;
  return f;
}

/** All orderings of `xs` (with repetition if xs has equal entries), Heap's algorithm. */
function allPermutations(xs: readonly number[]): number[][] {
  const a = [...xs];
  const out: number[][] = [a.slice()];
  const c = new Array<number>(a.length).fill(0);
  let i = 0;
  while (i < a.length) {
    if (c[i] < i) {
      const j = i % 2 === 0 ? 0 : c[i];
      const tmp = a[j];
      a[j] = a[i];
      a[i] = tmp;
      out.push(a.slice());
      c[i]++;
      i = 0;
    } else {
      c[i] = 0;
      i++;
    }
  }
  return out;
}

// Relative tolerance when comparing permuted S with the observed S. Average ranks
// are multiples of 0.5, so S is exact in floating point; this is only a guard.
const S_TOL = 1e-9;

function exactPermutationP(ranks: number[][], n: number, observedS: number): { p: number; count: number } {
  const m = ranks.length;
  // W is invariant to relabelling objects, so rater 0 can be held fixed.
  const perms = ranks.slice(1).map(allPermutations);
  const rankSums = ranks[0].slice();
  const choice = new Array<number>(m - 1).fill(0);
  for (let j = 0; j < m - 1; j++) for (let i = 0; i < n; i++) rankSums[i] += perms[j][0][i];
  const threshold = observedS - S_TOL * Math.max(1, observedS);
  let hits = 0;
  let total = 0;
  for (;;) {
    total++;
    if (rankSumDeviationSS(rankSums, m, n) >= threshold) hits++;
    // Odometer increment, updating rank sums incrementally.
    let j = 0;
    while (j < m - 1) {
      const old = perms[j][choice[j]];
      choice[j] = (choice[j] + 1) % perms[j].length;
      const nw = perms[j][choice[j]];
      for (let i = 0; i < n; i++) rankSums[i] += nw[i] - old[i];
      if (choice[j] !== 0) break;
      j++;
    }
    if (j === m - 1) break;
  }
  return { p: hits / total, count: total };
}

function monteCarloPermutationP(ranks: number[][], n: number, observedS: number, b: number, seed: number): number {
  const m = ranks.length;
  const rng = mulberry32(seed);
  const work = ranks.map((r) => r.slice());
  const rankSums = new Array<number>(n);
  const threshold = observedS - S_TOL * Math.max(1, observedS);
  let hits = 0;
  for (let it = 0; it < b; it++) {
    for (let i = 0; i < n; i++) rankSums[i] = work[0][i];
    for (let j = 1; j < m; j++) {
      const r = work[j];
      for (let i = n - 1; i > 0; i--) {
        const k = randomInt(rng, i + 1);
        const tmp = r[i];
        r[i] = r[k];
        r[k] = tmp;
      }
      for (let i = 0; i < n; i++) rankSums[i] += r[i];
    }
    if (rankSumDeviationSS(rankSums, m, n) >= threshold) hits++;
  }
  // Add-one estimator (Phipson & Smyth 2010): never reports p = 0.
  return (hits + 1) / (b + 1);
}

/**
 * Kendall's W for a complete matrix scores[rater][object] (any numeric scale;
 * higher or lower being "riskier" does not matter as long as it is the same
 * for all raters). Throws RangeError on a ragged or non-finite matrix; returns
 * `{ W: null, reason }` when W is undefined.
 */
export function kendallW(scores: readonly (readonly number[])[], options: KendallOptions = {}): KendallOutcome {
  const m = scores.length;
  const n = m > 0 ? scores[0].length : 0;
  for (const row of scores) {
    if (row.length !== n) throw new RangeError('kendallW: every rater must score every object');
    for (const v of row) if (!Number.isFinite(v)) throw new RangeError(`kendallW: non-finite score ${v}`);
  }
  if (m < 2) return { W: null, m, n, reason: 'too_few_raters' };
  if (n < 2) return { W: null, m, n, reason: 'too_few_objects' };

  const ranks = scores.map((row) => averageRanks(row));
  const tieCorrections = scores.map((row) => tieCorrection(row));
  const rankSums = new Array<number>(n).fill(0);
  for (const r of ranks) for (let i = 0; i < n; i++) rankSums[i] += r[i];
  const S = rankSumDeviationSS(rankSums, m, n);
  const sumT = tieCorrections.reduce((a, b) => a + b, 0);
  const denom = m * m * (n ** 3 - n) - m * sumT;
  // denom is 0 exactly when every rater gives all objects the same score.
  if (denom <= 0) return { W: null, m, n, reason: 'all_tied' };

  const W = (12 * S) / denom;
  const df = n - 1;
  const chiSquare = m * df * W;
  const chiSquarePValue = chiSquareUpperP(chiSquare, df);

  const permutationMaxN = options.permutationMaxN ?? 7;
  const exactLimit = options.exactLimit ?? 1_000_000;
  const b = options.monteCarloPermutations ?? 20_000;
  const seed = options.seed ?? 20240849;

  let pValue = chiSquarePValue;
  let pValueMethod: KendallPValueMethod = 'chi-square';
  let permutations = 0;
  if (n <= permutationMaxN) {
    const configurations = factorial(n) ** (m - 1);
    if (configurations <= exactLimit) {
      const r = exactPermutationP(ranks, n, S);
      pValue = r.p;
      permutations = r.count;
      pValueMethod = 'exact-permutation';
    } else {
      pValue = monteCarloPermutationP(ranks, n, S, b, seed);
      permutations = b;
      pValueMethod = 'monte-carlo-permutation';
    }
  }

  return {
    W,
    m,
    n,
    rankSums,
    S,
    tieCorrections,
    chiSquare,
    df,
    chiSquarePValue,
    pValue,
    pValueMethod,
    permutations,
  };
}
