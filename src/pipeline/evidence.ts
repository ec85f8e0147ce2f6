/**
 * Evidence scores (0-10) from quantitative indicators, plus trend and regional
 * concentration measures. "Unit" means whatever is being compared: a risk, or
 * a region when building the territorial ranking.
 *
 * Choices downstream code must know:
 * - Min-max normalisation per indicator across units, on available (non-null)
 *   values only; null stays null and is ignored in the combination.
 * - An indicator whose available values are all equal cannot discriminate
 *   between units: by default every available unit gets the neutral midpoint 5
 *   (option onConstant: 'exclude' turns them into null instead).
 * - The combined evidence is the plain mean of a unit's available normalised
 *   indicators (null if it has none); indicators are summed in code order so the
 *   result does not depend on input order.
 */

export interface IndicatorValue {
  /** Risk code or region code. */
  unitCode: string;
  indicatorCode: string;
  value: number | null;
}

export interface EvidenceOptions {
  /** Indicators for which a higher raw value means LESS risk (scale is reversed). */
  invert?: readonly string[];
  /** Treatment of an indicator with all available values equal (default 'midpoint' = 5). */
  onConstant?: 'midpoint' | 'exclude';
}

export interface EvidenceScore {
  unitCode: string;
  /** Mean of available normalised indicators, 0-10; null when none is available. */
  evidence: number | null;
  indicatorsUsed: number;
  /** Normalised value per indicator code (null = missing or excluded). */
  normalised: Record<string, number | null>;
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Min-max normalises values to 0-10 (null ignored and preserved). All-equal
 * available values map to 5, or to null with onConstant 'exclude'.
 */
export function minMaxNormalise(
  values: readonly (number | null)[],
  options: { invert?: boolean; onConstant?: 'midpoint' | 'exclude' } = {},
): (number | null)[] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v === null) continue;
    if (!Number.isFinite(v)) throw new RangeError(`minMaxNormalise: non-finite value ${v}`);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return values.map((v) => {
    if (v === null) return null;
    if (max === min) return options.onConstant === 'exclude' ? null : 5;
    const z = (10 * (v - min)) / (max - min);
    return options.invert ? 10 - z : z;
  });
}

/**
 * Evidence score per unit. Output sorted by unitCode; a unit appearing only
 * with null values gets evidence null. Throws on duplicate (unit, indicator).
 */
export function computeEvidence(values: readonly IndicatorValue[], options: EvidenceOptions = {}): EvidenceScore[] {
  const invert = new Set(options.invert ?? []);
  const units = new Set<string>();
  const byIndicator = new Map<string, Map<string, number | null>>();
  for (const v of values) {
    units.add(v.unitCode);
    let m = byIndicator.get(v.indicatorCode);
    if (!m) {
      m = new Map();
      byIndicator.set(v.indicatorCode, m);
    }
    if (m.has(v.unitCode)) {
      throw new RangeError(`computeEvidence: duplicate value for ${v.unitCode} / ${v.indicatorCode}`);
    }
    m.set(v.unitCode, v.value);
  }
  const unitList = [...units].sort(compareCodes);
  const indicatorList = [...byIndicator.keys()].sort(compareCodes);
  const normalisedByIndicator = new Map<string, Map<string, number | null>>();
  for (const ind of indicatorList) {
    const m = byIndicator.get(ind)!;
    const codes = [...m.keys()];
    const norm = minMaxNormalise(
      codes.map((c) => m.get(c)!),
      { invert: invert.has(ind), onConstant: options.onConstant },
    );
    normalisedByIndicator.set(ind, new Map(codes.map((c, k) => [c, norm[k]])));
  }
  return unitList.map((unitCode) => {
    const normalised: Record<string, number | null> = {};
    let sum = 0;
    let used = 0;
    for (const ind of indicatorList) {
      const v = normalisedByIndicator.get(ind)!.get(unitCode) ?? null;
      normalised[ind] = v;
      if (v !== null) {
        sum += v;
        used++;
      }
    }
    return { unitCode, evidence: used > 0 ? sum / used : null, indicatorsUsed: used, normalised };
  });
}

export interface YearValue {
  year: number;
  value: number | null;
}

export interface Trend {
  /** Years actually used (non-null values within the window), ascending. */
  years: number[];
  /** Least-squares slope, units per year. */
  slope: number;
  mean: number;
  /** slope / mean: relative change per year (0.1 = +10 % of the mean per year); null when mean = 0. */
  relativeSlope: number | null;
}

/**
 * Least-squares trend over the last `window` calendar years (default 3) ending
 * at the latest year present (or `endYear`). Needs at least 2 non-null years,
 * otherwise null. Missing years are simply left out of the regression.
 */
export function trend(series: readonly YearValue[], options: { window?: number; endYear?: number } = {}): Trend | null {
  const window = options.window ?? 3;
  const seenYears = new Set<number>();
  for (const p of series) {
    if (seenYears.has(p.year)) throw new RangeError(`trend: duplicate year ${p.year}`);
    seenYears.add(p.year);
  }
  if (series.length === 0) return null;
  const end = options.endYear ?? Math.max(...series.map((p) => p.year));
  const pts = series
    .filter((p): p is { year: number; value: number } => p.value !== null && p.year <= end && p.year > end - window)
    .sort((a, b) => a.year - b.year);
  if (pts.length < 2) return null;
  const n = pts.length;
  const mx = pts.reduce((s, p) => s + p.year, 0) / n;
  const my = pts.reduce((s, p) => s + p.value, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of pts) {
    sxy += (p.year - mx) * (p.value - my);
    sxx += (p.year - mx) ** 2;
  }
  const slope = sxy / sxx;
  return { years: pts.map((p) => p.year), slope, mean: my, relativeSlope: my === 0 ? null : slope / my };
}

export interface RegionValue {
  regionCode: string;
  value: number;
}

export interface Concentration {
  total: number;
  regions: number;
  /** Herfindahl-Hirschman index sum of squared shares, in [1/regions, 1]. */
  herfindahl: number;
  /** (HHI - 1/N) / (1 - 1/N): 0 = evenly spread, 1 = all in one region; 0 when N = 1. */
  normalisedHerfindahl: number;
  /** Region with the largest value (ties: smallest code). */
  topRegion: string;
  topShare: number;
}

/**
 * Regional concentration of a non-negative quantity (e.g. victims of one form of
 * trafficking by region). Regions with value 0 count towards N. Null when the
 * total is 0 or there are no regions.
 */
export function concentration(values: readonly RegionValue[]): Concentration | null {
  const seen = new Set<string>();
  let total = 0;
  for (const v of values) {
    if (!(v.value >= 0) || !Number.isFinite(v.value)) throw new RangeError(`concentration: invalid value ${v.value}`);
    if (seen.has(v.regionCode)) throw new RangeError(`concentration: duplicate region ${v.regionCode}`);
    seen.add(v.regionCode);
    total += v.value;
  }
  if (values.length === 0 || total === 0) return null;
  const sorted = [...values].sort((a, b) => b.value - a.value || compareCodes(a.regionCode, b.regionCode));
  let hhi = 0;
  for (const v of sorted) hhi += (v.value / total) ** 2;
  const n = values.length;
  const normalisedHerfindahl = n === 1 ? 0 : (hhi - 1 / n) / (1 - 1 / n);
  return {
    total,
    regions: n,
    herfindahl: hhi,
    normalisedHerfindahl: Math.max(0, normalisedHerfindahl),
    topRegion: sorted[0].regionCode,
    topShare: sorted[0].value / total,
  };
}
