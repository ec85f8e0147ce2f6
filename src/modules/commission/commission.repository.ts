// Database access of the Commission module: transmittal, decision, publication, read receipts
// and the actions arising from approved recommendations. Takes a DbOrTx handle.
import { and, desc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  actionReports,
  assessmentPublications,
  assessmentTransmittals,
  assessments,
  commissionDecisions,
  organisations,
  readReceipts,
  recommendationActions,
  users,
} from '../../db/schema.js';

export type TransmittalRow = typeof assessmentTransmittals.$inferSelect;
export type DecisionRow = typeof commissionDecisions.$inferSelect;
export type PublicationRow = typeof assessmentPublications.$inferSelect;
export type ActionRow = typeof recommendationActions.$inferSelect;

export async function findTransmittal(db: DbOrTx, assessmentId: string): Promise<TransmittalRow | undefined> {
  const [row] = await db
    .select()
    .from(assessmentTransmittals)
    .where(eq(assessmentTransmittals.assessmentId, assessmentId));
  return row;
}

export async function insertTransmittal(db: DbOrTx, values: typeof assessmentTransmittals.$inferInsert) {
  const [row] = await db.insert(assessmentTransmittals).values(values).onConflictDoNothing().returning();
  return row;
}

export async function findDecision(db: DbOrTx, assessmentId: string): Promise<DecisionRow | undefined> {
  const [row] = await db.select().from(commissionDecisions).where(eq(commissionDecisions.assessmentId, assessmentId));
  return row;
}

export async function insertDecision(db: DbOrTx, values: typeof commissionDecisions.$inferInsert) {
  const [row] = await db.insert(commissionDecisions).values(values).onConflictDoNothing().returning();
  return row;
}

export async function insertActions(db: DbOrTx, values: (typeof recommendationActions.$inferInsert)[]): Promise<void> {
  if (values.length) await db.insert(recommendationActions).values(values);
}

export async function findPublication(db: DbOrTx, assessmentId: string): Promise<PublicationRow | undefined> {
  const [row] = await db
    .select()
    .from(assessmentPublications)
    .where(eq(assessmentPublications.assessmentId, assessmentId));
  return row;
}

export async function insertPublication(db: DbOrTx, values: typeof assessmentPublications.$inferInsert) {
  const [row] = await db.insert(assessmentPublications).values(values).onConflictDoNothing().returning();
  return row;
}

/** Published assessments, newest first, with their decision. */
export async function listPublished(db: DbOrTx) {
  return db
    .select({
      assessment: assessments,
      publishedAt: assessmentPublications.publishedAt,
      decision: commissionDecisions,
    })
    .from(assessmentPublications)
    .innerJoin(assessments, eq(assessments.id, assessmentPublications.assessmentId))
    .innerJoin(commissionDecisions, eq(commissionDecisions.assessmentId, assessmentPublications.assessmentId))
    .orderBy(desc(assessments.endYear));
}

export async function actionsOf(db: DbOrTx, assessmentIds: string[], agencyType?: string): Promise<ActionRow[]> {
  if (assessmentIds.length === 0) return [];
  return db
    .select()
    .from(recommendationActions)
    .where(
      and(
        inArray(recommendationActions.assessmentId, assessmentIds),
        agencyType ? eq(recommendationActions.agencyType, agencyType) : undefined,
      ),
    )
    .orderBy(
      recommendationActions.assessmentId,
      recommendationActions.recommendationId,
      recommendationActions.agencyType,
    );
}

/** The latest published assessment that ended before `year` (the previous cycle for a campaign or assessment). */
export async function latestPublishedBefore(db: DbOrTx, year: number) {
  const [row] = await db
    .select({ id: assessments.id, startYear: assessments.startYear, endYear: assessments.endYear })
    .from(assessmentPublications)
    .innerJoin(assessments, eq(assessments.id, assessmentPublications.assessmentId))
    .where(lt(assessments.endYear, year))
    .orderBy(desc(assessments.endYear))
    .limit(1);
  return row;
}

export async function recordRead(
  db: DbOrTx,
  r: { assessmentId: string; userId: string; organisationId: string | null; fileName: string },
): Promise<void> {
  await db
    .insert(readReceipts)
    .values(r)
    .onConflictDoUpdate({
      target: [readReceipts.assessmentId, readReceipts.userId, readReceipts.fileName],
      set: { lastReadAt: sql`now()`, reads: sql`${readReceipts.reads} + 1` },
    });
}

export async function readsOf(db: DbOrTx, assessmentId: string, userId?: string) {
  return db
    .select({
      userId: readReceipts.userId,
      name: users.name,
      organisationId: readReceipts.organisationId,
      fileName: readReceipts.fileName,
      firstReadAt: readReceipts.firstReadAt,
      lastReadAt: readReceipts.lastReadAt,
    })
    .from(readReceipts)
    .innerJoin(users, eq(users.id, readReceipts.userId))
    .where(and(eq(readReceipts.assessmentId, assessmentId), userId ? eq(readReceipts.userId, userId) : undefined))
    .orderBy(readReceipts.firstReadAt);
}

/** The subjects results are communicated to: active organisations with their enabled focal points. */
export async function audience(db: DbOrTx) {
  const orgs = await db
    .select({
      id: organisations.id,
      nameKk: organisations.nameKk,
      nameRu: organisations.nameRu,
      agencyType: organisations.agencyType,
      region: organisations.region,
    })
    .from(organisations)
    .where(eq(organisations.active, true))
    .orderBy(organisations.agencyType, organisations.region, organisations.nameRu);
  const focal = await db
    .select({ id: users.id, email: users.email, organisationId: users.organisationId })
    .from(users)
    .where(and(eq(users.disabled, false), isNotNull(users.organisationId), sql`'focal_point' = any(${users.roles})`));
  return { orgs, focal };
}

// ---------------------------------------------------------------- follow-up on actions

export type ActionReportRow = typeof actionReports.$inferSelect;

export async function reportsOf(
  db: DbOrTx,
  filter: { campaignId?: string; organisationId?: string; actionIds: string[] },
) {
  if (filter.actionIds.length === 0) return [];
  return db
    .select()
    .from(actionReports)
    .where(
      and(
        inArray(actionReports.actionId, filter.actionIds),
        filter.campaignId ? eq(actionReports.campaignId, filter.campaignId) : undefined,
        filter.organisationId ? eq(actionReports.organisationId, filter.organisationId) : undefined,
      ),
    )
    .orderBy(actionReports.updatedAt);
}

/** Inserts (expectedVersion 0) or updates the report at its version; undefined when stale. */
export async function saveActionReport(
  db: DbOrTx,
  key: { actionId: string; campaignId: string; organisationId: string },
  expectedVersion: number,
  values: { status: ActionReportRow['status']; done: string; evidence: string; updatedBy: string },
): Promise<ActionReportRow | undefined> {
  if (expectedVersion === 0) {
    const [row] = await db
      .insert(actionReports)
      .values({ ...key, ...values })
      .onConflictDoNothing()
      .returning();
    return row;
  }
  const [row] = await db
    .update(actionReports)
    .set({ ...values, version: sql`${actionReports.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(actionReports.actionId, key.actionId),
        eq(actionReports.campaignId, key.campaignId),
        eq(actionReports.organisationId, key.organisationId),
        eq(actionReports.version, expectedVersion),
      ),
    )
    .returning();
  return row;
}
