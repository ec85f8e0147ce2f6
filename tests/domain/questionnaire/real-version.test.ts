// Checks on the published questionnaire data (questionnaires/2024-10-order-849-410).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSourcesRoot } from '../../../src/domain/risk-register.js';
import { agencyTypeCodes } from '../../../src/domain/reference.js';
import { getVersion, loadQuestionnaires } from '../../../src/domain/questionnaire/loader.js';
import { getForm } from '../../../src/domain/questionnaire/forms.js';
import { getValidator, type Issue } from '../../../src/domain/questionnaire/validation.js';
import type { Item } from '../../../src/domain/questionnaire/model.js';
import { generateAnswers } from '../../../src/synthetic/answers.js';
import { REAL } from './fixture.js';

/** Questions per section as printed in order No. 849/410. */
const QUESTIONS_PER_SECTION: Record<number, number> = {
  1: 10,
  2: 13,
  3: 1,
  4: 2,
  5: 1,
  6: 1,
  7: 2,
  8: 1,
  9: 2,
  10: 2,
  11: 6,
  12: 5,
  13: 1,
  14: 5,
  15: 3,
  16: 5,
};

/** Pinned content hashes of published versions: a change to the data must be deliberate. */
const PINNED_HASHES: Record<string, string> = {
  '2024-10-order-849-410': '50fb9f7b2ebb10cc8df68ac2c19bb12a37976c63f7970e3011d43e1e805790ae',
};

const version = () => getVersion(REAL);
const errors = (issues: Issue[]) => issues.filter((i) => i.severity === 'error');

describe(`questionnaire ${REAL}`, () => {
  it('loads without data problems', () => {
    expect(() => loadQuestionnaires()).not.toThrow();
    expect(version().manifest.id).toBe(REAL);
  });

  it('has the question counts of the order (60 in total)', () => {
    const counts = Object.fromEntries(version().sections.map((s) => [s.number, s.questions.length]));
    expect(counts).toEqual(QUESTIONS_PER_SECTION);
    expect(version().sections.reduce((n, s) => n + s.questions.length, 0)).toBe(60);
  });

  it('numbers questions as printed, 1..n per section', () => {
    for (const s of version().sections)
      expect(s.questions.map((q) => q.number)).toEqual(s.questions.map((_, i) => String(i + 1)));
  });

  it('has no empty text in either language', () => {
    const empty: string[] = [];
    const walk = (v: unknown, path: string): void => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (typeof o.kk === 'string' && typeof o.ru === 'string') {
          if (!o.kk.trim()) empty.push(`${path}.kk`);
          if (!o.ru.trim()) empty.push(`${path}.ru`);
        } else for (const [k, x] of Object.entries(o)) walk(x, `${path}.${k}`);
      }
    };
    const v = version();
    walk(v.manifest, 'manifest');
    walk(v.dimensions, 'dimensions');
    walk(v.sections, 'sections');
    expect(empty).toEqual([]);
  });

  it('uses every item id once', () => {
    const ids = version().sections.flatMap((s) => s.questions.flatMap((q) => q.items.map((i) => i.id)));
    expect(ids.length).toBeGreaterThan(60);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('maps every agency type to existing sections', () => {
    const v = version();
    expect(Object.keys(v.manifest.respondents).sort()).toEqual([...agencyTypeCodes].sort());
    for (const code of agencyTypeCodes) {
      const form = getForm(REAL, code);
      expect(form.sectionNumbers[0]).toBe(1);
      for (const n of v.manifest.respondents[code]) expect(v.sectionByNumber.has(n)).toBe(true);
    }
    const covered = new Set(Object.values(v.manifest.respondents).flat());
    for (const s of v.sections)
      if (s.number !== 1) expect(covered.has(s.number), `section ${s.number} has respondents`).toBe(true);
  });

  it("keeps the order's notes in `note` and the project's own explanations in `hint`", () => {
    // Whitespace-insensitive, since the seed text wraps lines where the JSON does not.
    const norm = (x: string) => x.replace(/\s+/g, ' ').trim().toLowerCase();
    const order = norm(readFileSync(join(defaultSourcesRoot, '002_62d4ece46df25a9f.txt'), 'utf8'));
    const entries = version().sections.flatMap((s) =>
      s.questions.flatMap((q) => [{ id: q.id, note: q.note, hint: undefined }, ...q.items]),
    );
    const notes = entries.filter((e) => e.note);
    const hints = entries.filter((e) => e.hint);
    expect(notes.length).toBeGreaterThan(0);
    expect(hints.map((e) => e.id).sort()).toHaveLength(8);
    for (const e of notes)
      for (const l of ['kk', 'ru'] as const)
        expect(order.includes(norm(e.note![l])), `${e.id} note.${l} is the order's text`).toBe(true);
    for (const e of hints) expect(order.includes(norm(e.hint!.ru)), `${e.id} hint is not the order's text`).toBe(false);
  });

  it('pins the content hash', () => {
    expect(version().contentHash).toBe(PINNED_HASHES[REAL]);
  });
});

describe(`validation on ${REAL}`, () => {
  it.each(agencyTypeCodes)('a generated complete content for %s passes', (code) => {
    const validator = getValidator(REAL, code, 'complete');
    for (let seed = 0; seed < 20; seed++) {
      const content = generateAnswers(validator.form, {
        seed: `${code}-${seed}`,
        missingRate: 0.15,
        scale: 1 + (seed % 4),
      });
      const r = validator.validate(content);
      expect(errors(r.issues), `seed ${seed}`).toEqual([]);
      expect(
        r.issues.filter((i) => i.code === 'rule.violated'),
        `seed ${seed}`,
      ).toEqual([]);
      expect(r.valid).toBe(true);
    }
  });

  const firstOf = (kind: Item['kind'], code: string) => getForm(REAL, code).items.find((i) => i.kind === kind)!;

  it('flags each kind of bad answer with the right item id and code', () => {
    const code = 'mvd';
    const validator = getValidator(REAL, code, 'complete');
    const base = () => generateAnswers(validator.form, { seed: 'neg', missingRate: 0 });
    const count = firstOf('count', code).id;
    const breakdown = firstOf('breakdown', code).id;
    const yesNo = firstOf('yes_no', code).id;
    const cases: Array<[string, (a: Record<string, unknown>) => void, string, string]> = [
      ['missing answer', (a) => delete a[count], count, 'answer.missing'],
      ['negative count', (a) => (a[count] = { value: -1 }), count, 'count.negative'],
      [
        'breakdown not summing',
        (a) => (a[breakdown] = { value: { total: 5, byCategory: { unknown: 4 } } }),
        breakdown,
        'breakdown.sum',
      ],
      [
        'yes without description',
        (a) => (a[yesNo] = { value: { answer: 'yes' } }),
        yesNo,
        'yes_no.description_required',
      ],
      ['unknown item', (a) => (a['s99.q1.x'] = { value: 1 }), 's99.q1.x', 'item.unknown'],
      ['bad reason code', (a) => (a[count] = { missingReason: 'forgot' }), count, 'reason.unknown'],
      ['other without comment', (a) => (a[count] = { missingReason: 'other' }), count, 'reason.comment_required'],
    ];
    for (const [name, mutate, itemId, issueCode] of cases) {
      const c = base();
      mutate(c.answers as Record<string, unknown>);
      const r = validator.validate(c);
      expect(r.valid, name).toBe(false);
      expect(
        errors(r.issues).map((i) => [i.itemId, i.code]),
        name,
      ).toContainEqual([itemId, issueCode]);
      const issue = r.issues.find((i) => i.code === issueCode)!;
      expect(issue.message.ru.length, name).toBeGreaterThan(20);
      expect(issue.message.kk.length, name).toBeGreaterThan(20);
    }
  });

  it('accepts a partial draft and an unknown-free section 1 answer', () => {
    const draft = getValidator(REAL, 'ngo', 'draft');
    const count = firstOf('count', 'ngo').id;
    expect(draft.validate({ answers: { [count]: { value: 3 } } })).toEqual({ valid: true, issues: [] });
    expect(draft.validate({ answers: {} }).valid).toBe(true);
  });

  it('validates fast with a validator compiled once', () => {
    const validator = getValidator(REAL, 'mvd', 'complete');
    expect(getValidator(REAL, 'mvd', 'complete')).toBe(validator);
    const contents = Array.from({ length: 50 }, (_, i) => generateAnswers(validator.form, { seed: i }));
    const start = performance.now();
    for (let i = 0; i < 1000; i++) validator.validate(contents[i % 50]);
    const perSave = (performance.now() - start) / 1000;
    expect(perSave).toBeLessThan(2);
  });
});
