// Drizzle schema: the single description of the database. Migrations in
// migrations/ are generated from it with `npm run db:generate` and committed.
import { sql } from 'drizzle-orm';
import { roles, type Role } from '../shared/access.js';
import type { CompletenessCounts } from '../domain/questionnaire/completeness.js';
import type { StoredContent } from '../domain/questionnaire/content.js';
import {
  actionStatuses,
  assessmentStatuses,
  attendanceStatuses,
  campaignStatuses,
  expertGroupRoles,
  meetingFormats,
  specialistKinds,
  coordinatingBodies,
  findingSeverities,
  jobStatuses,
  notificationChannels,
  notificationStatuses,
  revisionActions,
  runSteps,
  submissionStatuses,
} from '../domain/states.js';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  check,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** CHECK that a text column holds one of the listed values (the same list types the column). */
const oneOf = (name: string, column: AnyPgColumn, values: readonly string[]) =>
  check(name, sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`);

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
    agencyType: text('agency_type')
      .notNull()
      .references(() => agencyTypes.code),
    region: text('region')
      .notNull()
      .references(() => regions.code),
    parentId: uuid('parent_id').references((): AnyPgColumn => organisations.id),
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('organisations_parent_idx').on(t.parentId),
    index('organisations_type_region_idx').on(t.agencyType, t.region),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    roles: text('roles').array().notNull().$type<Role[]>(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    disabled: boolean('disabled').notNull().default(false),
    /** Bumped on password reset so earlier tokens stop working. */
    tokenVersion: integer('token_version').notNull().default(0),
    /** Language of the user's notifications (issue 20); the web app's switch sets it. */
    lang: text('lang', { enum: ['kk', 'ru'] })
      .notNull()
      .default('ru'),
    /** The user's own opt-out of notification e-mails; in-app notices are always kept. */
    emailNotifications: boolean('email_notifications').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`),
    oneOf('users_lang_check', t.lang, ['kk', 'ru']),
    check('users_roles_check', sql`${t.roles} <@ array[${sql.raw(roles.map((r) => `'${r}'`).join(', '))}]::text[]`),
  ],
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

/**
 * Requests counted against the per-user limits of expensive routes, one row per (route,
 * caller): in the database so every instance behind a load balancer counts the same hits.
 * Bounded by users x expensive routes; a row restarts when its window has passed.
 */
export const rateLimitHits = pgTable('rate_limit_hits', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  hits: integer('hits').notNull(),
});

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
    /** The request (Rules §9): the authorised body that sends it, its outgoing number and date. */
    requestingBody: text('requesting_body', { enum: coordinatingBodies }),
    outgoingNumber: text('outgoing_number'),
    outgoingDate: date('outgoing_date'),
    /** A correction campaign names the campaign of the same year it supersedes, and why. */
    supersedesCampaignId: uuid('supersedes_campaign_id').references((): AnyPgColumn => campaigns.id),
    supersedeReason: text('supersede_reason'),
    /** Set when a correction campaign superseded this one: it is then drawn into no assessment. */
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    /** draft -> open -> closed (reopen: closed -> open) */
    status: text('status', { enum: campaignStatuses }).notNull().default('draft'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('campaigns_one_open_per_year_idx').on(t.reportingYear).where(sql`status = 'open'`),
    // Rules §3: collection is yearly, so one campaign per reporting year unless superseded.
    uniqueIndex('campaigns_one_per_year_idx').on(t.reportingYear).where(sql`superseded_at is null`),
    oneOf('campaigns_status_check', t.status, campaignStatuses),
    oneOf('campaigns_requesting_body_check', t.requestingBody, coordinatingBodies),
  ],
);

export const campaignRecipients = pgTable(
  'campaign_recipients',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.organisationId] }),
    index('campaign_recipients_org_idx').on(t.organisationId),
  ],
);

/** One per (campaign, organisation); its content lives in its revisions. */
export const submissions = pgTable(
  'submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    questionnaireVersion: text('questionnaire_version').notNull(),
    agencyType: text('agency_type').notNull(),
    status: text('status', { enum: submissionStatuses }).notNull().default('draft'),
    /** Current revision number: the ETag. */
    revision: integer('revision').notNull(),
    completeness: jsonb('completeness').notNull().$type<CompletenessCounts>(),
    /** Warnings acknowledged at submission: `<itemId>#<rule>` -> comment. */
    acknowledgements: jsonb('acknowledgements').$type<Record<string, string>>(),
    firstSavedAt: timestamp('first_saved_at', { withTimezone: true }).notNull().defaultNow(),
    lastSavedAt: timestamp('last_saved_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    /** Reopened after acceptance (issue 20): editable by its focal point even once the campaign is closed. */
    inCorrection: boolean('in_correction').notNull().default(false),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('submissions_campaign_org_idx').on(t.campaignId, t.organisationId),
    oneOf('submissions_status_check', t.status, submissionStatuses),
  ],
);

/** Every save and every state change: who, when, what, with the full content. */
export const submissionRevisions = pgTable(
  'submission_revisions',
  {
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id),
    revision: integer('revision').notNull(),
    action: text('action', { enum: revisionActions }).notNull(),
    status: text('status', { enum: submissionStatuses }).notNull(),
    content: jsonb('content').notNull().$type<StoredContent>(),
    savedBy: uuid('saved_by').references(() => users.id),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.submissionId, t.revision] }),
    oneOf('submission_revisions_action_check', t.action, revisionActions),
    oneOf('submission_revisions_status_check', t.status, submissionStatuses),
  ],
);

/** An expert's comment on an item when returning a submission for correction. */
export const submissionComments = pgTable(
  'submission_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id),
    itemId: text('item_id').notNull(),
    comment: text('comment').notNull(),
    /** The revision that was returned with this comment. */
    revision: integer('revision').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('submission_comments_submission_idx').on(t.submissionId)],
);

/** An accepted submission reopened for correction (issue 20): why, by whom, from which accepted revision. */
export const submissionCorrections = pgTable(
  'submission_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id),
    /** The accepted revision that was reopened (still readable under /revisions/:n). */
    acceptedRevision: integer('accepted_revision').notNull(),
    /** The `reopen` revision this correction started. */
    revision: integer('revision').notNull(),
    reason: text('reason').notNull(),
    /** The quality finding that asked for it, if any (findings are replaced per run, so no foreign key). */
    findingId: bigint('finding_id', { mode: 'number' }),
    findingCode: text('finding_code'),
    requestedBy: uuid('requested_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('submission_corrections_submission_idx').on(t.submissionId)],
);

/**
 * The notification outbox (issue 20): one row per event x recipient x channel. The unique event key
 * makes every producer idempotent (never twice); `deliverNotifications` claims pending e-mail rows
 * with FOR UPDATE SKIP LOCKED. In-app rows are the notices users read.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** e.g. campaign.opened:<campaignId>, submission.returned:<submissionId>:<revision> */
    eventKey: text('event_key').notNull(),
    kind: text('kind').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    channel: text('channel', { enum: notificationChannels }).notNull(),
    lang: text('lang', { enum: ['kk', 'ru'] }).notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** Where in the web app the notice points (path). */
    link: text('link'),
    status: text('status', { enum: notificationStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_event_user_channel_idx').on(t.eventKey, t.userId, t.channel),
    index('notifications_user_idx').on(t.userId, t.channel, t.createdAt),
    index('notifications_pending_idx').on(t.status, t.nextAttemptAt),
    oneOf('notifications_channel_check', t.channel, notificationChannels),
    oneOf('notifications_status_check', t.status, notificationStatuses),
    oneOf('notifications_lang_check', t.lang, ['kk', 'ru']),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * The three-year risk assessment (Rules §3, §11-§19): which yearly campaigns it
 * draws on, who coordinates it (§6), and its state: draft -> finalised (immutable,
 * sent to the Commission's working body).
 */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    titleKk: text('title_kk').notNull(),
    titleRu: text('title_ru').notNull(),
    startYear: integer('start_year').notNull(),
    endYear: integer('end_year').notNull(),
    /** The authorised body coordinating this cycle: mvd | mtszn (they rotate, §6). */
    coordinatingBody: text('coordinating_body', { enum: coordinatingBodies }).notNull(),
    /** Also draw on submitted (not yet accepted) submissions, flagged in the results. */
    includeSubmitted: boolean('include_submitted').notNull().default(false),
    /** Published victim counts between 1 and this are suppressed. */
    suppressionThreshold: integer('suppression_threshold').notNull().default(10),
    riskRegisterVersion: text('risk_register_version').notNull(),
    /** International reports and studies (§10) the experts cite: [{title, url?, year?}]. */
    references: jsonb('references')
      .notNull()
      .default(sql`'[]'::jsonb`)
      .$type<{ title: string; url?: string; year?: number }[]>(),
    /** The Delphi round experts currently score. */
    currentRound: integer('current_round').notNull().default(1),
    status: text('status', { enum: assessmentStatuses }).notNull().default('draft'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    finalisedBy: uuid('finalised_by').references(() => users.id),
    finalisedAt: timestamp('finalised_at', { withTimezone: true }),
    /** Why an administrator let the same body coordinate two cycles in a row (§6 rotation overridden). */
    coordinationOverrideReason: text('coordination_override_reason'),
  },
  (t) => [
    oneOf('assessments_coordinating_body_check', t.coordinatingBody, coordinatingBodies),
    oneOf('assessments_status_check', t.status, assessmentStatuses),
  ],
);

export const assessmentCampaigns = pgTable(
  'assessment_campaigns',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.campaignId] })],
);

/** One run of a pipeline step (quality | structuring | ranking), reproducible from its inputs' hash and parameters. */
export const assessmentRuns = pgTable(
  'assessment_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    step: text('step', { enum: runSteps }).notNull(),
    inputHash: text('input_hash').notNull(),
    parameters: jsonb('parameters').notNull().$type<Record<string, unknown>>(),
    /** The step's result summary (for ranking: the ranked register). */
    result: jsonb('result').notNull(),
    resultHash: text('result_hash').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    index('assessment_runs_assessment_idx').on(t.assessmentId, t.step),
    oneOf('assessment_runs_step_check', t.step, runSteps),
  ],
);

/** A quality-check finding (step 1), replaced on every quality run. */
export const qualityFindings = pgTable(
  'quality_findings',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    runId: uuid('run_id')
      .notNull()
      .references(() => assessmentRuns.id, { onDelete: 'cascade' }),
    severity: text('severity', { enum: findingSeverities }).notNull(),
    /** e.g. completeness.empty, consistency.sum, reconciliation.mvd_referrals, outlier.temporal */
    code: text('code').notNull(),
    ruleId: text('rule_id'),
    itemId: text('item_id'),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    submissionId: uuid('submission_id').references(() => submissions.id),
    year: integer('year'),
    messageKk: text('message_kk').notNull(),
    messageRu: text('message_ru').notNull(),
    details: jsonb('details'),
  },
  (t) => [
    index('quality_findings_assessment_idx').on(t.assessmentId, t.severity),
    oneOf('quality_findings_severity_check', t.severity, findingSeverities),
  ],
);

/**
 * The structured fact table (step 2): one row per answer value, or per missing answer with its reason.
 * Derived rows, written only by the structuring job (COPY, in the transaction that holds the draft
 * assessment) from submissions, whose organisations are enforced there. No foreign keys: their
 * per-row checks were 60 % of the COPY (4.4 s of 507,000 rows at 10x, 1.6 s without); assessments
 * and organisations are never deleted (organisations are deactivated).
 */
export const facts = pgTable(
  'facts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    assessmentId: uuid('assessment_id').notNull(),
    year: integer('year').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    agencyType: text('agency_type').notNull(),
    region: text('region').notNull(),
    itemId: text('item_id').notNull(),
    /** Breakdown dimension and category (null for a plain value). */
    dimension: text('dimension'),
    category: text('category'),
    value: doublePrecision('value'),
    textValue: text('text_value'),
    missingReason: text('missing_reason'),
    /** The submission was submitted but not yet accepted when drawn on. */
    provisional: boolean('provisional').notNull().default(false),
  },
  (t) => [index('facts_assessment_item_idx').on(t.assessmentId, t.itemId)],
);

/** An expert's likelihood and impact score for one risk in one Delphi round; earlier rounds are kept. */
export const expertScores = pgTable(
  'expert_scores',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    riskCode: text('risk_code').notNull(),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => users.id),
    likelihood: integer('likelihood').notNull(),
    impact: integer('impact').notNull(),
    comment: text('comment'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.round, t.riskCode, t.expertId] })],
);

/** Every saved version of a report chapter's narrative, in Kazakh and Russian; the latest is current. */
export const narrativeRevisions = pgTable(
  'narrative_revisions',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    chapter: text('chapter').notNull(),
    revision: integer('revision').notNull(),
    textKk: text('text_kk').notNull(),
    textRu: text('text_ru').notNull(),
    savedBy: uuid('saved_by').references(() => users.id),
    savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.chapter, t.revision] })],
);

/** A finalised output file, stored so it re-downloads byte-identical. */
export const reportFiles = pgTable(
  'report_files',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    /** e.g. report-kk.pdf, report-ru.pdf, report.xlsx, facts.arrow, profile-mvd-kk.pdf */
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.name] })],
);

/**
 * Durable jobs (src/modules/jobs): every long step (quality, structuring, ranking, finalisation)
 * is a row here, claimed by any instance's runner with FOR UPDATE SKIP LOCKED and held by a lease
 * that the runner's heartbeat extends; a job whose lease expired (its instance died) is claimed again.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    assessmentId: uuid('assessment_id').references(() => assessments.id, { onDelete: 'cascade' }),
    status: text('status', { enum: jobStatuses }).notNull().default('queued'),
    progress: doublePrecision('progress').notNull().default(0),
    message: text('message'),
    error: jsonb('error'),
    /** The handler's input. */
    payload: jsonb('payload').notNull().default(sql`'{}'::jsonb`).$type<Record<string, unknown>>(),
    /** What the job produced (run id, file names), written in the same transaction as its rows. */
    result: jsonb('result').$type<Record<string, unknown>>(),
    /** At most one queued or running job per key (e.g. one finalisation per assessment). */
    dedupeKey: text('dedupe_key'),
    lockedBy: text('locked_by'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(3),
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    runAfter: timestamp('run_after', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    oneOf('jobs_status_check', t.status, jobStatuses),
    uniqueIndex('jobs_dedupe_active_idx').on(t.dedupeKey).where(sql`${t.status} in ('queued', 'running')`),
    index('jobs_claim_idx').on(t.status, t.runAfter),
    index('jobs_assessment_idx').on(t.assessmentId, t.createdAt),
  ],
);

// ---------------------------------------------------------------- expert group (Rules §4-6, §16)

/** The standing expert group (§4): one row; its size, meeting frequency and format are set by the authorised bodies (§5). */
export const expertGroup = pgTable('expert_group', {
  id: text('id').primaryKey().default('standing'),
  plannedSize: integer('planned_size'),
  meetingFrequency: text('meeting_frequency'),
  workFormat: text('work_format', { enum: meetingFormats }),
  /** The act that set the group up (number and date), as text. */
  basis: text('basis'),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: updatedAt(),
});

/**
 * A term of membership: a person representing a subject (organisation, §2(9)) in a role. A change of
 * role or a departure ends the term (leftOn) and a new role opens a new one, so the rows are the history.
 */
export const expertGroupMembers = pgTable(
  'expert_group_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The member's account, when they work in the platform (needed for a coordinator's rights). */
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role', { enum: expertGroupRoles }).notNull(),
    joinedOn: date('joined_on').notNull(),
    leftOn: date('left_on'),
    leftReason: text('left_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('expert_group_members_one_active_user_idx')
      .on(t.userId)
      .where(sql`left_on is null and user_id is not null`),
    oneOf('expert_group_members_role_check', t.role, expertGroupRoles),
  ],
);

/** A meeting of the expert group: date, format, agenda, minutes and decisions (linked to the assessment's steps). */
export const expertGroupMeetings = pgTable(
  'expert_group_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id').references(() => assessments.id, { onDelete: 'cascade' }),
    heldOn: date('held_on').notNull(),
    format: text('format', { enum: meetingFormats }).notNull(),
    agenda: text('agenda').notNull(),
    minutes: text('minutes'),
    /** [{text, step, runId}]: what was decided and which step (or stored run) it concerns. */
    decisions: jsonb('decisions')
      .notNull()
      .default(sql`'[]'::jsonb`)
      .$type<{ text: string; step: string; runId: string | null }[]>(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('expert_group_meetings_assessment_idx').on(t.assessmentId),
    oneOf('expert_group_meetings_format_check', t.format, meetingFormats),
  ],
);

export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => expertGroupMeetings.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => expertGroupMembers.id),
    status: text('status', { enum: attendanceStatuses }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.memberId] }),
    oneOf('meeting_attendance_status_check', t.status, attendanceStatuses),
  ],
);

/** Signed minutes and other documents of a meeting, stored with their sha256. */
export const meetingFiles = pgTable(
  'meeting_files',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => expertGroupMeetings.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    content: bytea('content').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.name] })],
);

/** Specialists, scientific institutions, NGO and international participants drawn into the analysis (§16). */
export const assessmentSpecialists = pgTable(
  'assessment_specialists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: specialistKinds }).notNull(),
    name: text('name').notNull(),
    field: text('field').notNull(),
    organisation: text('organisation'),
    contribution: text('contribution').notNull(),
    /** An account with the specialist role that may read the assessment's working materials. */
    userId: uuid('user_id').references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('assessment_specialists_assessment_idx').on(t.assessmentId),
    oneOf('assessment_specialists_kind_check', t.kind, specialistKinds),
  ],
);

// ---------------------------------------------------------------- Commission (Rules §18-19)

/** The results sent to the working body of the Interagency Commission (§18): when, under which number, which files. */
export const assessmentTransmittals = pgTable('assessment_transmittals', {
  assessmentId: uuid('assessment_id')
    .primaryKey()
    .references(() => assessments.id, { onDelete: 'cascade' }),
  sentOn: date('sent_on').notNull(),
  outgoingNumber: text('outgoing_number').notNull(),
  /** The published files sent, as stored at the time: [{name, sha256, size}]. */
  files: jsonb('files').notNull().$type<{ name: string; sha256: string; size: number }[]>(),
  note: text('note'),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
});

/** The Commission's consideration (§19): meeting, decision, and what became of each recommendation. */
export const commissionDecisions = pgTable('commission_decisions', {
  assessmentId: uuid('assessment_id')
    .primaryKey()
    .references(() => assessments.id, { onDelete: 'cascade' }),
  meetingOn: date('meeting_on').notNull(),
  protocolNumber: text('protocol_number'),
  decisionKk: text('decision_kk').notNull(),
  decisionRu: text('decision_ru').notNull(),
  recommendations: jsonb('recommendations')
    .notNull()
    .$type<{ id: string; status: string; textKk: string; textRu: string; agencyTypes: string[] }[]>(),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
});

/** Communicated to the subjects (§19): from then on every focal point reads the final outputs. */
export const assessmentPublications = pgTable('assessment_publications', {
  assessmentId: uuid('assessment_id')
    .primaryKey()
    .references(() => assessments.id, { onDelete: 'cascade' }),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  publishedBy: uuid('published_by').references(() => users.id),
});

/** Who has read a published file: one row per user and file, first and last read. */
export const readReceipts = pgTable(
  'read_receipts',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    fileName: text('file_name').notNull(),
    firstReadAt: timestamp('first_read_at', { withTimezone: true }).notNull().defaultNow(),
    lastReadAt: timestamp('last_read_at', { withTimezone: true }).notNull().defaultNow(),
    reads: integer('reads').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.userId, t.fileName] })],
);

/** An approved recommendation for one responsible agency type: the action its subjects report on. */
export const recommendationActions = pgTable(
  'recommendation_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    recommendationId: text('recommendation_id').notNull(),
    agencyType: text('agency_type')
      .notNull()
      .references(() => agencyTypes.code),
    textKk: text('text_kk').notNull(),
    textRu: text('text_ru').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('recommendation_actions_unique_idx').on(t.assessmentId, t.recommendationId, t.agencyType),
    index('recommendation_actions_agency_idx').on(t.agencyType),
  ],
);

/** A subject's follow-up report on an action within a yearly campaign (separate from the questionnaire). */
export const actionReports = pgTable(
  'action_reports',
  {
    actionId: uuid('action_id')
      .notNull()
      .references(() => recommendationActions.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    status: text('status', { enum: actionStatuses }).notNull(),
    done: text('done').notNull().default(''),
    evidence: text('evidence').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.actionId, t.campaignId, t.organisationId] }),
    index('action_reports_campaign_org_idx').on(t.campaignId, t.organisationId),
    oneOf('action_reports_status_check', t.status, actionStatuses),
  ],
);
