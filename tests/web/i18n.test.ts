// The interface dictionaries: both languages have the same keys, every key the pages use
// exists, and no page module carries visible text of its own.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve('src/web/public');
const jsFiles = readdirSync(path.join(root, 'js'), { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.js'))
  .map((e) => path.join(e.parentPath, e.name));
const sources = jsFiles.map((f) => ({ file: path.relative(root, f), text: readFileSync(f, 'utf8') }));

const load = async (lang: string) =>
  (await import(pathToFileURL(path.join(root, 'i18n', `${lang}.js`)).href)).default as Record<string, string>;

describe('interface dictionaries', () => {
  let kk: Record<string, string>;
  let ru: Record<string, string>;
  beforeAll(async () => {
    [kk, ru] = await Promise.all([load('kk'), load('ru')]);
  });

  it('have the same keys, none empty, with the same placeholders', () => {
    expect(Object.keys(kk).sort()).toEqual(Object.keys(ru).sort());
    for (const key of Object.keys(ru)) {
      expect(ru[key].trim(), key).not.toBe('');
      expect(kk[key].trim(), key).not.toBe('');
      const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders(kk[key]), key).toEqual(placeholders(ru[key]));
    }
  });

  it('contain every literal key the pages use', () => {
    const used = new Set<string>();
    for (const { text } of sources) for (const m of text.matchAll(/\bt\('([^']+)'/g)) used.add(m[1]);
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((k) => !(k in ru) || !(k in kk));
    expect(missing).toEqual([]);
  });

  it('contain every key of the families built at run time', () => {
    const families: Record<string, string[]> = {
      status: [
        'not_started',
        'draft',
        'submitted',
        'returned',
        'accepted',
        'campaign_draft',
        'campaign_open',
        'campaign_closed',
        'assessment_draft',
        'assessment_finalised',
      ],
      role: ['admin', 'focal_point', 'expert', 'secretariat'],
      timeliness: ['on_time', 'late', 'overdue', 'pending'],
      action: ['save', 'import', 'submit', 'withdraw', 'return', 'accept'],
      level: ['low', 'medium', 'high', 'critical'],
      consensus: ['consensus', 'no_consensus', 'insufficient_experts'],
      kendall: ['too_few_raters', 'too_few_objects', 'all_tied'],
      severity: ['error', 'warning', 'info'],
      scale: ['1', '2', '3', '4', '5'],
      'assessment.tab': ['quality', 'scoring', 'ranking', 'narrative', 'finalise'],
    };
    const missing = Object.entries(families)
      .flatMap(([prefix, codes]) => codes.map((c) => `${prefix}.${c}`))
      .filter((k) => !(k in ru) || !(k in kk));
    expect(missing).toEqual([]);
  });

  it('leave no Cyrillic text in the page modules (only the language names on the switch)', () => {
    const offenders = sources.flatMap(({ file, text }) =>
      text
        .split('\n')
        .map((line, i) => ({ file, line: i + 1, text: line.replace(/'Қазақша'|'Русский'/g, '') }))
        .filter((l) => !l.text.trim().startsWith('//') && /[\u0400-\u04FF]/.test(l.text)),
    );
    expect(offenders).toEqual([]);
  });
});
