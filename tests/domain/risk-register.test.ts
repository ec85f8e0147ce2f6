// The risk register data file: valid against its questionnaire and the reference data,
// and covering section 1 and the thematic risks of issue 6.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getVersion, listVersions } from '../../src/domain/questionnaire/loader.js';
import { agencyTypeCodes } from '../../src/domain/reference.js';
import {
  checkRegister,
  defaultRegistersRoot,
  listRegisters,
  loadRegister,
  registerFileSchema,
} from '../../src/domain/risk-register.js';
import { REGISTER, VERSION } from '../modules/scoring/fixtures.js';

const register = loadRegister(REGISTER);
const questionnaire = getVersion(VERSION);
const rawFile = () => JSON.parse(readFileSync(join(defaultRegistersRoot, `${REGISTER}.json`), 'utf8'));

describe('risk register 2024-v1', () => {
  it('is listed, and its folder is not mistaken for a questionnaire version', () => {
    expect(listRegisters()).toContain(REGISTER);
    expect(listVersions()).not.toContain('risk-registers');
  });

  it('links only items of its questionnaire version, and only reference agency types', () => {
    for (const r of register.risks) {
      for (const i of r.items) expect(questionnaire.items.has(i), `${r.code}: ${i}`).toBe(true);
      for (const a of r.agencyTypes) expect(agencyTypeCodes as string[], `${r.code}: ${a}`).toContain(a);
    }
    for (const m of register.measures)
      for (const a of m.agencyTypes) expect(agencyTypeCodes as string[], `${m.code}: ${a}`).toContain(a);
    expect(checkRegister(register, questionnaire)).toEqual([]);
  });

  it('holds the 9 risks, 3 factors and 9 measures of section 1 with their official wording', () => {
    const s1 = (q: string) => [...questionnaire.items.values()].filter((l) => l.question.id === q).map((l) => l.item);
    for (const [q, entries] of [
      ['s1.q1', register.risks],
      ['s1.q2', register.factors],
      ['s1.q3', register.measures],
    ] as const) {
      const items = s1(q);
      expect(items).toHaveLength(q === 's1.q2' ? 3 : 9);
      for (const it of items) {
        const entry = (entries as readonly { items: readonly string[]; title: { kk: string; ru: string } }[]).find(
          (e) => e.items[0] === it.id,
        );
        expect(entry, it.id).toBeDefined();
        expect(entry!.title).toEqual(it.label);
      }
    }
  });

  it('covers the thematic risks: forms, channels, territories, groups, online, children, forced labour', () => {
    const codes = register.risks.map((r) => r.code);
    for (const c of [
      'exploitation.sexual',
      'exploitation.labour',
      'exploitation.begging',
      'exploitation.criminal_activity',
      'exploitation.organ_removal',
      'channel.export',
      'channel.import',
      'channel.transit',
      'channel.internal',
      'channel.external',
      'territory.regional_hotspots',
      'group.labour_migrants_abroad',
      'group.minors_without_care',
      'online.recruitment',
      'online.illegal_content',
      'child.trafficking',
      'child.abandoned_newborns',
      'labour.forced_labour',
    ])
      expect(codes).toContain(c);
    const categories = new Set(register.risks.map((r) => r.category));
    expect([...categories].sort()).toEqual(register.categories.map((c) => c.code).sort());
    // Every exploitation form of the victim blocks has a risk selecting it.
    const forms = questionnaire.dimensionByCode
      .get('exploitation_form')!
      .categories.map((c) => c.code)
      .filter((c) => c !== 'other');
    for (const f of forms) {
      expect(
        register.risks.some((r) =>
          r.selectors?.some((s) => s.dimension === 'exploitation_form' && s.categories.includes(f)),
        ),
        f,
      ).toBe(true);
    }
  });

  it('gives every risk kk/ru measures that resolve', () => {
    const measures = new Set(register.measures.map((m) => m.code));
    for (const r of register.risks) for (const m of r.measures) expect(measures.has(m), `${r.code}: ${m}`).toBe(true);
  });

  it('rejects a file with an unknown item, selector category, agency type or measure', () => {
    const file = rawFile();
    file.risks[0].items.push('s2.q99.nothing');
    file.risks[0].agencyTypes.push('ministry_of_magic');
    file.risks[0].measures.push('measure.nowhere');
    const withSelector = file.risks.find((r: { selectors?: unknown[] }) => r.selectors?.length);
    withSelector.selectors[0].categories.push('not_a_category');
    const problems = checkRegister(registerFileSchema.parse(file), questionnaire);
    expect(problems.join('\n')).toMatch(/s2\.q99\.nothing/);
    expect(problems.join('\n')).toMatch(/ministry_of_magic/);
    expect(problems.join('\n')).toMatch(/measure\.nowhere/);
    expect(problems.join('\n')).toMatch(/not_a_category/);
  });

  it('rejects a malformed file by schema', () => {
    const file = rawFile();
    delete file.risks[0].title.kk;
    expect(registerFileSchema.safeParse(file).success).toBe(false);
  });
});
