/**
 * The linked set of published person counts: every count cell of every published table,
 * identified by what it counts (CellKey), and the additive relations between them that an
 * analyst can read off the tables (row and year totals, breakdown totals, national = sum of
 * agencies or regions, tables sharing a margin, a subject's total equal to the total of its
 * breakdowns). Relations are derived once from the keys
 * and kept only where they hold on the true values, exactly (total = sum of parts) or as an
 * inequality (total >= sum of parts, e.g. agencies that do not cover the whole country).
 */

/** What a cell counts; '' means "all" (national slice, total over categories, total over years). */
export interface CellKey {
  /** The quantity, e.g. `victims_by:age` (family `victims_by`) or `victims_mvd`. */
  measure: string;
  /** '' (national), `agency:<code>`, `region:<code>`, or `<dim>:all` for the sum of one dimension's slices. */
  slice: string;
  category: string;
  /** A year, or '' for the total over the years. */
  period: string;
}

const SEP = '|';

export function cellKey(k: CellKey): string {
  for (const part of [k.measure, k.slice, k.category, k.period]) {
    if (part.includes(SEP)) throw new Error(`disclosure: "${SEP}" in a cell key part (${part})`);
  }
  return [k.measure, k.slice, k.category, k.period].join(SEP);
}

export function parseKey(key: string): CellKey {
  const [measure, slice, category, period] = key.split(SEP);
  if (period === undefined) throw new Error(`disclosure: malformed cell key ${key}`);
  return { measure, slice, category, period };
}

export interface LinkedCell {
  key: string;
  /** True value (non-negative integer). */
  value: number;
}

/** cells[total] = sum of cells[parts] when exact, otherwise cells[total] >= that sum. */
export interface Relation {
  total: number;
  parts: number[];
  exact: boolean;
}

export interface LinkedSet {
  cells: LinkedCell[];
  relations: Relation[];
}

/** Collects cells by key; the same key published twice must carry the same value. */
export class CellCollector {
  private readonly byKey = new Map<string, number>();

  add(key: string, value: number): void {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`disclosure: ${key}=${value} is not a count`);
    const seen = this.byKey.get(key);
    if (seen !== undefined && seen !== value)
      throw new Error(`disclosure: ${key} published as ${seen} and as ${value}`);
    this.byKey.set(key, value);
  }

  cells(): LinkedCell[] {
    return [...this.byKey].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([key, value]) => ({ key, value }));
  }
}

const familyOf = (measure: string) => (measure.includes(':') ? measure.slice(0, measure.indexOf(':')) : null);

function parentSlice(slice: string, present: (s: string) => boolean): string | null {
  if (slice === '') return null;
  const dim = slice.slice(0, slice.indexOf(':'));
  const all = `${dim}:all`;
  if (slice !== all && present(all)) return all;
  return '';
}

/** The relations between the cells implied by their keys, kept where the true values satisfy them. */
export function linkCells(cells: readonly LinkedCell[]): LinkedSet {
  const index = new Map(cells.map((c, i) => [c.key, i]));
  const keys = cells.map((c) => parseKey(c.key));
  const slices = new Set(keys.map((k) => `${k.measure}${SEP}${k.slice}`));
  // Candidate (total, parts) pairs, one per kind of total: a total can be the sum of several partitions.
  const candidates: { total: number; parts: number[] }[] = [];
  const group = (parentOf: (k: CellKey) => CellKey | null, partition: (k: CellKey) => string = () => '') => {
    const groups = new Map<string, { total: number; parts: number[] }>();
    keys.forEach((k, i) => {
      const parent = parentOf(k);
      const total = parent && index.get(cellKey(parent));
      if (total === undefined || total === null) return;
      const g = `${total}${SEP}${partition(k)}`;
      let entry = groups.get(g);
      if (!entry) groups.set(g, (entry = { total, parts: [] }));
      entry.parts.push(i);
    });
    candidates.push(...groups.values());
  };
  group((k) => (k.period !== '' ? { ...k, period: '' } : null));
  group((k) => (k.category !== '' ? { ...k, category: '' } : null));
  // Slices of different dimensions (agencies, regions) are separate partitions of the same total.
  group(
    (k) => {
      const parent = parentSlice(k.slice, (s) => slices.has(`${k.measure}${SEP}${s}`));
      return parent === null ? null : { ...k, slice: parent };
    },
    (k) => k.slice.slice(0, k.slice.indexOf(':')),
  );
  const relations: Relation[] = [];
  for (const { total, parts } of candidates) {
    const sum = parts.reduce((s, c) => s + cells[c].value, 0);
    const t = cells[total].value;
    if (sum === t) relations.push({ total, parts, exact: true });
    else if (sum < t) relations.push({ total, parts, exact: false });
  }
  // Breakdowns of one population by several dimensions (age, sex, ...) share their total.
  const margins = new Map<string, number[]>();
  keys.forEach((k, i) => {
    const family = familyOf(k.measure);
    if (family === null || k.category !== '') return;
    const m = `${family}${SEP}${k.slice}${SEP}${k.period}`;
    margins.set(m, [...(margins.get(m) ?? []), i]);
  });
  for (const group of margins.values()) {
    const [first, ...rest] = group;
    for (const other of rest)
      if (cells[other].value === cells[first].value) relations.push({ total: first, parts: [other], exact: true });
  }
  // A subject's own total (an indicator such as the police's victims) read as the total of its
  // breakdowns: equal values in the same year are taken as the same population.
  const breakdownTotals = new Map<string, number[]>();
  for (const [m, group] of margins) {
    const period = m.slice(m.lastIndexOf(SEP) + 1);
    for (const i of group) {
      const at = `${period}${SEP}${cells[i].value}`;
      breakdownTotals.set(at, [...(breakdownTotals.get(at) ?? []), i]);
    }
  }
  // An indicator row of one subject (`agency:<code>`) is read against that subject's breakdowns only.
  keys.forEach((k, i) => {
    if (
      familyOf(k.measure) !== null ||
      (k.slice !== '' && !k.slice.startsWith('agency:')) ||
      k.category !== '' ||
      cells[i].value === 0
    )
      return;
    for (const other of breakdownTotals.get(`${k.period}${SEP}${cells[i].value}`) ?? []) {
      if (k.slice === '' || keys[other].slice === k.slice) relations.push({ total: i, parts: [other], exact: true });
    }
  });
  return { cells: [...cells], relations };
}

/** Connected components of the cells under the relations (cells without relations are singletons). */
export function components(set: LinkedSet): { cells: number[]; relations: number[] }[] {
  const parent = set.cells.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (const r of set.relations) for (const p of r.parts) parent[find(p)] = find(r.total);
  const out = new Map<number, { cells: number[]; relations: number[] }>();
  set.cells.forEach((_, i) => {
    const root = find(i);
    if (!out.has(root)) out.set(root, { cells: [], relations: [] });
    out.get(root)!.cells.push(i);
  });
  set.relations.forEach((r, n) => out.get(find(r.total))!.relations.push(n));
  return [...out.values()];
}

/** A relation by cell keys: what a published file says sums to what (no values). */
export interface KeyRelation {
  total: string;
  parts: string[];
  exact: boolean;
}

export function keyRelations(set: LinkedSet): KeyRelation[] {
  return set.relations.map((r) => ({
    total: set.cells[r.total].key,
    parts: r.parts.map((p) => set.cells[p].key),
    exact: r.exact,
  }));
}

/**
 * The linked set as an analyst reads it from published cells: shown values, hidden cells
 * (value unknown, kept as 0) and the published relations between keys.
 */
export function linkedSetOfPublished(
  cells: readonly { key: string; value: number | null }[],
  relations: readonly KeyRelation[],
): LinkedSet {
  const index = new Map(cells.map((c, i) => [c.key, i]));
  const at = (key: string) => {
    const i = index.get(key);
    if (i === undefined) throw new Error(`disclosure: relation names ${key}, which is not published`);
    return i;
  };
  return {
    cells: cells.map((c) => ({ key: c.key, value: c.value ?? 0 })),
    relations: relations.map((r) => ({ total: at(r.total), parts: r.parts.map(at), exact: r.exact })),
  };
}
