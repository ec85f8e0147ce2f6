import { submissionStatuses } from '../../domain/states.js';
import { z } from 'zod';
import { requiredText, text } from '../../shared/text.js';
import { completenessSchema } from '../campaigns/campaigns.schemas.js';

export const submissionStatus = z.enum(['not_started', ...submissionStatuses]);

/** Shape check only; the questionnaire's validator checks items (so errors carry item ids and kk/ru text). */
export const contentSchema = z.object({ answers: z.record(text(200), z.unknown()) }).strict();
export type Content = z.infer<typeof contentSchema>;

export const issueSchema = z.object({
  itemId: z.string(),
  path: z.string(),
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  ruleId: z.string().optional(),
  /** Key to acknowledge a warning with on submit. */
  key: z.string(),
  message: z.string(),
  messages: z.object({ kk: z.string(), ru: z.string() }),
});
export type IssueView = z.infer<typeof issueSchema>;

/** Completeness as submission sees it (domain/questionnaire/readiness.ts). */
export const readinessSchema = z.object({
  required: z.number().int(),
  ready: z.number().int(),
  skipped: z.array(z.string()),
  blocking: z.number().int(),
});

export const commentSchema = z.object({
  id: z.uuid(),
  itemId: z.string(),
  comment: z.string(),
  revision: z.number(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});

export const correctionSchema = z.object({
  acceptedRevision: z.number().int(),
  revision: z.number().int(),
  reason: z.string(),
  findingId: z.number().nullable(),
  findingCode: z.string().nullable(),
  requestedByName: z.string().nullable(),
  createdAt: z.string(),
});

export const submissionSchema = z.object({
  campaignId: z.uuid(),
  organisationId: z.uuid(),
  agencyType: z.string(),
  questionnaireVersion: z.string(),
  status: submissionStatus,
  /** Also sent as the ETag; send it back in If-Match to write. */
  revision: z.number().int(),
  content: contentSchema,
  completeness: completenessSchema.nullable(),
  readiness: readinessSchema,
  /** What still stands between this content and a complete submission. */
  issues: z.array(issueSchema),
  comments: z.array(commentSchema),
  /** Reopened after acceptance and not yet accepted again (issue 20). */
  inCorrection: z.boolean(),
  corrections: z.array(correctionSchema),
  acknowledgements: z.record(z.string(), z.string()).nullable(),
  lastSavedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  deadline: z.string(),
  campaignStatus: z.string(),
  /** Whether the caller may save this submission now. */
  editable: z.boolean(),
});
export type SubmissionView = z.infer<typeof submissionSchema>;

/** A draft save's answer; `merged` when it was merged with changes saved since its base (apply `content`). */
export const saveResult = z.object({
  revision: z.number(),
  status: z.string(),
  issues: z.array(issueSchema),
  readiness: readinessSchema,
  merged: z.object({ baseRevision: z.number().int(), theirs: z.array(z.string()), content: contentSchema }).optional(),
  unchanged: z.boolean().optional(),
});

export const submissionParams = z.object({ campaignId: z.uuid(), organisationId: z.uuid() });
export const saveBody = z.object({ content: contentSchema }).strict();
export const submitBody = z.object({ acknowledgements: z.record(text(300), requiredText(2000)).default({}) }).strict();
export const returnBody = z
  .object({
    comments: z
      .array(z.object({ itemId: text(200), comment: requiredText(4000) }).strict())
      .min(1)
      .max(500),
  })
  .strict();

export const reopenBody = z
  .object({
    reason: requiredText(4000),
    comments: z
      .array(z.object({ itemId: text(200), comment: requiredText(4000) }).strict())
      .max(500)
      .default([]),
  })
  .strict();

export const revisionSummary = z.object({
  revision: z.number(),
  action: z.string(),
  status: z.string(),
  savedAt: z.string(),
  savedBy: z.string().nullable(),
  savedByName: z.string().nullable(),
});
export const historyQuery = z.object({ changes: z.enum(['true', 'false']).optional() });
/** A revision with, on request, the items it changed against the revision before it (the first: against nothing). */
export const historyEntry = revisionSummary.extend({
  changes: z.array(z.object({ itemId: z.string(), change: z.enum(['added', 'removed', 'changed']) })).optional(),
});
export const revisionParams = submissionParams.extend({ revision: z.coerce.number().int().min(1) });
export const revisionSchema = revisionSummary.extend({ content: contentSchema });
export const diffQuery = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });
export const diffSchema = z.array(
  z.object({
    itemId: z.string(),
    change: z.enum(['added', 'removed', 'changed']),
    before: z.unknown(),
    after: z.unknown(),
  }),
);

export const submissionListItem = z.object({
  organisationId: z.uuid(),
  name: z.object({ kk: z.string(), ru: z.string() }),
  agencyType: z.string(),
  region: z.string(),
  status: submissionStatus,
  revision: z.number().nullable(),
  lastSavedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  completeness: completenessSchema.nullable(),
});
