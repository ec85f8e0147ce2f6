import { describe, expect, it } from 'vitest';
import { UnknownAgencyTypeError, formView, getForm } from '../../../src/domain/questionnaire/forms.js';
import { FIXTURE, fixtureRoot } from './fixture.js';

describe('questionnaire forms (fixture)', () => {
  it('merges section 1 with the mapped sections, in order', () => {
    expect(getForm(FIXTURE, 'mvd', fixtureRoot).sectionNumbers).toEqual([1, 2, 3]);
    expect(getForm(FIXTURE, 'ngo', fixtureRoot).sectionNumbers).toEqual([1, 2]);
    expect(getForm(FIXTURE, 'mio', fixtureRoot).sectionNumbers).toEqual([1, 3]);
    expect(getForm(FIXTURE, 'mz', fixtureRoot).sectionNumbers).toEqual([1]);
  });

  it('indexes items and keeps only rules whose operands are in the form', () => {
    const ngo = getForm(FIXTURE, 'ngo', fixtureRoot);
    expect(ngo.items.map((i) => i.id)[0]).toBe('s1.q1.gaps');
    const ref = ngo.index.get('s2.q2.by_sex')!;
    expect([ref.section.number, ref.question.number, ref.item.kind]).toEqual([2, '2', 'breakdown']);
    expect(ngo.index.has('s3.q1.staff')).toBe(false);
    expect(ngo.rules.map((r) => r.id)).not.toContain('s3.trained_gte_staff');
    expect(getForm(FIXTURE, 'mvd', fixtureRoot).rules.map((r) => r.id)).toContain('s3.trained_gte_staff');
    expect(getForm(FIXTURE, 'ngo', fixtureRoot)).toBe(ngo);
  });

  it('rejects an unknown agency type', () => {
    expect(() => getForm(FIXTURE, 'police', fixtureRoot)).toThrow(UnknownAgencyTypeError);
    expect(() => getForm(FIXTURE, 'toString', fixtureRoot)).toThrow(UnknownAgencyTypeError);
  });

  it('projects one language or keeps both', () => {
    const form = getForm(FIXTURE, 'ngo', fixtureRoot);
    const ru = formView(form, 'ru');
    expect(ru.title).toBe('Тестовая анкета');
    expect(ru.sections[1].questions[1].items[0].label).toBe('По возрасту');
    expect(ru.dimensions.map((d) => d.code).sort()).toEqual(['age', 'location', 'sex']);
    expect(ru.dimensions.find((d) => d.code === 'sex')!.categories[1].label).toBe('Женский');
    expect(ru.missingReasons[0].label).toBe('Данные не собираются');
    const kk = formView(form, 'kk');
    expect(kk.sections[0].title).toBe('Жалпы сұрақтар');
    const both = formView(form);
    expect(both.sections[0].title).toEqual({ kk: 'Жалпы сұрақтар', ru: 'Общие вопросы' });
    expect(both.contentHash).toBe(form.version.contentHash);
  });
});
