// Drizzle schema: the single description of the database. Migrations in
// migrations/ are generated from it with `npm run db:generate` and committed.
import { sql } from 'drizzle-orm';
import { type AnyPgColumn, bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const agencyTypes = pgTable('agency_types', {
  code: text('code').primaryKey(),
  nameKk: text('name_kk').notNull(),
  nameRu: text('name_ru').notNull(),
  sortOrder: integer('sort_order').notNull(),
});

export const regions = pgTable('regions', {
  code: text('code').primaryKey(),
  nameKk: text('name_kk').notNull(),
  nameRu: text('name_ru').notNull(),
  sortOrder: integer('sort_order').notNull(),
});

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyType: text('agency_type').notNull().references(() => agencyTypes.code),
    region: text('region').notNull().references(() => regions.code),
    parentId: uuid('parent_id').references((): AnyPgColumn => organisations.id),
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('organisations_parent_idx').on(t.parentId), index('organisations_type_region_idx').on(t.agencyType, t.region)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    disabled: boolean('disabled').notNull().default(false),
    /** Bumped on password reset so earlier tokens stop working. */
    tokenVersion: integer('token_version').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`)],
);

/** Failed sign-ins, counted over a sliding window per IP and per account (stateless rate limit). */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_failures_email_idx').on(t.email, t.at), index('login_failures_ip_idx').on(t.ip, t.at)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (t) => [index('audit_log_object_idx').on(t.objectType, t.objectId), index('audit_log_at_idx').on(t.at)],
);

/** A yearly data collection (Rules §9): a request to the subjects with a deadline. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportingYear: integer('reporting_year').notNull(),
    questionnaireVersion: text('questionnaire_version').notNull(),
    requestDate: date('request_date').notNull(),
    deadline: date('deadline').notNull(),
    /** draft -> open -> closed (reopen: closed -> open) */
    status: text('status').notNull().default('draft'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('campaigns_one_open_per_year_idx').on(t.reportingYear).where(sql`status = 'open'`)],
);

export const campaignRecipients = pgTable(
  'campaign_recipients',
  {
    campaignId: uuid('campaign_id').notNull().references(() => campaigns.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.organisationId] }), index('campaign_recipients_org_idx').on(t.organisationId)],
);

/** One per (campaign, organisation); its content lives in its revisions. */
export const submissions = pgTable(
  'submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id').notNull().references(() => campaigns.id),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id),
    questionnaireVersion: text('questionnaire_version').notNull(),
    agencyType: text('agency_type').notNull(),
    /** draft | submitted | returned | accepted */
    status: text('status').notNull().default('draft'),
    /** Current revision number: the ETag. */
    revision: integer('revision').notNull(),
    completeness: jsonb('completeness').notNull(),
    acknowledgements: jsonb('acknowledgements'),
    firstSavedAt: timestamp('first_saved_at', { withTimezone: true }).notNull().defaultNow(),
    lastSavedAt: timestamp('last_saved_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [uniqueIndex('submissions_campaign_org_idx').on(t.campaignId, t.organisationId)],
);

/** Every save and every state change: who, when, what, with the full content. */
export const submissionRevisions = pgTable(
  'submission_revisions',
  {
    submissionId: uuid('submission_id').notNull().references(() => submissions.id),
    revision: integer('revision').notNull(),
    /** save | submit | withdraw | return | accept | import */
    action: text('action').notNull(),
    status: text('status').notNull(),
    content: jsonb('content').notNull(),
    savedBy: uuid('saved_by').references(() => users.id),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.submissionId, t.revision] })],
);

/** An expert's comment on an item when returning a submission for correction. */
export const submissionComments = pgTable(
  'submission_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    submissionId: uuid('submission_id').notNull().references(() => submissions.id),
    itemId: text('item_id').notNull(),
    comment: text('comment').notNull(),
    /** The revision that was returned with this comment. */
    revision: integer('revision').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('submission_comments_submission_idx').on(t.submissionId)],
);
