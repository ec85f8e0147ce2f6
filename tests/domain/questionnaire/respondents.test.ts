// Every section header of the order ("who answers") against the agency types that receive the
// section (issue 20): exactly the bodies the header names, each body with a type of its own.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  agencyTypeCodes,
  assignableAgencyTypeCodes,
  coversAgencyType,
  legacyAgencyTypeCodes,
} from '../../../src/domain/reference.js';
import { getVersion } from '../../../src/domain/questionnaire/loader.js';
import { sectionNumbersFor } from '../../../src/domain/questionnaire/forms.js';
import { REAL } from './fixture.js';

const order = readFileSync(
  new URL('../../../questionnaires/sources/002_62d4ece46df25a9f.txt', import.meta.url),
  'utf8',
);
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Per section: phrases of the Russian and Kazakh header (as the order prints them) and the types it names. */
const HEADERS: Record<number, { ru: string[]; kk: string[]; types: string[] }> = {
  2: { ru: ['Министерство внутренних дел'], kk: ['Ішкі істер министрлігі'], types: ['mvd'] },
  3: {
    ru: [
      'Министерство труда и социальной защиты населения',
      'Местные исполнительные органы городов областного, республиканского значения, столицы',
      'Субъекты, предоставляющие специальные социальные услуги',
    ],
    kk: [
      'Еңбек және халықты әлеуметтік қорғау министрлігі',
      'облыстық, республикалық маңызы бар қалалардың, астананың жергілікті атқарушы органдары',
      'Арнаулы әлеуметтік қызметтер көрсететін субъектілер',
    ],
    types: ['mtszn', 'mio_city', 'mio_oblast_city', 'special_social_services', 'ngo_special_social_services'],
  },
  4: {
    ru: ['Комитета государственной инспекции труда'],
    kk: ['Мемлекеттік еңбек инспекциясы комитетінің'],
    types: ['labour_inspection'],
  },
  5: {
    ru: [
      'Министерство труда и социальной защиты населения',
      'Местные исполнительные органы областей, городов республиканского значения и столицы',
    ],
    kk: [
      'Еңбек және халықты әлеуметтік қорғау министрлігі',
      'Облыстардың, республикалық маңызы бар қалалардың және астананың жергілікті атқарушы органдары',
    ],
    types: ['mtszn', 'mio_oblast', 'mio_city'],
  },
  6: {
    ru: ['Министерство просвещения', 'Организации образования, предоставляющие несовершеннолетним'],
    kk: ['Оқу-ағарту министрлігі', 'арнаулы әлеуметтік қызметтер көрсететін білім беру ұйымдары'],
    types: ['mp', 'education_org'],
  },
  7: {
    ru: ['Министерство просвещения', 'Организации, осуществляющие функции по защите прав ребенка'],
    kk: ['Оқу-ағарту министрлігі', 'Бала құқықтарын қорғау жөніндегі функцияларды жүзеге асыратын ұйымдар'],
    types: ['mp', 'child_rights_org'],
  },
  8: { ru: ['Министерство просвещения'], kk: ['Оқу-ағарту министрлігі'], types: ['mp'] },
  9: {
    ru: ['Министерство здравоохранения', 'Организации здравоохранения'],
    kk: ['Денсаулық сақтау министрлігі', 'денсаулық сақтау ұйымдары'],
    types: ['mz', 'health_org'],
  },
  10: { ru: ['Министерство здравоохранения'], kk: ['Денсаулық сақтау министрлігі'], types: ['mz'] },
  11: { ru: ['Загранучреждения'], kk: ['шет елдердегі мекемелері'], types: ['mid'] },
  12: { ru: ['Министерство культуры и информации'], kk: ['Мәдениет және ақпарат министрлігі'], types: ['mki'] },
  13: { ru: ['Министерство туризма и спорта'], kk: ['Туризм және спорт министрлігі'], types: ['mts'] },
  14: {
    ru: ['Местные исполнительные органы областей, городов республиканского значения и столицы'],
    kk: ['Облыстардың, республикалық маңызы бар қалалардың және астананың жергілікті атқарушы органдары'],
    types: ['mio_oblast', 'mio_city'],
  },
  15: { ru: ['Пограничная служба'], kk: ['Шекара қызметі'], types: ['border_service'] },
  16: {
    ru: ['Некоммерческие организации'],
    kk: ['коммерциялық емес ұйымдар'],
    types: ['ngo', 'ngo_special_social_services'],
  },
};

const version = () => getVersion(REAL);
const receivers = (n: number) => assignableAgencyTypeCodes.filter((t) => sectionNumbersFor(version(), t).includes(n));

describe('section headers of the order and the agency types receiving them', () => {
  it('every agency type has a form, and section 1 goes to every one (the other state bodies included)', () => {
    for (const t of agencyTypeCodes) expect(sectionNumbersFor(version(), t)[0]).toBe(1);
    for (const t of ['prosecutor', 'knb', 'afm', 'ombudsman', 'other_state_body'])
      expect(sectionNumbersFor(version(), t)).toEqual([1]);
  });

  for (const [n, h] of Object.entries(HEADERS).map(([k, v]) => [Number(k), v] as const)) {
    it(`section ${n}: the header names ${h.types.join(', ')}, and exactly those types receive it`, () => {
      const section = version().sectionByNumber.get(n)!;
      // The header is the order's text, in both languages ...
      expect(flat(order)).toContain(flat(section.respondents!.ru));
      expect(flat(order)).toContain(flat(section.respondents!.kk));
      // ... and names every body the mapping sends it to.
      for (const phrase of h.ru) expect(flat(section.respondents!.ru).toLowerCase()).toContain(phrase.toLowerCase());
      for (const phrase of h.kk) expect(flat(section.respondents!.kk).toLowerCase()).toContain(phrase.toLowerCase());
      expect(receivers(n).sort()).toEqual([...h.types].sort());
    });
  }

  it('local executive bodies: an oblast gets 5 and 14, a city of republican significance or the capital 3, 5 and 14, a city of oblast significance 3', () => {
    expect(sectionNumbersFor(version(), 'mio_oblast')).toEqual([1, 5, 14]);
    expect(sectionNumbersFor(version(), 'mio_city')).toEqual([1, 3, 5, 14]);
    expect(sectionNumbersFor(version(), 'mio_oblast_city')).toEqual([1, 3]);
    expect(sectionNumbersFor(version(), 'ngo_special_social_services')).toEqual([1, 3, 16]);
  });

  it('the former single type keeps its form for the submissions made on it, and is not assignable', () => {
    expect(legacyAgencyTypeCodes).toEqual(['mio']);
    expect(sectionNumbersFor(version(), 'mio')).toEqual([1, 3, 5, 14]);
    expect(assignableAgencyTypeCodes).not.toContain('mio');
  });

  it('registers and SOP lists naming МИО or НКО as groups cover the new types', () => {
    for (const t of ['mio_oblast', 'mio_city', 'mio_oblast_city']) expect(coversAgencyType(['mio'], t)).toBe(true);
    expect(coversAgencyType(['ngo'], 'ngo_special_social_services')).toBe(true);
    expect(coversAgencyType(['special_social_services'], 'ngo_special_social_services')).toBe(true);
    expect(coversAgencyType(['mvd'], 'mio_city')).toBe(false);
    expect(coversAgencyType(['mio'], 'ngo')).toBe(false);
  });
});
