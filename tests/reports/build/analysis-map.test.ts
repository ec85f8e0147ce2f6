import { describe, expect, it } from 'vitest';
import { getVersion } from '../../../src/domain/questionnaire/loader.js';
import { loadRegister } from '../../../src/domain/risk-register.js';
import { analysisMap, analysisPoint, expandLink, textPointOf } from '../../../src/reports/build/analysis-map.js';
import { conclusionKeys } from '../../../src/reports/report.view-model.js';

const map = analysisMap();
const version = getVersion(map.questionnaireVersion);

describe('the §14 analysis map (reports/analysis-map.json)', () => {
  it('has the nine points in order and every link names existing items of the right kind', () => {
    expect(map.points.map((p) => p.key)).toEqual([...conclusionKeys]);
    for (const p of map.points) {
      for (const l of p.items) {
        const ids = expandLink(l.id, map.questionnaireVersion);
        expect(ids, `${p.key}: ${l.id}`).not.toHaveLength(0);
        // A question prefix may hold text items; an exact item must be numeric evidence.
        if (!l.id.endsWith('*')) expect(version.items.get(ids[0]!)!.item.kind, l.id).not.toBe('text');
      }
      for (const l of p.texts) {
        const ids = expandLink(l.id, map.questionnaireVersion);
        expect(ids, `${p.key}: ${l.id}`).not.toHaveLength(0);
        for (const id of ids)
          expect(['text', 'yes_no', 'table', 'entity_list']).toContain(version.items.get(id)!.item.kind);
      }
    }
  });

  it('reads every free-text item of the questionnaire under exactly one point', () => {
    const texts = [...version.items.values()].filter((i) => i.item.kind === 'text').map((i) => i.item.id);
    for (const id of texts) {
      const under = map.points.filter((p) =>
        p.texts.some((t) => expandLink(t.id, map.questionnaireVersion).includes(id)),
      );
      expect(
        under.map((p) => p.key),
        id,
      ).toHaveLength(1);
      expect(textPointOf(id)).toBe(under[0]!.key);
    }
  });

  it('covers every category of the risk register', () => {
    const register = loadRegister(map.registerVersion);
    const used = new Set(map.points.flatMap((p) => p.risks.categories));
    for (const c of used) expect(register.categories.map((x: { code: string }) => x.code)).toContain(c);
    for (const r of register.risks) expect(used, r.code).toContain(r.category);
  });

  it('puts the content the order asks for under the right points', () => {
    // §14(1) the source of risks: section 1's risks and factors, not who answered.
    expect(analysisPoint('sources').items.map((l) => l.id)).toEqual(['s1.q1.*', 's1.q2.*']);
    // §14(7) recruitment and control: section 16 "new forms and methods" and the online platforms.
    expect(textPointOf('s16.q5.new_forms_methods')).toBe('recruitment_and_control');
    expect(textPointOf('s12.q3.platforms')).toBe('recruitment_and_control');
    // §14(3) "including from abroad": the foreign missions' data.
    expect(analysisPoint('likelihood_by_territory').items.map((l) => l.id)).toEqual(
      expect.arrayContaining(['s11.q1.victims_total', 's11.q2.*', 's5.q1.citizens_left_abroad']),
    );
    // §14(9) demand reduction is named.
    expect(analysisPoint('effective_prevention').items.filter((l) => l.demand).length).toBeGreaterThanOrEqual(3);
  });
});
