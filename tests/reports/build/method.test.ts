import { describe, expect, it } from 'vitest';
import { kendallW } from '../../../src/pipeline/kendall.js';
import { buildReportViewModel } from '../../../src/reports/build/build.js';
import { riskTable } from '../../../src/reports/tables.js';
import { loadTexts } from '../../../src/reports/texts.js';
import { syntheticAssessmentInput } from '../../../src/synthetic/assessment.js';

const input = syntheticAssessmentInput({ seed: 4, regions: ['almaty'] });

describe('measures defined where they are used', () => {
  it('names the test whose p-value is given: chi-square for many risks, permutation for few', () => {
    const many = buildReportViewModel(input, 'ru', { publish: false }).description.method.kendall;
    expect(many.test).toMatch(/^критерий χ² = [\d,]+ при \d+ степенях свободы$/);
    const few = kendallW([
      [1, 2, 3, 4, 5],
      [2, 1, 3, 5, 4],
      [1, 3, 2, 4, 5],
    ]);
    expect(few.W !== null && few.pValueMethod).not.toBe('chi-square');
    const small = buildReportViewModel({ ...input, ranking: { ...input.ranking, kendall: few } }, 'ru', {
      publish: false,
    }).description.method.kendall;
    expect(small.test).toMatch(/перестановочный тест/);
    expect(small.test).not.toContain('χ² =');
  });

  it("shows the experts' agreement as the share within ±1 of the median, and defines it", () => {
    const vm = buildReportViewModel(input, 'ru', { publish: false });
    const table = riskTable('r', 'c', vm.annexes.riskRegister, loadTexts('ru'));
    const col = table.columns.findIndex((c) => c.key === 'agreement');
    expect(table.columns[col]!.format).toBe('percent');
    const shares = table.rows.map((r) => r[col] as number);
    for (const s of shares) expect(s).toBeGreaterThanOrEqual(0);
    expect(new Set(shares).size).toBeGreaterThan(1);
    expect(table.note).toContain('от медианы не более чем на 1');
  });
});
