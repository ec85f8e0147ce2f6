/**
 * Primary and secondary suppression over a linked set.
 *
 * Primary: every cell 1..threshold-1. Secondary: while the attacker (audit.ts) finds an
 * exposed primary cell p in a component, a mixed-integer program chooses the cheapest set
 * of further cells to hide such that the attacker's range of p reaches the rule's bounds:
 * for each failing direction it must admit a table that agrees with everything still shown,
 * respects the marks' information (primary 1..t-1, secondary >= t) and puts p at the bound.
 * Deviations from the true table are flows through the hidden cells; binaries open them.
 * Only cells with a true value >= threshold are candidates (zeros stay shown), so a hidden
 * "x" is always >= threshold, which the attacker is told. The cost of hiding a cell grows
 * with the logarithm of its value (hide few, small cells). The MIP first looks within three,
 * then four relations of p, then over the whole component; when HiGHS finds no integer
 * solution within its time limit, the LP relaxation is rounded up (opening a cell only
 * relaxes the attacker's constraints, so the rounded choice still protects p). Each round
 * audits the component once; later cells are re-checked before a MIP of their own, since
 * complements chosen for one cell often protect others. Components are solved independently.
 */
import {
  auditComponent,
  auditLinkedSet,
  primaryMarks,
  recheckCell,
  type AuditResult,
  type Component,
  type ComponentExposure,
  type DisclosureOptions,
  type Mark,
} from './audit.js';
import { components, type LinkedSet } from './linked.js';
import { createLp, EPS, INF, run, setIntegrality, type LpRow } from './lp.js';

export interface ProtectionResult {
  marks: Mark[];
  audit: AuditResult;
  /** Wall time of protection and the final audit, ms. */
  ms: number;
}

const cost = (value: number) => 1 + Math.log10(1 + value);

function neighbourhood(set: LinkedSet, comp: Component, cell: number, hops: number): Set<number> {
  const relationsOf = new Map<number, number[]>();
  for (const n of comp.relations) {
    const r = set.relations[n];
    for (const c of [r.total, ...r.parts]) relationsOf.set(c, [...(relationsOf.get(c) ?? []), n]);
  }
  let frontier = new Set([cell]);
  const seen = new Set([cell]);
  for (let h = 0; h < hops; h++) {
    const next = new Set<number>();
    for (const c of frontier)
      for (const n of relationsOf.get(c) ?? [])
        for (const d of [set.relations[n].total, ...set.relations[n].parts])
          if (!seen.has(d)) {
            seen.add(d);
            next.add(d);
          }
    frontier = next;
  }
  return seen;
}

/** The cells to hide so that `e` meets its bounds, or null when none exists within `scope`. */
function chooseComplements(
  set: LinkedSet,
  comp: Component,
  marks: readonly Mark[],
  e: ComponentExposure,
  t: number,
  scope: Set<number>,
  integerFlows: boolean,
): number[] | null {
  const value = (i: number) => set.cells[i].value;
  const cells = comp.cells.filter((i) => scope.has(i) && (marks[i] !== null || value(i) >= t));
  const candidates = cells.filter((i) => marks[i] === null);
  const dirs: [number][] = [];
  if (e.lo > e.need[0]) dirs.push([e.need[0]]);
  if (e.hi < e.need[1]) dirs.push([e.need[1]]);
  if (candidates.length === 0 || dirs.length === 0) return null;
  // Columns: binaries for candidates, then one deviation per cell and direction.
  const nb = candidates.length;
  const xOf = new Map(candidates.map((c, j) => [c, j]));
  const lower: number[] = candidates.map(() => 0);
  const upper: number[] = candidates.map(() => 1);
  const costs: number[] = candidates.map((c) => cost(value(c)));
  const integer: boolean[] = candidates.map(() => true);
  const rows: LpRow[] = [];
  // A shift of p by s is carried by flows through the other cells; a few times s bounds them in practice.
  const big = 2 * Math.max(...dirs.map(([target]) => Math.abs(target - value(e.cell))));
  dirs.forEach(([target], k) => {
    const base = nb + k * cells.length;
    const dOf = new Map(cells.map((c, j) => [c, base + j]));
    for (const c of cells) {
      const a = value(c);
      if (c === e.cell) {
        lower.push(target - a);
        upper.push(target - a);
      } else if (marks[c] === 'primary') {
        lower.push(Math.max(1 - a, -big));
        upper.push(Math.min(t - 1 - a, big));
      } else {
        const down = Math.min(a - t, big);
        lower.push(-down);
        upper.push(big);
        if (marks[c] === null) {
          // Shown unless hidden: -down x <= d <= big x.
          rows.push({ indices: [dOf.get(c)!, xOf.get(c)!], values: [1, -big], lower: -INF, upper: 0 });
          rows.push({ indices: [dOf.get(c)!, xOf.get(c)!], values: [1, down], lower: 0, upper: INF });
        }
      }
      costs.push(0);
      integer.push(integerFlows);
    }
    for (const n of comp.relations) {
      const r = set.relations[n];
      if (![r.total, ...r.parts].some((c) => dOf.has(c))) continue;
      const indices: number[] = [];
      const values: number[] = [];
      let slack = value(r.total);
      if (dOf.has(r.total)) {
        indices.push(dOf.get(r.total)!);
        values.push(1);
      }
      for (const p of r.parts) {
        slack -= value(p);
        if (dOf.has(p)) {
          indices.push(dOf.get(p)!);
          values.push(-1);
        }
      }
      rows.push({ indices, values, lower: r.exact ? 0 : -slack, upper: r.exact ? 0 : INF });
    }
  });
  const model = createLp(
    { lower, upper, cost: costs, integer, rows },
    { time_limit: 5, mip_rel_gap: 0.5, mip_max_nodes: 50 },
  );
  try {
    let res = run(model, 'min');
    if (!res) {
      // No integer solution in time: round up the LP relaxation (opening a cell only relaxes).
      setIntegrality(model, lower.length, false);
      res = run(model, 'min');
    }
    if (!res) return null;
    return candidates.filter((_, j) => res.x[j] > EPS);
  } finally {
    model.dispose();
  }
}

function protectComponent(set: LinkedSet, comp: Component, marks: Mark[], options: DisclosureOptions): void {
  const rounds = comp.cells.length + 1;
  for (let round = 0; round < rounds; round++) {
    const exposed = auditComponent(set, comp, marks, options).exposed;
    let added = 0;
    for (const [n, first] of exposed.entries()) {
      // Complements chosen for one cell often protect others too: check again before choosing.
      const e = n === 0 ? first : recheckCell(set, comp, marks, first, options);
      if (!e) continue;
      let chosen: number[] | null = null;
      for (const hops of [3, 4, Infinity]) {
        const scope = hops === Infinity ? new Set(comp.cells) : neighbourhood(set, comp, e.cell, hops);
        chosen = chooseComplements(set, comp, marks, e, options.threshold, scope, false);
        // An empty choice means fractional flows the integer attacker cannot follow: ask for integer ones.
        if (chosen?.length === 0) chosen = chooseComplements(set, comp, marks, e, options.threshold, scope, true);
        if (chosen?.length || scope.size === comp.cells.length) break;
      }
      for (const c of chosen ?? []) marks[c] = 'secondary';
      added += chosen?.length ?? 0;
    }
    // Nothing exposed, or nothing more can be hidden: the final audit reports what stays exposed.
    if (added === 0) return;
  }
}

/** Marks every cell of the set (primary, secondary or shown) and audits the result. */
export function protectLinkedSet(set: LinkedSet, options: DisclosureOptions): ProtectionResult {
  const started = performance.now();
  const marks = primaryMarks(set, options.threshold);
  for (const comp of components(set)) {
    if (comp.cells.some((i) => marks[i] === 'primary')) protectComponent(set, comp, marks, options);
  }
  const audit = auditLinkedSet(set, marks, options);
  return { marks, audit, ms: Math.round(performance.now() - started) };
}
