// Assessment data -> ReportViewModel (and one RiskProfileViewModel per agency type).
// Pure: takes plain data, returns the model the renderers take. With publish: true,
// victim counts broken down by any dimension are suppressed (primary and secondary).
import type { Lang } from '../../shared/lang.js';
import { agencyTypes } from '../../domain/reference.js';
import type { ReportViewModel, RiskProfileViewModel } from '../report.view-model.js';
import { buildAnnexes } from './annexes.js';
import { buildConclusions } from './conclusions.js';
import { buildDescription } from './description.js';
import { FactIndex } from './facts.js';
import type { AssessmentInput } from './inputs.js';
import { Labels } from './labels.js';
import { buildProfiles } from './profiles.js';
import { buildRecommendations } from './recommendations.js';
import { countTables, disclosureOptions, protectTables, summaryOf, type ReportProtection } from './disclosure.js';
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

export function buildReportViewModel(input: AssessmentInput, lang: Lang, options: BuildOptions): ReportViewModel {
  const labels = new Labels(input.questionnaireVersion, lang);
  const index = new FactIndex(input.facts, input.years);
  const protection = options.publish ? (options.protection ?? protectReport(input)) : undefined;
  const privacy = { publish: options.publish, threshold: input.suppressionThreshold, ...(protection ? { marks: protection.marks } : {}) };
  const ctx = { index, labels, lang, privacy, years: input.years };
  const risks = rankedRisks(input.ranking, input.register, lang);
  return {
    meta: {
      id: input.id,
      years: input.years,
      coordinatingBody: agencyTypes.find((a) => a.code === input.coordinatingBody)?.name[lang] ?? input.coordinatingBody,
      finalisedAt: input.finalisedAt,
      language: lang,
      suppressionThreshold: input.suppressionThreshold,
      ...(protection ? { disclosure: summaryOf(protection.audit, protection.ms) } : {}),
    },
    description: buildDescription(input, lang),
    conclusions: buildConclusions(ctx, input),
    recommendations: buildRecommendations(input, risks, labels, lang),
    riskProfiles: buildProfiles(ctx, input, risks),
    annexes: buildAnnexes(input, risks, index, labels, lang),
    ...(protection ? { cellRelations: protection.relations } : {}),
  };
}

/** The stand-alone profile documents of a built report. */
export function profileViewModels(vm: ReportViewModel): RiskProfileViewModel[] {
  return vm.riskProfiles.map((profile) => ({ meta: vm.meta, profile }));
}
