// Planted anomalies of the synthetic national dataset: internal inconsistencies,
// temporal and regional outliers, cross-agency mismatches. Each is recorded with
// where it is, so tests assert it is found (and clean data raise nothing).
import type { Form } from '../domain/questionnaire/forms.js';
import type { BreakdownValue, SubmissionContent, YesNoValue } from '../domain/questionnaire/content.js';
import { reconciliationItemIds, reconciliationRules } from '../pipeline/quality/reconciliation.rules.js';
import { unitOf } from '../pipeline/quality/units.js';
import { couplingTargets, setOperand, sideValue } from './national.coupling.js';
import type { Rng } from './random.js';

export type PlantKind = 'consistency' | 'reconciliation' | 'temporal' | 'regional';

export interface PlantedAnomaly {
  kind: PlantKind;
  /** The finding code the quality check must raise. */
  code: string;
  ruleId: string | null;
  itemId: string | null;
  organisationId: string | null;
  year: number;
  /** Territorial region (reconciliation, regional). */
  region: string | null;
  agencyType: string | null;
}

export interface PlantSubmission {
  organisationId: string;
  agencyType: string;
  region: string;
  year: number;
  form: Form;
  content: SubmissionContent;
}

/** Count items no rule or flow reads: changing them affects only themselves. */
export function standaloneCounts(form: Form): string[] {
  const inRules = new Set(form.rules.flatMap((r) => [...r.left, ...r.right].map((o) => o.item)));
  return form.items
    .filter((i) => i.kind === 'count' && !inRules.has(i.id) && !reconciliationItemIds.has(i.id))
    .map((i) => i.id);
}

const num = (c: SubmissionContent, id: string): number | undefined => {
  const e = c.answers[id];
  return e && 'value' in e && typeof e.value === 'number' ? e.value : undefined;
};

export function plantAnomalies(
  rng: Rng,
  years: readonly number[],
  organisations: readonly { id: string; agencyType: string; region: string }[],
  subs: readonly PlantSubmission[],
  submitted: (orgId: string, year: number) => boolean,
): PlantedAnomaly[] {
  const plants: PlantedAnomaly[] = [];
  const used = new Set<string>();
  const [y0, y1, y2] = years as [number, number, number];
  const pick = <T>(xs: T[]) => (xs.length ? rng.pick(xs) : undefined);
  const base = (s: PlantSubmission) => ({
    organisationId: s.organisationId,
    agencyType: s.agencyType,
    year: s.year,
    region: null as string | null,
  });
  const take = (s: PlantSubmission) => used.add(s.organisationId);
  const free = (s: PlantSubmission) => !used.has(s.organisationId);
  const quiet = (id: string) => !reconciliationItemIds.has(id);

  // Consistency: a part larger than its total (declared `lte` rules between two counts).
  const lteTypes = new Set<string>();
  for (const s of rng.sample([...subs], subs.length)) {
    if (plants.filter((p) => p.code === 'consistency.rule').length >= 4) break;
    if (!free(s) || lteTypes.has(s.agencyType) || s.year !== y1) continue;
    const rule = s.form.rules.find(
      (r) =>
        r.op === 'lte' &&
        r.left.length === 1 &&
        r.right.length === 1 &&
        [r.left[0]!, r.right[0]!].every(
          (o) =>
            s.form.index.get(o.item)?.item.kind === 'count' && quiet(o.item) && num(s.content, o.item) !== undefined,
        ),
    );
    if (!rule) continue;
    s.content.answers[rule.left[0]!.item] = { value: num(s.content, rule.right[0]!.item)! + 3 };
    plants.push({
      ...base(s),
      kind: 'consistency',
      code: 'consistency.rule',
      ruleId: rule.id,
      itemId: rule.left[0]!.item,
    });
    lteTypes.add(s.agencyType);
    take(s);
  }
  // Consistency: categories not summing to the total; "yes" without a description.
  for (const s of rng.sample([...subs], subs.length)) {
    if (!free(s) || s.year !== y0) continue;
    const id = s.form.items.find(
      (i) => i.kind === 'breakdown' && quiet(i.id) && 'value' in (s.content.answers[i.id] ?? {}),
    )?.id;
    if (!id) continue;
    const b = (s.content.answers[id] as { value: BreakdownValue }).value;
    s.content.answers[id] = { value: { total: b.total + 2, byCategory: b.byCategory } };
    plants.push({ ...base(s), kind: 'consistency', code: 'consistency.breakdown_sum', ruleId: null, itemId: id });
    take(s);
    break;
  }
  for (const s of rng.sample([...subs], subs.length)) {
    if (!free(s) || s.year !== y2) continue;
    const id = s.form.items.find(
      (i) => i.kind === 'yes_no' && (s.content.answers[i.id] as { value?: YesNoValue })?.value?.answer === 'yes',
    )?.id;
    if (!id) continue;
    s.content.answers[id] = { value: { answer: 'yes' } };
    plants.push({
      ...base(s),
      kind: 'consistency',
      code: 'consistency.description_required',
      ruleId: null,
      itemId: id,
    });
    take(s);
    break;
  }

  // Temporal outliers: a standalone count jumps in the last year.
  const byOrgYear = new Map(subs.map((s) => [`${s.organisationId}/${s.year}`, s]));
  let temporal = 0;
  for (const s of rng.sample(
    subs.filter((x) => x.year === y2),
    subs.length,
  )) {
    if (temporal >= 3) break;
    if (!free(s) || !years.every((y) => submitted(s.organisationId, y))) continue;
    const id = standaloneCounts(s.form).find((i) =>
      years.every((y) => (num(byOrgYear.get(`${s.organisationId}/${y}`)!.content, i) ?? 0) >= 3),
    );
    if (!id) continue;
    s.content.answers[id] = { value: num(s.content, id)! * 5 + 10 };
    plants.push({ ...base(s), kind: 'temporal', code: 'outlier.temporal', ruleId: null, itemId: id });
    take(s);
    temporal++;
  }

  // Regional outlier: one akimat's count far above the other regions in the middle year.
  const mio = subs.filter((s) => s.agencyType === 'mio_oblast' && s.year === y1 && free(s));
  const target = pick(mio);
  if (target) {
    const id = standaloneCounts(target.form).find((i) => num(target.content, i) !== undefined);
    if (id) {
      target.content.answers[id] = { value: num(target.content, id)! * 10 + 50 };
      plants.push({
        ...base(target),
        region: target.region,
        kind: 'regional',
        code: 'outlier.regional',
        ruleId: null,
        itemId: id,
      });
      take(target);
    }
  }

  // Cross-agency mismatches: the follower side of a flow inflated in one region and year.
  for (const ruleId of ['residence_petitions', 'mvd_social_referrals', 'gobmp_referrals']) {
    const rule = reconciliationRules.find((r) => r.id === ruleId)!;
    const side = couplingTargets[ruleId]!.follower === 'right' ? rule.right : rule.left;
    const participants = (s: { agencyType: string }) =>
      [...rule.left.agencyTypes, ...rule.right.agencyTypes].includes(s.agencyType);
    const candidates = subs.filter(
      (s) =>
        s.year === y2 &&
        unitOf(s.region) !== 'non_territorial' &&
        side.agencyTypes.includes(s.agencyType) &&
        side.operands.some((o) => s.form.index.has(o.item)) &&
        free(s),
    );
    for (const s of rng.sample(candidates, candidates.length)) {
      const unitOrgs = organisations.filter((o) => o.region === s.region && participants(o));
      const complete = unitOrgs.every((o) => submitted(o.id, y2) && (o.id === s.organisationId || !used.has(o.id)));
      if (!complete) continue;
      const op = side.operands.find((o) => s.form.index.has(o.item))!;
      const v = sideValue(s.form, s.content, [op]);
      setOperand(s.form, s.content, op, v * 4 + 15);
      plants.push({
        ...base(s),
        region: s.region,
        kind: 'reconciliation',
        code: `reconciliation.${ruleId}`,
        ruleId,
        itemId: rule.left.operands[0]!.item,
      });
      for (const o of unitOrgs) used.add(o.id);
      break;
    }
  }
  return plants;
}
