// Cross-agency reconciliation (ratio warnings) per territorial region and nationwide.
// A unit is compared only when every participating recipient answered every
// operand it has (a missing answer or submission makes the sums incomparable); the
// nationwide comparison sums the comparable units, including the non-territorial one.
import { getForm, type Form } from '../../domain/questionnaire/forms.js';
import type { QualityContext } from './context.js';
import { reconciliationRules, type FlowSide, type ReconciliationRule } from './reconciliation.rules.js';
import type { Finding, PipelineSubmission, QualityParameters } from './types.js';
import { fmt, regionName, unitOf } from './units.js';
import { flowValue } from './values.js';

interface UnitSums {
  left: number;
  right: number;
  comparable: boolean;
  /** The left-side submissions (the finding points at the only one, if there is exactly one). */
  leftSubs: PipelineSubmission[];
}

/** Whether an organisation of this type reports on this side (its form has one of the operands). */
const sideFits = (side: FlowSide, agencyType: string, form: Form) =>
  side.agencyTypes.includes(agencyType) && side.operands.some((o) => form.index.has(o.item));

function unitSums(ctx: QualityContext, rule: ReconciliationRule, year: number): Map<string, UnitSums> {
  const units = new Map<string, UnitSums>();
  const unit = (u: string) => {
    let x = units.get(u);
    if (!x) units.set(u, (x = { left: 0, right: 0, comparable: true, leftSubs: [] }));
    return x;
  };
  for (const c of ctx.input.campaigns.filter((c) => c.year === year)) {
    const subs = new Map(ctx.submissions.filter((s) => s.campaignId === c.id).map((s) => [s.organisationId, s]));
    for (const orgId of c.recipientIds) {
      const org = ctx.orgById.get(orgId);
      if (!org) continue;
      const s = subs.get(orgId);
      const form = getForm(c.questionnaireVersion, org.agencyType);
      for (const [sideName, side] of [
        ['left', rule.left],
        ['right', rule.right],
      ] as const) {
        if (!sideFits(side, org.agencyType, form)) continue;
        const u = unit(unitOf(org.region));
        const v = s ? flowValue(form, s.content, side.operands) : undefined;
        if (v === undefined) {
          u.comparable = false;
          continue;
        }
        u[sideName] += v;
        if (sideName === 'left' && s) u.leftSubs.push(s);
      }
    }
  }
  return units;
}

function check(
  rule: ReconciliationRule,
  params: QualityParameters,
  year: number,
  unitCode: string,
  left: number,
  right: number,
  leftSubs: PipelineSubmission[],
  findings: Finding[],
): void {
  if (Math.max(left, right) < params.reconciliationMinVolume) return;
  const ratio = left === 0 ? null : right / left;
  if (ratio !== null && ratio >= rule.minRatio && ratio <= rule.maxRatio) return;
  const only = leftSubs.length === 1 ? leftSubs[0]! : undefined;
  const name = regionName(unitCode);
  const where =
    unitCode === 'nationwide'
      ? { kk: 'республика бойынша', ru: 'по республике' }
      : { kk: `${name.kk} бойынша`, ru: `по региону «${name.ru}»` };
  const bounds = `[${fmt(rule.minRatio)}; ${Number.isFinite(rule.maxRatio) ? fmt(rule.maxRatio) : '∞'}]`;
  const r = ratio === null ? '∞' : fmt(Math.round(ratio * 100) / 100);
  findings.push({
    severity: 'warning',
    code: `reconciliation.${rule.id}`,
    ruleId: rule.id,
    itemId: rule.left.operands[0]!.item,
    organisationId: only?.organisationId ?? null,
    submissionId: only?.id ?? null,
    year,
    message: {
      kk: `${year} жылы ${where.kk} ведомстволар деректері сәйкес келмейді: ${rule.right.label.kk} (${right}) мен ${rule.left.label.kk} (${left}) арақатынасы ${r}, күтілетін аралық ${bounds}.`,
      ru: `Расхождение данных ведомств ${where.ru} за ${year} год: отношение «${rule.right.label.ru}» (${right}) к «${rule.left.label.ru}» (${left}) равно ${r}, ожидаемый диапазон ${bounds}.`,
    },
    details: {
      unit: unitCode,
      left,
      right,
      ratio,
      minRatio: rule.minRatio,
      maxRatio: Number.isFinite(rule.maxRatio) ? rule.maxRatio : null,
    },
  });
}

export function reconciliationFindings(ctx: QualityContext, params: QualityParameters, findings: Finding[]): void {
  for (const rule of reconciliationRules) {
    for (const year of ctx.years) {
      const units = unitSums(ctx, rule, year);
      let left = 0;
      let right = 0;
      for (const code of [...units.keys()].sort()) {
        const u = units.get(code)!;
        if (!u.comparable) continue;
        left += u.left;
        right += u.right;
        if (rule.scope === 'region' && code !== 'non_territorial')
          check(rule, params, year, code, u.left, u.right, u.leftSubs, findings);
      }
      check(rule, params, year, 'nationwide', left, right, [], findings);
    }
  }
}
