// Step 1 of the assessment (Rules §13): the quality and completeness check, a pure
// function of the pipeline input and parameters. Findings come out in a canonical
// order, so the same inputs give byte-identical results (and result hashes).
import { completenessReport, type CompletenessReport } from './completeness.js';
import { buildContext } from './context.js';
import { consistencyFindings } from './consistency.js';
import { outlierFindings } from './outliers.js';
import { reconciliationFindings } from './reconciliation.js';
import { defaultQualityParameters, type Finding, type PipelineInput, type QualityParameters } from './types.js';

export interface QualityResult {
  findings: Finding[];
  completeness: CompletenessReport;
  summary: QualitySummary;
}

export interface QualitySummary {
  submissions: number;
  organisations: number;
  findings: number;
  bySeverity: Record<string, number>;
  byCode: Record<string, number>;
}

const severityRank: Record<string, number> = { error: 0, warning: 1, info: 2 };
const cmp = (a: string | number | null, b: string | number | null) =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1;

export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank[a.severity]! - severityRank[b.severity]! ||
    cmp(a.code, b.code) ||
    cmp(a.year, b.year) ||
    cmp(a.organisationId, b.organisationId) ||
    cmp(a.itemId, b.itemId) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(JSON.stringify(a.details), JSON.stringify(b.details))
  );
}

export function runQuality(input: PipelineInput, parameters: Partial<QualityParameters> = {}): QualityResult {
  const params = { ...defaultQualityParameters, ...parameters };
  const ctx = buildContext(input);
  const findings: Finding[] = [];
  const completeness = completenessReport(ctx, params, findings);
  consistencyFindings(ctx, findings);
  reconciliationFindings(ctx, params, findings);
  outlierFindings(ctx, params, findings);
  findings.sort(compareFindings);
  const bySeverity: Record<string, number> = {};
  const byCode: Record<string, number> = {};
  for (const f of findings) {
    bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
    byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  }
  return {
    findings,
    completeness,
    summary: {
      submissions: input.submissions.length,
      organisations: new Set(input.submissions.map((s) => s.organisationId)).size,
      findings: findings.length,
      bySeverity,
      byCode,
    },
  };
}
