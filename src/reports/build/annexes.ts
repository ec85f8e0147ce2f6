// Annexes: ranked register, heat map, quality findings and missing-data reasons summaries.
import type { Lang } from '../../shared/lang.js';
import type { Annexes, RankedRisk, ReportTable } from '../report.view-model.js';
import { loadTexts } from '../texts.js';
import { captions } from './captions.js';
import { sumByKey, type FactIndex } from './facts.js';
import type { AssessmentInput } from './inputs.js';
import type { Labels } from './labels.js';
import { heatMapOf } from './risks.js';

const severityOrder = ['error', 'warning', 'info'];

/** A quality-finding code in words (its exact label, or its family's); the code itself is the row code (XLSX column A). */
function findingLabel(code: string, lang: Lang): string {
  const labels = captions().findingCodes;
  const label = labels[code]?.[lang] ?? labels[code.split('.')[0]!]?.[lang];
  return label ?? code;
}

function findingsTable(input: AssessmentInput, lang: Lang): ReportTable {
  const c = captions().findings;
  const rows = [...input.findings].sort(
    (a, b) =>
      severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity) ||
      b.count - a.count ||
      a.code.localeCompare(b.code),
  );
  return {
    id: 'quality_findings',
    caption: loadTexts(lang).annexes.qualityFindings,
    columns: [
      { key: 'severity', label: c.severity[lang], align: 'left' },
      { key: 'code', label: c.code[lang], align: 'left', width: 3 },
      { key: 'count', label: c.count[lang], align: 'right', format: 'integer' },
    ],
    rows: rows.map((f) => [c.severities[f.severity]?.[lang] ?? f.severity, findingLabel(f.code, lang), f.count]),
    rowCodes: rows.map((f) => f.code),
  };
}

function missingReasonsTable(index: FactIndex, labels: Labels, lang: Lang): ReportTable {
  const c = captions();
  // A missing answer is one fact row without dimension (see the facts table).
  const missing = index.facts.filter((f) => f.missingReason !== null);
  const sums = sumByKey(
    index,
    missing.map((f) => ({ ...f, value: 1 })),
    (f) => f.missingReason,
  );
  const rows = [...sums].sort((a, b) => a[0].localeCompare(b[0]));
  return {
    id: 'missing_reasons',
    caption: loadTexts(lang).annexes.missingReasons,
    columns: [
      { key: 'reason', label: c.missingReason[lang], align: 'left', width: 3 },
      ...index.years.map((y) => ({
        key: `y${y}`,
        label: String(y),
        align: 'right' as const,
        format: 'integer' as const,
      })),
      { key: 'total', label: c.total[lang], align: 'right', format: 'integer' },
    ],
    rows: rows.map(([code, v]) => [labels.missingReason(code), ...v, v[0] + v[1] + v[2]]),
    rowCodes: rows.map(([code]) => code),
  };
}

export function buildAnnexes(
  input: AssessmentInput,
  risks: RankedRisk[],
  index: FactIndex,
  labels: Labels,
  lang: Lang,
): Annexes {
  return {
    riskRegister: risks,
    heatMap: heatMapOf(input.ranking, risks),
    qualityFindings: findingsTable(input, lang),
    missingReasons: missingReasonsTable(index, labels, lang),
  };
}
