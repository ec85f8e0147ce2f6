// Every change is audited in the same transaction as the change itself, through one typed
// call: who (an actor, or a user id for sign-in), what (a known action), on which object,
// and the change (before/after).
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { auditLog } from '../../db/schema.js';
import type { Actor } from '../../shared/context.js';

type SubmissionAction = 'save' | 'import' | 'submit' | 'withdraw' | 'return' | 'accept' | 'reopen';

/** Every action the audit log records; a new one is added here first. */
export type AuditAction =
  | 'auth.login'
  | 'auth.login_failed'
  | 'user.create'
  | 'user.update'
  | 'user.disable'
  | 'user.password_reset'
  | 'user.preferences'
  | 'organisation.create'
  | 'organisation.update'
  | 'organisation.migrate'
  | 'campaign.create'
  | 'campaign.update'
  | 'campaign.recipients'
  | 'campaign.open'
  | 'campaign.reopen'
  | 'campaign.close'
  | 'campaign.supersede'
  | `submission.${SubmissionAction}`
  | 'assessment.create'
  | 'assessment.update'
  | `assessment.${'quality' | 'structuring'}_run`
  | 'assessment.finalise_requested'
  | 'assessment.finalise'
  // Raw victim-level data read by the expert group (restricted file, fact exports).
  | 'assessment.restricted_file_download'
  | 'assessment.facts_export'
  | 'narrative.save'
  | 'scoring.scores_save'
  | 'scoring.round_start'
  | 'scoring.ranking_run'
  | 'access.refused'
  | 'job.cancel'
  // Expert group, coordination, Commission and follow-up (issue 21).
  | 'assessment.coordination_override'
  | 'expert_group.update'
  | 'expert_group.member_add'
  | 'expert_group.member_update'
  | 'expert_group.meeting_create'
  | 'expert_group.meeting_update'
  | 'expert_group.meeting_file'
  | 'specialist.add'
  | 'specialist.update'
  | 'specialist.remove'
  | 'commission.transmittal'
  | 'commission.decision'
  // The results communicated to the subjects (§19): what a notification sender follows.
  | 'assessment.publish'
  | 'follow_up.report';

export type AuditObjectType =
  | 'user'
  | 'organisation'
  | 'campaign'
  | 'submission'
  | 'assessment'
  | 'job'
  | 'route'
  | 'expert_group'
  | 'meeting'
  | 'action';

/** A request's actor; or, where there is none yet (sign-in), the user id if known and the request id. */
export type AuditActor = Actor | { userId: string | null; requestId: string | null } | null;

export interface AuditChange {
  before?: unknown;
  after?: unknown;
}

export async function audit(
  db: DbOrTx,
  actor: AuditActor,
  action: AuditAction,
  object: { type: AuditObjectType; id?: string | null },
  change: AuditChange = {},
): Promise<void> {
  const who =
    actor === null
      ? { userId: null, requestId: null }
      : 'user' in actor
        ? { userId: actor.user.id, requestId: actor.requestId }
        : actor;
  await db.insert(auditLog).values({
    actorId: who.userId,
    action,
    objectType: object.type,
    objectId: object.id ?? null,
    before: change.before ?? null,
    after: change.after ?? null,
    requestId: who.requestId,
  });
}

export async function listAudit(
  db: DbOrTx,
  filter: { objectType?: string; objectId?: string; action?: string; limit: number; offset: number },
) {
  const conds: SQL[] = [];
  if (filter.objectType) conds.push(eq(auditLog.objectType, filter.objectType));
  if (filter.objectId) conds.push(eq(auditLog.objectId, filter.objectId));
  if (filter.action) conds.push(eq(auditLog.action, filter.action));
  return db
    .select()
    .from(auditLog)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(filter.limit)
    .offset(filter.offset);
}
