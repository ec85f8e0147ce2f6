// The standing expert group (Rules §4-5, §2(9)): its set-up, members each representing a subject
// with a role (terms of membership as history), its meetings with attendance, minutes, files and
// decisions linked to the assessment steps they decided; and the specialists of §16.
import { createHash } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/client.js';
import { hasRole, type AuthUser } from '../../shared/access.js';
import type { Actor } from '../../shared/context.js';
import { staleVersion } from '../../shared/shared.errors.js';
import { assessmentNotFound } from '../assessments/assessments.errors.js';
import { loadAssessment } from '../assessments/assessments.load.js';
import { listRuns } from '../assessments/assessments.repository.js';
import { audit } from '../audit/audit.repository.js';
import { findOrganisation } from '../organisations/organisations.repository.js';
import { getNarrative } from '../reports/reports.narrative.js';
import { findUserById } from '../users/users.repository.js';
import {
  attendanceInvalid,
  datesInvalid,
  decisionRunInvalid,
  meetingFileNotFound,
  meetingNotFound,
  memberAlreadyLeft,
  memberNotFound,
  memberUserActive,
  memberUserInvalid,
  organisationInvalid,
  specialistNotFound,
  specialistUserInvalid,
} from './expert-group.errors.js';
import {
  activeMemberOfUser,
  attendanceOf,
  deleteSpecialist,
  endMember,
  filesOf,
  findGroup,
  findMeeting,
  findMeetingFile,
  findMember,
  grantedAssessmentIds,
  hasSpecialistAccess,
  insertMeeting,
  insertMember,
  insertSpecialist,
  listMeetings,
  listMembers,
  listSpecialists,
  replaceAttendance,
  updateMeetingVersioned,
  upsertFile,
  upsertGroup,
  type MeetingRow,
  type SpecialistRow,
} from './expert-group.repository.js';
import type {
  GroupBody,
  MeetingBody,
  MeetingView,
  MemberBody,
  MemberChangeBody,
  MemberView,
  SpecialistBody,
  SpecialistView,
} from './expert-group.schemas.js';

type MemberJoin = Awaited<ReturnType<typeof listMembers>>[number];

const memberView = (r: MemberJoin): MemberView => ({
  id: r.member.id,
  name: r.member.name,
  userId: r.member.userId,
  organisationId: r.member.organisationId,
  organisationName: { kk: r.organisationNameKk, ru: r.organisationNameRu },
  agencyType: r.agencyType,
  role: r.member.role,
  joinedOn: r.member.joinedOn,
  leftOn: r.member.leftOn,
  leftReason: r.member.leftReason,
});

export async function getGroup(db: DbOrTx) {
  const group = await findGroup(db);
  const members = (await listMembers(db, {})).map(memberView);
  return {
    plannedSize: group?.plannedSize ?? null,
    meetingFrequency: group?.meetingFrequency ?? null,
    workFormat: group?.workFormat ?? null,
    basis: group?.basis ?? null,
    version: group?.version ?? 0,
    members,
  };
}

/** §5: the size, meeting frequency and format of work, as the authorised bodies set them. */
export async function updateGroup(db: Db, actor: Actor, expectedVersion: number, body: GroupBody) {
  return db.transaction(async (tx) => {
    const before = await findGroup(tx);
    const row = await upsertGroup(tx, expectedVersion, body);
    if (!row) throw staleVersion(before?.version ?? 0);
    await audit(tx, actor, 'expert_group.update', { type: 'expert_group', id: 'standing' }, { before, after: row });
    return getGroup(tx);
  });
}

export async function getMembers(db: Db, filter: { at?: string; history?: boolean }): Promise<MemberView[]> {
  return (await listMembers(db, filter)).map(memberView);
}

async function checkMemberUser(db: DbOrTx, userId: string | null | undefined): Promise<void> {
  if (!userId) return;
  const user = await findUserById(db, userId);
  if (!user || user.disabled || !user.roles.includes('expert')) throw memberUserInvalid();
  if (await activeMemberOfUser(db, userId)) throw memberUserActive();
}

export async function addMember(db: Db, actor: Actor, body: MemberBody): Promise<MemberView> {
  return db.transaction(async (tx) => {
    if (!(await findOrganisation(tx, body.organisationId))) throw organisationInvalid('organisationId');
    await checkMemberUser(tx, body.userId);
    const row = await insertMember(tx, {
      name: body.name,
      organisationId: body.organisationId,
      userId: body.userId ?? null,
      role: body.role,
      joinedOn: body.joinedOn,
      createdBy: actor.user.id,
    });
    const view = memberView((await findMember(tx, row.id))!);
    await audit(tx, actor, 'expert_group.member_add', { type: 'expert_group', id: row.id }, { after: view });
    return view;
  });
}

/** Ends the member's current term; a role change opens a new term from `on`, so the history keeps both. */
export async function changeMember(
  db: Db,
  actor: Actor,
  memberId: string,
  body: MemberChangeBody,
): Promise<MemberView> {
  return db.transaction(async (tx) => {
    const current = await findMember(tx, memberId);
    if (!current) throw memberNotFound();
    if (current.member.leftOn) throw memberAlreadyLeft();
    const end = body.leftOn ?? body.on!;
    if (end < current.member.joinedOn) throw datesInvalid(body.leftOn ? 'leftOn' : 'on');
    const reason = body.reason?.trim() || (body.role ? `role: ${current.member.role} -> ${body.role}` : null);
    if (!(await endMember(tx, memberId, end, reason))) throw memberAlreadyLeft();
    let result = memberView((await findMember(tx, memberId))!);
    if (body.role) {
      const next = await insertMember(tx, {
        name: current.member.name,
        organisationId: current.member.organisationId,
        userId: current.member.userId,
        role: body.role,
        joinedOn: end,
        createdBy: actor.user.id,
      });
      result = memberView((await findMember(tx, next.id))!);
    }
    await audit(
      tx,
      actor,
      'expert_group.member_update',
      { type: 'expert_group', id: memberId },
      { before: memberView(current), after: result },
    );
    return result;
  });
}

// ---------------------------------------------------------------- meetings

async function meetingView(db: DbOrTx, m: MeetingRow): Promise<MeetingView> {
  return {
    id: m.id,
    assessmentId: m.assessmentId,
    heldOn: m.heldOn,
    format: m.format,
    agenda: m.agenda,
    minutes: m.minutes,
    decisions: m.decisions.map((d) => ({
      text: d.text,
      step: d.step as MeetingView['decisions'][number]['step'],
      runId: d.runId,
    })),
    attendance: await attendanceOf(db, m.id),
    files: await filesOf(db, m.id),
    version: m.version,
    createdAt: m.createdAt.toISOString(),
  };
}

export async function getMeetings(db: DbOrTx, assessmentId?: string): Promise<MeetingView[]> {
  const rows = await listMeetings(db, assessmentId);
  return Promise.all(rows.map((m) => meetingView(db, m)));
}

export async function getMeeting(db: Db, meetingId: string): Promise<MeetingView> {
  const m = await findMeeting(db, meetingId);
  if (!m) throw meetingNotFound();
  return meetingView(db, m);
}

/** Attendance names members in the group on the meeting's date; decisions name runs of the meeting's assessment. */
async function checkMeeting(db: DbOrTx, body: MeetingBody, assessmentId: string | null) {
  if (assessmentId) await loadAssessment(db, assessmentId);
  const runs = assessmentId ? new Set((await listRuns(db, assessmentId)).map((r) => r.id)) : new Set<string>();
  (body.decisions ?? []).forEach((d, i) => {
    if (d.runId && !runs.has(d.runId)) throw decisionRunInvalid(i);
  });
  const onDate = new Set((await listMembers(db, { at: body.heldOn })).map((m) => m.member.id));
  const wrong = (body.attendance ?? []).map((a) => a.memberId).filter((id) => !onDate.has(id));
  const seen = new Set<string>();
  const repeated = (body.attendance ?? []).map((a) => a.memberId).filter((id) => seen.has(id) || !seen.add(id));
  if (wrong.length || repeated.length) throw attendanceInvalid([...new Set([...wrong, ...repeated])]);
}

const meetingValues = (body: MeetingBody, assessmentId: string | null) => ({
  assessmentId,
  heldOn: body.heldOn,
  format: body.format,
  agenda: body.agenda,
  minutes: body.minutes ?? null,
  decisions: (body.decisions ?? []).map((d) => ({ text: d.text, step: d.step, runId: d.runId ?? null })),
});

export async function createMeeting(db: Db, actor: Actor, body: MeetingBody): Promise<MeetingView> {
  return db.transaction(async (tx) => {
    const assessmentId = body.assessmentId ?? null;
    await checkMeeting(tx, body, assessmentId);
    const row = await insertMeeting(tx, { ...meetingValues(body, assessmentId), createdBy: actor.user.id });
    await replaceAttendance(tx, row.id, body.attendance ?? []);
    const view = await meetingView(tx, row);
    await audit(tx, actor, 'expert_group.meeting_create', { type: 'meeting', id: row.id }, { after: view });
    return view;
  });
}

export async function updateMeeting(
  db: Db,
  actor: Actor,
  meetingId: string,
  expectedVersion: number,
  body: MeetingBody,
): Promise<MeetingView> {
  return db.transaction(async (tx) => {
    const current = await findMeeting(tx, meetingId, true);
    if (!current) throw meetingNotFound();
    if (current.version !== expectedVersion) throw staleVersion(current.version);
    const before = await meetingView(tx, current);
    const assessmentId = body.assessmentId === undefined ? current.assessmentId : body.assessmentId;
    await checkMeeting(tx, body, assessmentId);
    const row = await updateMeetingVersioned(tx, meetingId, expectedVersion, meetingValues(body, assessmentId));
    if (!row) throw staleVersion(current.version);
    if (body.attendance !== undefined) await replaceAttendance(tx, meetingId, body.attendance);
    const after = await meetingView(tx, row);
    await audit(tx, actor, 'expert_group.meeting_update', { type: 'meeting', id: meetingId }, { before, after });
    return after;
  });
}

export async function addMeetingFile(
  db: Db,
  actor: Actor,
  meetingId: string,
  file: { name: string; contentType: string; content: Buffer },
): Promise<MeetingView> {
  return db.transaction(async (tx) => {
    const m = await findMeeting(tx, meetingId, true);
    if (!m) throw meetingNotFound();
    const sha256 = createHash('sha256').update(file.content).digest('hex');
    await upsertFile(tx, { meetingId, ...file, sha256, size: file.content.length, createdBy: actor.user.id });
    await audit(
      tx,
      actor,
      'expert_group.meeting_file',
      { type: 'meeting', id: meetingId },
      { after: { name: file.name, sha256, size: file.content.length } },
    );
    return meetingView(tx, m);
  });
}

export async function getMeetingFile(db: Db, meetingId: string, name: string) {
  const f = await findMeetingFile(db, meetingId, name);
  if (!f) throw meetingFileNotFound();
  return f;
}

// ---------------------------------------------------------------- specialists (§16)

const specialistView = (s: SpecialistRow): SpecialistView => ({
  id: s.id,
  assessmentId: s.assessmentId,
  kind: s.kind,
  name: s.name,
  field: s.field,
  organisation: s.organisation,
  contribution: s.contribution,
  userId: s.userId,
  readAccess: s.userId !== null,
});

export async function getSpecialists(db: Db, user: AuthUser, assessmentId: string): Promise<SpecialistView[]> {
  await loadAssessment(db, assessmentId, { readableBy: user });
  return (await listSpecialists(db, assessmentId)).map(specialistView);
}

export async function addSpecialist(
  db: Db,
  actor: Actor,
  assessmentId: string,
  body: SpecialistBody,
): Promise<SpecialistView> {
  return db.transaction(async (tx) => {
    await loadAssessment(tx, assessmentId, { forUpdate: true, writable: true });
    if (body.userId) {
      const u = await findUserById(tx, body.userId);
      if (!u || u.disabled || !u.roles.includes('specialist')) throw specialistUserInvalid();
    }
    const row = await insertSpecialist(tx, {
      assessmentId,
      kind: body.kind,
      name: body.name,
      field: body.field,
      organisation: body.organisation?.trim() || null,
      contribution: body.contribution,
      userId: body.userId ?? null,
      createdBy: actor.user.id,
    });
    const view = specialistView(row);
    await audit(tx, actor, 'specialist.add', { type: 'assessment', id: assessmentId }, { after: view });
    return view;
  });
}

export async function removeSpecialist(db: Db, actor: Actor, assessmentId: string, specialistId: string) {
  return db.transaction(async (tx) => {
    await loadAssessment(tx, assessmentId, { forUpdate: true, writable: true });
    const row = await deleteSpecialist(tx, assessmentId, specialistId);
    if (!row) throw specialistNotFound();
    await audit(
      tx,
      actor,
      'specialist.remove',
      { type: 'assessment', id: assessmentId },
      { before: specialistView(row) },
    );
  });
}

/**
 * A specialist reads the working materials (narrative drafts, step runs, the protected draft report)
 * only of an assessment that names their account; experts and administrators read all. Never raw data.
 */
export async function requireWorkingMaterials(db: DbOrTx, user: AuthUser, assessmentId: string) {
  const assessment = await loadAssessment(db, assessmentId);
  if (!hasRole(user, 'admin', 'expert') && !(await hasSpecialistAccess(db, assessmentId, user.id)))
    throw assessmentNotFound();
  return assessment;
}

export async function getWorkingMaterials(db: Db, user: AuthUser, assessmentId: string) {
  const a = await requireWorkingMaterials(db, user, assessmentId);
  const runs = (await listRuns(db, assessmentId)).map((r) => ({
    id: r.id,
    step: r.step,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt.toISOString(),
    inputHash: r.inputHash,
  }));
  return {
    assessment: {
      id: a.id,
      title: { kk: a.titleKk, ru: a.titleRu },
      startYear: a.startYear,
      endYear: a.endYear,
      status: a.status,
    },
    runs,
    narrative: (await getNarrative(db, assessmentId)).chapters,
    meetings: await getMeetings(db, assessmentId),
    specialists: (await listSpecialists(db, assessmentId)).map(specialistView),
  };
}

/** A specialist's assessments (those naming the account), newest first. */
export async function getGrantedAssessments(db: Db, user: AuthUser) {
  const ids = await grantedAssessmentIds(db, user.id);
  const rows = await Promise.all(ids.map((id) => loadAssessment(db, id)));
  return rows
    .sort((a, b) => b.startYear - a.startYear)
    .map((a) => ({
      id: a.id,
      title: { kk: a.titleKk, ru: a.titleRu },
      startYear: a.startYear,
      endYear: a.endYear,
      status: a.status,
    }));
}
