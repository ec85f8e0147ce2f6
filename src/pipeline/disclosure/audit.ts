/**
 * The built-in attacker: for every primary (small) cell of a linked set, the smallest and
 * largest value it can take given everything published. The attacker knows every shown
 * value, every relation of the linked set, non-negativity, integrality and the marks' own
 * information: a primary cell ("<10") is 1..threshold-1, and a secondary cell ("x") is at
 * least the threshold (every value 1..threshold-1 is primary and zeros are shown).
 *
 * Protection rule (default `label-range`): the feasible range of every primary cell still
 * contains 1 and threshold-1, i.e. the attacker learns nothing beyond the "<10" label. Where
 * the marks alone already narrow a cell (a "<10" total of two "<10" parts: each part is at
 * most threshold-2), the bound is what the marks alone allow: publishing nothing more than
 * the marks could not do better. `min-width` asks only for hi - lo >= width instead.
 *
 * Each linked component is one linear program (HiGHS), solved for min and max of each
 * primary cell with a warm start; a solution that puts a cell at a bound of its label
 * proves that bound for it without a solve of its own. A bound reached only by a
 * fractional vertex is confirmed as a mixed-integer program.
 */
import { components, type LinkedSet, type Relation } from './linked.js';
import {
  createLp,
  EPS,
  INF,
  isIntegral,
  optimiseColumn,
  run,
  setIntegrality,
  type LpModel,
  type LpRow,
  type Sense,
} from './lp.js';

export type Mark = 'primary' | 'secondary' | null;

export type ProtectionRule = { kind: 'label-range' } | { kind: 'min-width'; width: number };

export interface DisclosureOptions {
  /** Person counts 1..threshold-1 are primary (default 10). */
  threshold: number;
  rule?: ProtectionRule;
}

export interface ExposedCell {
  key: string;
  value: number;
  /** The attacker's feasible range. */
  lo: number;
  hi: number;
  /** The range the rule asks for. */
  need: [number, number];
}

export interface AuditResult {
  cells: number;
  primary: number;
  secondary: number;
  exposed: ExposedCell[];
  components: number;
  solves: number;
  ms: number;
  threshold: number;
  rule: ProtectionRule;
}

export function primaryMarks(set: LinkedSet, threshold: number): Mark[] {
  return set.cells.map((c) => (c.value >= 1 && c.value < threshold ? 'primary' : null));
}

export interface Component {
  cells: number[];
  relations: number[];
}

/** Attacker's bounds on a cell from its mark alone. */
function markBounds(mark: Mark, value: number, t: number): [number, number] {
  if (mark === 'primary') return [1, t - 1];
  if (mark === 'secondary') return [t, INF];
  return [value, value];
}

/** One LP row per relation with at least one unknown: known cells move to the bounds. */
function relationRow(r: Relation, value: (i: number) => number, col: (i: number) => number | undefined): LpRow | null {
  const indices: number[] = [];
  const values: number[] = [];
  let known = 0;
  const term = (cell: number, coef: number) => {
    const c = col(cell);
    if (c === undefined) known += coef * value(cell);
    else {
      indices.push(c);
      values.push(coef);
    }
  };
  term(r.total, 1);
  for (const p of r.parts) term(p, -1);
  if (indices.length === 0) return null;
  return { indices, values, lower: -known, upper: r.exact ? -known : INF };
}

/** The attacker's LP over one component: unknowns are the cells with `unknown(i)`, bounded by `bounds(i)`. */
function attackerLp(
  set: LinkedSet,
  comp: Component,
  unknown: (i: number) => boolean,
  bounds: (i: number) => [number, number],
) {
  const cols = comp.cells.filter(unknown);
  const colOf = new Map(cols.map((c, j) => [c, j]));
  const rows: LpRow[] = [];
  for (const n of comp.relations) {
    const row = relationRow(
      set.relations[n],
      (i) => set.cells[i].value,
      (i) => colOf.get(i),
    );
    if (row) rows.push(row);
  }
  const b = cols.map(bounds);
  return { cols, colOf, model: createLp({ lower: b.map((x) => x[0]), upper: b.map((x) => x[1]), rows }) };
}

interface Range {
  lo: number;
  hi: number;
}

/** Min and max of every primary cell of the component (integer-valid). */
class ComponentAttack {
  readonly cols: number[];
  private readonly colOf: Map<number, number>;
  private readonly model: LpModel;
  private previous: number | null = null;
  solves = 0;

  constructor(
    set: LinkedSet,
    comp: Component,
    marks: readonly Mark[],
    private readonly t: number,
    unknown?: (i: number) => boolean,
  ) {
    const lp = attackerLp(set, comp, unknown ?? ((i) => marks[i] !== null), (i) =>
      markBounds(unknown && marks[i] === null ? 'secondary' : marks[i], set.cells[i].value, t),
    );
    this.cols = lp.cols;
    this.colOf = lp.colOf;
    this.model = lp.model;
  }

  dispose(): void {
    this.model.dispose();
  }

  /** Bound of a cell in one direction, exact under integrality. */
  bound(cell: number, sense: Sense): { value: number; x: Float64Array } {
    const col = this.colOf.get(cell)!;
    const res = optimiseColumn(this.model, col, sense, this.previous);
    this.previous = col;
    this.solves++;
    if (!res) throw new Error('disclosure audit: the attacker LP has no solution (inconsistent linked set)');
    if (isIntegral(res.x)) return res;
    // A fractional vertex: the integer optimum may be tighter.
    setIntegrality(this.model, this.cols.length, true);
    const mip = run(this.model, sense);
    setIntegrality(this.model, this.cols.length, false);
    this.solves++;
    if (!mip) throw new Error('disclosure audit: the attacker MIP has no solution');
    return { value: Math.round(mip.value), x: mip.x };
  }

  /** Solves with all primary cells in the objective, to collect witnesses cheaply. */
  sweep(primaries: number[], sense: Sense): Float64Array | null {
    if (this.previous !== null) this.model.changeColCost(this.previous, 0);
    this.previous = null;
    for (const p of primaries) this.model.changeColCost(this.colOf.get(p)!, 1);
    const res = run(this.model, sense);
    for (const p of primaries) this.model.changeColCost(this.colOf.get(p)!, 0);
    this.solves++;
    return res && isIntegral(res.x) ? res.x : null;
  }

  valueIn(x: Float64Array, cell: number): number {
    return x[this.colOf.get(cell)!];
  }

  /** Ranges of the given primary cells. */
  ranges(primaries: number[]): Map<number, Range> {
    const t = this.t;
    const lo = new Map<number, number>();
    const hi = new Map<number, number>();
    const witness = (x: Float64Array | null) => {
      if (!x) return;
      for (const p of primaries) {
        const v = this.valueIn(x, p);
        if (v <= 1 + EPS) lo.set(p, 1);
        if (v >= t - 1 - EPS) hi.set(p, t - 1);
      }
    };
    witness(this.sweep(primaries, 'min'));
    witness(this.sweep(primaries, 'max'));
    for (const p of primaries) {
      if (!lo.has(p)) {
        const r = this.bound(p, 'min');
        lo.set(p, Math.round(r.value));
        if (isIntegral(r.x)) witness(r.x);
      }
      if (!hi.has(p)) {
        const r = this.bound(p, 'max');
        hi.set(p, Math.round(r.value));
        if (isIntegral(r.x)) witness(r.x);
      }
    }
    return new Map(primaries.map((p) => [p, { lo: lo.get(p)!, hi: hi.get(p)! }]));
  }
}

// Baselines depend on the set and its primary cells only, so they are kept across rounds.
const baselines = new WeakMap<LinkedSet, Map<number, Range>>();

/** What the marks alone allow for each cell: every non-zero cell hidden. */
function baselineRanges(
  set: LinkedSet,
  comp: Component,
  marks: readonly Mark[],
  t: number,
  cells: number[],
): { ranges: Map<number, Range>; solves: number } {
  let cache = baselines.get(set);
  if (!cache) baselines.set(set, (cache = new Map()));
  const missing = cells.filter((c) => !cache.has(c));
  let solves = 0;
  if (missing.length) {
    // Secondary marks do not change it: hidden cells are >= t either way.
    const attack = new ComponentAttack(set, comp, marks, t, (i) => marks[i] !== null || set.cells[i].value > 0);
    try {
      for (const [c, r] of attack.ranges(missing)) cache.set(c, r);
      solves = attack.solves;
    } finally {
      attack.dispose();
    }
  }
  return { ranges: new Map(cells.map((c) => [c, cache.get(c)!])), solves };
}

export interface ComponentExposure {
  cell: number;
  lo: number;
  hi: number;
  need: [number, number];
}

function passes(r: Range, need: [number, number], rule: ProtectionRule): boolean {
  if (rule.kind === 'min-width') return r.hi - r.lo >= Math.min(rule.width, need[1] - need[0]);
  return r.lo <= need[0] && r.hi >= need[1];
}

/** Exposed primary cells of one component under the rule. */
export function auditComponent(
  set: LinkedSet,
  comp: Component,
  marks: readonly Mark[],
  options: DisclosureOptions,
): { exposed: ComponentExposure[]; solves: number } {
  const t = options.threshold;
  const rule = options.rule ?? { kind: 'label-range' };
  const primaries = comp.cells.filter((i) => marks[i] === 'primary');
  if (primaries.length === 0) return { exposed: [], solves: 0 };
  const attack = new ComponentAttack(set, comp, marks, t);
  let solves = 0;
  try {
    const ranges = attack.ranges(primaries);
    solves += attack.solves;
    const full: [number, number] = [1, t - 1];
    const failing = primaries.filter((p) => !passes(ranges.get(p)!, full, rule));
    if (failing.length === 0) return { exposed: [], solves };
    const base = baselineRanges(set, comp, marks, t, failing);
    solves += base.solves;
    {
      const exposed: ComponentExposure[] = [];
      for (const p of failing) {
        const b = base.ranges.get(p)!;
        const need: [number, number] = [Math.max(1, b.lo), Math.min(t - 1, b.hi)];
        const r = ranges.get(p)!;
        if (!passes(r, need, rule)) exposed.push({ cell: p, lo: r.lo, hi: r.hi, need });
      }
      return { exposed, solves };
    }
  } finally {
    attack.dispose();
  }
}

/** One exposed cell checked again after more cells were hidden: still exposed (new range) or null. */
export function recheckCell(
  set: LinkedSet,
  comp: Component,
  marks: readonly Mark[],
  e: ComponentExposure,
  options: DisclosureOptions,
): ComponentExposure | null {
  const attack = new ComponentAttack(set, comp, marks, options.threshold);
  try {
    const lo = e.lo <= e.need[0] ? e.lo : Math.round(attack.bound(e.cell, 'min').value);
    const hi = e.hi >= e.need[1] ? e.hi : Math.round(attack.bound(e.cell, 'max').value);
    return passes({ lo, hi }, e.need, options.rule ?? { kind: 'label-range' }) ? null : { ...e, lo, hi };
  } finally {
    attack.dispose();
  }
}

/** Audits a whole linked set with its marks. */
export function auditLinkedSet(set: LinkedSet, marks: readonly Mark[], options: DisclosureOptions): AuditResult {
  const started = performance.now();
  const comps = components(set);
  const exposed: ExposedCell[] = [];
  let solves = 0;
  for (const comp of comps) {
    const res = auditComponent(set, comp, marks, options);
    solves += res.solves;
    for (const e of res.exposed)
      exposed.push({ key: set.cells[e.cell].key, value: set.cells[e.cell].value, lo: e.lo, hi: e.hi, need: e.need });
  }
  return {
    cells: set.cells.length,
    primary: marks.filter((m) => m === 'primary').length,
    secondary: marks.filter((m) => m === 'secondary').length,
    exposed,
    components: comps.filter((c) => c.cells.some((i) => marks[i] === 'primary')).length,
    solves,
    ms: Math.round(performance.now() - started),
    threshold: options.threshold,
    rule: options.rule ?? { kind: 'label-range' },
  };
}
