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
import { droppedRisks, withoutPlaceholders } from './placeholders.js';
import { rankedRisks } from './risks.js';

export interface BuildOptions {
  /** Suppress small victim counts (every published output). */
  publish: boolean;
}

export function buildReportViewModel(input: AssessmentInput, lang: Lang, options: BuildOptions): ReportViewModel {
  const labels = new Labels(input.questionnaireVersion, lang);
  const index = new FactIndex(input.facts, input.years);
  const ctx = { index, labels, lang, privacy: { publish: options.publish, threshold: input.suppressionThreshold }, years: input.years };
  const risks = withoutPlaceholders(rankedRisks(input.ranking, input.register, lang), droppedRisks(index));
  return {
    meta: {
      id: input.id,
      years: input.years,
      coordinatingBody: agencyTypes.find((a) => a.code === input.coordinatingBody)?.name[lang] ?? input.coordinatingBody,
      finalisedAt: input.finalisedAt,
      language: lang,
      suppressionThreshold: input.suppressionThreshold,
    },
    description: buildDescription(input, lang),
    conclusions: buildConclusions(ctx, input),
    recommendations: buildRecommendations(input, risks, labels, lang, index),
    riskProfiles: buildProfiles(ctx, input, risks),
    annexes: buildAnnexes(input, risks, index, labels, lang),
  };
}

/** The stand-alone profile documents of a built report. */
export function profileViewModels(vm: ReportViewModel): RiskProfileViewModel[] {
  return vm.riskProfiles.map((profile) => ({ meta: vm.meta, profile }));
}
