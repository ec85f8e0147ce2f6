/**
 * Evidence per risk and per region from plain fact rows (the `facts` table of an
 * assessment), on available data only: a missing answer is left out, never read as 0.
 *
 * Fact conventions read here (those of the structuring step, src/modules/assessments/
 * assessments.structuring.ts):
 * - yes_no: a row without dimension, category 'yes' / 'no' and value 1 / 0 (a row with
 *   category null and value 1 / 0 is read the same way);
 * - count / amount: value on a row without dimension/category;
 * - breakdown: the total on a row without dimension/category (or a 'total' category row)
 *   plus one row per reported category (dimension = the item's dimension); absent
 *   categories count 0;
 * - table: one row per cell (dimension = column id); only the numeric cells add up;
 * - missingReason set (or no value at all): not answered;
 * - text and entity-list items are for the experts to read side by side; they carry
 *   no evidence score (a free-text "mention" is not comparable with a yes/no share).
 *
 * Indicators per risk (then min-max normalised over risks and averaged by
 * computeEvidence into 0-10):
 * - yes_share: share of answered (organisation, year, item) on the linked yes/no
 *   items that say yes;
 * - volume: log(1 + mean annual total) of the linked counts (selected categories of
 *   breakdowns). The log keeps one very large count (e.g. all crimes) from pressing
 *   every other risk to 0 when counts of different things are normalised together;
 * - prevalence: share of (organisation, year) reporting linked counts in which any is > 0;
 * - trend: relative least-squares slope of the annual totals over the last three years
 *   (of the yearly yes share when the risk has no counts); rising = riskier;
 * - concentration: normalised Herfindahl index of the totals over the given regions
 *   (concentrated in hotspots = a sharper, more actionable risk).
 *
 * Per region (territorial ranking): each region indicator is the region's mean annual
 * total of its counts, or its yes share for yes/no indicators; min-max over regions.
 *
 * Determinism: counts are summed as integers (amounts in integer tiyn) and a yes/no
 * group is 'yes' if any of its rows says yes, so results do not depend on the order of
 * the fact rows; outputs are sorted by code.
 */
import { isPersonItem } from './persons.js';
import type { Fact } from './facts.js';
import { computeEvidence, concentration, trend, type Concentration, type Trend } from './evidence.js';

export type FactItemKind = 'yes_no' | 'text' | 'count' | 'amount' | 'breakdown' | 'table' | 'entity_list';

/** What the evidence reads of a fact. */
export type EvidenceFact = Omit<Fact, 'agencyType' | 'provisional'>;

export interface EvidenceSelector {
  item: string;
  dimension: string;
  categories: readonly string[];
}

export interface RiskEvidenceSpec {
  code: string;
  items: readonly string[];
  selectors?: readonly EvidenceSelector[];
}

export interface RegionIndicatorSpec {
  code: string;
  items: readonly string[];
}

export interface EvidenceRunOptions {
  /** Item id -> kind; facts of items not listed are ignored. */
  itemKinds: ReadonlyMap<string, FactItemKind>;
  /** Regions over which concentration and the territorial ranking are computed (others are ignored there). */
  regions: readonly string[];
  /** Last year of the trend window (default: latest year in the data). */
  endYear?: number;
  /** Trend window in years (default 3). */
  window?: number;
}

export const RISK_INDICATORS = ['concentration', 'prevalence', 'trend', 'volume', 'yes_share'] as const;
export type RiskIndicator = (typeof RISK_INDICATORS)[number];

export interface RiskEvidence {
  riskCode: string;
  /** 0-10, null when no indicator has data. */
  evidence: number | null;
  indicatorsUsed: number;
  raw: Record<RiskIndicator, number | null>;
  normalised: Record<string, number | null>;
  /** Mean annual total of the linked counts (before the log), null without counts. */
  annualTotal: number | null;
  trendDetail: Trend | null;
  concentrationDetail: Concentration | null;
}

export interface RegionEvidence {
  regionCode: string;
  evidence: number | null;
  indicatorsUsed: number;
  /** Mean annual total (or yes share for yes/no indicators) per indicator code. */
  raw: Record<string, number | null>;
  normalised: Record<string, number | null>;
}

const QUANTITATIVE = new Set<FactItemKind>(['count', 'amount', 'breakdown', 'table']);
const CENTS = 100;

/** One (item, organisation, year), reduced once when the index is built. */
interface OrgYear {
  organisationId: string;
  year: number;
  region: string;
  /** yes_no answer: 1 if any plain row says yes, else 0 if one says no, else null (order-independent). */
  yes: 0 | 1 | null;
  /** Any row with a value (not explained by a missing reason). */
  valued: boolean;
  /** Sum of plain rows (no dimension/category), hundredths; null without any. */
  plain: number | null;
  /** The breakdown's 'total' row, hundredths; null without one. */
  total: number | null;
  /** Hundredths per dimension ('' when null), then category. */
  categories: Map<string, Map<string, number>>;
}

const toCents = (v: number) => Math.round(v * CENTS);

/**
 * Facts grouped by item, then by organisation and year, each group reduced once. Built
 * once per run; nested maps rather than composite string keys, as this loop sees every
 * fact row (hundreds of thousands at national scale).
 */
export class FactIndex {
  private readonly byItem = new Map<string, Map<string, Map<number, OrgYear>>>();

  constructor(facts: Iterable<EvidenceFact>, itemKinds: ReadonlyMap<string, FactItemKind>) {
    for (const f of facts) {
      let byOrg = this.byItem.get(f.itemId);
      if (!byOrg) {
        if (!itemKinds.has(f.itemId)) continue;
        this.byItem.set(f.itemId, (byOrg = new Map()));
      }
      let byYear = byOrg.get(f.organisationId);
      if (!byYear) byOrg.set(f.organisationId, (byYear = new Map()));
      let g = byYear.get(f.year);
      if (!g)
        byYear.set(
          f.year,
          (g = {
            organisationId: f.organisationId,
            year: f.year,
            region: f.region,
            yes: null,
            valued: false,
            plain: null,
            total: null,
            categories: new Map(),
          }),
        );
      if (f.missingReason !== null) continue;
      const category = f.category;
      const plainRow = f.dimension === null && (category === null || category === 'yes' || category === 'no');
      // Read as yes/no only for yes_no items (a count's plain value 1 sets it harmlessly).
      if (plainRow && (category === 'yes' || (category === null && f.value === 1))) g.yes = 1;
      else if (plainRow && (category === 'no' || (category === null && f.value === 0)) && g.yes === null) g.yes = 0;
      if (f.value === null) continue;
      g.valued = true;
      const cents = toCents(f.value);
      if (plainRow) g.plain = (g.plain ?? 0) + cents;
      else if (category === 'total') g.total = (g.total ?? 0) + cents;
      else if (category !== null) {
        const dim = f.dimension ?? '';
        let cats = g.categories.get(dim);
        if (!cats) g.categories.set(dim, (cats = new Map()));
        cats.set(category, (cats.get(category) ?? 0) + cents);
      }
    }
  }

  *groups(itemId: string): Iterable<OrgYear> {
    for (const byYear of this.byItem.get(itemId)?.values() ?? []) yield* byYear.values();
  }
}

/** Quantity (in integer hundredths) of one item for one (organisation, year); null when not answered. */
function quantity(g: OrgYear, selector: EvidenceSelector | undefined): number | null {
  if (!g.valued) return null;
  if (selector) {
    // Absent categories count as 0 (answer envelope rule), so an answered breakdown gives 0, not null.
    let sum = 0;
    const own = g.categories.get(selector.dimension);
    const undimensioned = g.categories.get('');
    for (const c of selector.categories) sum += (own?.get(c) ?? 0) + (undimensioned?.get(c) ?? 0);
    return sum;
  }
  if (g.total !== null) return g.total;
  if (g.plain !== null) return g.plain;
  let sum = 0;
  for (const cats of g.categories.values()) for (const v of cats.values()) sum += v;
  return sum;
}

function mergeSelectors(selectors: readonly EvidenceSelector[] | undefined): Map<string, EvidenceSelector> {
  const out = new Map<string, EvidenceSelector>();
  for (const s of selectors ?? []) {
    const prev = out.get(s.item);
    out.set(s.item, prev ? { ...prev, categories: [...new Set([...prev.categories, ...s.categories])] } : s);
  }
  return out;
}

interface Aggregate {
  yes: number;
  answered: number;
  yesByYear: Map<number, { yes: number; n: number }>;
  yesByRegion: Map<string, { yes: number; n: number }>;
  /** Per year, total in hundredths. */
  totalByYear: Map<number, number>;
  /** Per region and year, total in hundredths. */
  totalByRegionYear: Map<string, Map<number, number>>;
  /** (org|year) -> any quantity > 0. */
  reporting: Map<string, boolean>;
}

function bump<K>(m: Map<K, { yes: number; n: number }>, k: K, yes: number): void {
  const c = m.get(k);
  if (c) {
    c.yes += yes;
    c.n++;
  } else m.set(k, { yes, n: 1 });
}

/** One pass over the facts of the given items. Text and entity-list items are for the experts to read, not scored. */
function aggregate(
  index: FactIndex,
  items: readonly string[],
  selectors: Map<string, EvidenceSelector>,
  itemKinds: ReadonlyMap<string, FactItemKind>,
): Aggregate {
  const a: Aggregate = {
    yes: 0,
    answered: 0,
    yesByYear: new Map(),
    yesByRegion: new Map(),
    totalByYear: new Map(),
    totalByRegionYear: new Map(),
    reporting: new Map(),
  };
  for (const itemId of items) {
    const kind = itemKinds.get(itemId);
    if (!kind || kind === 'text' || kind === 'entity_list') continue;
    for (const g of index.groups(itemId)) {
      if (kind === 'yes_no') {
        const m = g.yes;
        if (m === null) continue;
        a.answered++;
        a.yes += m;
        bump(a.yesByYear, g.year, m);
        bump(a.yesByRegion, g.region, m);
        continue;
      }
      const q = quantity(g, selectors.get(itemId));
      if (q === null) continue;
      a.totalByYear.set(g.year, (a.totalByYear.get(g.year) ?? 0) + q);
      let ry = a.totalByRegionYear.get(g.region);
      if (!ry) a.totalByRegionYear.set(g.region, (ry = new Map()));
      ry.set(g.year, (ry.get(g.year) ?? 0) + q);
      const key = `${g.organisationId}|${g.year}`;
      a.reporting.set(key, (a.reporting.get(key) ?? false) || q > 0);
    }
  }
  return a;
}

/**
 * Like aggregate, but persons counted on several items (one per subject: police, shelters,
 * NGOs...) are not added up: per year (and region and year) the largest item's count is
 * taken, added to the other, non-person counts.
 */
function aggregateCounted(
  index: FactIndex,
  items: readonly string[],
  selectors: Map<string, EvidenceSelector>,
  itemKinds: ReadonlyMap<string, FactItemKind>,
): Aggregate {
  const persons = items.filter((i) => isPersonItem(i) && QUANTITATIVE.has(itemKinds.get(i) as FactItemKind));
  if (persons.length <= 1) return aggregate(index, items, selectors, itemKinds);
  const a = aggregate(
    index,
    items.filter((i) => !persons.includes(i)),
    selectors,
    itemKinds,
  );
  const byYear = new Map<number, number>();
  const byRegionYear = new Map<string, Map<number, number>>();
  for (const item of persons) {
    const p = aggregate(index, [item], selectors, itemKinds);
    for (const [y, v] of p.totalByYear) byYear.set(y, Math.max(byYear.get(y) ?? 0, v));
    for (const [r, years] of p.totalByRegionYear) {
      let m = byRegionYear.get(r);
      if (!m) {
        m = new Map();
        byRegionYear.set(r, m);
      }
      for (const [y, v] of years) m.set(y, Math.max(m.get(y) ?? 0, v));
    }
    for (const [k, v] of p.reporting) a.reporting.set(k, (a.reporting.get(k) ?? false) || v);
  }
  for (const [y, v] of byYear) a.totalByYear.set(y, (a.totalByYear.get(y) ?? 0) + v);
  for (const [r, years] of byRegionYear) {
    let m = a.totalByRegionYear.get(r);
    if (!m) {
      m = new Map();
      a.totalByRegionYear.set(r, m);
    }
    for (const [y, v] of years) m.set(y, (m.get(y) ?? 0) + v);
  }
  return a;
}

const sortedYears = <T>(m: Map<number, T>) => [...m.keys()].sort((x, y) => x - y);

/** Mean over the years with data of the yearly totals (hundredths in, units out). */
function meanAnnual(byYear: Map<number, number> | undefined): number | null {
  if (!byYear || byYear.size === 0) return null;
  let s = 0;
  for (const y of sortedYears(byYear)) s += byYear.get(y)!;
  return s / CENTS / byYear.size;
}

function regionTotal(a: Aggregate, region: string): number {
  let s = 0;
  for (const v of a.totalByRegionYear.get(region)?.values() ?? []) s += v;
  return s / CENTS;
}

/** Evidence per risk; every spec gets a row (evidence null without data). */
export function computeRiskEvidence(
  facts: Iterable<EvidenceFact> | FactIndex,
  specs: readonly RiskEvidenceSpec[],
  options: EvidenceRunOptions,
): RiskEvidence[] {
  const index = facts instanceof FactIndex ? facts : new FactIndex(facts, options.itemKinds);
  const details = new Map<string, Omit<RiskEvidence, 'evidence' | 'indicatorsUsed' | 'normalised'>>();
  for (const spec of specs) {
    const a = aggregateCounted(index, spec.items, mergeSelectors(spec.selectors), options.itemKinds);
    const annualTotal = meanAnnual(a.totalByYear);
    const series =
      a.totalByYear.size > 0
        ? sortedYears(a.totalByYear).map((year) => ({ year, value: a.totalByYear.get(year)! / CENTS }))
        : sortedYears(a.yesByYear).map((year) => ({
            year,
            value: a.yesByYear.get(year)!.yes / a.yesByYear.get(year)!.n,
          }));
    const trendDetail = trend(series, { window: options.window ?? 3, endYear: options.endYear });
    const regional = options.regions.map((regionCode) => ({ regionCode, value: regionTotal(a, regionCode) }));
    const concentrationDetail = a.totalByYear.size > 0 ? concentration(regional) : null;
    let reporting = 0;
    for (const v of a.reporting.values()) if (v) reporting++;
    details.set(spec.code, {
      riskCode: spec.code,
      annualTotal,
      trendDetail,
      concentrationDetail,
      raw: {
        yes_share: a.answered > 0 ? a.yes / a.answered : null,
        volume: annualTotal === null ? null : Math.log1p(annualTotal),
        prevalence: a.reporting.size > 0 ? reporting / a.reporting.size : null,
        trend: trendDetail?.relativeSlope ?? null,
        concentration: concentrationDetail?.normalisedHerfindahl ?? null,
      },
    });
  }
  const scores = computeEvidence(
    [...details.values()].flatMap((d) =>
      RISK_INDICATORS.map((indicatorCode) => ({ unitCode: d.riskCode, indicatorCode, value: d.raw[indicatorCode] })),
    ),
  );
  return scores.map((s) => ({
    ...details.get(s.unitCode)!,
    evidence: s.evidence,
    indicatorsUsed: s.indicatorsUsed,
    normalised: s.normalised,
  }));
}

/** Evidence per region (territorial ranking): every listed region gets a row. */
export function computeRegionEvidence(
  facts: Iterable<EvidenceFact> | FactIndex,
  indicators: readonly RegionIndicatorSpec[],
  options: EvidenceRunOptions,
): RegionEvidence[] {
  const index = facts instanceof FactIndex ? facts : new FactIndex(facts, options.itemKinds);
  const raw = new Map<string, Record<string, number | null>>(options.regions.map((r) => [r, {}]));
  for (const ind of indicators) {
    const quantitative = ind.items.some((i) => QUANTITATIVE.has(options.itemKinds.get(i) as FactItemKind));
    // Persons counted by several subjects are not added up: the indicator is the largest subject's count.
    const separate = ind.items.length > 1 && ind.items.every(isPersonItem);
    const parts = separate
      ? ind.items.map((i) => aggregate(index, [i], new Map(), options.itemKinds))
      : [aggregate(index, ind.items, new Map(), options.itemKinds)];
    for (const regionCode of options.regions) {
      const yes = parts[0]!.yesByRegion.get(regionCode);
      const means = parts
        .map((a) => meanAnnual(a.totalByRegionYear.get(regionCode)))
        .filter((m): m is number => m !== null);
      raw.get(regionCode)![ind.code] = quantitative
        ? means.length
          ? Math.max(...means)
          : null
        : yes
          ? yes.yes / yes.n
          : null;
    }
  }
  const scores = computeEvidence(
    [...raw].flatMap(([unitCode, r]) =>
      indicators.map((i) => ({ unitCode, indicatorCode: i.code, value: r[i.code] ?? null })),
    ),
  );
  return scores.map((s) => ({
    regionCode: s.unitCode,
    evidence: s.evidence,
    indicatorsUsed: s.indicatorsUsed,
    raw: raw.get(s.unitCode)!,
    normalised: s.normalised,
  }));
}
