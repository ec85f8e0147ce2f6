// The glossary (questionnaires/glossary.json): one term per concept in Kazakh and Russian.
// Its terms are checked against the lines of the order and the SOP they cite, and every
// user-facing string of the product is scanned for the known wrong variants.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { agencyTypes, regions } from '../../src/domain/reference.js';
import { defaultRegistersRoot, defaultSourcesRoot, listRegisters } from '../../src/domain/risk-register.js';
import { headings } from '../../src/modules/assessments/assessments.headings.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Plain browser modules (no types): imported by URL like tests/web/i18n.test.ts does.
const dictionary = async (l: string) =>
  (await import(pathToFileURL(join(root, 'src/web/public/i18n', `${l}.js`)).href)).default as Record<string, string>;
const kkDictionary = await dictionary('kk');
const ruDictionary = await dictionary('ru');
const lang = z.enum(['kk', 'ru']);
const glossarySchema = z
  .object({
    description: z.string(),
    concepts: z.array(
      z
        .object({
          id: z.string().regex(/^[a-z_]+$/),
          kk: z.string().min(1),
          ru: z.string().min(1),
          sources: z
            .array(
              z
                .object({
                  file: z.string(),
                  line: z.number().int().min(1).optional(),
                  key: z.string().optional(),
                  lang,
                  quote: z.string().min(1),
                })
                .strict()
                .refine(
                  (s) => (s.line === undefined) !== (s.key === undefined),
                  'a source gives a line (of a document) or a key (of a repository file)',
                ),
            )
            .min(1),
          avoid: z.array(
            z
              .object({
                lang,
                text: z.string().min(2),
                match: z.enum(['substring', 'word', 'whole']).optional(),
                keys: z.array(z.string()).optional(),
                why: z.string().optional(),
              })
              .strict(),
          ),
        })
        .strict(),
    ),
  })
  .strict();
type Glossary = z.infer<typeof glossarySchema>;
type Avoid = Glossary['concepts'][number]['avoid'][number];

const glossary = glossarySchema.parse(JSON.parse(readFileSync(join(root, 'questionnaires/glossary.json'), 'utf8')));

/** Registers published before the glossary: immutable (their hash is in every ranking input), so exempt. */
const EXEMPT_REGISTERS = ['2024-v1'];

interface Text {
  where: string;
  key: string;
  lang: 'kk' | 'ru';
  text: string;
}

/** Every {kk, ru} pair anywhere in a JSON value, keyed by its dotted path. */
function bilingualPairs(value: unknown, where: string, path: string[] = []): Text[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => bilingualPairs(v, where, [...path, String(i)]));
  if (!value || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  const out: Text[] = [];
  for (const l of ['kk', 'ru'] as const)
    if (typeof o[l] === 'string') out.push({ where, key: path.join('.'), lang: l, text: o[l] as string });
  for (const [k, v] of Object.entries(o))
    if (k !== 'kk' && k !== 'ru') out.push(...bilingualPairs(v, where, [...path, k]));
  return out;
}

/** Every string of a one-language JSON value (texts.kk.json), keyed by its dotted path. */
function strings(value: unknown, where: string, l: 'kk' | 'ru', path: string[] = []): Text[] {
  if (typeof value === 'string') return [{ where, key: path.join('.'), lang: l, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, where, l, [...path, String(i)]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => strings(v, where, l, [...path, k]));
  return [];
}

/** The kk/ru literals of an *.errors.ts file (plain or template strings), keyed by line. */
function errorTexts(file: string): Text[] {
  const source = readFileSync(join(root, file), 'utf8');
  const out: Text[] = [];
  for (const m of source.matchAll(/\b(kk|ru):\s*(['`])((?:\\.|(?!\2)[^\\])*)\2/g)) {
    const line = source.slice(0, m.index).split('\n').length;
    out.push({ where: file, key: `line ${line}`, lang: m[1] as 'kk' | 'ru', text: m[3]! });
  }
  return out;
}

const json = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));

function productTexts(): Text[] {
  const errorFiles = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.errors.ts'))
    .map((f) => join('src', f));
  const registers = listRegisters().filter((v) => !EXEMPT_REGISTERS.includes(v));
  return [
    ...Object.entries(kkDictionary).map(([key, text]) => ({ where: 'i18n/kk.js', key, lang: 'kk' as const, text })),
    ...Object.entries(ruDictionary).map(([key, text]) => ({ where: 'i18n/ru.js', key, lang: 'ru' as const, text })),
    ...bilingualPairs(json('reports/captions.json'), 'reports/captions.json'),
    ...strings(json('reports/texts.kk.json'), 'reports/texts.kk.json', 'kk'),
    ...strings(json('reports/texts.ru.json'), 'reports/texts.ru.json', 'ru'),
    ...bilingualPairs(json('reports/sop-profiles.json'), 'reports/sop-profiles.json'),
    ...bilingualPairs(
      headings.map((h) => ({ [h.code]: h.title })),
      'assessments.headings.ts',
      ['headings'],
    ),
    ...bilingualPairs({ agencyTypes, regions }, 'domain/reference.ts'),
    ...registers.flatMap((v) =>
      bilingualPairs(JSON.parse(readFileSync(join(defaultRegistersRoot, `${v}.json`), 'utf8')), `risk register ${v}`),
    ),
    ...errorFiles.flatMap(errorTexts),
  ];
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function matcher(a: Avoid): (t: Text) => boolean {
  const body = escapeRegExp(a.text);
  const pattern =
    a.match === 'whole' ? `^${body}$` : a.match === 'word' ? `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])` : body;
  const re = new RegExp(pattern, 'iu');
  return (t) => t.lang === a.lang && (!a.keys || a.keys.some((k) => t.key.includes(k))) && re.test(t.text.trim());
}

/** "concept: wrong variant in where key: text" for every hit. */
function wrongVariants(g: Glossary, texts: Text[]): string[] {
  const hits: string[] = [];
  for (const c of g.concepts) {
    for (const a of c.avoid) {
      const hit = matcher(a);
      for (const t of texts)
        if (hit(t)) hits.push(`${c.id}: "${a.text}" (use "${c[a.lang]}") in ${t.where} ${t.key}: ${t.text}`);
    }
  }
  return hits;
}

function valueAtKey(file: string, key: string, l: 'kk' | 'ru'): unknown {
  if (file.endsWith('.js')) return (l === 'kk' ? kkDictionary : ruDictionary)[key];
  const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], json(file));
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[l] : value;
}

describe('glossary', () => {
  it('has unique concept ids, and one kk and one ru term per concept', () => {
    const ids = glossary.concepts.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    // The same word cannot be both a concept's term and a wrong variant of another concept.
    for (const c of glossary.concepts) {
      for (const a of c.avoid)
        expect(
          matcher({ ...a, keys: undefined })({ where: '', key: '', lang: a.lang, text: c[a.lang] }),
          `${c.id}: ${a.text}`,
        ).toBe(false);
    }
  });

  it('cites each term where it really occurs: the line of the order or the SOP, or the key of a project file', () => {
    const docs = new Map<string, string[]>();
    const doc = (file: string) =>
      docs.get(file) ?? docs.set(file, readFileSync(join(defaultSourcesRoot, file), 'utf8').split('\n')).get(file)!;
    for (const c of glossary.concepts) {
      for (const s of c.sources) {
        const text = s.line !== undefined ? doc(s.file)[s.line - 1] : valueAtKey(s.file, s.key!, s.lang);
        expect(String(text ?? '').toLowerCase(), `${c.id}: ${s.file} ${s.line ?? s.key}`).toContain(
          s.quote.toLowerCase(),
        );
      }
    }
  });

  it('finds a planted wrong variant (the scan is not vacuous) and respects word, whole-string and key limits', () => {
    const t = (text: string, l: 'kk' | 'ru' = 'kk', key = 'x'): Text => ({ where: 'test', key, lang: l, text });
    const hits = wrongVariants(glossary, [
      t('Қорытындылар: жалдау және бақылау'),
      t('Бал ауқымы'),
      t('Балалар саны'),
      t('Анықталмаған'),
      t('Кендалл коэффициенті анықталмаған'),
      t('Мәлімет', 'kk', 'severity.info'),
      t('Мәліметтерді ұсынған субъектілер', 'kk', 'description.responseRate'),
      t('Идентифицированы НПО', 'ru'),
    ]);
    expect(hits.map((h) => h.split(':')[0])).toEqual(['recruitment', 'ngo', 'unknown', 'score', 'severity_info']);
  });

  it('no UI dictionary, caption, report text, heading, reference name, register title or error message uses a wrong variant', () => {
    const texts = productTexts();
    // The scan reaches every kind of source.
    for (const where of [
      'i18n/kk.js',
      'i18n/ru.js',
      'reports/captions.json',
      'reports/texts.kk.json',
      'reports/sop-profiles.json',
      'assessments.headings.ts',
      'domain/reference.ts',
      'risk register 2024-v2',
      'src/modules/scoring/scoring.errors.ts',
    ]) {
      expect(
        texts.some((t) => t.where === where),
        where,
      ).toBe(true);
    }
    expect(wrongVariants(glossary, texts)).toEqual([]);
  });
});
