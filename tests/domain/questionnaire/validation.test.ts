import { describe, expect, it } from 'vitest';
import { getForm } from '../../../src/domain/questionnaire/forms.js';
import {
  completenessSummary,
  getValidator,
  isBlocking,
  type Issue,
} from '../../../src/domain/questionnaire/validation.js';
import type { SubmissionContent } from '../../../src/domain/questionnaire/content.js';
import { generateAnswers } from '../../../src/synthetic/answers.js';
import { FIXTURE, fixtureRoot } from './fixture.js';

const complete = getValidator(FIXTURE, 'mvd', 'complete', fixtureRoot);
const draft = getValidator(FIXTURE, 'mvd', 'draft', fixtureRoot);
const form = getForm(FIXTURE, 'mvd', fixtureRoot);

/** A valid complete content with every item answered, to be broken by a test. */
function sample(): SubmissionContent {
  const c = generateAnswers(form, { seed: 'validation', missingRate: 0 });
  c.answers['s2.q1.received'] = { value: 10 };
  c.answers['s2.q1.identified'] = { value: 4 };
  c.answers['s2.q2.by_age'] = { value: { total: 4, byCategory: { under_18: 1, a18_25: 3 } } };
  c.answers['s2.q2.by_sex'] = { value: { total: 4, byCategory: { female: 3, unknown: 1 } } };
  c.answers['s2.q3.assisted'] = { value: 2 };
  return c;
}
const codes = (issues: Issue[]) => issues.map((i) => `${i.itemId} ${i.path} ${i.code}`);
const errors = (issues: Issue[]) => issues.filter((i) => i.severity === 'error');

describe('complete validator (fixture)', () => {
  it('accepts the sample and is memoised', () => {
    const r = complete.validate(sample());
    expect(errors(r.issues)).toEqual([]);
    expect(r.valid).toBe(true);
    expect(getValidator(FIXTURE, 'mvd', 'complete', fixtureRoot)).toBe(complete);
  });

  it('reports a missing answer without reason', () => {
    const c = sample();
    delete c.answers['s1.q4'];
    const r = complete.validate(c);
    expect(r.valid).toBe(false);
    expect(codes(r.issues)).toEqual(['s1.q4 s1.q4 answer.missing']);
    expect(r.issues[0].message.ru).toBe(
      'Вопрос 4 раздела 1 («Публикации») не заполнен: укажите значение или причину отсутствия данных.',
    );
    expect(r.issues[0].message.kk).toBe(
      '1-бөлімнің 4-сұрағы («Жарияланымдар») толтырылмаған: мәнді немесе деректердің болмау себебін көрсетіңіз.',
    );
  });

  it('reports negative, fractional and non-numeric counts', () => {
    const c = sample();
    c.answers['s1.q4'] = { value: -1 };
    c.answers['s2.q3.assisted'] = { value: 1.5 };
    c.answers['s3.q1.staff'] = { value: '3' as unknown as number };
    const r = complete.validate(c);
    expect(codes(r.issues)).toEqual([
      's1.q4 s1.q4 count.negative',
      's2.q3.assisted s2.q3.assisted count.not_integer',
      's3.q1.staff s3.q1.staff count.type',
    ]);
  });

  it('reports amounts below zero or with more than two decimals', () => {
    const c = sample();
    c.answers['s2.q3.funds'] = { value: 10.005 };
    expect(codes(complete.validate(c).issues)).toEqual(['s2.q3.funds s2.q3.funds amount.precision']);
    c.answers['s2.q3.funds'] = { value: 0.29 };
    expect(complete.validate(c).issues).toEqual([]);
    c.answers['s2.q3.funds'] = { value: -0.5 };
    expect(codes(complete.validate(c).issues)).toEqual(['s2.q3.funds s2.q3.funds amount.negative']);
  });

  it('reports a breakdown that does not sum, bad category codes and bad category counts', () => {
    const c = sample();
    c.answers['s2.q2.by_sex'] = { value: { total: 4, byCategory: { female: 2, male: 1 } } };
    let r = complete.validate(c);
    expect(codes(r.issues)).toEqual(['s2.q2.by_sex s2.q2.by_sex.byCategory breakdown.sum']);
    expect(r.issues[0].message.ru).toContain('сумма по категориям (3) не равна итогу (4)');
    c.answers['s2.q2.by_sex'] = { value: { total: 4, byCategory: { female: 5, other: -1 } } };
    r = complete.validate(c);
    expect(codes(r.issues)).toEqual(['s2.q2.by_sex s2.q2.by_sex.byCategory.other breakdown.category_unknown']);
    c.answers['s2.q2.by_age'] = { value: { total: 4, byCategory: { under_18: -1, a18_25: 5 } } };
    r = complete.validate(c);
    expect(codes(r.issues)).toContain('s2.q2.by_age s2.q2.by_age.byCategory.under_18 count.negative');
    expect(r.issues.find((i) => i.code === 'count.negative')!.message.ru).toContain(
      'категория «До 18»: количество не может быть отрицательным',
    );
    c.answers['s2.q2.by_age'] = { value: { total: 4 } as never };
    expect(codes(complete.validate(c).issues)).toContain('s2.q2.by_age s2.q2.by_age breakdown.invalid');
  });

  it('requires a description on "yes"', () => {
    const c = sample();
    c.answers['s1.q1.gaps'] = { value: { answer: 'yes', description: '  ' } };
    const r = complete.validate(c);
    expect(codes(r.issues)).toEqual(['s1.q1.gaps s1.q1.gaps.description yes_no.description_required']);
    expect(r.issues[0].message.ru).toBe(
      'Вопрос 1 раздела 1 («Пробелы в законодательстве»): при ответе «Да» необходимо привести описание.',
    );
    c.answers['s1.q1.gaps'] = { value: { answer: 'maybe' } as never };
    expect(codes(complete.validate(c).issues)).toEqual(['s1.q1.gaps s1.q1.gaps yes_no.invalid']);
  });

  it('reports unknown item ids, including items of sections not in the form', () => {
    const c = sample();
    (c.answers as Record<string, unknown>)['s9.q1.x'] = { value: 1 };
    const ngo = getValidator(FIXTURE, 'ngo', 'complete', fixtureRoot);
    const r = ngo.validate(c);
    expect(codes(r.issues)).toEqual(['s3.q1.staff s3.q1.staff item.unknown', 's9.q1.x s9.q1.x item.unknown']);
    expect(r.issues[1].message.ru).toBe('Пункт «s9.q1.x» отсутствует в форме анкеты вашей организации.');
  });

  it('checks missing-data reasons and comments', () => {
    const c = sample();
    c.answers['s1.q4'] = { missingReason: 'lost' };
    c.answers['s2.q3.funds'] = { missingReason: 'other' };
    c.answers['s3.q1.staff'] = { missingReason: 'other', missingComment: 'Ведётся в регионах' };
    c.answers['s1.q1.other'] = { missingReason: 'confidential' };
    const r = complete.validate(c);
    expect(codes(r.issues)).toEqual([
      's1.q4 s1.q4.missingReason reason.unknown',
      's2.q3.funds s2.q3.funds.missingComment reason.comment_required',
    ]);
    expect(r.issues[1].message.ru).toBe(
      'Вопрос 3 раздела 2 («Выделено средств»): для причины «Иная причина» необходимо написать комментарий.',
    );
  });

  it('refuses both value and reason, and malformed entries', () => {
    const c = sample();
    c.answers['s1.q4'] = { value: 1, missingReason: 'confidential' } as never;
    c.answers['s3.q1.staff'] = {} as never;
    c.answers['s2.q3.funds'] = { value: 1, extra: true } as never;
    expect(codes(complete.validate(c).issues).sort()).toEqual([
      's1.q4 s1.q4 answer.conflict',
      's2.q3.funds s2.q3.funds answer.invalid',
      's3.q1.staff s3.q1.staff answer.invalid',
    ]);
  });

  it('checks tables: rows, columns, cells, choice codes, lengths', () => {
    const c = sample();
    c.answers['s1.q3.trainings'] = {
      value: [
        { trained: 3, location: 'domestic', topic: 'НМП', cost: 10 },
        { trained: -2, location: 'moon', topic: 'x'.repeat(101), bogus: 1 },
        'row' as never,
      ],
    };
    const r = complete.validate(c);
    expect(codes(r.issues)).toEqual([
      's1.q3.trainings s1.q3.trainings[1].bogus table.column_unknown',
      's1.q3.trainings s1.q3.trainings[1].trained count.negative',
      's1.q3.trainings s1.q3.trainings[1].location choice.unknown',
      's1.q3.trainings s1.q3.trainings[1].topic text.too_long',
      's1.q3.trainings s1.q3.trainings[1].cost table.cell_missing',
      's1.q3.trainings s1.q3.trainings[2] table.row_invalid',
    ]);
    expect(r.issues.find((i) => i.code === 'count.negative')!.message.ru).toBe(
      'Вопрос 3 раздела 1 («Обучения»), строка 2, столбец «Число обученных»: количество не может быть отрицательным.',
    );
    expect(r.issues.find((i) => i.code === 'table.cell_missing')!.severity).toBe('warning');
    c.answers['s1.q3.trainings'] = { value: [{ trained: 1000, location: 'abroad', topic: ' ', cost: 1 }] };
    expect(complete.validate(c).issues.map((i) => [i.path, i.code, i.severity])).toEqual([
      ['s1.q3.trainings[0].topic', 'table.cell_missing', 'warning'],
    ]);
    c.answers['s1.q3.trainings'] = {
      value: Array.from({ length: 4 }, () => ({ trained: 1, location: 'abroad', topic: 't', cost: 1 })),
    };
    expect(codes(complete.validate(c).issues)).toEqual(['s1.q3.trainings s1.q3.trainings table.too_many_rows']);
  });

  it('checks entity lists and text lengths', () => {
    const c = sample();
    c.answers['s1.q2.countries'] = {
      value: [{ name: 'Узбекистан', country: 'UZB' }, { name: '', country: 'uz' }, { name: 'X', city: 'Y' } as never],
    };
    c.answers['s1.q1.other'] = { value: 'x'.repeat(51) };
    expect(codes(complete.validate(c).issues)).toEqual([
      's1.q1.other s1.q1.other text.too_long',
      's1.q2.countries s1.q2.countries[1].name entity.name_required',
      's1.q2.countries s1.q2.countries[1].country entity.country_invalid',
      's1.q2.countries s1.q2.countries[2] entity.invalid',
    ]);
    c.answers['s1.q1.other'] = { value: '' };
    c.answers['s1.q2.countries'] = { value: Array.from({ length: 4 }, () => ({ name: 'A' })) };
    expect(codes(complete.validate(c).issues)).toEqual([
      's1.q1.other s1.q1.other text.empty',
      's1.q2.countries s1.q2.countries entity_list.too_many',
    ]);
  });

  it('evaluates declared rules with their severity, only when every operand is answered', () => {
    const c = sample();
    c.answers['s2.q1.identified'] = { value: 12 };
    let r = complete.validate(c);
    expect(r.valid).toBe(false);
    const violated = r.issues.filter((i) => i.code === 'rule.violated');
    expect(violated.map((i) => [i.ruleId, i.itemId, i.severity])).toEqual([
      ['s2.identified_lte_received', 's2.q1.identified', 'error'],
      ['s2.age_total_eq_identified', 's2.q2.by_age', 'error'],
    ]);
    expect(violated[0].message.kk).toBe(
      'Анықталған құрбандар саны түскен өтініштерден аспауы тиіс. Қазір көрсетілгені: 12 және 10, айырмасы — 2.',
    );
    expect(violated[0].message.ru).toBe(
      'Число выявленных жертв не может превышать число поступивших обращений. Сейчас указано: 12 и 10, разница — 2.',
    );
    c.answers['s2.q1.received'] = { missingReason: 'not_collected' };
    r = complete.validate(c);
    expect(r.issues.map((i) => i.ruleId)).toEqual(['s2.age_total_eq_identified']);

    const w = sample();
    w.answers['s1.q4'] = { value: 0 };
    w.answers['s2.q3.assisted'] = { value: 0 };
    r = complete.validate(w);
    expect(r.valid).toBe(true);
    expect(r.issues.map((i) => [i.ruleId, i.severity])).toEqual([['s2.minors_lte_assisted', 'warning']]);
  });

  it('sums table columns as rule operands', () => {
    const c = sample();
    c.answers['s1.q3.trainings'] = { value: [{ trained: 1, location: 'abroad', topic: 't', cost: 1 }] };
    c.answers['s3.q1.staff'] = { value: 5 };
    const r = complete.validate(c);
    expect(r.issues.map((i) => [i.ruleId, i.message.ru.includes('указано: 1 и 5, разница — 4')])).toEqual([
      ['s3.trained_gte_staff', true],
    ]);
  });

  it('rejects a content that is not an answer envelope', () => {
    for (const bad of [null, [], 'x', { answers: [] }, { answers: {}, extra: 1 }]) {
      const r = complete.validate(bad);
      expect(r.valid).toBe(false);
      expect(r.issues.map((i) => i.code)).toEqual(['content.invalid']);
    }
  });
});

describe('draft validator (fixture)', () => {
  it('accepts a partial content', () => {
    const r = draft.validate({ answers: { 's1.q4': { value: 3 }, 's2.q3.funds': { missingReason: 'confidential' } } });
    expect(r).toEqual({ valid: true, issues: [] });
    expect(draft.validate({ answers: {} }).valid).toBe(true);
  });

  it('still rejects structural errors', () => {
    const r = draft.validate({
      answers: { 's1.q4': { value: -3 }, 'x.y': { value: 1 }, 's2.q3.funds': { missingReason: 'other' } },
    });
    expect(r.valid).toBe(false);
    expect(codes(r.issues)).toEqual([
      's1.q4 s1.q4 count.negative',
      'x.y x.y item.unknown',
      's2.q3.funds s2.q3.funds.missingComment reason.comment_required',
    ]);
  });

  it('reports consistency problems without blocking', () => {
    const r = draft.validate({
      answers: {
        's1.q1.gaps': { value: { answer: 'yes' } },
        's2.q2.by_sex': { value: { total: 3, byCategory: { male: 1 } } },
        's2.q1.received': { value: 1 },
        's2.q1.identified': { value: 2 },
        's1.q1.other': { value: '' },
      },
    });
    expect(r.valid).toBe(true);
    expect(r.issues.map((i) => i.code)).toEqual(['yes_no.description_required', 'breakdown.sum', 'rule.violated']);
    expect(r.issues.every((i) => !isBlocking(i, 'draft') && isBlocking(i, 'complete'))).toBe(true);
  });
});

describe('completeness summary', () => {
  it('counts answered, explained by reason, empty and unknown', () => {
    const s = completenessSummary(
      {
        answers: {
          's1.q4': { value: 1 },
          's2.q3.funds': { missingReason: 'confidential' },
          's3.q1.staff': { missingReason: 'other', missingComment: 'x' },
          's2.q3.assisted': { missingReason: 'confidential' },
          's1.q1.gaps': { value: { answer: 'no' }, missingReason: 'other' },
          'zz.q1': { value: 1 },
        },
      },
      form,
    );
    expect(s).toMatchObject({
      total: 12,
      answered: 1,
      explained: 3,
      empty: 8,
      byReason: { confidential: 2, other: 1 },
      unknownItems: 1,
    });
    expect(s.sections.map((x) => [x.number, x.total, x.answered, x.explained])).toEqual([
      [1, 5, 1, 0],
      [2, 6, 0, 2],
      [3, 1, 0, 1],
    ]);
    expect(completenessSummary(null, form).empty).toBe(12);
  });
});
