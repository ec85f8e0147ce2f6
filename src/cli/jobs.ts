// Command-line tools run the steps as the server does (the same job handlers), in-process:
// a runner of their own works through the queue, and the job's outcome is returned.
import type { Db } from '../db/client.js';
import { findJob, type JobRow } from '../modules/jobs/jobs.repository.js';
import { JobRunner } from '../modules/jobs/jobs.runner.js';
import type { JobView } from '../modules/jobs/jobs.schemas.js';

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Runs queued jobs until none is left and returns this one, which must have succeeded. */
export async function runJobNow(db: Db, job: JobView): Promise<JobRow & { result: Record<string, unknown> }> {
  await new JobRunner(db, { leaseMs: 120_000, pollMs: 1000, concurrency: 1, log: quiet }).runUntilIdle();
  const done = await findJob(db, job.id);
  if (done?.status !== 'succeeded') throw new Error(`job ${job.kind} ${done?.status}: ${JSON.stringify(done?.error)}`);
  return done as JobRow & { result: Record<string, unknown> };
}
