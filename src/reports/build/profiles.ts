// Chapter 4 and the stand-alone profiles: one risk profile of potential victims per
// agency type (Rules §2(5)): risks in its competence, the statistical profile of the
// victims it meets with the three-year trend, the SOP's risk groups and indicators (the
// minors' where the agency's sections concern minors), the three elements, its functions
// and referral path from the SOP, and the register's measures that are its to take.
import { getVersion } from '../../domain/questionnaire/loader.js';
import {
  agencyTypeCodes,
  type AgencyTypeCode,
  coversAgencyType,
  legacyAgencyTypeCodes,
} from '../../domain/reference.js';
import type { RankedRisk, ReportTable, RiskProfile } from '../report.view-model.js';
import { sopForAgency } from '../texts.js';
import { sopProfile } from '../sop-profiles.js';
import { loadRegister, registerExists } from '../../domain/risk-register.js';
import { ageDimensions, mapAge } from './conclusions.js';
import { FactIndex } from './facts.js';
import type { AssessmentInput } from './inputs.js';
import type { NumericFact } from '../../pipeline/facts.js';
import { paragraphsOf } from './narrative-keys.js';
import { captions } from './captions.js';
import { isUnansweredMeasure } from './placeholders.js';
import { breakdownTable, caption, type BuildContext } from './tables.js';

const VICTIM_BREAKDOWN = /\.(victims|minors)_by_(age|sex|citizenship|exploitation_form|social_status)$/;

const dimensions: { id: string; captionKey: string; dims: string[]; mapCategory?: (d: string, c: string) => string }[] =
  [
    { id: 'age', captionKey: 'age', dims: ageDimensions, mapCategory: mapAge },
    { id: 'sex', captionKey: 'sex', dims: ['sex'] },
    { id: 'cit', captionKey: 'citizenship', dims: ['citizenship'] },
    { id: 'form', captionKey: 'exploitation_form', dims: ['exploitation_form'] },
    { id: 'status', captionKey: 'social_status', dims: ['social_status'] },
  ];

/**
 * Every subject type of §2(6) with a form in the questionnaire version gets a profile, in reference order.
 * A legacy type (the undivided local executive body) is no subject type of its own any more: it gets a
 * profile only when the assessment draws on submissions made on it, beside the profiles of the levels.
 */
export function profileAgencies(input: AssessmentInput): AgencyTypeCode[] {
  const withForm = new Set(Object.keys(getVersion(input.questionnaireVersion).manifest.respondents));
  const reported = new Set([...input.facts, ...(input.texts ?? [])].map((f) => f.agencyType));
  return agencyTypeCodes.filter((c) => withForm.has(c) && (!legacyAgencyTypeCodes.includes(c) || reported.has(c)));
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

function victimTables(ctx: BuildContext, code: string, index: FactIndex): ReportTable[] {
  const agency = ctx.labels.agency(code).name;
  return dimensions
    .map((d) =>
      breakdownTable(
        { ...ctx, index },
        {
          id: `v_${d.id}_${code}`,
          captionKey: d.captionKey,
          caption: `${caption(d.captionKey, ctx.lang)}: ${agency}`,
          items: VICTIM_BREAKDOWN,
          dimensions: d.dims,
          mapCategory: d.mapCategory,
          victims: true,
          slice: `agency:${code}`,
        },
      ),
    )
    .filter((t) => t.rows.length > 0);
}

/** Agencies without victim data of their own are pointed to the national tables of §14(5), not given a copy. */
const pointerNote = {
  kk: 'Бұл субъект түрі құрбандар туралы өз деректерін бермейді. Құрбандардың статистикалық бейнесін есептің 2.5-бөлімінен («Осал санаттар») қараңыз: ІІМ-нің жәбірленуші деп танылғандар туралы деректері және әр субъектінің деректері бөлек.',
  ru: 'Этот тип субъекта не представляет собственных данных о жертвах. Статистический профиль жертв см. в разделе 2.5 отчета («Уязвимые категории»): данные МВД о признанных потерпевшими и данные каждого субъекта отдельно.',
} as const;

/**
 * Whether a register measure belongs in an agency's list of measures: not another agency's, and not
 * one of the SOP's functions or shared duties (the profile lists those with the SOP's own words).
 */
function measureFilter(version: string): (code: AgencyTypeCode, measureCode: string | undefined) => boolean {
  const measures = registerExists(version)
    ? new Map(loadRegister(version).measures.map((m) => [m.code, m]))
    : undefined;
  return (agency, measureCode) => {
    const m = measureCode === undefined ? undefined : measures?.get(measureCode);
    if (!m) return true;
    return (m.kind ?? 'measure') === 'measure' && coversAgencyType(m.agencyTypes, agency);
  };
}

export function buildProfiles(ctx: BuildContext, input: AssessmentInput, risks: RankedRisk[]): RiskProfile[] {
  const victimFacts = victimFactsByAgency(input.facts);
  const register = new Map(input.register.map((r) => [r.code, r]));
  const isAgencyMeasure = measureFilter(input.ranking.riskRegisterVersion);
  return profileAgencies(input).map((code) => {
    const own = victimFacts.get(code);
    const tables = own?.length ? victimTables(ctx, code, new FactIndex(own, ctx.years)) : [];
    const riskAreas = risks.filter((r) => coversAgencyType(register.get(r.id)?.agencies ?? [], code));
    const measures = [
      ...new Set(
        riskAreas.flatMap(
          (r) =>
            register
              .get(r.id)
              ?.measures.filter((m) => isAgencyMeasure(code, m.code) && !isUnansweredMeasure(ctx.index, m))
              .map((m) => m[ctx.lang]) ?? [],
        ),
      ),
    ];
    return {
      agency: ctx.labels.agency(code),
      riskAreas,
      victimProfile: tables,
      ...(tables.length ? {} : { victimProfileNote: pointerNote[ctx.lang] }),
      ...(riskAreas.length ? {} : { riskAreasNote: captions().noRiskAreas[ctx.lang] }),
      sopIndicators: sopForAgency(code, ctx.lang),
      sop: sopProfile(code, ctx.lang),
      mitigation: [...measures, ...paragraphsOf(input.narrative[`profile.${code}`]?.[ctx.lang])],
    };
  });
}
