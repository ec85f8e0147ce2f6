import { z } from 'zod';
import { actionStatuses, recommendationDecisions } from '../../domain/states.js';
import { bilingual } from '../../shared/lang.js';
import { requiredText, text } from '../../shared/text.js';

export const assessmentIdParams = z.object({ id: z.uuid() });
export const resultFileParams = z.object({ id: z.uuid(), name: z.string().regex(/^[a-z0-9_.-]{1,100}$/) });
const isoDate = z.iso.date();
const bilingualText = z.object({ kk: requiredText(20_000), ru: requiredText(20_000) }).strict();

export const transmittalBody = z
  .object({
    sentOn: isoDate,
    outgoingNumber: requiredText(100),
    note: text(2_000).optional(),
  })
  .strict();
export type TransmittalBody = z.infer<typeof transmittalBody>;

const fileRef = z.object({ name: z.string(), sha256: z.string(), size: z.number().int() });
export const transmittalView = z.object({
  sentOn: z.string(),
  outgoingNumber: z.string(),
  note: z.string().nullable(),
  files: z.array(fileRef),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

export const recommendationCandidate = z.object({
  id: z.string(),
  text: bilingual,
  agencyTypes: z.array(z.string()),
});
export type RecommendationCandidate = z.infer<typeof recommendationCandidate>;

export const decisionBody = z
  .object({
    meetingOn: isoDate,
    protocolNumber: text(100).optional(),
    decision: bilingualText,
    recommendations: z
      .array(
        z
          .object({
            id: requiredText(200),
            status: z.enum(recommendationDecisions),
            /** The Commission's wording, required when it changed the recommendation. */
            text: bilingualText.optional(),
            /** Responsible agency types; defaults to the risk's competent agencies. */
            agencyTypes: z.array(requiredText(60)).max(30).optional(),
          })
          .strict(),
      )
      .max(500),
  })
  .strict();
export type DecisionBody = z.infer<typeof decisionBody>;

export const decidedRecommendation = z.object({
  id: z.string(),
  status: z.enum(recommendationDecisions),
  text: bilingual,
  agencyTypes: z.array(z.string()),
});
export const decisionView = z.object({
  meetingOn: z.string(),
  protocolNumber: z.string().nullable(),
  decision: bilingual,
  recommendations: z.array(decidedRecommendation),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

export const publicationView = z.object({ publishedAt: z.string(), publishedBy: z.string().nullable() });

export const commissionView = z.object({
  assessmentId: z.string(),
  status: z.enum(['draft', 'finalised', 'transmitted', 'decided', 'published']),
  transmittal: transmittalView.nullable(),
  decision: decisionView.nullable(),
  publication: publicationView.nullable(),
});
export type CommissionView = z.infer<typeof commissionView>;

const resultFile = z.object({
  name: z.string(),
  kind: z.enum(['report', 'profile']),
  lang: z.enum(['kk', 'ru']),
  format: z.enum(['pdf', 'xlsx']),
  agencyType: z.string().nullable(),
  size: z.number().int(),
  sha256: z.string(),
  read: z.boolean(),
});
export const resultView = z.object({
  id: z.string(),
  title: bilingual,
  startYear: z.number().int(),
  endYear: z.number().int(),
  publishedAt: z.string(),
  decision: z.object({ meetingOn: z.string(), protocolNumber: z.string().nullable(), text: bilingual }),
  /** The agency type whose risk profile the caller reads (a focal point's own), or null for all. */
  agencyType: z.string().nullable(),
  files: z.array(resultFile),
  /** The approved recommendations assigned to the caller's agency type (all, for the secretariat). */
  actions: z.array(z.object({ id: z.string(), agencyType: z.string(), text: bilingual })),
});
export type ResultView = z.infer<typeof resultView>;

export const readReceiptsView = z.object({
  publishedAt: z.string(),
  organisations: z.number().int(),
  read: z.number().int(),
  rows: z.array(
    z.object({
      organisationId: z.string(),
      name: bilingual,
      agencyType: z.string(),
      region: z.string(),
      focalPoints: z.number().int(),
      readers: z.array(
        z.object({
          userId: z.string(),
          name: z.string(),
          firstReadAt: z.string(),
          lastReadAt: z.string(),
          files: z.array(z.string()),
        }),
      ),
    }),
  ),
});

export const actionStatus = z.enum(actionStatuses);

export const followUpParams = z.object({ campaignId: z.uuid(), organisationId: z.uuid() });
export const followUpActionParams = followUpParams.extend({ actionId: z.uuid() });
export const followUpBody = z
  .object({ status: actionStatus, done: text(5_000).default(''), evidence: text(5_000).default('') })
  .strict();
const followUpReport = z.object({
  status: actionStatus,
  done: z.string(),
  evidence: z.string(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export const followUpReportView = followUpReport;
export const followUpView = z.object({
  campaignId: z.string(),
  organisationId: z.string(),
  reportingYear: z.number().int(),
  open: z.boolean(),
  /** The assessment whose recommendations the actions come from (the latest communicated before). */
  assessment: z.object({ id: z.string(), startYear: z.number().int(), endYear: z.number().int() }).nullable(),
  items: z.array(
    z.object({
      actionId: z.string(),
      recommendationId: z.string(),
      text: bilingual,
      report: followUpReport.nullable(),
    }),
  ),
});
export const followUpSummaryView = z.array(
  z.object({
    actionId: z.string(),
    recommendationId: z.string(),
    agencyType: z.string(),
    text: bilingual,
    subjects: z.number().int(),
    counts: z.record(z.string(), z.number().int()),
    done: z.array(z.string()),
  }),
);
