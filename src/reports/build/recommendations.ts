// Chapter 3: recommendations tied to the ranked risks and their competent agency types.
// Experts' paragraphs in the "recommendations" narrative come first; a paragraph
// starting with "[risk_code]" is tied to that risk and its agencies.
import type { Lang } from '../../shared/lang.js';
import type { AgencyRef, RankedRisk, Recommendation, RiskRef } from '../report.view-model.js';
import { fill } from '../texts.js';
import { captions } from './captions.js';
import type { AssessmentInput, RegisterRisk } from './inputs.js';
import type { FactIndex } from './facts.js';
import type { Labels } from './labels.js';
import { paragraphsOf } from './narrative-keys.js';
import { isUnansweredMeasure } from './placeholders.js';

const ref = (r: RankedRisk): RiskRef => ({ id: r.id, rank: r.rank, title: r.title, level: r.level });

export function buildRecommendations(
  input: AssessmentInput,
  risks: RankedRisk[],
  labels: Labels,
  lang: Lang,
  index: FactIndex,
): Recommendation[] {
  const c = captions();
  const register = new Map<string, RegisterRisk>(input.register.map((r) => [r.code, r]));
  const agenciesOf = (code: string): AgencyRef[] => (register.get(code)?.agencies ?? []).map((a) => labels.agency(a));
  const byId = new Map(risks.map((r) => [r.id, r]));

  const fromExperts: Recommendation[] = paragraphsOf(input.narrative.recommendations?.[lang]).map((p, n) => {
    const m = /^\[([a-z0-9_.-]+)\]\s*(.*)$/i.exec(p);
    const risk = m ? byId.get(m[1]) : undefined;
    return {
      id: `expert_${n + 1}`,
      text: risk ? m![2] : p,
      risks: risk ? [ref(risk)] : [],
      agencies: risk ? agenciesOf(risk.id) : [],
    };
  });

  // Every high or critical risk gets one; with none, the five top-ranked risks do.
  const severe = risks.filter((r) => r.level === 'high' || r.level === 'critical');
  const chosen = severe.length ? severe : risks.slice(0, 5);
  const generated = chosen.map((r): Recommendation => {
    const measures =
      register
        .get(r.id)
        ?.measures.filter((m) => !isUnansweredMeasure(index, m))
        .map((m) => m[lang]) ?? [];
    const measure = measures.length ? measures.join('; ') : c.defaultMeasure[lang];
    return {
      id: `risk_${r.id}`,
      text: fill(c.recommendation[lang], { risk: r.title, measure }),
      risks: [ref(r)],
      agencies: agenciesOf(r.id),
    };
  });
  return [...fromExperts, ...generated];
}
