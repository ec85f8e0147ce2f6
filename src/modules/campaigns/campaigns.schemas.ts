import { campaignStatuses, submissionStatuses } from '../../domain/states.js';
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const campaignStatus = z.enum(campaignStatuses);

export const campaignSchema = z.object({
  id: z.uuid(),
  reportingYear: z.number().int(),
  questionnaireVersion: z.string(),
  requestDate: z.string(),
  deadline: z.string(),
  status: campaignStatus,
  recipientCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type CampaignView = z.infer<typeof campaignSchema>;

export const createCampaignBody = z
  .object({
    reportingYear: z.number().int().min(2024).max(2100),
    questionnaireVersion: z.string().min(1).max(100),
    requestDate: isoDate.optional(),
    /** Default: request date + 1 month (Rules §9). */
    deadline: isoDate.optional(),
    /** Default: every active organisation. */
    recipients: z.array(z.uuid()).max(100_000).optional(),
  })
  .strict();

export const updateCampaignBody = z
  .object({ requestDate: isoDate.optional(), deadline: isoDate.optional(), questionnaireVersion: z.string().min(1).max(100).optional(), reportingYear: z.number().int().min(2024).max(2100).optional() })
  .strict();

export const recipientsBody = z.object({ organisationIds: z.array(z.uuid()).max(100_000) }).strict();
export const campaignIdParams = z.object({ id: z.uuid() });

export const completenessSchema = z.object({ total: z.number(), answered: z.number(), explained: z.number(), empty: z.number(), byReason: z.record(z.string(), z.number()) });

export const recipientProgress = z.object({
  organisationId: z.uuid(),
  name: z.object({ kk: z.string(), ru: z.string() }),
  agencyType: z.string(),
  region: z.string(),
  status: z.enum(['not_started', ...submissionStatuses]),
  lastSavedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  /** on_time / late once submitted; overdue when the deadline passed without a submission; pending otherwise. */
  timeliness: z.enum(['on_time', 'late', 'overdue', 'pending']),
  completeness: completenessSchema.nullable(),
});
export type RecipientProgress = z.infer<typeof recipientProgress>;

const rollup = z.object({
  key: z.string(),
  recipients: z.number(),
  byStatus: z.record(z.string(), z.number()),
  late: z.number(),
  overdue: z.number(),
  /** Mean share of items answered or explained, 0..1, over recipients that started. */
  completeness: z.number().nullable(),
});

export const progressSchema = z.object({
  campaign: campaignSchema,
  recipients: z.array(recipientProgress),
  byRegion: z.array(rollup),
  byAgencyType: z.array(rollup),
  totals: rollup,
});
export type ProgressView = z.infer<typeof progressSchema>;
export type Rollup = z.infer<typeof rollup>;
