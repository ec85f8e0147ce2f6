/**
 * Final ordering of risks and of territories.
 *
 * Risks: score desc, then evidence desc (null evidence after any number), then
 * code asc. Territories: evidence desc (null last), then code asc.
 * Numbers are compared after quantising to 1e-9 so that floating-point noise
 * from a different summation order cannot flip two practically equal items;
 * quantising (not an epsilon comparison) keeps the comparator transitive, so
 * the result is the same for every ordering of the input.
 */

export interface RiskRankInput {
  riskCode: string;
  /** Delphi score medianL x medianI. */
  score: number;
  /** Evidence 0-10, null when no indicator data is available. */
  evidence: number | null;
}

export interface RankedRisk extends RiskRankInput {
  /** Position 1..n in the final order (unique). */
  position: number;
  /** Competition rank (1, 2, 2, 4): equal score AND equal evidence share a rank. */
  rank: number;
}

export interface RegionRankInput {
  regionCode: string;
  evidence: number | null;
}

export interface RankedRegion extends RegionRankInput {
  position: number;
  /** Competition rank: equal evidence shares a rank. */
  rank: number;
}

const QUANTUM = 1e9;

function q(x: number): number {
  return Math.round(x * QUANTUM);
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Descending on numbers, null after every number.
function compareDescNullable(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return q(b) - q(a);
}

function assignRanks<T>(sorted: T[], sameRank: (a: T, b: T) => boolean): (T & { position: number; rank: number })[] {
  const out: (T & { position: number; rank: number })[] = [];
  sorted.forEach((item, k) => {
    const rank = k > 0 && sameRank(sorted[k - 1], item) ? out[k - 1].rank : k + 1;
    out.push({ ...item, position: k + 1, rank });
  });
  return out;
}

function checkUnique(codes: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const c of codes) {
    if (seen.has(c)) throw new RangeError(`${what}: duplicate code ${c}`);
    seen.add(c);
  }
}

/** Ranks risks; throws RangeError on duplicate codes or non-finite numbers. */
export function rankRisks(items: readonly RiskRankInput[]): RankedRisk[] {
  checkUnique(
    items.map((i) => i.riskCode),
    'rankRisks',
  );
  for (const i of items) {
    if (!Number.isFinite(i.score) || (i.evidence !== null && !Number.isFinite(i.evidence))) {
      throw new RangeError(`rankRisks: non-finite score/evidence for ${i.riskCode}`);
    }
  }
  const sorted = [...items].sort(
    (a, b) =>
      q(b.score) - q(a.score) || compareDescNullable(a.evidence, b.evidence) || compareCodes(a.riskCode, b.riskCode),
  );
  return assignRanks(sorted, (a, b) => q(a.score) === q(b.score) && compareDescNullable(a.evidence, b.evidence) === 0);
}

/** Ranks territories by regional evidence; throws RangeError on duplicate codes. */
export function rankRegions(items: readonly RegionRankInput[]): RankedRegion[] {
  checkUnique(
    items.map((i) => i.regionCode),
    'rankRegions',
  );
  for (const i of items) {
    if (i.evidence !== null && !Number.isFinite(i.evidence)) {
      throw new RangeError(`rankRegions: non-finite evidence for ${i.regionCode}`);
    }
  }
  const sorted = [...items].sort(
    (a, b) => compareDescNullable(a.evidence, b.evidence) || compareCodes(a.regionCode, b.regionCode),
  );
  return assignRanks(sorted, (a, b) => compareDescNullable(a.evidence, b.evidence) === 0);
}
