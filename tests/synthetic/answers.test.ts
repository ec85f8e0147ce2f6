import { describe, expect, it } from 'vitest';
import { getForm } from '../../src/domain/questionnaire/forms.js';
import { getValidator } from '../../src/domain/questionnaire/validation.js';
import type { BreakdownValue } from '../../src/domain/questionnaire/content.js';
import { createRng, generateAnswers, splitTotal } from '../../src/synthetic/answers.js';
import { repairRules } from '../../src/synthetic/rule-repair.js';
import { FIXTURE, REAL, fixtureRoot } from '../domain/questionnaire/fixture.js';

const form = getForm(FIXTURE, 'mvd', fixtureRoot);
const validator = getValidator(FIXTURE, 'mvd', 'complete', fixtureRoot);

describe('seeded PRNG', () => {
  it('is deterministic per seed and forkable', () => {
    const a = createRng('x');
    const b = createRng('x');
    const seq = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seq);
    expect(createRng('y').next()).not.toBe(seq[0]);
    expect(createRng('x').fork('a').next()).toBe(createRng('x').fork('a').next());
    const r = createRng(3);
    for (let i = 0; i < 200; i++) {
      const n = r.int(2, 4);
      expect(n >= 2 && n <= 4 && Number.isInteger(n)).toBe(true);
    }
  });

  it('splits a total exactly', () => {
    const r = createRng(9);
    for (let i = 0; i < 50; i++) {
      const parts = splitTotal(r, i, ['a', 'b', 'c']);
      expect(Object.values(parts).reduce((s, n) => s + n, 0)).toBe(i);
    }
  });
});

describe('synthetic answers (fixture)', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(generateAnswers(form, { seed: 42 })).toEqual(generateAnswers(form, { seed: 42 }));
    expect(generateAnswers(form, { seed: 42 })).not.toEqual(generateAnswers(form, { seed: 43 }));
  });

  it('produces complete contents that pass the complete validator, over many seeds', () => {
    for (let seed = 0; seed < 200; seed++) {
      const content = generateAnswers(form, { seed, missingRate: 0.2, scale: 1 + (seed % 5) });
      const r = validator.validate(content);
      expect(
        r.issues.filter((i) => i.severity === 'error'),
        `seed ${seed}`,
      ).toEqual([]);
      expect(
        r.issues.filter((i) => i.code === 'rule.violated'),
        `seed ${seed}`,
      ).toEqual([]);
      expect(Object.keys(content.answers).sort()).toEqual([...form.index.keys()].sort());
    }
  });

  it('honours missingRate and scale', () => {
    const none = generateAnswers(form, { seed: 1, missingRate: 0 });
    expect(Object.values(none.answers).every((a) => 'value' in a)).toBe(true);
    const all = generateAnswers(form, { seed: 1, missingRate: 1 });
    expect(Object.values(all.answers).every((a) => 'missingReason' in a)).toBe(true);
    const total = (scale: number) => {
      let s = 0;
      for (let seed = 0; seed < 30; seed++) {
        const c = generateAnswers(form, { seed, missingRate: 0, scale });
        s += (c.answers['s2.q1.received'] as { value: number }).value;
      }
      return s;
    };
    expect(total(10)).toBeGreaterThan(total(1) * 5);
  });

  it('repairs rule violations by lowering values', () => {
    const c = generateAnswers(form, { seed: 5, missingRate: 0 });
    c.answers['s2.q1.received'] = { value: 3 };
    c.answers['s2.q1.identified'] = { value: 9 };
    c.answers['s2.q2.by_age'] = { value: { total: 9, byCategory: { under_18: 4, a26_plus: 5 } } };
    c.answers['s2.q2.by_sex'] = { value: { total: 8, byCategory: { male: 8 } } };
    repairRules(form, c);
    expect(validator.validate(c).issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect((c.answers['s2.q2.by_age'] as { value: BreakdownValue }).value.total).toBeLessThanOrEqual(3);
  });
});

describe(`synthetic answers (${REAL})`, () => {
  it('draws plausible values: summing breakdowns, 1-3 table rows, countries with ISO codes', () => {
    for (const code of ['mp', 'mvd', 'mtszn'] as const) {
      const real = getForm(REAL, code);
      for (let seed = 0; seed < 20; seed++) {
        const c = generateAnswers(real, { seed, missingRate: 0 });
        for (const item of real.items) {
          const v = (c.answers[item.id] as { value: unknown }).value;
          if (item.kind === 'breakdown') {
            const b = v as BreakdownValue;
            expect(Object.values(b.byCategory).reduce((s, n) => s + n, 0)).toBe(b.total);
          }
          if (item.kind === 'table') expect((v as unknown[]).length).toBeGreaterThanOrEqual(1);
          if (item.kind === 'table') expect((v as unknown[]).length).toBeLessThanOrEqual(3);
          if (item.kind === 'entity_list' && item.entity === 'country')
            for (const e of v as Array<{ country?: string }>) expect(e.country).toMatch(/^[A-Z]{3}$/);
        }
      }
    }
  });

  it('keeps counts non-trivial after rule repair', () => {
    const real = getForm(REAL, 'mvd');
    let total = 0;
    for (let seed = 0; seed < 50; seed++)
      total += (generateAnswers(real, { seed, missingRate: 0 }).answers['s2.q8.victims_total'] as { value: number })
        .value;
    expect(total / 50).toBeGreaterThan(2);
  });
});
