// Aggregation of the fact table into year series: sums of values by a key over the
// assessment's three years. Facts are indexed by item once, since the builder asks
// for many items out of a large table.
import type { NumericFact } from '../../pipeline/facts.js';

export type YearValues = [number, number, number];

export class FactIndex {
  private readonly byItem = new Map<string, NumericFact[]>();

  constructor(
    readonly facts: readonly NumericFact[],
    readonly years: readonly [number, number, number],
  ) {
    for (const f of facts) {
      let list = this.byItem.get(f.itemId);
      if (!list) this.byItem.set(f.itemId, (list = []));
      list.push(f);
    }
  }

  /** Facts of the items whose id matches `pattern` (a regexp on the item id). */
  items(pattern: RegExp): NumericFact[] {
    const out: NumericFact[] = [];
    for (const [id, list] of this.byItem) if (pattern.test(id)) out.push(...list);
    return out;
  }

  /** Facts of one item. */
  item(id: string): readonly NumericFact[] {
    return this.byItem.get(id) ?? [];
  }

  yearIndex(year: number): number {
    return this.years.indexOf(year);
  }
}

/** Sums of the values per key and year; facts without a value or outside the years are skipped, a null key drops the fact. */
export function sumByKey(
  index: FactIndex,
  facts: readonly NumericFact[],
  key: (f: NumericFact) => string | null,
): Map<string, YearValues> {
  const out = new Map<string, YearValues>();
  for (const f of facts) {
    if (f.value === null) continue;
    const y = index.yearIndex(f.year);
    if (y < 0) continue;
    const k = key(f);
    if (k === null) continue;
    let v = out.get(k);
    if (!v) out.set(k, (v = [0, 0, 0]));
    v[y] += f.value;
  }
  return out;
}

/** Yearly totals of plain (not broken-down) values of the matching items. */
export function yearTotals(index: FactIndex, pattern: RegExp): YearValues {
  return (
    sumByKey(
      index,
      index.items(pattern).filter((f) => f.dimension === null),
      () => 'all',
    ).get('all') ?? [0, 0, 0]
  );
}

/** Breakdown values of the matching items by category and year (categories of `dimensions` only). */
export function byCategory(
  index: FactIndex,
  pattern: RegExp,
  dimensions: readonly string[],
  mapCategory?: (dimension: string, category: string) => string,
): Map<string, YearValues> {
  const dims = new Set(dimensions);
  return sumByKey(index, index.items(pattern), (f) =>
    f.dimension !== null && f.category !== null && dims.has(f.dimension)
      ? mapCategory
        ? mapCategory(f.dimension, f.category)
        : f.category
      : null,
  );
}
