// The in-memory input of the assessment pipeline (quality check and structuring):
// a snapshot of the campaigns, recipients and drawn-on submissions of one assessment.
// The DB service only loads this snapshot and saves the results, so the same pure
// functions run in the API, the demo and the bench.
import type { Bilingual } from '../../shared/lang.js';

export interface PipelineOrganisation {
  id: string;
  agencyType: string;
  region: string;
  nameKk: string;
  nameRu: string;
}

export interface PipelineCampaign {
  id: string;
  year: number;
  questionnaireVersion: string;
  /** YYYY-MM-DD, inclusive (Kazakhstan time). */
  deadline: string;
  recipientIds: readonly string[];
}

export interface PipelineSubmission {
  id: string;
  campaignId: string;
  organisationId: string;
  year: number;
  questionnaireVersion: string;
  agencyType: string;
  revision: number;
  /** accepted, or submitted when the assessment includes not yet accepted submissions (provisional). */
  status: 'accepted' | 'submitted';
  /** ISO timestamp of the first submission (decides timeliness). */
  submittedAt: string | null;
  content: unknown;
}

export interface PipelineInput {
  organisations: readonly PipelineOrganisation[];
  campaigns: readonly PipelineCampaign[];
  submissions: readonly PipelineSubmission[];
}

export type FindingSeverity = 'error' | 'warning' | 'info';

export interface Finding {
  severity: FindingSeverity;
  /** e.g. consistency.rule, reconciliation.mvd_social_referrals, outlier.temporal */
  code: string;
  ruleId: string | null;
  itemId: string | null;
  organisationId: string | null;
  submissionId: string | null;
  year: number | null;
  message: Bilingual;
  details: Record<string, unknown> | null;
}

export interface QualityParameters {
  /** Poisson prediction-interval level of the temporal check. */
  temporalLevel: number;
  ratioHigh: number;
  ratioLow: number;
  /** |modified z| above this is a regional outlier. */
  regionalThreshold: number;
  minRegions: number;
  /**
   * A regional outlier must also differ from the median by this factor (value/median >= f
   * or <= 1/f): with tight regional spreads |M| > 3.5 alone flags ordinary variation.
   */
  regionalMinRatio: number;
  /** ...and by at least this many units (a region at 2 against a median of 1 is small-count noise). */
  regionalMinDifference: number;
  /** Reconciliation: compare only when the larger side reaches this volume. */
  reconciliationMinVolume: number;
  /** Info finding when at least this share of a submission's items is explained instead of answered. */
  explainedShareInfo: number;
}

export const defaultQualityParameters: QualityParameters = {
  temporalLevel: 0.99,
  ratioHigh: 2,
  ratioLow: 0.5,
  regionalThreshold: 3.5,
  minRegions: 5,
  regionalMinRatio: 2,
  regionalMinDifference: 5,
  reconciliationMinVolume: 10,
  explainedShareInfo: 0.5,
};
