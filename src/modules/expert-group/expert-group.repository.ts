// Database access of the expert group: the group, membership terms, meetings with attendance
// and files, and the specialists of an assessment. Takes a DbOrTx handle.
import { and, asc, desc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  assessmentSpecialists,
  expertGroup,
  expertGroupMeetings,
  expertGroupMembers,
  meetingAttendance,
  meetingFiles,
  organisations,
} from '../../db/schema.js';

export type MemberRow = typeof expertGroupMembers.$inferSelect;
export type MeetingRow = typeof expertGroupMeetings.$inferSelect;
export type SpecialistRow = typeof assessmentSpecialists.$inferSelect;

export async function findGroup(db: DbOrTx) {
  const [row] = await db.select().from(expertGroup).where(eq(expertGroup.id, 'standing'));
  return row;
}

export async function upsertGroup(
  db: DbOrTx,
  expectedVersion: number,
  values: Partial<typeof expertGroup.$inferInsert>,
) {
  const current = await findGroup(db);
  if (!current) {
    if (expectedVersion !== 0) return undefined;
    const [row] = await db
      .insert(expertGroup)
      .values({ ...values, id: 'standing' })
      .onConflictDoNothing()
      .returning();
    return row;
  }
  const [row] = await db
    .update(expertGroup)
    .set({ ...values, version: sql`${expertGroup.version} + 1`, updatedAt: new Date() })
    .where(and(eq(expertGroup.id, 'standing'), eq(expertGroup.version, expectedVersion)))
    .returning();
  return row;
}

const memberColumns = {
  member: expertGroupMembers,
  organisationNameKk: organisations.nameKk,
  organisationNameRu: organisations.nameRu,
  agencyType: organisations.agencyType,
};

/** Membership terms: current ones, those in force on `at`, or all (the history). */
export async function listMembers(db: DbOrTx, filter: { at?: string; history?: boolean }) {
  const where = filter.history
    ? undefined
    : filter.at
      ? and(
          lte(expertGroupMembers.joinedOn, filter.at),
          or(isNull(expertGroupMembers.leftOn), gt(expertGroupMembers.leftOn, filter.at)),
        )
      : isNull(expertGroupMembers.leftOn);
  return db
    .select(memberColumns)
    .from(expertGroupMembers)
    .innerJoin(organisations, eq(organisations.id, expertGroupMembers.organisationId))
    .where(where)
    .orderBy(asc(expertGroupMembers.joinedOn), asc(expertGroupMembers.name), asc(expertGroupMembers.createdAt));
}

export async function findMember(db: DbOrTx, id: string) {
  const [row] = await db
    .select(memberColumns)
    .from(expertGroupMembers)
    .innerJoin(organisations, eq(organisations.id, expertGroupMembers.organisationId))
    .where(eq(expertGroupMembers.id, id));
  return row;
}

export async function insertMember(db: DbOrTx, values: typeof expertGroupMembers.$inferInsert): Promise<MemberRow> {
  const [row] = await db.insert(expertGroupMembers).values(values).returning();
  return row!;
}

export async function endMember(db: DbOrTx, id: string, leftOn: string, reason: string | null) {
  const [row] = await db
    .update(expertGroupMembers)
    .set({ leftOn, leftReason: reason })
    .where(and(eq(expertGroupMembers.id, id), isNull(expertGroupMembers.leftOn)))
    .returning();
  return row;
}

export async function activeMemberOfUser(db: DbOrTx, userId: string) {
  const [row] = await db
    .select()
    .from(expertGroupMembers)
    .where(and(eq(expertGroupMembers.userId, userId), isNull(expertGroupMembers.leftOn)));
  return row;
}

// ---------------------------------------------------------------- meetings

export async function listMeetings(db: DbOrTx, assessmentId?: string): Promise<MeetingRow[]> {
  return db
    .select()
    .from(expertGroupMeetings)
    .where(assessmentId ? eq(expertGroupMeetings.assessmentId, assessmentId) : undefined)
    .orderBy(desc(expertGroupMeetings.heldOn), desc(expertGroupMeetings.createdAt));
}

export async function findMeeting(db: DbOrTx, id: string, forUpdate = false): Promise<MeetingRow | undefined> {
  const q = db.select().from(expertGroupMeetings).where(eq(expertGroupMeetings.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function insertMeeting(db: DbOrTx, values: typeof expertGroupMeetings.$inferInsert): Promise<MeetingRow> {
  const [row] = await db.insert(expertGroupMeetings).values(values).returning();
  return row!;
}

export async function updateMeetingVersioned(
  db: DbOrTx,
  id: string,
  expectedVersion: number,
  values: Partial<typeof expertGroupMeetings.$inferInsert>,
) {
  const [row] = await db
    .update(expertGroupMeetings)
    .set({ ...values, version: sql`${expertGroupMeetings.version} + 1`, updatedAt: new Date() })
    .where(and(eq(expertGroupMeetings.id, id), eq(expertGroupMeetings.version, expectedVersion)))
    .returning();
  return row;
}

export async function replaceAttendance(
  db: DbOrTx,
  meetingId: string,
  rows: { memberId: string; status: 'present' | 'absent' | 'excused' }[],
): Promise<void> {
  await db.delete(meetingAttendance).where(eq(meetingAttendance.meetingId, meetingId));
  if (rows.length) await db.insert(meetingAttendance).values(rows.map((r) => ({ ...r, meetingId })));
}

export async function attendanceOf(db: DbOrTx, meetingId: string) {
  return db
    .select({ memberId: meetingAttendance.memberId, name: expertGroupMembers.name, status: meetingAttendance.status })
    .from(meetingAttendance)
    .innerJoin(expertGroupMembers, eq(expertGroupMembers.id, meetingAttendance.memberId))
    .where(eq(meetingAttendance.meetingId, meetingId))
    .orderBy(expertGroupMembers.name);
}

export async function filesOf(db: DbOrTx, meetingId: string) {
  return db
    .select({
      name: meetingFiles.name,
      contentType: meetingFiles.contentType,
      size: meetingFiles.size,
      sha256: meetingFiles.sha256,
    })
    .from(meetingFiles)
    .where(eq(meetingFiles.meetingId, meetingId))
    .orderBy(meetingFiles.name);
}

export async function upsertFile(db: DbOrTx, values: typeof meetingFiles.$inferInsert): Promise<void> {
  await db
    .insert(meetingFiles)
    .values(values)
    .onConflictDoUpdate({
      target: [meetingFiles.meetingId, meetingFiles.name],
      set: {
        content: values.content,
        contentType: values.contentType,
        sha256: values.sha256,
        size: values.size,
        createdBy: values.createdBy,
        createdAt: new Date(),
      },
    });
}

export async function findMeetingFile(db: DbOrTx, meetingId: string, name: string) {
  const [row] = await db
    .select()
    .from(meetingFiles)
    .where(and(eq(meetingFiles.meetingId, meetingId), eq(meetingFiles.name, name)));
  return row;
}

// ---------------------------------------------------------------- specialists (§16)

export async function listSpecialists(db: DbOrTx, assessmentId: string): Promise<SpecialistRow[]> {
  return db
    .select()
    .from(assessmentSpecialists)
    .where(eq(assessmentSpecialists.assessmentId, assessmentId))
    .orderBy(assessmentSpecialists.createdAt, assessmentSpecialists.name);
}

export async function insertSpecialist(db: DbOrTx, values: typeof assessmentSpecialists.$inferInsert) {
  const [row] = await db.insert(assessmentSpecialists).values(values).returning();
  return row!;
}

export async function deleteSpecialist(db: DbOrTx, assessmentId: string, id: string) {
  const [row] = await db
    .delete(assessmentSpecialists)
    .where(and(eq(assessmentSpecialists.assessmentId, assessmentId), eq(assessmentSpecialists.id, id)))
    .returning();
  return row;
}

/** Does this specialist account have read access to the assessment's working materials? */
export async function hasSpecialistAccess(db: DbOrTx, assessmentId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: assessmentSpecialists.id })
    .from(assessmentSpecialists)
    .where(and(eq(assessmentSpecialists.assessmentId, assessmentId), eq(assessmentSpecialists.userId, userId)))
    .limit(1);
  return !!row;
}

/** The assessments whose working materials this specialist account may read. */
export async function grantedAssessmentIds(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: assessmentSpecialists.assessmentId })
    .from(assessmentSpecialists)
    .where(eq(assessmentSpecialists.userId, userId));
  return rows.map((r) => r.id);
}
