// Register 2024-v2 against the SOP and the order: every risk group and place of the SOP is
// a risk, every entry cites the lines it comes from (and the quote is really there), and
// measures are only those the SOP or the order states.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getVersion } from '../../src/domain/questionnaire/loader.js';
import {
  checkRegister,
  checkSourceRefs,
  defaultRegistersRoot,
  loadRegister,
  readSources,
  registerFileSchema,
  type RegisterFile,
} from '../../src/domain/risk-register.js';

const V2 = '2024-v2';
const register = loadRegister(V2);
const questionnaire = getVersion(register.questionnaireVersion);
const rawFile = () => JSON.parse(readFileSync(join(defaultRegistersRoot, `${V2}.json`), 'utf8'));
const texts = readSources(register);
const sop = texts.get('sop')!;
const cites = (refs: { doc: string; lines: [number, number] }[] | undefined, line: number) =>
  (refs ?? []).some((r) => r.doc === 'sop' && r.lines[0] <= line && line <= r.lines[1]);

describe('risk register 2024-v2', () => {
  it('loads, cross-checks clean, and v1 still loads under the extended schema', () => {
    expect(checkRegister(register, questionnaire)).toEqual([]);
    expect(checkSourceRefs(register, texts)).toEqual([]);
    expect(loadRegister('2024-v1').risks.length).toBeGreaterThan(0);
  });

  it('cites copies of the SOP and the order identical to the declared line counts', () => {
    expect(sop[405]).toMatch(/ГРУППЫ РИСКА/);
    expect(texts.get('order')![725]).toMatch(/Об утверждении Правил/);
    for (const s of register.sources!) expect(texts.get(s.doc)!.length, s.file).toBe(s.lines);
  });

  it('has exactly one risk per SOP risk group: adults 01-15 (lines 410-424) and minors 01-07 (430-436)', () => {
    const groupLines = [
      ...Array.from({ length: 15 }, (_, i) => 410 + i),
      ...Array.from({ length: 7 }, (_, i) => 430 + i),
    ];
    for (const line of groupLines) {
      expect(sop[line - 1], `line ${line}`).toMatch(/^- /);
      const groups = register.risks.filter((r) => r.code.startsWith('group.') && cites(r.refs, line));
      expect(
        groups.map((g) => g.code),
        `SOP line ${line}: ${sop[line - 1]}`,
      ).toHaveLength(1);
    }
    expect(register.risks.filter((r) => r.code.startsWith('group.'))).toHaveLength(22);
  });

  it('covers every place where victims may be exploited (SOP 446-450) and transport hubs (457)', () => {
    for (const line of [446, 447, 448, 449, 450, 457]) {
      expect(
        register.risks.some((r) => (r.category === 'place' || r.category === 'online') && cites(r.refs, line)),
        `SOP line ${line}`,
      ).toBe(true);
    }
  });

  it('links the indicator families: three elements, detection places, signs (general, minors, border), referral, rights', () => {
    const families = new Set((register.indicators ?? []).map((i) => i.family));
    for (const f of [
      'three_elements',
      'detection_place',
      'detection_channel',
      'signs_general',
      'signs_minors',
      'signs_border',
      'referral',
      'victim_rights',
    ]) {
      expect(families.has(f), f).toBe(true);
    }
    for (const line of [404, 485, 520, 529, 555, 954])
      expect(
        (register.indicators ?? []).some((i) => cites(i.refs, line)),
        `SOP line ${line}`,
      ).toBe(true);
  });

  it('never counts pupils (social status "student") as evidence for a minors group', () => {
    for (const r of register.risks.filter((x) => x.category === 'vulnerable_group_minor')) {
      for (const s of r.selectors ?? [])
        expect(s.dimension === 'social_status' && s.categories.includes('student'), r.code).toBe(false);
    }
    expect(register.riskByCode.get('group.minor.not_attending_school')).toMatchObject({
      items: [],
      evidence: 'expert_judgement',
    });
  });

  it('splits Rules §11 factors into internal and external, citing the order', () => {
    const scopes = new Set(register.factors.map((f) => f.scope));
    expect(scopes).toEqual(new Set(['internal', 'external', 'internal_external']));
    for (const f of register.factors.filter((x) => x.scope !== 'internal_external'))
      expect(f.refs!.some((r) => r.doc === 'order' && r.lines[0] === 833)).toBe(true);
  });

  it('keeps only measures the SOP or the order states, with agency functions, shared duties, tour operators and international organisations', () => {
    for (const gone of [
      'measure.sop.channel_suppression',
      'measure.sop.employment_agencies_control',
      'measure.sop.child_protection_monitoring',
    ]) {
      expect(
        register.measures.some((m) => m.code === gone),
        gone,
      ).toBe(false);
    }
    for (const m of register.measures) {
      expect(m.refs, m.code).toBeDefined();
      if (m.source === 'sop')
        expect(
          m.refs!.some((r) => r.doc === 'sop'),
          m.code,
        ).toBe(true);
    }
    expect(register.measures.find((m) => m.code === 'measure.sop.victim_protection_criminal')!.title.ru).not.toMatch(
      /депонир/i,
    );
    const byAgency = (a: string, kind: string) =>
      register.measures.filter((m) => m.kind === kind && m.agencyTypes.includes(a as never));
    expect(byAgency('tourism_operator', 'function').map((m) => m.code)).toContain('measure.sop.tourism_information');
    expect(register.measures.some((m) => m.agencyTypes.includes('international_org'))).toBe(true);
    const informPolice = register.measures.find((m) => m.code === 'measure.duty.inform_police')!;
    for (const line of [598, 605, 625]) expect(cites(informPolice.refs, line), `SOP ${line}`).toBe(true);
    for (const a of ['mvd', 'mtszn', 'border_service', 'mz', 'mp', 'mid', 'mts', 'mki', 'mio'])
      expect(byAgency(a, 'shared_duty').length, a).toBeGreaterThan(0);
  });

  it('rejects a ref whose quote is not in its lines, a range past the end of the document, and a v2 entry without refs', () => {
    const file = rawFile();
    file.risks[0].refs[0].quote = 'слово, которого нет';
    file.risks[1].refs[0].lines = [900, 99999];
    delete file.measures[0].refs;
    const parsed: RegisterFile = registerFileSchema.parse(file);
    const problems = [...checkRegister(parsed, questionnaire), ...checkSourceRefs(parsed, texts)].join('\n');
    expect(problems).toMatch(new RegExp(`risk ${file.risks[0].code}: "слово, которого нет" is not in`));
    expect(problems).toMatch(
      new RegExp(
        `risk ${file.risks[1].code}: lines 900-99999 are outside sop|risk ${file.risks[1].code}: lines 900-99999 are outside order`,
      ),
    );
    expect(problems).toMatch(new RegExp(`measure ${file.measures[0].code}: no refs`));
  });

  it('rejects a risk with no items unless it says it rests on expert judgement, and an indicator linking an unknown risk', () => {
    const file = rawFile();
    const ej = file.risks.find((r: { evidence?: string }) => r.evidence === 'expert_judgement');
    delete ej.evidence;
    file.indicators[0].risks.push('risk.nowhere');
    const problems = checkRegister(registerFileSchema.parse(file), questionnaire).join('\n');
    expect(problems).toMatch(new RegExp(`risk ${ej.code}: no items`));
    expect(problems).toMatch(/risk\.nowhere/);
  });
});
