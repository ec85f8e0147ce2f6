import { campaignStatuses, coordinatingBodies, submissionStatuses } from '../../domain/states.js';
import { z } from 'zod';
import { text } from '../../shared/text.js';

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
  /** The request (Rules §9): requesting authorised body, outgoing number and date (null until recorded). */
  requestingBody: z.enum(coordinatingBodies).nullable(),
  outgoingNumber: z.string().nullable(),
  outgoingDate: z.string().nullable(),
  /** The term set by the request; `monthly` when it is the Rules' default of one month. */
  term: z.enum(['monthly', 'custom']),
  /** "Отчетный период / Есепті кезең" of every form: the reporting year's first and last day. */
  reportingPeriod: z.object({ from: z.string(), to: z.string() }),
  supersedesCampaignId: z.uuid().nullable(),
  supersedeReason: z.string().nullable(),
  supersededAt: z.string().nullable(),
});
export type CampaignView = z.infer<typeof campaignSchema>;

export const createCampaignBody = z
  .object({
    reportingYear: z.number().int().min(2024).max(2100),
    questionnaireVersion: text(100).min(1),
    requestDate: isoDate.optional(),
    /** Default: request date + 1 month (Rules §9). */
    deadline: isoDate.optional(),
    /** Default: every active organisation. */
    recipients: z.array(z.uuid()).max(100_000).optional(),
    requestingBody: z.enum(coordinatingBodies).optional(),
    outgoingNumber: text(100).min(1).optional(),
    outgoingDate: isoDate.optional(),
    /** A correction campaign: the closed campaign of the same year it replaces, and why. */
    supersedes: z
      .object({ campaignId: z.uuid(), reason: text(2000).min(3) })
      .strict()
      .optional(),
  })
  .strict();

export const updateCampaignBody = z
  .object({
    requestDate: isoDate.optional(),
    deadline: isoDate.optional(),
    questionnaireVersion: text(100).min(1).optional(),
    reportingYear: z.number().int().min(2024).max(2100).optional(),
    requestingBody: z.enum(coordinatingBodies).nullable().optional(),
    outgoingNumber: text(100).min(1).nullable().optional(),
    outgoingDate: isoDate.nullable().optional(),
  })
  .strict();

export const recipientsBody = z.object({ organisationIds: z.array(z.uuid()).max(100_000) }).strict();
export const campaignIdParams = z.object({ id: z.uuid() });

export const completenessSchema = z.object({
  total: z.number(),
  answered: z.number(),
  explained: z.number(),
  empty: z.number(),
  byReason: z.record(z.string(), z.number()),
  /** Readiness of a saved draft (items submission will accept, of those required); absent on older rows. */
  ready: z.number().optional(),
  required: z.number().optional(),
});

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
  /** Mean share done, 0..1 (readiness where stored, see completionShare), over recipients that started. */
  completeness: z.number().nullable(),
});

/** Filters, sort and page of the progress board's recipient list (the roll-ups are over all recipients). */
export const recipientQuery = z
  .object({
    region: z.string().max(100).optional(),
    agencyType: z.string().max(100).optional(),
    status: recipientProgress.shape.status.optional(),
    timeliness: recipientProgress.shape.timeliness.optional(),
    q: z.string().max(200).optional(),
    sort: z
      .enum(['name', 'region', 'agencyType', 'status', 'timeliness', 'completeness', 'submittedAt'])
      .default('region'),
    order: z.enum(['asc', 'desc']).default('asc'),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();
export type RecipientQuery = z.infer<typeof recipientQuery>;

export const progressSchema = z.object({
  campaign: campaignSchema,
  /** One page of the recipients matching the query. */
  recipients: z.array(recipientProgress),
  matched: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  byRegion: z.array(rollup),
  byAgencyType: z.array(rollup),
  /** One roll-up per region and agency type that has recipients: the board's matrix. */
  byRegionAndAgencyType: z.array(rollup.extend({ region: z.string(), agencyType: z.string() })),
  totals: rollup,
});
export type ProgressView = z.infer<typeof progressSchema>;
export type Rollup = z.infer<typeof rollup>;
