// Assessment data -> ReportViewModel (and one RiskProfileViewModel per agency type).
// Pure: takes plain data, returns the model the renderers take. With publish: true,
// person counts take the marks of the protection of the report's linked set.
import type { Lang } from '../../shared/lang.js';
import { agencyTypes } from '../../domain/reference.js';
import {
  conclusionKeys,
  type Description,
  type ReportViewModel,
  type RiskProfileViewModel,
} from '../report.view-model.js';
import { buildAnnexes } from './annexes.js';
import { buildConclusions } from './conclusions.js';
import { buildCycleSections } from './cycle.js';
import { buildDescription } from './description.js';
import { allDrafts, conclusionDraft, descriptionDraft } from './drafts.js';
import { FactIndex } from './facts.js';
import type { AssessmentInput } from './inputs.js';
import { Labels } from './labels.js';
import { buildProfiles } from './profiles.js';
import { buildRecommendations } from './recommendations.js';
import { droppedRisks, withoutPlaceholders } from './placeholders.js';
import { citedNarrative } from './references.js';
import { countTables, disclosureOptions, protectTables, summaryOf, type ReportProtection } from './disclosure.js';
import type { Marks } from './privacy.js';
import { rankedRisks } from './risks.js';

export interface BuildOptions {
  /** Protect person counts (every published output). */
  publish: boolean;
  /** The protection of the report's linked set; computed when publishing without it. */
  protection?: ReportProtection;
}

/** Protection of everything the report publishes, decided once for both languages. */
export function protectReport(input: AssessmentInput): ReportProtection {
  return protectTables(countTables(buildReportViewModel(input, 'ru', { publish: false })), disclosureOptions(input));
}

function contextOf(
  input: AssessmentInput,
  lang: Lang,
  publish: boolean,
  index = new FactIndex(input.facts, input.years),
  marks?: Marks,
) {
  const privacy = { publish, threshold: input.suppressionThreshold, ...(marks ? { marks } : {}) };
  return { index, labels: new Labels(input.questionnaireVersion, lang), lang, privacy, years: input.years };
}

/** The generated drafts of the chapters the experts must accept (narrative text per chapter key), in both languages. */
export function buildDrafts(input: AssessmentInput): { chapter: string; textKk: string; textRu: string }[] {
  const index = new FactIndex(input.facts, input.years);
  const [kk, ru] = (['kk', 'ru'] as const).map((lang) => allDrafts(contextOf(input, lang, true, index), input));
  return Object.keys(kk!).map((chapter) => ({ chapter, textKk: kk![chapter]!, textRu: ru![chapter]! }));
}

export function buildReportViewModel(source: AssessmentInput, lang: Lang, options: BuildOptions): ReportViewModel {
  // The experts' "[ref:id]" citations become the numbers of the list of sources.
  const input = { ...source, narrative: citedNarrative(source.narrative, source.references) };
  const protection = options.publish ? (options.protection ?? protectReport(source)) : undefined;
  const ctx = contextOf(input, lang, options.publish, undefined, protection?.marks);
  const { index, labels } = ctx;
  const risks = withoutPlaceholders(rankedRisks(input.ranking, input.register, lang), droppedRisks(index));
  return {
    meta: {
      id: input.id,
      years: input.years,
      coordinatingBody:
        agencyTypes.find((a) => a.code === input.coordinatingBody)?.name[lang] ?? input.coordinatingBody,
      finalisedAt: input.finalisedAt,
      language: lang,
      suppressionThreshold: input.suppressionThreshold,
      ...(protection ? { disclosure: summaryOf(protection.audit, protection.ms) } : {}),
    },
    description: withCycle(buildDescription(input, lang, descriptionDraft(ctx, input)), input, lang, labels),
    conclusions: buildConclusions(
      ctx,
      input,
      Object.fromEntries(conclusionKeys.map((k) => [k, conclusionDraft(ctx, input, k)])),
    ),
    recommendations: buildRecommendations(input, risks, labels, lang, index),
    riskProfiles: buildProfiles(ctx, input, risks),
    annexes: buildAnnexes(input, risks, index, labels, lang),
    ...(protection ? { cellRelations: protection.relations } : {}),
  };
}

function withCycle(d: Description, input: AssessmentInput, lang: Lang, labels: Labels): Description {
  const cycle = buildCycleSections(input, lang, labels);
  return cycle.length ? { ...d, cycle } : d;
}

/** The stand-alone profile documents of a built report. */
export function profileViewModels(vm: ReportViewModel): RiskProfileViewModel[] {
  return vm.riskProfiles.map((profile) => ({ meta: vm.meta, profile }));
}
