// The numbers of the synthetic national dataset. Each (agency type, item) has a
// base level; an organisation's value is base x regional weight x its own jitter x
// its own yearly trend. So series are smooth over time and comparable across
// regions: clean data raise no outlier alarms, and planted anomalies stand out.
import type { Form } from '../domain/questionnaire/forms.js';
import type { Item } from '../domain/questionnaire/model.js';
import { UNKNOWN_CATEGORY } from '../domain/questionnaire/model.js';
import type { BreakdownValue, SubmissionContent } from '../domain/questionnaire/content.js';
import { compileOperand, type Answers } from '../domain/questionnaire/rules.js';
import { territorialRegionCodes } from '../domain/reference.js';
import { createRng } from './random.js';

/** Containers (totals other counts are parts of) get a larger base so that parts fit in them. */
const CONTAINER = /(_total|persons_received|crimes_registered|_received)$/;

export class ValueModel {
  private readonly bases = new Map<string, number>();
  private readonly splits = new Map<string, [string, number][]>();
  private readonly weights = new Map<string, number>();
  private readonly territorial = new Set<string>(territorialRegionCodes);

  constructor(private readonly seed: string) {}

  base(agencyType: string, itemId: string): number {
    const key = `${agencyType}/${itemId}`;
    let b = this.bases.get(key);
    if (b === undefined) {
      b = createRng(`${this.seed}/base/${key}`).int(4, 18) * (CONTAINER.test(itemId) ? 5 : 1);
      this.bases.set(key, b);
    }
    return b;
  }

  regionWeight(region: string): number {
    if (!this.territorial.has(region)) return 1;
    let w = this.weights.get(region);
    if (w === undefined) {
      w = 0.8 + 0.45 * createRng(`${this.seed}/region/${region}`).next();
      this.weights.set(region, w);
    }
    return w;
  }

  /** The organisation's level of an item in year index k (0, 1, 2). */
  level(org: { id: string; agencyType: string; region: string }, itemId: string, k: number): number {
    const rng = createRng(`${this.seed}/level/${org.id}/${itemId}`);
    const jitter = 0.9 + 0.2 * rng.next();
    const trend = -0.04 + 0.12 * rng.next();
    return this.base(org.agencyType, itemId) * this.regionWeight(org.region) * jitter * (1 + trend) ** k;
  }

  count(org: { id: string; agencyType: string; region: string }, itemId: string, k: number): number {
    return Math.max(1, Math.round(this.level(org, itemId, k)));
  }

  /** Fixed category proportions of a breakdown item for an agency type. */
  proportions(agencyType: string, item: Item & { kind: 'breakdown' }, form: Form): [string, number][] {
    const key = `${agencyType}/${item.id}`;
    let p = this.splits.get(key);
    if (!p) {
      const rng = createRng(`${this.seed}/split/${key}`);
      const codes = form.dimensionByCode.get(item.dimension)?.categories.map((c) => c.code) ?? [];
      const chosen = rng.sample(codes, rng.int(1, Math.min(4, codes.length)));
      if (chosen.length === 0 || rng.chance(0.15)) chosen.push(UNKNOWN_CATEGORY);
      p = chosen.map((c) => [c, rng.int(1, 6)] as [string, number]);
      this.splits.set(key, p);
    }
    return p;
  }
}

/** Splits `total` by weights exactly (largest remainder; ties by order). */
export function splitByWeights(total: number, weights: readonly [string, number][]): Record<string, number> {
  const sum = weights.reduce((a, [, w]) => a + w, 0);
  const raw = weights.map(([c, w]) => ({ c, exact: (total * w) / sum }));
  const out: Record<string, number> = {};
  let left = total;
  for (const r of raw) {
    out[r.c] = Math.floor(r.exact);
    left -= out[r.c]!;
  }
  const order = raw
    .map((r, i) => ({ i, rem: r.exact - Math.floor(r.exact) }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (let j = 0; j < left; j++) out[raw[order[j % order.length]!.i]!.c]! += 1;
  for (const [c, n] of Object.entries(out)) if (n === 0) delete out[c];
  return out;
}

export function breakdownOf(total: number, weights: readonly [string, number][]): BreakdownValue {
  return { total, byCategory: splitByWeights(total, weights) };
}

/**
 * Makes the declared equalities hold by construction, before the generic repair:
 * a count equal to a sum of counts takes that sum; a breakdown equal to a count is
 * split from it with the item's fixed proportions (so categories stay smooth too).
 */
export function alignEqualities(form: Form, content: SubmissionContent, model: ValueModel, agencyType: string): void {
  const answers = content.answers;
  const kindOf = (id: string) => form.index.get(id)?.item.kind;
  const answered = (id: string) => {
    const e = answers[id];
    return e !== undefined && 'value' in e;
  };
  for (const r of form.rules) {
    if (r.op !== 'eq' || r.right.length !== 1 || kindOf(r.right[0]!.item) !== 'count') continue;
    if (!r.left.every((o) => kindOf(o.item) === 'count' && answered(o.item)) || !answered(r.right[0]!.item)) continue;
    const sum = r.left.reduce((a, o) => a + (answers[o.item] as { value: number }).value, 0);
    answers[r.right[0]!.item] = { value: sum };
  }
  for (const r of form.rules) {
    if (r.op !== 'eq' || r.left.length !== 1 || r.right.length !== 1) continue;
    const target = r.left[0]!;
    const loc = form.index.get(target.item);
    if (
      loc?.item.kind !== 'breakdown' ||
      (target.part !== undefined && target.part !== 'total') ||
      !answered(target.item)
    )
      continue;
    const n = compileOperand(r.right[0]!, form.index).read(answers as Answers);
    if (n === undefined || !Number.isInteger(n)) continue;
    answers[target.item] = { value: breakdownOf(n, model.proportions(agencyType, loc.item, form)) };
  }
}
