import { describe, expect, it } from 'vitest';
import { buildReportViewModel } from '../../../src/reports/build/build.js';
import { citeReferences, referenceLines } from '../../../src/reports/build/references.js';
import { syntheticAssessmentInput } from '../../../src/synthetic/assessment.js';

const refs = [
  { id: 'study', type: 'research', title: 'A study', year: 2022 },
  { id: 'unodc', type: 'un', title: 'UNODC report', year: 2024 },
  { title: 'Untyped note' },
];

describe('sources of Rules §10 and §15', () => {
  it('are listed by type and numbered as cited', () => {
    expect(referenceLines(refs, 'ru')).toEqual([
      '[1] UNODC report, 2024 (ООН)',
      '[2] A study, 2022 (исследования и научные труды)',
      '[3] Untyped note (иные источники)',
    ]);
    expect(citeReferences('См. [ref:unodc] и [ref:study]; [ref:nope] не найдено.', refs)).toBe(
      'См. [1] и [2]; [ref:nope] не найдено.',
    );
  });

  it("are cited from the experts' text in the report", () => {
    const input = syntheticAssessmentInput({ seed: 2, regions: ['almaty'] });
    const vm = buildReportViewModel(
      {
        ...input,
        narrative: {
          'conclusions.sources': { kk: 'Дереккөз [ref:osce-2023].', ru: 'По данным ОБСЕ [ref:osce-2023].' },
        },
      },
      'ru',
      { publish: false },
    );
    expect(vm.conclusions[0]!.paragraphs).toEqual(['По данным ОБСЕ [2].']);
    expect(vm.description.references).toContain(
      '[2] OSCE Office of the Special Representative and Co-ordinator for Combating Trafficking in Human Beings, annual report, 2023 (ОБСЕ)',
    );
  });
});
