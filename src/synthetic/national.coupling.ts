// Couples the two sides of every cross-agency flow (reconciliation rule) in the
// synthetic data: the follower side's values are set from the driver side's sum in
// each unit (territorial region, or all non-territorial bodies together), so clean
// data reconcile and a planted mismatch is the only one.
import type { Form } from '../domain/questionnaire/forms.js';
import type { BreakdownValue, SubmissionContent } from '../domain/questionnaire/content.js';
import { reconciliationRules, type FlowOperand, type FlowSide } from '../pipeline/quality/reconciliation.rules.js';
import { unitOf } from '../pipeline/quality/units.js';
import { flowValue } from '../pipeline/quality/values.js';
import { createRng } from './random.js';
import { splitByWeights } from './national.values.js';

/** Which side follows and the target follower / driver ratio (inside the rule's bounds). */
export const couplingTargets: Record<string, { follower: 'left' | 'right'; factor: number }> = {
  mvd_social_referrals: { follower: 'right', factor: 1 },
  police_referrals: { follower: 'right', factor: 0.3 },
  gobmp_referrals: { follower: 'right', factor: 1 },
  residence_petitions: { follower: 'right', factor: 1 },
  forced_labour: { follower: 'left', factor: 1.25 },
  recognised_victims: { follower: 'left', factor: 0.3 },
};

export interface CouplingSubmission {
  organisationId: string;
  agencyType: string;
  region: string;
  form: Form;
  content: SubmissionContent;
}

/** Sum of the side's operands in this content (0 when not comparable: the generator answers flow items). */
export function sideValue(form: Form, content: SubmissionContent, operands: readonly FlowOperand[]): number {
  return flowValue(form, content, operands) ?? 0;
}

/** Sets one operand's value; a breakdown category moves last so that later repairs take from other categories first. */
export function setOperand(form: Form, content: SubmissionContent, o: FlowOperand, n: number): void {
  const item = form.index.get(o.item)?.item;
  if (!item) return;
  if (item.kind === 'count') content.answers[o.item] = { value: n };
  else if (item.kind === 'breakdown') {
    const entry = content.answers[o.item];
    const b: BreakdownValue =
      entry && 'value' in entry ? (entry.value as BreakdownValue) : { total: 0, byCategory: {} };
    const cats = { ...b.byCategory };
    if (o.part && o.part !== 'total') {
      delete cats[o.part];
      if (n > 0) cats[o.part] = n;
    }
    const total = Object.values(cats).reduce((a, x) => a + x, 0);
    content.answers[o.item] = { value: { total, byCategory: cats } };
  }
}

const present = (s: CouplingSubmission, side: FlowSide) =>
  side.agencyTypes.includes(s.agencyType) && side.operands.some((o) => s.form.index.has(o.item));

/** Couples every rule in every unit of one year; returns the submissions it changed. */
export function coupleFlows(
  seed: string,
  year: number,
  subs: readonly CouplingSubmission[],
  levelOf: (s: CouplingSubmission, itemId: string) => number,
): Set<CouplingSubmission> {
  const touched = new Set<CouplingSubmission>();
  for (const rule of reconciliationRules) {
    const target = couplingTargets[rule.id];
    if (!target) continue;
    const driver = target.follower === 'right' ? rule.left : rule.right;
    const follower = target.follower === 'right' ? rule.right : rule.left;
    const units = new Map<string, { drivers: CouplingSubmission[]; followers: CouplingSubmission[] }>();
    for (const s of subs) {
      const u = unitOf(s.region);
      let unit = units.get(u);
      if (!unit) units.set(u, (unit = { drivers: [], followers: [] }));
      if (present(s, driver)) unit.drivers.push(s);
      if (present(s, follower)) unit.followers.push(s);
    }
    for (const [u, unit] of [...units].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (!unit.followers.length) continue;
      const driven = unit.drivers.reduce((a, s) => a + sideValue(s.form, s.content, driver.operands), 0);
      const noise = 0.9 + 0.2 * createRng(`${seed}/couple/${rule.id}/${u}/${year}`).next();
      const total = Math.round(driven * target.factor * noise);
      const weights = unit.followers.map(
        (s, i) =>
          [String(i), Math.max(0.01, levelOf(s, follower.operands.find((o) => s.form.index.has(o.item))!.item))] as [
            string,
            number,
          ],
      );
      const shares = splitByWeights(total, weights);
      unit.followers.forEach((s, i) => {
        const ops = follower.operands.filter((o) => s.form.index.has(o.item));
        const per = splitByWeights(
          shares[String(i)] ?? 0,
          ops.map((_o, j) => [String(j), ops.length - j] as [string, number]),
        );
        ops.forEach((o, j) => setOperand(s.form, s.content, o, per[String(j)] ?? 0));
        touched.add(s);
      });
    }
  }
  return touched;
}
