// Round-trip property: for every agency type, random valid content written into the
// template (pre-filled by the server, or typed into a blank one through its map) reads
// back as exactly that content, with no problem reported.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from '../../../src/domain/countries.js';
import { getForm, type Form } from '../../../src/domain/questionnaire/forms.js';
import { UNKNOWN_CATEGORY, type Item } from '../../../src/domain/questionnaire/model.js';
import { getValidator } from '../../../src/domain/questionnaire/validation.js';
import { agencyTypes } from '../../../src/domain/reference.js';
import { parseTemplate, readContent } from '../../../src/modules/excel/excel.import.js';
import { buildTemplate } from '../../../src/modules/excel/excel.template.js';
import type { SubmissionContent } from '../../../src/domain/questionnaire/content.js';
import { VERSION } from '../../helpers/collection.js';
import { fillTemplate } from './fill.js';

const letters = [...'абвгдеёжзӘәҒғҚқҢңӨөҰұҮүҺһІі ABCxyz 0123456789 .,;:!?«»()-=+/"\'#%№'];
const text = fc
  .array(fc.constantFrom(...letters), { minLength: 1, maxLength: 40 })
  .map((cs) => cs.join('').trim())
  .filter((s) => s.length > 0);
const count = fc.nat({ max: 1_000_000_000 });
const amount = fc.integer({ min: 0, max: 10_000_000_000 }).map((n) => n / 100);
const countries = [...COUNTRY_CODES];

function valueArbitrary(item: Item, form: Form): fc.Arbitrary<unknown> {
  const codes = (dimension: string) => [
    ...(form.dimensionByCode.get(dimension)?.categories ?? []).map((c) => c.code),
    UNKNOWN_CATEGORY,
  ];
  switch (item.kind) {
    case 'count':
      return count;
    case 'amount':
      return amount;
    case 'text':
      return text;
    case 'yes_no':
      return fc.record({ answer: fc.constantFrom('yes', 'no'), description: text }, { requiredKeys: ['answer'] });
    case 'breakdown':
      return fc.record({
        total: count,
        byCategory: fc.dictionary(fc.constantFrom(...codes(item.dimension)), fc.nat({ max: 100_000 })),
      });
    case 'table': {
      const column = (c: (typeof item.columns)[number]) =>
        c.kind === 'count'
          ? count
          : c.kind === 'amount'
            ? amount
            : c.kind === 'text'
              ? text
              : fc.constantFrom(...codes(c.dimension));
      const row = fc
        .record(Object.fromEntries(item.columns.map((c) => [c.id, column(c)])), { requiredKeys: [] })
        .filter((r) => Object.keys(r).length > 0);
      return fc.array(row, { minLength: 1, maxLength: 14 });
    }
    case 'entity_list':
      return fc.array(
        fc.record({ name: text, country: fc.constantFrom(...countries), note: text }, { requiredKeys: ['name'] }),
        { minLength: 1, maxLength: 14 },
      );
  }
}

function contentOf(form: Form): fc.Arbitrary<SubmissionContent> {
  const entry = (item: Item) =>
    fc.oneof(
      { weight: 4, arbitrary: valueArbitrary(item, form).map((value) => ({ value })) },
      {
        weight: 1,
        arbitrary: fc
          .record({ reason: fc.constantFrom(...form.missingReasons), comment: fc.option(text, { nil: undefined }) })
          .map(({ reason, comment }) =>
            reason.commentRequired || comment
              ? { missingReason: reason.code, missingComment: comment ?? 'причина' }
              : { missingReason: reason.code },
          ),
      },
    );
  const items = Object.fromEntries(form.items.map((i) => [i.id, fc.option(entry(i), { nil: undefined, freq: 3 })]));
  return fc.record(items).map((answers) => ({
    answers: Object.fromEntries(
      Object.entries(answers).filter(([, e]) => e !== undefined),
    ) as SubmissionContent['answers'],
  }));
}

const template = (form: Form, content: SubmissionContent, lang: 'kk' | 'ru') =>
  buildTemplate({
    form,
    campaignId: '0f0f0f0f-0000-4000-8000-000000000001',
    organisationId: '0e0e0e0e-0000-4000-8000-000000000002',
    organisationName: { kk: 'Ұйым', ru: 'Организация' },
    reportingYear: 2025,
    lang,
    revision: 3,
    content,
  });

describe('template -> import round trip', () => {
  for (const { code } of agencyTypes) {
    it(`gives back random valid content unchanged (${code})`, async () => {
      const form = getForm(VERSION, code);
      const validator = getValidator(VERSION, code, 'draft');
      await fc.assert(
        fc.asyncProperty(contentOf(form), fc.constantFrom('kk' as const, 'ru' as const), async (content, lang) => {
          expect(validator.validate(content).valid).toBe(true);
          const prefilled = readContent(await parseTemplate(await template(form, content, lang)), form);
          expect(prefilled.problems).toEqual([]);
          expect(prefilled.content).toEqual(content);
          const typed = readContent(
            await parseTemplate(await fillTemplate(await template(form, { answers: {} }, lang), content, form)),
            form,
          );
          expect(typed.problems).toEqual([]);
          expect(typed.content).toEqual(content);
        }),
        // No shrinking: each run builds and reads two workbooks; the counterexample is printed as found.
        { numRuns: 3, endOnFailure: true },
      );
    }, 120_000);
  }
});
