import { assessmentStatuses, coordinatingBodies, findingSeverities, submissionStatuses } from '../../domain/states.js';
import { z } from 'zod';
import { isStorableText, requiredText, text, UNSTORABLE_TEXT_MESSAGE } from '../../shared/text.js';

const bilingual = z.object({ kk: requiredText(500), ru: requiredText(500) }).strict();
/** A source of Rules §10 and §15; `id` lets the narrative cite it as [ref:id], `type` groups the list of sources. */
export const referenceTypes = [
  'un',
  'osce',
  'international_org',
  'research',
  'media',
  'interview',
  'legislation',
  'other',
] as const;
const reference = z
  .object({
    title: requiredText(1000),
    url: z.url().max(2000).refine(isStorableText, UNSTORABLE_TEXT_MESSAGE).optional(),
    year: z.number().int().min(1900).max(2100).optional(),
    id: z
      .string()
      .regex(/^[a-z0-9_-]{1,40}$/)
      .optional(),
    type: z.enum(referenceTypes).optional(),
  })
  .strict();
const year = z.number().int().min(2024).max(2100);

export const coordinatingBody = z.enum(coordinatingBodies);
export const assessmentStatus = z.enum(assessmentStatuses);

export const assessmentSchema = z.object({
  id: z.uuid(),
  title: z.object({ kk: z.string(), ru: z.string() }),
  startYear: z.number().int(),
  endYear: z.number().int(),
  coordinatingBody,
  campaignIds: z.array(z.uuid()),
  includeSubmitted: z.boolean(),
  suppressionThreshold: z.number().int(),
  riskRegisterVersion: z.string(),
  references: z.array(reference),
  currentRound: z.number().int(),
  status: assessmentStatus,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finalisedAt: z.string().nullable(),
  /** Set when an administrator let the same body coordinate neighbouring cycles (§6), with why. */
  coordinationOverrideReason: z.string().nullable(),
});
export type AssessmentView = z.infer<typeof assessmentSchema>;

export const createAssessmentBody = z
  .object({
    title: bilingual,
    startYear: year,
    /** Must be startYear + 2 (three reporting years); default so. */
    endYear: year.optional(),
    coordinatingBody,
    /** Default: the (non-draft) campaigns whose reporting year is in range. */
    campaignIds: z.array(z.uuid()).max(100).optional(),
    includeSubmitted: z.boolean().optional(),
    suppressionThreshold: z.number().int().min(0).max(1000).optional(),
    references: z.array(reference).max(500).optional(),
    riskRegisterVersion: requiredText(100).optional(),
    /** Administrators only: why the rotation of the coordinating body (§6) is not followed. */
    coordinationOverrideReason: text(1_000).optional(),
  })
  .strict();
export type CreateAssessment = z.infer<typeof createAssessmentBody>;

export const updateAssessmentBody = z
  .object({
    title: bilingual.optional(),
    coordinatingBody: coordinatingBody.optional(),
    campaignIds: z.array(z.uuid()).max(100).optional(),
    includeSubmitted: z.boolean().optional(),
    suppressionThreshold: z.number().int().min(0).max(1000).optional(),
    references: z.array(reference).max(500).optional(),
    riskRegisterVersion: requiredText(100).optional(),
    coordinationOverrideReason: text(1_000).optional(),
  })
  .strict();
export type UpdateAssessment = z.infer<typeof updateAssessmentBody>;

export const assessmentIdParams = z.object({ id: z.uuid() });
export const findingParams = z.object({ id: z.uuid(), findingId: z.coerce.number().int().positive() });

export const runSchema = z.object({
  id: z.uuid(),
  step: z.string(),
  inputHash: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  summary: z.unknown(),
  resultHash: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  createdBy: z.uuid().nullable(),
});
export type RunView = z.infer<typeof runSchema>;

export const findingsQuery = z
  .object({
    severity: z.enum(findingSeverities).optional(),
    code: z.string().max(200).optional(),
    organisationId: z.uuid().optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    itemId: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    offset: z.coerce.number().int().min(0).default(0),
    lang: z.enum(['kk', 'ru']).optional(),
  })
  .strict();
export type FindingsQuery = z.infer<typeof findingsQuery>;

export const findingSchema = z.object({
  id: z.number().int(),
  severity: z.enum(findingSeverities),
  code: z.string(),
  ruleId: z.string().nullable(),
  itemId: z.string().nullable(),
  organisationId: z.uuid().nullable(),
  submissionId: z.uuid().nullable(),
  /** The submission's status now: a finding can send back only a submitted (not yet accepted) one. */
  submissionStatus: z.enum(submissionStatuses).nullable(),
  year: z.number().int().nullable(),
  message: z.string(),
  messages: z.object({ kk: z.string(), ru: z.string() }),
  details: z.unknown(),
});
export const findingsPage = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  items: z.array(findingSchema),
});

export const textsQuery = z
  .object({
    heading: z.string().max(50).optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    region: z.string().max(50).optional(),
    agencyType: z.string().max(50).optional(),
  })
  .strict();
export type TextsQuery = z.infer<typeof textsQuery>;

export const textsSchema = z.object({
  headings: z.array(
    z.object({
      code: z.string(),
      title: z.object({ kk: z.string(), ru: z.string() }),
      entries: z.array(
        z.object({
          itemId: z.string(),
          year: z.number().int(),
          organisationId: z.uuid(),
          agencyType: z.string(),
          region: z.string(),
          text: z.string(),
          provisional: z.boolean(),
        }),
      ),
    }),
  ),
});
export type TextsView = z.infer<typeof textsSchema>;

export const returnResult = z.object({ revision: z.number().int(), status: z.string(), submissionId: z.uuid() });

const counts = {
  total: z.number(),
  answered: z.number(),
  explained: z.number(),
  empty: z.number(),
  byReason: z.record(z.string(), z.number()),
};
const rollupRow = z.object({ key: z.string(), submissions: z.number(), ...counts });
export const completenessSchema = z.object({
  totals: z.object(counts),
  byOrganisation: z.array(rollupRow),
  bySection: z.array(rollupRow),
  byAgencyType: z.array(rollupRow),
  byRegion: z.array(rollupRow),
  byYear: z.array(rollupRow),
  campaigns: z.array(
    z.object({
      campaignId: z.uuid(),
      year: z.number(),
      recipients: z.number(),
      responded: z.number(),
      responseRate: z.number(),
      onTime: z.number(),
      late: z.number(),
      timelinessRate: z.number().nullable(),
    }),
  ),
  submissions: z.array(
    z.object({
      submissionId: z.uuid(),
      organisationId: z.uuid(),
      agencyType: z.string(),
      region: z.string(),
      year: z.number(),
      status: z.string(),
      ...counts,
      sections: z.array(z.object({ number: z.number(), ...counts })),
    }),
  ),
});
