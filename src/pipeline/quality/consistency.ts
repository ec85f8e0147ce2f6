// Conformity with the appendix and internal consistency, both from the
// questionnaire's own validator (complete mode) run against the form the
// organisation must answer on its campaign's version: no rule is reimplemented here.
import { getValidator } from '../../domain/questionnaire/validation.js';
import type { QualityContext } from './context.js';
import type { Finding, FindingSeverity } from './types.js';

/** Validator issue code -> finding code and severity (undefined severity: the issue's own). */
const mapping: Record<string, { code: string; severity?: FindingSeverity }> = {
  'answer.missing': { code: 'conformity.missing_item', severity: 'error' },
  'item.unknown': { code: 'conformity.unknown_item', severity: 'error' },
  'rule.violated': { code: 'consistency.rule' },
  'breakdown.sum': { code: 'consistency.breakdown_sum', severity: 'error' },
  'yes_no.description_required': { code: 'consistency.description_required', severity: 'error' },
  'text.empty': { code: 'completeness.empty_text', severity: 'warning' },
  'table.cell_missing': { code: 'completeness.table_cell', severity: 'info' },
};

export function consistencyFindings(ctx: QualityContext, findings: Finding[]): void {
  for (const s of ctx.submissions) {
    const org = ctx.orgOf(s);
    const campaign = ctx.campaignOf(s);
    const base = { organisationId: s.organisationId, submissionId: s.id, year: s.year };
    if (s.questionnaireVersion !== campaign.questionnaireVersion || s.agencyType !== org.agencyType)
      findings.push({
        ...base,
        severity: 'error',
        code: 'conformity.form_mismatch',
        ruleId: null,
        itemId: null,
        message: {
          kk: `Сауалнама науқанның нұсқасына (${campaign.questionnaireVersion}) немесе ұйымның нысанына (${org.agencyType}) сәйкес келмейді.`,
          ru: `Анкета не соответствует версии кампании (${campaign.questionnaireVersion}) или форме организации (${org.agencyType}).`,
        },
        details: { submissionVersion: s.questionnaireVersion, submissionAgencyType: s.agencyType },
      });
    const validator = getValidator(campaign.questionnaireVersion, org.agencyType, 'complete');
    for (const issue of validator.validate(s.content).issues) {
      const m = mapping[issue.code] ?? { code: 'conformity.invalid_value', severity: 'error' as const };
      findings.push({
        ...base,
        severity: m.severity ?? issue.severity,
        code: m.code,
        ruleId: issue.ruleId ?? null,
        itemId: issue.itemId || null,
        message: issue.message,
        details: { issueCode: issue.code, path: issue.path },
      });
    }
  }
}
