import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { getSubmissionJsonSchema } from '../../../src/domain/questionnaire/json-schema.js';
import { getForm } from '../../../src/domain/questionnaire/forms.js';
import { generateAnswers } from '../../../src/synthetic/answers.js';
import { agencyTypeCodes } from '../../../src/domain/reference.js';
import { FIXTURE, REAL, fixtureRoot } from './fixture.js';

// ajv is a transitive dependency of fastify; used here only to check the schema is usable.
const ajv = new Ajv2020({ strict: false, allErrors: true });

describe('submission JSON Schema (fixture)', () => {
  const schema = getSubmissionJsonSchema(FIXTURE, 'mvd', { root: fixtureRoot });
  const validate = ajv.compile(schema);
  const form = getForm(FIXTURE, 'mvd', fixtureRoot);

  it('is a draft 2020-12 schema listing the form items', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const answers = (schema.properties as Record<string, { properties: Record<string, unknown>; required: string[] }>)
      .answers;
    expect(Object.keys(answers.properties)).toEqual([...form.index.keys()]);
    expect(answers.required).toHaveLength(form.index.size);
  });

  it('accepts generated contents', () => {
    for (let seed = 0; seed < 50; seed++) {
      const c = generateAnswers(form, { seed, missingRate: 0.2 });
      expect(validate(c), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('rejects structural errors', () => {
    const base = () => generateAnswers(form, { seed: 1, missingRate: 0 });
    const cases: Array<(a: Record<string, unknown>) => void> = [
      (a) => (a['s1.q4'] = { value: -1 }),
      (a) => (a['s1.q4'] = { value: 1, missingReason: 'confidential' }),
      (a) => (a['s1.q4'] = { missingReason: 'other' }),
      (a) => (a['s1.q4'] = { missingReason: 'bogus' }),
      (a) => (a['s9.q1'] = { value: 1 }),
      (a) => delete a['s1.q4'],
      (a) => (a['s1.q1.gaps'] = { value: { answer: 'yes' } }),
      (a) => (a['s2.q2.by_sex'] = { value: { total: 1, byCategory: { alien: 1 } } }),
      (a) => (a['s1.q3.trainings'] = { value: [{ location: 'moon' }] }),
      (a) => (a['s1.q2.countries'] = { value: [{ name: 'X', country: 'xx' }] }),
    ];
    cases.forEach((mutate, i) => {
      const c = base();
      mutate(c.answers as Record<string, unknown>);
      expect(validate(c), `case ${i}`).toBe(false);
    });
  });

  it('draft mode accepts a partial content', () => {
    const draft = ajv.compile(getSubmissionJsonSchema(FIXTURE, 'mvd', { root: fixtureRoot, mode: 'draft' }));
    expect(draft({ answers: { 's1.q4': { value: 2 }, 's1.q1.gaps': { value: { answer: 'yes' } } } })).toBe(true);
  });
});

describe('submission JSON Schema (published version)', () => {
  it.each(agencyTypeCodes)('accepts generated contents for %s', (code) => {
    const validate = ajv.compile(getSubmissionJsonSchema(REAL, code));
    const form = getForm(REAL, code);
    for (let seed = 0; seed < 5; seed++) {
      const c = generateAnswers(form, { seed, missingRate: 0.2 });
      expect(validate(c), JSON.stringify(validate.errors)).toBe(true);
    }
  });
});
