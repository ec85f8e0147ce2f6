// The quality check on the synthetic national dataset: every planted anomaly is
// found at its place, clean data raise no consistency, reconciliation, conformity or
// outlier finding, and each reconciliation rule fires on a mismatch made in clean data.
import { describe, expect, it } from 'vitest';
import { getForm, type Form } from '../../../src/domain/questionnaire/forms.js';
import { getVersion } from '../../../src/domain/questionnaire/loader.js';
import type { Operand } from '../../../src/domain/questionnaire/model.js';
import { compileRule, type Answers } from '../../../src/domain/questionnaire/rules.js';
import type { BreakdownValue, SubmissionContent, TableRow } from '../../../src/domain/questionnaire/content.js';
import { reconciliationRules } from '../../../src/pipeline/quality/reconciliation.rules.js';
import { runQuality } from '../../../src/pipeline/quality/run.js';
import type { Finding } from '../../../src/pipeline/quality/types.js';
import { generateNationalDataset, type NationalDataset } from '../../../src/synthetic/national.js';
import { setOperand, sideValue } from '../../../src/synthetic/national.coupling.js';
import type { PlantedAnomaly } from '../../../src/synthetic/national.plants.js';

const ANOMALY = /^(consistency|reconciliation|outlier|conformity)\./;
// Generated once; each test that changes data gets its own deep copy (a copy costs a
// quarter of a generation).
const cleanData = generateNationalDataset({ seed: 'quality-test', plants: false });
const clean = () => structuredClone(cleanData);
const planted = generateNationalDataset({ seed: 'quality-test' });
const cleanResult = runQuality(clean());
const plantedResult = runQuality(planted);

const regionOf = (f: Finding) => (f.details?.unit ?? f.details?.region) as string | undefined;

function matches(f: Finding, p: PlantedAnomaly): boolean {
  if (f.code !== p.code || f.year !== p.year) return false;
  if (p.kind === 'reconciliation') return regionOf(f) === p.region;
  if (p.kind === 'regional') return regionOf(f) === p.region && f.itemId === p.itemId;
  return f.organisationId === p.organisationId && f.itemId === p.itemId && (p.ruleId === null || f.ruleId === p.ruleId);
}

describe('quality check on the synthetic national dataset', () => {
  it('raises no anomaly finding on clean data', () => {
    expect(cleanResult.findings.filter((f) => ANOMALY.test(f.code))).toEqual([]);
    // The demo's dataset too.
    expect(runQuality(generateNationalDataset({ plants: false })).findings.filter((f) => ANOMALY.test(f.code))).toEqual(
      [],
    );
    // Non-response and lateness are part of realistic clean data.
    expect(cleanResult.summary.byCode['completeness.not_submitted']).toBeGreaterThan(0);
    expect(cleanResult.summary.byCode['completeness.late']).toBeGreaterThan(0);
  });

  it('plants every kind of anomaly', () => {
    const kinds = new Set(planted.plants.map((p) => p.code));
    for (const code of [
      'consistency.rule',
      'consistency.breakdown_sum',
      'consistency.description_required',
      'outlier.temporal',
      'outlier.regional',
      'reconciliation.residence_petitions',
      'reconciliation.mvd_social_referrals',
      'reconciliation.gobmp_referrals',
    ])
      expect(kinds, code).toContain(code);
  });

  it.each(
    planted.plants.map(
      (p) => [`${p.code} ${p.ruleId ?? p.itemId} ${p.year} ${p.region ?? p.organisationId}`, p] as const,
    ),
  )('finds the planted %s', (_name, p) => {
    expect(plantedResult.findings.some((f) => matches(f, p))).toBe(true);
  });

  it('finds each temporal and regional plant with the statistics of the outlier module', () => {
    const temporal = plantedResult.findings.filter(
      (f) => f.code === 'outlier.temporal' && planted.plants.some((p) => p.kind === 'temporal' && matches(f, p)),
    );
    for (const f of temporal) expect(f.details).toMatchObject({ reason: 'temporal_increase' });
    const regional = plantedResult.findings.find((f) =>
      planted.plants.some((p) => p.kind === 'regional' && matches(f, p)),
    )!;
    expect(Math.abs(regional.details!.modifiedZ as number)).toBeGreaterThan(3.5);
  });

  it('is deterministic: the same input gives identical findings, in a canonical order', () => {
    const again = runQuality(generateNationalDataset({ seed: 'quality-test' }));
    expect(again).toEqual(plantedResult);
    const shuffled = {
      ...planted,
      submissions: [...planted.submissions].reverse(),
      organisations: [...planted.organisations].reverse(),
    };
    expect(runQuality(shuffled).findings).toEqual(plantedResult.findings);
  });

  it('reports completeness by submission, section, agency type, region and year, and response per campaign', () => {
    const c = cleanResult.completeness;
    expect(c.submissions.length).toBe(cleanResult.summary.submissions);
    expect(c.totals.total).toBe(c.totals.answered + c.totals.explained + c.totals.empty);
    expect(c.totals.explained).toBeGreaterThan(0);
    expect(Object.keys(c.totals.byReason)).toEqual(expect.arrayContaining(['not_collected', 'not_available_yet']));
    expect(c.byYear.map((r) => r.key)).toEqual(['2025', '2026', '2027']);
    expect(c.byRegion.length).toBe(23);
    expect(c.bySection.map((r) => r.key)).toContain('s16');
    expect(c.campaigns).toHaveLength(3);
    for (const k of c.campaigns) {
      expect(k.responded).toBeLessThan(k.recipients);
      expect(k.responseRate).toBeGreaterThan(0.9);
      expect(k.late).toBeGreaterThan(0);
    }
  });
});

describe('conformity with the appendix', () => {
  it('reports missing and unknown items against the organisation form', () => {
    const data = clean();
    const s = data.submissions[0]!;
    const answers = (s.content as SubmissionContent).answers;
    const dropped = Object.keys(answers)[0]!;
    delete answers[dropped];
    answers['s99.q1.not_in_form'] = { value: 1 };
    const found = runQuality(data).findings.filter((f) => f.submissionId === s.id);
    expect(found).toContainEqual(
      expect.objectContaining({ code: 'conformity.missing_item', itemId: dropped, severity: 'error' }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ code: 'conformity.unknown_item', itemId: 's99.q1.not_in_form' }),
    );
  });
});

describe('cross-agency reconciliation rules', () => {
  /** Inflates one side of a rule (in one territorial region, or everywhere for national rules) in the last year. */
  function mismatch(data: NationalDataset, ruleId: string): string {
    const rule = reconciliationRules.find((r) => r.id === ruleId)!;
    const side = rule.maxRatio === Number.POSITIVE_INFINITY ? rule.left : rule.right;
    const year = data.years[2]!;
    const orgs = new Map(data.organisations.map((o) => [o.id, o]));
    const region = rule.scope === 'national' ? null : 'karaganda';
    for (const s of data.submissions) {
      const org = orgs.get(s.organisationId)!;
      if (s.year !== year || !side.agencyTypes.includes(org.agencyType) || (region && org.region !== region)) continue;
      const form = getForm(s.questionnaireVersion, org.agencyType);
      for (const o of side.operands.filter((x) => form.index.has(x.item)))
        setOperand(
          form,
          s.content as SubmissionContent,
          o,
          sideValue(form, s.content as SubmissionContent, [o]) * 10 + 20,
        );
    }
    return region ?? 'nationwide';
  }

  it.each(reconciliationRules.map((r) => [r.id, r.scope] as const))(
    '%s (%s): found on a mismatch, silent on clean data',
    (ruleId) => {
      const code = `reconciliation.${ruleId}`;
      expect(cleanResult.findings.filter((f) => f.code === code)).toEqual([]);
      const data = clean();
      const unit = mismatch(data, ruleId);
      const found = runQuality(data).findings.filter((f) => f.code === code);
      expect(found.map((f) => [regionOf(f), f.year])).toContainEqual([unit, data.years[2]]);
      expect(found.every((f) => f.severity === 'warning' && f.message.kk && f.message.ru)).toBe(true);
    },
  );
});

describe('every declared consistency rule of the questionnaire', () => {
  /** Raises one operand by d: a count, a breakdown total or category, or a table column's first cell. */
  function bump(form: Form, content: SubmissionContent, o: Operand, d: number): void {
    const entry = content.answers[o.item] as { value: unknown };
    const item = form.index.get(o.item)!.item;
    if (item.kind === 'count' || item.kind === 'amount') entry.value = (entry.value as number) + d;
    else if (item.kind === 'breakdown') {
      const b = entry.value as BreakdownValue;
      if (o.part && o.part !== 'total') b.byCategory[o.part] = (b.byCategory[o.part] ?? 0) + d;
      entry.value = { total: b.total + d, byCategory: b.byCategory };
    } else if (item.kind === 'table') {
      const rows = entry.value as TableRow[];
      const col = o.part!.slice('column:'.length);
      rows[0]![col] = ((rows[0]![col] as number) ?? 0) + d;
    }
  }

  it('is found where it is broken, one rule per submission', () => {
    const data = clean();
    const orgs = new Map(data.organisations.map((o) => [o.id, o]));
    const used = new Set<string>();
    const broken: { ruleId: string; submissionId: string }[] = [];
    const rules = getVersion(data.campaigns[0]!.questionnaireVersion).rules;
    for (const rule of rules) {
      for (const s of data.submissions) {
        if (used.has(s.id)) continue;
        const form = getForm(s.questionnaireVersion, orgs.get(s.organisationId)!.agencyType);
        if (!form.rules.includes(rule)) continue;
        const compiled = compileRule(rule, form.index);
        const content = s.content as SubmissionContent;
        const out = compiled.evaluate(content.answers as Answers);
        if (
          !out?.ok ||
          (form.index.get(rule.left[0]!.item)!.item.kind === 'table' &&
            !(content.answers[rule.left[0]!.item] as { value: TableRow[] }).value.length)
        )
          continue;
        if (rule.op === 'gte') bump(form, content, rule.right[0]!, out.left - out.right + 1);
        else bump(form, content, rule.left[0]!, rule.op === 'eq' ? 1 : out.right - out.left + 1);
        if (compiled.evaluate(content.answers as Answers)?.ok !== false) continue;
        used.add(s.id);
        broken.push({ ruleId: rule.id, submissionId: s.id });
        break;
      }
    }
    // Nearly every rule can be broken in the national dataset (a few need operands that are all missing somewhere).
    expect(broken.length).toBeGreaterThan(rules.length * 0.9);
    expect(new Set(broken.map((b) => b.ruleId)).size).toBe(broken.length);
    const findings = runQuality(data).findings.filter((f) => f.code === 'consistency.rule');
    for (const b of broken)
      expect(
        findings.some((f) => f.ruleId === b.ruleId && f.submissionId === b.submissionId),
        b.ruleId,
      ).toBe(true);
    expect(cleanResult.findings.filter((f) => f.code === 'consistency.rule')).toEqual([]);
  });
});
