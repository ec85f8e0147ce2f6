import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { CompletenessCounts } from '../../domain/questionnaire/completeness.js';
import type { SubmissionStatus } from '../../domain/states.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { prepared } from '../../db/prepared.js';
import {
  campaignRecipients,
  campaigns,
  organisations,
  submissionComments,
  submissionCorrections,
  submissionRevisions,
  submissions,
  users,
} from '../../db/schema.js';

export type SubmissionRow = typeof submissions.$inferSelect;

/** Everything a write needs about (campaign, organisation), in one round trip. */
export async function findTarget(db: Db, campaignId: string, organisationId: string) {
  const query = prepared(db, 'submissions_find_target', (d, name) =>
    d
      .select({
        campaignStatus: campaigns.status,
        questionnaireVersion: campaigns.questionnaireVersion,
        deadline: campaigns.deadline,
        agencyType: organisations.agencyType,
        organisationActive: organisations.active,
        // Reopened after acceptance: its focal point may edit it even once the campaign is closed.
        inCorrection: sql<boolean>`coalesce((select s.in_correction from submissions s where s.campaign_id = ${campaigns.id} and s.organisation_id = ${organisations.id}), false)`,
        isRecipient: sql<boolean>`exists (select 1 from campaign_recipients r where r.campaign_id = ${campaigns.id} and r.organisation_id = ${organisations.id})`,
      })
      .from(campaigns)
      .innerJoin(organisations, eq(organisations.id, sql.placeholder('organisationId')))
      .where(eq(campaigns.id, sql.placeholder('campaignId')))
      .limit(1)
      .prepare(name),
  );
  const [row] = await query.execute({ campaignId, organisationId });
  return row;
}

export const findSubmission = async (
  db: DbOrTx,
  campaignId: string,
  organisationId: string,
): Promise<SubmissionRow | undefined> =>
  (
    await db
      .select()
      .from(submissions)
      .where(and(eq(submissions.campaignId, campaignId), eq(submissions.organisationId, organisationId)))
      .limit(1)
  )[0];

export async function findRevision(db: DbOrTx, submissionId: string, revision: number) {
  return (
    await db
      .select()
      .from(submissionRevisions)
      .where(and(eq(submissionRevisions.submissionId, submissionId), eq(submissionRevisions.revision, revision)))
      .limit(1)
  )[0];
}

/** Every revision's content, oldest first. */
export function listRevisionContents(db: DbOrTx, submissionId: string) {
  return db
    .select({ revision: submissionRevisions.revision, content: submissionRevisions.content })
    .from(submissionRevisions)
    .where(eq(submissionRevisions.submissionId, submissionId))
    .orderBy(asc(submissionRevisions.revision));
}

/** Revisions after `after`, oldest first, with content and who saved them (what a stale write is merged against). */
export function listRevisionsAfter(db: DbOrTx, submissionId: string, after: number) {
  return db
    .select({
      revision: submissionRevisions.revision,
      content: submissionRevisions.content,
      savedAt: submissionRevisions.savedAt,
      savedBy: submissionRevisions.savedBy,
      savedByName: users.name,
    })
    .from(submissionRevisions)
    .leftJoin(users, eq(users.id, submissionRevisions.savedBy))
    .where(and(eq(submissionRevisions.submissionId, submissionId), gt(submissionRevisions.revision, after)))
    .orderBy(asc(submissionRevisions.revision));
}

export function listRevisions(db: DbOrTx, submissionId: string) {
  return db
    .select({
      revision: submissionRevisions.revision,
      action: submissionRevisions.action,
      status: submissionRevisions.status,
      savedAt: submissionRevisions.savedAt,
      savedBy: submissionRevisions.savedBy,
      savedByName: users.name,
    })
    .from(submissionRevisions)
    .leftJoin(users, eq(users.id, submissionRevisions.savedBy))
    .where(eq(submissionRevisions.submissionId, submissionId))
    .orderBy(desc(submissionRevisions.revision));
}

export async function insertFirstRevision(
  db: DbOrTx,
  values: {
    campaignId: string;
    organisationId: string;
    questionnaireVersion: string;
    agencyType: string;
    completeness: CompletenessCounts;
    userId: string;
  },
): Promise<SubmissionRow | undefined> {
  const [row] = await db
    .insert(submissions)
    .values({ ...values, status: 'draft', revision: 1, updatedBy: values.userId })
    .onConflictDoNothing()
    .returning();
  return row;
}

/**
 * A draft save as one atomic statement: bump the revision if it still equals
 * `expected`, the submission is editable, the campaign is open on `questionnaireVersion`,
 * the organisation is an active recipient of `agencyType`, the user is an enabled focal point of
 * it signed in with `tokenVersion`, and store the new revision's content. One round trip
 * of a prepared statement instead of three reads and a transaction of four keeps saves
 * close to the raw insert rate (npm run bench:api). Undefined when any check failed.
 */
export async function saveDraftRevision(
  db: Db,
  v: {
    campaignId: string;
    organisationId: string;
    questionnaireVersion: string;
    agencyType: string;
    tokenVersion: number;
    expected: number;
    completeness: unknown;
    content: unknown;
    action: 'save' | 'import';
    userId: string;
    savedAt: Date;
  },
): Promise<{ id: string; revision: number; status: string } | undefined> {
  const query = prepared(db, 'submissions_save_draft', (d, name) => {
    const p = (name: keyof typeof v) => sql.placeholder(name);
    const bumped = d
      .$with('bumped', { id: submissions.id, revision: submissions.revision, status: submissions.status })
      .as(sql`
      update ${submissions}
         set revision = revision + 1, completeness = ${p('completeness')}::jsonb, last_saved_at = ${p('savedAt')}::timestamptz, updated_by = ${p('userId')}::uuid
       where campaign_id = ${p('campaignId')}::uuid and organisation_id = ${p('organisationId')}::uuid and revision = ${p('expected')}::int and status in ('draft', 'returned')
         and exists (
           select 1 from ${campaigns} c
             join ${organisations} o on o.id = ${p('organisationId')}::uuid
             join ${campaignRecipients} r on r.campaign_id = c.id and r.organisation_id = o.id
            where c.id = ${p('campaignId')}::uuid and (c.status = 'open' or ${submissions.inCorrection}) and c.questionnaire_version = ${p('questionnaireVersion')}::text and o.agency_type = ${p('agencyType')}::text
              and o.active)
         and exists (
           select 1 from ${users} u
            where u.id = ${p('userId')}::uuid and not u.disabled and u.token_version = ${p('tokenVersion')}::int
              and u.organisation_id = ${p('organisationId')}::uuid and 'focal_point' = any(u.roles))
      returning id, revision, status`);
    return d
      .with(bumped)
      .insert(submissionRevisions)
      .select(
        d
          .select({
            submissionId: bumped.id,
            revision: bumped.revision,
            action: sql`${p('action')}::text`.as('action'),
            status: bumped.status,
            content: sql`${p('content')}::jsonb`.as('content'),
            savedBy: sql`${p('userId')}::uuid`.as('saved_by'),
            savedAt: sql`${p('savedAt')}::timestamptz`.as('saved_at'),
          })
          .from(bumped),
      )
      .returning({
        id: submissionRevisions.submissionId,
        revision: submissionRevisions.revision,
        status: submissionRevisions.status,
      })
      .prepare(name);
  });
  const [row] = await query.execute({
    ...v,
    completeness: JSON.stringify(v.completeness),
    content: JSON.stringify(v.content),
    savedAt: v.savedAt.toISOString(),
  });
  return row;
}

/** Bumps the revision if it still equals `expected` and the status allows it; undefined otherwise. */
export async function bumpRevision(
  db: DbOrTx,
  id: string,
  expected: number,
  allowedStatuses: SubmissionStatus[],
  patch: Partial<typeof submissions.$inferInsert>,
): Promise<SubmissionRow | undefined> {
  const [row] = await db
    .update(submissions)
    .set({ ...patch, revision: sql`${submissions.revision} + 1` })
    .where(
      and(eq(submissions.id, id), eq(submissions.revision, expected), inArray(submissions.status, allowedStatuses)),
    )
    .returning();
  return row;
}

export async function insertRevision(db: DbOrTx, values: typeof submissionRevisions.$inferInsert): Promise<void> {
  await db.insert(submissionRevisions).values(values);
}

export function listComments(db: DbOrTx, submissionId: string) {
  return db
    .select({
      id: submissionComments.id,
      itemId: submissionComments.itemId,
      comment: submissionComments.comment,
      revision: submissionComments.revision,
      authorName: users.name,
      createdAt: submissionComments.createdAt,
    })
    .from(submissionComments)
    .leftJoin(users, eq(users.id, submissionComments.authorId))
    .where(eq(submissionComments.submissionId, submissionId))
    .orderBy(asc(submissionComments.createdAt));
}

export async function insertCorrection(db: DbOrTx, row: typeof submissionCorrections.$inferInsert): Promise<void> {
  await db.insert(submissionCorrections).values(row);
}

/** Every reopening of a submission after acceptance, oldest first, with who asked for it. */
export function listCorrections(db: DbOrTx, submissionId: string) {
  return db
    .select({
      acceptedRevision: submissionCorrections.acceptedRevision,
      revision: submissionCorrections.revision,
      reason: submissionCorrections.reason,
      findingId: submissionCorrections.findingId,
      findingCode: submissionCorrections.findingCode,
      requestedByName: users.name,
      createdAt: submissionCorrections.createdAt,
    })
    .from(submissionCorrections)
    .leftJoin(users, eq(users.id, submissionCorrections.requestedBy))
    .where(eq(submissionCorrections.submissionId, submissionId))
    .orderBy(asc(submissionCorrections.createdAt));
}

export async function insertComments(db: DbOrTx, rows: (typeof submissionComments.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(submissionComments).values(rows);
}

/** Submissions of a campaign (optionally restricted to some organisations) with their organisation. */
