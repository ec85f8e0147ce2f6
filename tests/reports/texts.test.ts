import { describe, expect, it } from 'vitest';
import { fill, loadSopIndicators, loadTexts, sopForAgency } from '../../src/reports/texts.js';

describe('report texts', () => {
  it('loads and validates both languages with the official §17 wording', () => {
    expect(loadTexts('ru').chapters.conclusions).toBe('Выводы по оценке рисков');
    expect(loadTexts('kk').chapters.conclusions).toBe('Тәуекелдерді бағалау жөніндегі қорытындылар');
    expect(fill(loadTexts('ru').pageOf, { page: 3, pages: 9 })).toBe('Страница 3 из 9');
  });

  it('holds the SOP indicators in ru and (translated) kk, tagged by agency type', () => {
    const sop = loadSopIndicators();
    expect(sop.kkIsTranslation).toBe(true);
    const codes = sop.groups.map((g) => g.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'risk_groups_adults',
        'risk_groups_minors',
        'border_crossing_behavioural_signs',
        'minors_behavioural_signs',
        'general_behavioural_signs',
      ]),
    );
    expect(sop.groups.find((g) => g.code === 'risk_groups_adults')!.items).toHaveLength(15);

    const border = sopForAgency('border_service', 'ru').map((g) => g.title);
    expect(border.some((t) => t.includes('при пересечении пунктов въезда/выезда'))).toBe(true);
    const school = sopForAgency('mp', 'kk');
    expect(school.some((g) => g.title.includes('Кәмелетке толмаған'))).toBe(true);
    expect(school.some((g) => g.title.includes('кіру/шығу'))).toBe(false);
  });
});
