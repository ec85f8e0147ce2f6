// The jobs API for other modules and the routes: enqueue in the caller's transaction, read a
// job (with the fresher progress of a job running on this instance), list an assessment's jobs,
// cancel. Who may follow a job: its creator, administrators and experts; others get 404.
import type { Db, DbOrTx } from '../../db/client.js';
import { type AuthUser, hasRole } from '../../shared/access.js';
import type { Actor } from '../../shared/context.js';
import type { Lang } from '../../shared/lang.js';
import { audit } from '../audit/audit.repository.js';
import { jobFinished, jobNotFound } from './jobs.errors.js';
import { findJob, insertJob, type JobRow, jobsOfAssessment, requestCancel } from './jobs.repository.js';
import { messageText } from './jobs.messages.js';
import type { JobView } from './jobs.schemas.js';

export interface EnqueueJob {
  kind: string;
  assessmentId?: string | null;
  payload?: Record<string, unknown>;
  /** At most one queued or running job per key: enqueueing again returns that job (`created: false`). */
  dedupeKey?: string;
  createdBy: string | null;
  maxAttempts?: number;
  runAfter?: Date;
}

/** Adds a job in the caller's transaction: it becomes runnable when that transaction commits. */
export async function enqueueJob(tx: DbOrTx, job: EnqueueJob): Promise<{ job: JobRow; created: boolean }> {
  return insertJob(tx, {
    kind: job.kind,
    assessmentId: job.assessmentId ?? null,
    payload: job.payload ?? {},
    dedupeKey: job.dedupeKey ?? null,
    createdBy: job.createdBy,
    message: 'job.queued',
    ...(job.maxAttempts ? { maxAttempts: job.maxAttempts } : {}),
    ...(job.runAfter ? { runAfter: job.runAfter } : {}),
  });
}

/** The requester as a job stores it (payload.actor), so the handler audits in their name. */
export const actorPayload = (actor: Actor) => ({
  actor: { user: actor.user, requestId: actor.requestId, lang: actor.lang },
});
export const jobActor = (job: JobRow): Actor => {
  const a = job.payload.actor as { user: AuthUser; requestId: string; lang: Lang };
  return { user: a.user, requestId: a.requestId, lang: a.lang };
};

export type LocalProgress = (id: string) => { progress: number; message: string | null } | undefined;

export function jobView(j: JobRow, local?: LocalProgress): JobView {
  const live = j.status === 'running' ? local?.(j.id) : undefined;
  return {
    id: j.id,
    kind: j.kind,
    assessmentId: j.assessmentId,
    status: j.status,
    progress: live ? Math.max(live.progress, j.progress) : j.progress,
    message: live?.message ?? j.message,
    messageText: messageText(live?.message ?? j.message),
    error: j.error ?? null,
    result: j.result ?? null,
    attempts: j.attempts,
    cancelRequested: j.cancelRequested,
    createdBy: j.createdBy,
    createdAt: j.createdAt.toISOString(),
    startedAt: j.startedAt ? j.startedAt.toISOString() : null,
    finishedAt: j.finishedAt ? j.finishedAt.toISOString() : null,
  };
}

const mayFollow = (user: AuthUser, job: JobRow) => job.createdBy === user.id || hasRole(user, 'admin', 'expert');

export async function getJob(db: Db, user: AuthUser, jobId: string, local?: LocalProgress): Promise<JobView> {
  const job = await findJob(db, jobId);
  if (!job || !mayFollow(user, job)) throw jobNotFound();
  return jobView(job, local);
}

/** A queued job is cancelled at once; a running one stops at its next progress report. */
export async function cancelJob(db: Db, actor: Actor, jobId: string, local?: LocalProgress): Promise<JobView> {
  return db.transaction(async (tx) => {
    const job = await findJob(tx, jobId);
    if (!job || !mayFollow(actor.user, job)) throw jobNotFound();
    const after = await requestCancel(tx, jobId);
    if (!after) throw jobFinished(job.status);
    await audit(
      tx,
      actor,
      'job.cancel',
      { type: 'job', id: jobId },
      {
        before: { status: job.status },
        after: { status: after.status, kind: job.kind, assessmentId: job.assessmentId },
      },
    );
    return jobView(after, local);
  });
}

/** An assessment's jobs, newest first (at most 50); with `active`, the queued and running ones. */
export async function getAssessmentJobs(
  db: Db,
  assessmentId: string,
  active: boolean,
  local?: LocalProgress,
): Promise<JobView[]> {
  return (await jobsOfAssessment(db, assessmentId, active)).map((j) => jobView(j, local));
}
