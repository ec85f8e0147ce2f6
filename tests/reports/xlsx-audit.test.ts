import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportViewModel, protectReport } from '../../src/reports/build/build.js';
import type { ReportProtection } from '../../src/reports/build/disclosure.js';
import type { AssessmentInput } from '../../src/reports/build/inputs.js';
import { auditWorkbook } from '../../src/reports/xlsx/audit.js';
import { renderReportXlsx } from '../../src/reports/xlsx/report.js';
import { syntheticAssessmentInput } from '../../src/synthetic/assessment.js';

let input: AssessmentInput;
let protection: ReportProtection;

beforeAll(() => {
  input = syntheticAssessmentInput({ seed: 1 });
  protection = protectReport(input);
}, 60_000);

const workbook = (p: ReportProtection) =>
  renderReportXlsx(buildReportViewModel(input, 'kk', { publish: true, protection: p }));

describe('audit of a written workbook (npm run audit:disclosure)', () => {
  it('finds nothing in a protected workbook, reading only the file', async () => {
    const { audit, read } = await auditWorkbook(await workbook(protection));
    expect(audit.exposed).toEqual([]);
    expect(read.smallShown).toEqual([]);
    expect(audit.primary).toBe(protection.audit.primary);
    expect(audit.secondary).toBe(protection.audit.secondary);
    expect(read.threshold).toBe(10);
  }, 60_000);

  it('recovers the hidden counts of a workbook protected table by table (small counts hidden, nothing else)', async () => {
    const primaryOnly = { ...protection, marks: new Map([...protection.marks].filter(([, m]) => m === 'primary')) };
    const { audit } = await auditWorkbook(await workbook(primaryOnly));
    expect(audit.exposed.length).toBeGreaterThan(0);
    expect(audit.exposed.every((e) => e.lo === e.hi)).toBe(true);
  }, 60_000);

  it('reports a small count shown in the file', async () => {
    const shown = {
      ...protection,
      marks: new Map([...protection.marks].filter(([k]) => k !== 'victims_by:social_status|agency:mz|unemployed|2022')),
    };
    const { read } = await auditWorkbook(await workbook(shown));
    expect(read.smallShown.map((s) => [s.key, s.value])).toEqual([
      ['victims_by:social_status|agency:mz|unemployed|2022', 7],
    ]);
  }, 60_000);
});
