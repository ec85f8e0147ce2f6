// Completeness as the focal point sees it must agree with what submission refuses, and
// skip logic: the breakdowns of a figure explained by a missing-data reason are not demanded.
import { describe, expect, it } from 'vitest';
import { getForm } from '../../../src/domain/questionnaire/forms.js';
import { readiness } from '../../../src/domain/questionnaire/readiness.js';
import { getValidator, isBlocking } from '../../../src/domain/questionnaire/validation.js';
import { agencyTypeCodes } from '../../../src/domain/reference.js';
import { createRng } from '../../../src/synthetic/random.js';
import { generateAnswers } from '../../../src/synthetic/answers.js';
import { REAL } from './fixture.js';

const complete = (agencyType: string) => getValidator(REAL, agencyType, 'complete');

describe('skip logic', () => {
  it('reads each breakdown of a figure off the "total equals the figure" rules', () => {
    const form = getForm(REAL, 'mvd');
    expect(form.breakdownOf.get('s2.q8.victims_by_age')).toBe('s2.q8.victims_total');
    expect(form.breakdownOf.get('s2.q8.victims_by_sex')).toBe('s2.q8.victims_total');
    expect(form.breakdownOf.get('s2.q1.crimes_by_form')).toBe('s2.q1.crimes_registered');
    // A count "of which" is not a breakdown: it stays demanded.
    expect(form.breakdownOf.has('s2.q1.crimes_from_subjects')).toBe(false);
    for (const [child, parent] of form.breakdownOf) {
      expect(form.index.get(child)!.item.kind).toBe('breakdown');
      expect(form.index.get(parent)!.item.kind).toBe('count');
    }
  });

  it('does not demand the breakdowns of a figure explained by a missing-data reason', () => {
    const form = getForm(REAL, 'mvd');
    const content = generateAnswers(form, { seed: 7, missingRate: 0 });
    content.answers['s2.q8.victims_total'] = { missingReason: 'not_collected' };
    for (const id of ['s2.q8.victims_by_age', 's2.q8.victims_by_citizenship', 's2.q8.victims_by_sex'])
      delete content.answers[id];
    const result = complete('mvd').validate(content);
    expect(result.issues.filter((i) => i.code === 'answer.missing')).toEqual([]);
    expect(result.valid).toBe(true);
    const r = readiness(content, form, result.issues);
    expect(r.skipped.sort()).toEqual(['s2.q8.victims_by_age', 's2.q8.victims_by_citizenship', 's2.q8.victims_by_sex']);
    expect(r.ready).toBe(r.required);
    expect(r.required).toBe(form.index.size - 3);
    // The figure answered again: the breakdowns are demanded again.
    content.answers['s2.q8.victims_total'] = { value: 4 };
    const again = complete('mvd').validate(content);
    expect(
      again.issues
        .filter((i) => i.code === 'answer.missing')
        .map((i) => i.itemId)
        .sort(),
    ).toEqual(['s2.q8.victims_by_age', 's2.q8.victims_by_citizenship', 's2.q8.victims_by_sex']);
  });
});

describe('readiness agrees with submission', () => {
  it('counts a "yes" without its description as not done', () => {
    const form = getForm(REAL, 'mvd');
    const content = generateAnswers(form, { seed: 3, missingRate: 0 });
    content.answers['s1.q1.legislation_gaps'] = { value: { answer: 'yes' } };
    const issues = complete('mvd').validate(content).issues;
    const r = readiness(content, form, issues);
    expect(r.ready).toBe(r.required - 1);
    expect(r.blocking).toBeGreaterThan(0);
  });

  it('is 100 % with no blocking issue exactly when the complete validator lets the content through', () => {
    const rng = createRng(849);
    let agreedValid = 0;
    for (const agencyType of agencyTypeCodes) {
      const form = getForm(REAL, agencyType);
      for (let n = 0; n < 12; n++) {
        const content = generateAnswers(form, { rng, missingRate: n % 3 === 0 ? 0 : 0.15 });
        // Clumsy edits: delete answers, blank texts, "yes" without a description, sums that do not add up.
        for (const id of Object.keys(content.answers)) {
          const roll = rng.next();
          const entry = content.answers[id] as { value?: unknown };
          if (roll < 0.02) delete content.answers[id];
          else if (roll < 0.03 && typeof entry.value === 'string') entry.value = ' ';
          else if (roll < 0.04 && (entry.value as { answer?: string })?.answer) entry.value = { answer: 'yes' };
          else if (roll < 0.05 && typeof (entry.value as { total?: number })?.total === 'number')
            (entry.value as { total: number }).total += 1;
        }
        const result = complete(agencyType).validate(content);
        const r = readiness(content, form, result.issues);
        const passes = !result.issues.some((i) => isBlocking(i, 'complete'));
        expect(r.ready === r.required && r.blocking === 0, `${agencyType} #${n}`).toBe(passes);
        if (passes) agreedValid++;
      }
    }
    // Both outcomes occur, so the agreement is not vacuous.
    expect(agreedValid).toBeGreaterThan(0);
    expect(agreedValid).toBeLessThan(agencyTypeCodes.length * 12);
  });
});
