// Countries of ISO 3166-1 with their Kazakh and Russian names (i18n-iso-countries, maintained
// from the standard and CLDR): the codes entity lists are validated against, and the names a
// respondent may type or pick instead of a code.
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import type { Lang } from '../shared/lang.js';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/kk.json'));
countries.registerLocale(require('i18n-iso-countries/langs/ru.json'));
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));

/** ISO alpha-3 codes. */
export const COUNTRY_CODES: ReadonlySet<string> = new Set(Object.keys(countries.getAlpha3Codes()));

export const isCountryCode = (v: unknown): v is string => typeof v === 'string' && COUNTRY_CODES.has(v);

/** The country's name in `lang` (its short official name), or the code when unknown. */
export function countryName(code: string, lang: Lang): string {
  return (countries.getName(code, lang, { select: 'official' }) as string | undefined) ?? code;
}

/** "Name (CODE)", the text of a drop-down option. */
export const countryOption = (code: string, lang: Lang) => `${countryName(code, lang)} (${code})`;

/** Every country as a drop-down option in `lang`, by name. */
export function countryOptions(lang: Lang): { code: string; name: string; option: string }[] {
  return [...COUNTRY_CODES]
    .map((code) => ({ code, name: countryName(code, lang), option: countryOption(code, lang) }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
}

/** Everyday Russian names the library gives only as abbreviations (КНР, ОАЭ, США) or not at all. */
const ALIASES: Record<string, string> = {
  Китай: 'CHN',
  'Соединенные Штаты Америки': 'USA',
  'Объединенные Арабские Эмираты': 'ARE',
  'Южная Корея': 'KOR',
  'Северная Корея': 'PRK',
  Молдова: 'MDA',
  Киргизия: 'KGZ',
  Киргизстан: 'KGZ',
  Англия: 'GBR',
};

const norm = (s: string) => s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
let byName: Map<string, string> | undefined;

/**
 * The alpha-3 code of a country given as its code (alpha-3 or alpha-2), a drop-down option
 * "Name (CODE)", or any of its Kazakh or Russian names; undefined when none matches.
 */
export function countryCode(text: string): string | undefined {
  const s = text.trim();
  const option = /\(([A-Za-z]{3})\)\s*$/.exec(s);
  if (option && COUNTRY_CODES.has(option[1]!.toUpperCase())) return option[1]!.toUpperCase();
  const upper = s.toUpperCase();
  if (COUNTRY_CODES.has(upper)) return upper;
  if (/^[A-Z]{2}$/.test(upper)) return countries.alpha2ToAlpha3(upper) ?? undefined;
  if (!byName) {
    const names = new Map<string, string>(Object.entries(ALIASES).map(([name, code]) => [norm(name), code]));
    const add = (name: string, code: string) => void (names.has(norm(name)) || names.set(norm(name), code));
    for (const lang of ['kk', 'ru', 'en'] as const)
      for (const [alpha2, all] of Object.entries(
        countries.getNames(lang, { select: 'all' }) as Record<string, string[]>,
      ))
        for (const name of all) {
          const code = countries.alpha2ToAlpha3(alpha2)!;
          add(name, code);
          // "КНР (Китайская Народная Республика)": either part alone names it too.
          const parts = /^(.+?)\s*\((.+)\)$/.exec(name);
          if (parts) for (const part of parts.slice(1)) add(part, code);
        }
    byName = names;
  }
  return byName.get(norm(s));
}
