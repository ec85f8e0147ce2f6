// Profiles from the SOP (issue 22 item 2): reports/sop-profiles.json against the SOP text and the
// questionnaire, and each agency type's profile: its functions, minors, three elements, referral path.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agencyTypeCodes, type AgencyTypeCode } from '../../src/domain/reference.js';
import { getForm } from '../../src/domain/questionnaire/forms.js';
import { concernsMinors, loadSopProfiles, sopProfile } from '../../src/reports/sop-profiles.js';
import { loadSopIndicators, sopForAgency } from '../../src/reports/texts.js';

const VERSION = '2024-10-order-849-410';
const SOP = readFileSync(new URL('../../questionnaires/sources/000_e946af5b953452d3.txt', import.meta.url), 'utf8')
  .replace(/\n$/, '')
  .split('\n');
const data = loadSopProfiles();
const langs = ['kk', 'ru'] as const;

/** Every {lines, quote} anywhere in the file, with where it is. */
function refs(value: unknown, path: string): { path: string; lines: [number, number]; quote: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => refs(v, `${path}.${i}`));
  if (!value || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  const own =
    Array.isArray(o.lines) && typeof o.quote === 'string'
      ? [{ path, lines: o.lines as [number, number], quote: o.quote }]
      : [];
  return [...own, ...Object.entries(o).flatMap(([k, v]) => refs(v, `${path}.${k}`))];
}

const MINORS = /несовершеннол|детей|дети|детск|ребен|ребён|under_18/i;
const minorsGroups = loadSopIndicators()
  .groups.filter((g) => g.agencies === 'minors')
  .map((g) => g.title.ru);

describe('reports/sop-profiles.json', () => {
  it('has one entry per agency type of the reference data, no more (a new type needs its entry)', () => {
    expect(Object.keys(data.agencies).sort()).toEqual([...agencyTypeCodes].sort());
  });

  it('cites SOP lines that exist and contain the quoted words', () => {
    const all = refs(data, 'sop-profiles');
    expect(all.length).toBeGreaterThan(100);
    const bad = all.filter(({ lines: [a, b], quote }) => {
      if (a < 1 || b < a || b > SOP.length) return true;
      return !SOP.slice(a - 1, b)
        .join('\n')
        .includes(quote);
    });
    expect(bad).toEqual([]);
  });

  it("covers every agency table of the SOP's 'role of the subjects' (lines 579-794)", () => {
    const tableHeadings = SOP.map((l, i) => ({ l, n: i + 1 })).filter(
      ({ l, n }) => n > 579 && n < 797 && /^## /.test(l),
    );
    expect(tableHeadings.length).toBe(14);
    const cited = Object.values(data.agencies).flatMap((a) => (a.sop ? [a.sop.lines] : []));
    for (const { l, n } of tableHeadings)
      expect(
        cited.some(([a, b]) => a <= n && n <= b),
        l,
      ).toBe(true);
  });

  it("names minors only with a questionnaire item of the agency's own form or an SOP line that concerns minors", () => {
    for (const code of agencyTypeCodes) {
      const form = getForm(VERSION, code);
      for (const m of data.agencies[code]!.minors) {
        if ('sop' in m) {
          expect(SOP.slice(m.sop.lines[0] - 1, m.sop.lines[1]).join(' '), `${code}: ${m.sop.lines}`).toMatch(MINORS);
          continue;
        }
        const question = form.sections.flatMap((s) => s.questions).find((q) => q.id === m.item);
        const located = form.index.get(m.item);
        expect(question ?? located, `${code}: ${m.item} is not in its form`).toBeDefined();
        const dims =
          (located ? JSON.stringify(located.item) : JSON.stringify(question))
            .match(/"dimension":"([a-z_]+)"/g)
            ?.map((d) => JSON.stringify(form.dimensionByCode.get(d.slice(13, -1)))) ?? [];
        expect([JSON.stringify(question ?? located), ...dims].join(' '), `${code}: ${m.item}`).toMatch(MINORS);
      }
    }
  });

  it('derives "who refers to it" as the inverse of the referral steps', () => {
    for (const step of data.referral)
      for (const target of step.to) {
        const from = step.from === 'all' ? agencyTypeCodes.filter((c) => !step.exceptFrom.includes(c)) : step.from;
        if (from.length === 1 && from[0] === target) continue;
        expect(
          sopProfile(target, 'ru').referredBy.some((r) => r.includes(step.ru)),
          `${step.code} -> ${target}`,
        ).toBe(true);
        for (const f of from)
          expect(
            sopProfile(f, 'ru').refersTo.some((r) => r.startsWith(step.ru)),
            `${f} takes ${step.code}`,
          ).toBe(true);
      }
  });
});

describe.each(agencyTypeCodes.map((c) => [c] as [AgencyTypeCode]))('risk profile of %s from the SOP', (code) => {
  it.each(langs)('lists its functions, the three elements and its referral path, each citing the SOP (%s)', (lang) => {
    const p = sopProfile(code, lang);
    const sopCite = lang === 'kk' ? /\(СОР, \d+(–\d+)?-жол\)\.?$/ : /\(СОП, стр\. \d+(–\d+)?\)\.?$/;
    expect(p.functions.length).toBeGreaterThan(0);
    for (const item of p.functions.flatMap((g) => g.items)) expect(item).toMatch(sopCite);
    expect(p.functionsNote !== undefined || p.functionsSource !== undefined).toBe(true);
    expect(p.threeElements.items).toHaveLength(3);
    for (const item of p.threeElements.items) expect(item).toMatch(sopCite);
    expect(p.refersTo.length).toBeGreaterThan(0);
    for (const item of p.refersTo) expect(item).toMatch(sopCite);
    expect(p.referredBy.length).toBeGreaterThan(0);
    expect(p.minorsBasis.length).toBeGreaterThan(20);
  });

  it("lists the minors' risk groups, places and signs exactly when its sections or SOP functions concern minors", () => {
    const titles = sopForAgency(code, 'ru').map((g) => g.title);
    const shown = minorsGroups.filter((t) => titles.includes(t));
    expect(shown).toEqual(concernsMinors(code) ? minorsGroups : []);
    // Every profile lists the adults' risk groups and the general signs.
    expect(titles).toEqual(expect.arrayContaining(['Группы риска: совершеннолетние лица']));
  });
});

describe('minors in the profiles (issue 22: sections 4.2, 11.2-11.3, 12.1-12.2, 13.1 and SOP 794)', () => {
  it.each(['labour_inspection', 'mid', 'mts', 'mki', 'employment_agency'] as const)(
    '%s gets the minors groups',
    (code) => {
      expect(concernsMinors(code)).toBe(true);
    },
  );

  it('the police refer to the special social services, the NGOs and the local executive bodies, and the foreign missions inform the police', () => {
    const mvd = sopProfile('mvd', 'ru');
    expect(mvd.refersTo.some((r) => r.includes('Поставщики специальных социальных услуг'))).toBe(true);
    expect(mvd.referredBy.some((r) => r.startsWith('Министерство иностранных дел'))).toBe(true);
    expect(mvd.referredBy.some((r) => r.startsWith('Все субъекты'))).toBe(true);
    // Nobody refers potential victims to the media ministry: the profile says so instead of listing nothing.
    expect(sopProfile('mki', 'kk').referredBy).toEqual([expect.stringContaining('қайта бағыттамайды')]);
  });
});

describe('the agency types of issue 20 in the profiles', () => {
  it('names the levels of local executive body as referral targets, the legacy undivided type only in its own profile', () => {
    const targets = sopProfile('mvd', 'ru').refersTo.join('\n');
    expect(targets).toContain('Местные исполнительные органы городов областного значения');
    expect(targets).toContain('Некоммерческие организации, предоставляющие специальные социальные услуги');
    expect(targets).not.toContain('до разделения по уровням');
    // The legacy type keeps its referral path for the submissions made on it.
    expect(sopProfile('mio', 'ru').referredBy.some((r) => r.startsWith('Все субъекты'))).toBe(true);
  });

  it('concerns minors for the ombudsmen (the commissioner for the rights of the child), not for other state bodies', () => {
    expect(concernsMinors('ombudsman')).toBe(true);
    for (const code of ['prosecutor', 'knb', 'afm', 'other_state_body'] as const)
      expect(concernsMinors(code)).toBe(false);
    for (const code of ['mio_oblast', 'mio_city', 'mio_oblast_city'] as const)
      expect(concernsMinors(code)).toBe(concernsMinors('mio'));
  });
});
