/**
 * Plausibility checks on questionnaire counts, producing findings for the
 * expert group to review (not automatic corrections).
 *
 * (a) Over time, per organisation (or any unit): the value of year y against
 *     the mean of its earlier years. Flagged only when BOTH
 *       - the value lies outside the central `level` (default 99 %) Poisson
 *         prediction interval for a Poisson(earlier mean) observation, and
 *       - the ratio value / earlier mean is >= ratioHigh (2) or <= ratioLow (0.5).
 *     Why both: for small counts the ratio alone is noise (1 -> 2 is "x2"); for
 *     large counts real year-to-year variation exceeds Poisson variation, so
 *     the Poisson test alone flags almost everything. An earlier mean of 0 has
 *     a degenerate interval [0, 0]: any positive value is flagged as
 *     'temporal_from_zero' (ratio null).
 * (b) Across regions within a year: modified z-score (Iglewicz & Hoaglin 1993)
 *     M = 0.6745 (x - median) / MAD, flagged when |M| > 3.5. When MAD = 0 (more
 *     than half the regions share one value, common with many zero counts) the
 *     fallback M = (x - median) / (1.253314 * MeanAD), i.e.
 *     0.7979 (x - median) / MeanAD, with MeanAD the mean absolute deviation
 *     around the median; if that is 0 too, all values are equal: no flags.
 *     With fewer than minRegions (default 5) regions nothing is flagged.
 */
import type { RegionValue, YearValue } from './evidence.js';
import {
  mad,
  mean,
  meanAbsoluteDeviation,
  median,
  poissonCdf,
  poissonPredictionInterval,
  poissonUpperTail,
} from './stats.js';

export type TemporalReason = 'temporal_increase' | 'temporal_decrease' | 'temporal_from_zero';

export interface TemporalOptions {
  /** Poisson prediction-interval level (default 0.99). */
  level?: number;
  /** Ratio at or above which an increase counts as large (default 2). */
  ratioHigh?: number;
  /** Ratio at or below which a decrease counts as large (default 0.5). */
  ratioLow?: number;
  /** Minimum number of earlier years with data (default 1). */
  minEarlierYears?: number;
  /** Use only this many most recent earlier years (default: all). */
  maxEarlierYears?: number;
}

export interface TemporalCheck {
  year: number;
  value: number;
  earlierYears: number[];
  earlierMean: number;
  /** value / earlierMean; null when earlierMean is 0. */
  ratio: number | null;
  /** Central Poisson prediction interval for Poisson(earlierMean). */
  intervalLower: number;
  intervalUpper: number;
  /** One-sided tail probability in the direction of the change: P(X >= value) or P(X <= value). */
  tailProbability: number;
  flagged: boolean;
  reason: TemporalReason | null;
}

export interface UnitYearValue {
  unitCode: string;
  year: number;
  value: number | null;
}

export interface TemporalFinding extends TemporalCheck {
  unitCode: string;
  reason: TemporalReason;
}

function checkCount(v: number, what: string): void {
  if (!Number.isInteger(v) || v < 0) throw new RangeError(`${what}: ${v} is not a non-negative integer count`);
}

/**
 * Checks the value of `year` in one unit's series against its earlier years.
 * Returns null when the year has no value or there is too little history.
 */
export function checkTemporal(
  series: readonly YearValue[],
  year: number,
  options: TemporalOptions = {},
): TemporalCheck | null {
  const level = options.level ?? 0.99;
  const ratioHigh = options.ratioHigh ?? 2;
  const ratioLow = options.ratioLow ?? 0.5;
  const minEarlier = options.minEarlierYears ?? 1;
  const seen = new Set<number>();
  for (const p of series) {
    if (seen.has(p.year)) throw new RangeError(`checkTemporal: duplicate year ${p.year}`);
    seen.add(p.year);
    if (p.value !== null) checkCount(p.value, 'checkTemporal');
  }
  const current = series.find((p) => p.year === year);
  if (!current || current.value === null) return null;
  let earlier = series
    .filter((p): p is { year: number; value: number } => p.year < year && p.value !== null)
    .sort((a, b) => a.year - b.year);
  if (options.maxEarlierYears !== undefined) earlier = earlier.slice(-options.maxEarlierYears);
  if (earlier.length < Math.max(1, minEarlier)) return null;

  const value = current.value;
  const earlierMean = mean(earlier.map((p) => p.value));
  const ratio = earlierMean === 0 ? null : value / earlierMean;
  const { lower, upper } = poissonPredictionInterval(earlierMean, level);
  const up = value >= earlierMean;
  const tailProbability = up ? poissonUpperTail(value, earlierMean) : poissonCdf(value, earlierMean);
  const outside = value < lower || value > upper;
  let reason: TemporalReason | null = null;
  if (outside) {
    if (ratio === null) reason = 'temporal_from_zero';
    else if (ratio >= ratioHigh) reason = 'temporal_increase';
    else if (ratio <= ratioLow) reason = 'temporal_decrease';
  }
  return {
    year,
    value,
    earlierYears: earlier.map((p) => p.year),
    earlierMean,
    ratio,
    intervalLower: lower,
    intervalUpper: upper,
    tailProbability,
    flagged: reason !== null,
    reason,
  };
}

/** Runs checkTemporal for every unit; returns flagged findings sorted by unitCode. */
export function detectTemporalOutliers(
  records: readonly UnitYearValue[],
  year: number,
  options: TemporalOptions = {},
): TemporalFinding[] {
  const byUnit = new Map<string, YearValue[]>();
  for (const r of records) {
    let s = byUnit.get(r.unitCode);
    if (!s) {
      s = [];
      byUnit.set(r.unitCode, s);
    }
    s.push({ year: r.year, value: r.value });
  }
  const out: TemporalFinding[] = [];
  for (const unitCode of [...byUnit.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const c = checkTemporal(byUnit.get(unitCode)!, year, options);
    if (c && c.reason !== null) out.push({ ...c, unitCode, reason: c.reason });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Across regions
// ---------------------------------------------------------------------------

export type SpreadMethod = 'mad' | 'mean_absolute_deviation' | 'none';

export interface ModifiedZResult {
  median: number;
  /** MAD, or MeanAD when the fallback was used; 0 with method 'none'. */
  spread: number;
  method: SpreadMethod;
  /** Modified z per region in input order; null when method is 'none'. */
  scores: { regionCode: string; value: number; modifiedZ: number | null }[];
}

/** Modified z-scores with the MeanAD fallback described in the module comment. */
export function modifiedZScores(values: readonly RegionValue[]): ModifiedZResult {
  const xs = values.map((v) => v.value);
  const med = median(xs);
  const m = mad(xs);
  let method: SpreadMethod;
  let spread: number;
  let factor: number;
  if (m > 0) {
    method = 'mad';
    spread = m;
    factor = 0.6745 / m;
  } else {
    const meanAd = meanAbsoluteDeviation(xs, med);
    spread = meanAd;
    if (meanAd > 0) {
      method = 'mean_absolute_deviation';
      factor = 1 / (1.253314 * meanAd);
    } else {
      method = 'none';
      factor = NaN;
    }
  }
  return {
    median: med,
    spread,
    method,
    scores: values.map((v) => ({
      regionCode: v.regionCode,
      value: v.value,
      modifiedZ: method === 'none' ? null : factor * (v.value - med),
    })),
  };
}

export type RegionalReason = 'regional_high' | 'regional_low';

export interface RegionalOptions {
  /** |M| above this is flagged (default 3.5). */
  threshold?: number;
  /** Fewer regions than this: no analysis, no findings (default 5). */
  minRegions?: number;
}

export interface RegionalFinding {
  regionCode: string;
  reason: RegionalReason;
  value: number;
  median: number;
  spread: number;
  method: SpreadMethod;
  modifiedZ: number;
}

/**
 * Flags regions whose value (count or rate, as supplied) is extreme relative
 * to the other regions in the same year. Findings sorted by |M| desc, then code.
 */
export function detectRegionalOutliers(
  values: readonly RegionValue[],
  options: RegionalOptions = {},
): RegionalFinding[] {
  const threshold = options.threshold ?? 3.5;
  const minRegions = options.minRegions ?? 5;
  const seen = new Set<string>();
  for (const v of values) {
    if (!Number.isFinite(v.value)) throw new RangeError(`detectRegionalOutliers: non-finite value for ${v.regionCode}`);
    if (seen.has(v.regionCode)) throw new RangeError(`detectRegionalOutliers: duplicate region ${v.regionCode}`);
    seen.add(v.regionCode);
  }
  if (values.length < minRegions) return [];
  const z = modifiedZScores(values);
  const out: RegionalFinding[] = [];
  for (const s of z.scores) {
    if (s.modifiedZ === null || Math.abs(s.modifiedZ) <= threshold) continue;
    out.push({
      regionCode: s.regionCode,
      reason: s.modifiedZ > 0 ? 'regional_high' : 'regional_low',
      value: s.value,
      median: z.median,
      spread: z.spread,
      method: z.method,
      modifiedZ: s.modifiedZ,
    });
  }
  return out.sort(
    (a, b) =>
      Math.abs(b.modifiedZ) - Math.abs(a.modifiedZ) ||
      (a.regionCode < b.regionCode ? -1 : a.regionCode > b.regionCode ? 1 : 0),
  );
}
