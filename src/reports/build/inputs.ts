// Plain data the report builder needs from an assessment. The reports repository
// reads it from the database; tests and the bench build it in memory. No I/O here.
import type { FollowUpInput, ParticipantInput } from './cycle.js';
import type { Bilingual } from '../../shared/lang.js';
import type { AgencyTypeCode } from '../../domain/reference.js';
import type { NumericFact } from '../../pipeline/facts.js';
import type { RankingResult } from '../../pipeline/results.js';

/** A risk of the register with its competent agency types and mitigation measures. */
export interface RegisterRisk {
  code: string;
  title: Bilingual;
  agencies: AgencyTypeCode[];
  /** Titles of the risk's measures; `code` (the register's) tells an agency's own function from a measure. */
  measures: (Bilingual & { code?: string })[];
}

/** Quality findings of the latest quality run, counted by severity and code. */
export interface FindingCount {
  severity: string;
  code: string;
  count: number;
}

export interface Reference {
  title: string;
  url?: string;
  year?: number;
  /** Cited in the narrative as [ref:id]. */
  id?: string;
  /** un | osce | international_org | research | media | interview | legislation | other (Rules §10, §15). */
  type?: string;
}

export interface Participation {
  /** Organisations asked (campaign recipients, distinct over the years). */
  requested: number;
  /** Of those, organisations with at least one submission drawn on. */
  participating: number;
  /** Submissions drawn on, and those submitted by the campaign deadline. */
  submissions: number;
  timely: number;
  /** Per reporting year: recipients asked and submissions drawn on (a response rate per year, not "ever answered"). */
  byYear?: { year: number; requested: number; submitted: number }[];
}

/** A free-text answer (text item, or the description of a yes/no answer) for the drafts' theme counts. */
export interface TextAnswer {
  year: number;
  itemId: string;
  agencyType: string;
  region: string;
  text: string;
}

/** The request (Rules §9) of one of the assessment's campaigns. */
export interface CampaignRequest {
  year: number;
  requestDate: string;
  deadline: string;
  /** Agency type code of the requesting authorised body (mvd | mtszn), null when not recorded. */
  requestingBody: string | null;
  outgoingNumber: string | null;
  outgoingDate: string | null;
}

export interface AssessmentInput {
  id: string;
  years: [number, number, number];
  /** Agency type code of the coordinating body (mvd | mtszn). */
  coordinatingBody: string;
  /** ISO timestamp: finalisation time, or the draft's reference time. */
  finalisedAt: string;
  suppressionThreshold: number;
  questionnaireVersion: string;
  references: Reference[];
  participation: Participation;
  facts: NumericFact[];
  findings: FindingCount[];
  ranking: RankingResult;
  register: RegisterRisk[];
  /** Free-text answers (optional: the drafts count themes in them). */
  texts?: TextAnswer[];
  /** Current narrative text per chapter key (see narrative.ts). */
  narrative: Record<string, Bilingual>;
  /** Specialists and institutions drawn into the analysis (§16). */
  participants?: ParticipantInput[];
  /** What the subjects reported on the previous published assessment's actions. */
  followUp?: FollowUpInput;
  /** The requests of the campaigns drawn on (optional: older inputs and the synthetic set have none). */
  requests?: CampaignRequest[];
}
