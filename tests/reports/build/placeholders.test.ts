import { describe, expect, it } from 'vitest';
import { buildReportViewModel } from '../../../src/reports/build/build.js';
import { syntheticAssessmentInput } from '../../../src/synthetic/assessment.js';

describe('placeholders of the register ("other ... (describe)")', () => {
  const input = syntheticAssessmentInput({ seed: 3, regions: ['almaty', 'astana'] });
  const unanswered = {
    ...input,
    facts: input.facts.filter((f) => f.itemId !== 's1.q1.other_risks' && f.itemId !== 's1.q3.other_measures'),
  };

  it('are dropped when no subject described one, and the ranks close up', () => {
    const vm = buildReportViewModel(unanswered, 'ru', { publish: false });
    expect(vm.annexes.riskRegister.map((r) => r.id)).not.toContain('risk.other_risks');
    expect(vm.annexes.riskRegister.length).toBe(input.ranking.risks.length - 1);
    const ranks = vm.annexes.riskRegister.map((r) => r.rank);
    expect(Math.max(...ranks)).toBeLessThanOrEqual(ranks.length);
    const text = JSON.stringify([vm.riskProfiles, vm.recommendations, vm.annexes]);
    expect(text).not.toContain('(опишите)');
  });

  it('stay when a subject answered them', () => {
    const vm = buildReportViewModel(input, 'ru', { publish: false });
    expect(vm.annexes.riskRegister.map((r) => r.id)).toContain('risk.other_risks');
  });
});
