// The jobs table: enqueue, claim with FOR UPDATE SKIP LOCKED under a lease, heartbeat, and the
// lease-guarded final marks. Every write by a runner names its worker id: a runner that lost its
// lease (another instance re-claimed the job) changes nothing.
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { jobs } from '../../db/schema.js';
import type { JobStatus } from '../../domain/states.js';

export type JobRow = typeof jobs.$inferSelect;
export type NewJob = typeof jobs.$inferInsert;

const active: JobStatus[] = ['queued', 'running'];

/** Inserts the job, or returns the active job holding the same dedupe key (`created: false`). */
export async function insertJob(db: DbOrTx, values: NewJob): Promise<{ job: JobRow; created: boolean }> {
  const [row] = await db
    .insert(jobs)
    .values(values)
    .onConflictDoNothing({ target: jobs.dedupeKey, where: sql`${jobs.status} in ('queued', 'running')` })
    .returning();
  if (row) return { job: row, created: true };
  const [existing] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.dedupeKey, values.dedupeKey!), inArray(jobs.status, active)))
    .limit(1);
  return { job: existing!, created: false };
}

export async function findJob(db: DbOrTx, id: string): Promise<JobRow | undefined> {
  const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
  return row;
}

export function jobsOfAssessment(db: DbOrTx, assessmentId: string, onlyActive: boolean) {
  return db
    .select()
    .from(jobs)
    .where(and(eq(jobs.assessmentId, assessmentId), onlyActive ? inArray(jobs.status, active) : undefined))
    .orderBy(desc(jobs.createdAt))
    .limit(50);
}

/**
 * Jobs whose lease expired and that nobody may claim again end here: failed when their instance
 * died too often (attempts used up), cancelled when a cancel was requested.
 */
export async function sweepExpired(db: DbOrTx, exhausted: Record<string, unknown>): Promise<void> {
  const expired = and(eq(jobs.status, 'running'), lt(jobs.leaseUntil, sql`now()`));
  await db
    .update(jobs)
    .set({ status: 'cancelled', message: 'job.cancelled', finishedAt: new Date(), leaseUntil: null })
    .where(and(expired, eq(jobs.cancelRequested, true)));
  await db
    .update(jobs)
    .set({
      status: 'failed',
      error: exhausted,
      message: 'job.attempts_exhausted',
      finishedAt: new Date(),
      leaseUntil: null,
    })
    .where(and(expired, sql`${jobs.attempts} >= ${jobs.maxAttempts}`));
}

/**
 * Claims the oldest runnable job of the given kinds: queued and due, or running with an expired
 * lease (its instance died). SKIP LOCKED lets runners race without waiting on each other; the row
 * lock makes the claim atomic, so one runner wins a job.
 */
export async function claimJob(
  db: DbOrTx,
  workerId: string,
  leaseMs: number,
  kinds: string[],
): Promise<JobRow | undefined> {
  if (!kinds.length) return undefined;
  const [row] = await db
    .update(jobs)
    .set({
      status: 'running',
      lockedBy: workerId,
      leaseUntil: sql`now() + ${leaseMs} * interval '1 millisecond'`,
      heartbeatAt: sql`now()`,
      attempts: sql`${jobs.attempts} + 1`,
      startedAt: sql`coalesce(${jobs.startedAt}, now())`,
    })
    .where(
      eq(
        jobs.id,
        sql`(select j.id from jobs j
              where j.kind in (${sql.join(
                kinds.map((k) => sql`${k}`),
                sql`, `,
              )})
                and not j.cancel_requested
                and ((j.status = 'queued' and j.run_after <= now())
                  or (j.status = 'running' and j.lease_until < now() and j.attempts < j.max_attempts))
              order by j.created_at
              limit 1
              for update skip locked)`,
      ),
    )
    .returning();
  return row;
}

/**
 * Extends the lease and stores the latest progress. Undefined when the lease is lost (another
 * runner holds the job, or it ended); otherwise whether a cancel was requested.
 */
export async function heartbeat(
  db: DbOrTx,
  id: string,
  workerId: string,
  leaseMs: number,
  progress: { progress: number; message: string | null },
): Promise<{ cancelRequested: boolean } | undefined> {
  const [row] = await db
    .update(jobs)
    .set({
      ...progress,
      heartbeatAt: sql`now()`,
      leaseUntil: sql`now() + ${leaseMs} * interval '1 millisecond'`,
    })
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running')))
    .returning({ cancelRequested: jobs.cancelRequested });
  return row;
}

/**
 * The job's final mark, guarded by the lease: written only while this worker holds the running
 * job (and, for success, no cancel was requested). False when the guard fails; the caller's
 * transaction must then roll back so the handler's writes are not kept either.
 */
export async function finishJob(
  db: DbOrTx,
  id: string,
  workerId: string,
  values: Partial<NewJob> & { status: JobStatus },
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ ...values, finishedAt: new Date(), leaseUntil: null })
    .where(
      and(
        eq(jobs.id, id),
        eq(jobs.lockedBy, workerId),
        eq(jobs.status, 'running'),
        values.status === 'succeeded' ? eq(jobs.cancelRequested, false) : undefined,
      ),
    )
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Hands a job back (instance shutting down): queued again, the attempt not counted. */
export async function releaseJob(db: DbOrTx, id: string, workerId: string): Promise<void> {
  await db
    .update(jobs)
    .set({ status: 'queued', lockedBy: null, leaseUntil: null, attempts: sql`greatest(${jobs.attempts} - 1, 0)` })
    .where(and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running')));
}

/** Cancels a queued job at once; flags a running one for its runner. Returns the row after. */
export async function requestCancel(db: DbOrTx, id: string): Promise<JobRow | undefined> {
  const [queued] = await db
    .update(jobs)
    .set({ status: 'cancelled', cancelRequested: true, finishedAt: new Date(), message: 'job.cancelled' })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'queued')))
    .returning();
  if (queued) return queued;
  const [running] = await db
    .update(jobs)
    .set({ cancelRequested: true })
    .where(and(eq(jobs.id, id), eq(jobs.status, 'running')))
    .returning();
  return running;
}
