// Chapter 4 and the stand-alone profiles: one risk profile of potential victims per
// agency type (Rules §2(5)): risks in its competence, the statistical profile of the
// victims it meets with the three-year trend, the SOP's indicators, mitigation measures.
import { agencyTypeCodes, type AgencyTypeCode } from '../../domain/reference.js';
import type { RankedRisk, ReportTable, RiskProfile } from '../report.view-model.js';
import { sopForAgency } from '../texts.js';
import { captions } from './captions.js';
import { ageDimensions, mapAge } from './conclusions.js';
import { FactIndex } from './facts.js';
import type { AssessmentInput } from './inputs.js';
import type { NumericFact } from '../../pipeline/facts.js';
import { paragraphsOf } from './narrative-keys.js';
import { breakdownTable, caption, type BuildContext } from './tables.js';

const VICTIM_BREAKDOWN = /\.(victims|minors)_by_(age|sex|citizenship|exploitation_form|social_status)$/;

const dimensions: { id: string; captionKey: string; dims: string[]; mapCategory?: (d: string, c: string) => string }[] = [
  { id: 'age', captionKey: 'age', dims: ageDimensions, mapCategory: mapAge },
  { id: 'sex', captionKey: 'sex', dims: ['sex'] },
  { id: 'cit', captionKey: 'citizenship', dims: ['citizenship'] },
  { id: 'form', captionKey: 'exploitation_form', dims: ['exploitation_form'] },
  { id: 'status', captionKey: 'social_status', dims: ['social_status'] },
];

/** Agency types that get a profile: those competent for a ranked risk, or reporting victims; in reference order. */
export function profileAgencies(input: AssessmentInput, victimFacts: Map<string, NumericFact[]>): AgencyTypeCode[] {
  const wanted = new Set<string>([...input.register.flatMap((r) => r.agencies), ...victimFacts.keys()]);
  return agencyTypeCodes.filter((c) => wanted.has(c));
}

export function victimFactsByAgency(facts: readonly NumericFact[]): Map<string, NumericFact[]> {
  const out = new Map<string, NumericFact[]>();
  for (const f of facts) {
    if (!VICTIM_BREAKDOWN.test(f.itemId) || f.value === null) continue;
    let list = out.get(f.agencyType);
    if (!list) out.set(f.agencyType, (list = []));
    list.push(f);
  }
  return out;
}

function victimTables(ctx: BuildContext, code: string, index: FactIndex, national: boolean): ReportTable[] {
  const agency = ctx.labels.agency(code).name;
  return dimensions.map((d) => {
    const table = breakdownTable({ ...ctx, index }, {
      id: `v_${d.id}_${code}`,
      captionKey: d.captionKey,
      caption: `${caption(d.captionKey, ctx.lang)}: ${agency}`,
      items: VICTIM_BREAKDOWN,
      dimensions: d.dims,
      mapCategory: d.mapCategory,
      victims: true,
      // National tables shared by agencies without data of their own are the national cells.
      slice: national ? '' : `agency:${code}`,
    });
    return national ? { ...table, note: `${captions().nationalProfileNote[ctx.lang]} ${table.note ?? ''}`.trim() } : table;
  });
}

export function buildProfiles(ctx: BuildContext, input: AssessmentInput, risks: RankedRisk[]): RiskProfile[] {
  const victimFacts = victimFactsByAgency(input.facts);
  const all = new FactIndex([...victimFacts.values()].flat(), ctx.years);
  const register = new Map(input.register.map((r) => [r.code, r]));
  // Agencies without victim data of their own share the national tables (computed once).
  let national: ReportTable[] | undefined;
  const nationalFor = (code: string) => {
    national ??= victimTables(ctx, code, all, true);
    const agency = ctx.labels.agency(code).name;
    return national.map((t, i) => ({ ...t, id: `v_${dimensions[i].id}_${code}`, caption: `${caption(dimensions[i].captionKey, ctx.lang)}: ${agency}` }));
  };
  return profileAgencies(input, victimFacts).map((code) => {
    const own = victimFacts.get(code);
    const riskAreas = risks.filter((r) => register.get(r.id)?.agencies.includes(code));
    const measures = [...new Set(riskAreas.flatMap((r) => register.get(r.id)?.measures.map((m) => m[ctx.lang]) ?? []))];
    return {
      agency: ctx.labels.agency(code),
      riskAreas,
      victimProfile: own?.length ? victimTables(ctx, code, new FactIndex(own, ctx.years), false) : nationalFor(code),
      sopIndicators: sopForAgency(code, ctx.lang),
      mitigation: [...measures, ...paragraphsOf(input.narrative[`profile.${code}`]?.[ctx.lang])],
    };
  });
}
