// One runner per server instance: claims jobs from the shared table, runs their handlers one
// (or `concurrency`) at a time, extends the lease with a heartbeat that also stores progress,
// and ends each job exactly once (see JobContext.complete). An instance that dies leaves its
// job's lease to expire; any instance's runner then claims it again.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, Tx } from '../../db/client.js';
import { AppError } from '../../shared/errors.js';
import { jobAttemptsExhausted, jobCancelled, jobFailedInternally } from './jobs.errors.js';
import { encodeMessage } from './jobs.messages.js';
import { type JobContext, type JobResult, jobHandler, jobKinds } from './jobs.registry.js';
import { claimJob, finishJob, heartbeat, type JobRow, releaseJob, sweepExpired } from './jobs.repository.js';

export interface RunnerOptions {
  leaseMs: number;
  pollMs: number;
  concurrency: number;
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
}

/** Thrown inside a handler by `progress` once the job is aborted. */
export class JobAborted extends Error {
  constructor(readonly reason: 'cancelled' | 'lease_lost' | 'shutdown') {
    super(`job aborted: ${reason}`);
  }
}
/** The lease guard of the final mark failed: the transaction rolls back. */
class LeaseLost extends Error {}

interface Running {
  job: JobRow;
  progress: number;
  message: string | null;
  controller: AbortController;
  done: Promise<void>;
}

const SHUTDOWN_WAIT_MS = 5000;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

const errorOf = (err: AppError) => ({
  code: err.code,
  message: err.text,
  ...(err.details ? { details: err.details } : {}),
});

export class JobRunner {
  readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly running = new Map<string, Running>();
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly opts: RunnerOptions,
  ) {}

  /** Polls for jobs until stopped. */
  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.wake(), this.opts.pollMs);
    this.timer.unref();
    this.wake();
  }

  /** Looks for work now (after an enqueue in this instance). */
  wake(): void {
    if (this.stopped || this.polling || !this.timer) return;
    this.polling = true;
    this.fill()
      .catch((err: unknown) => this.opts.log.warn({ err }, 'job poll failed'))
      .finally(() => {
        this.polling = false;
      });
  }

  private async fill(): Promise<void> {
    while (!this.stopped && this.running.size < this.opts.concurrency) {
      const job = await this.claim();
      if (!job) return;
      this.launch(job);
    }
  }

  private async claim(): Promise<JobRow | undefined> {
    await sweepExpired(this.db, errorOf(jobAttemptsExhausted(0)));
    return claimJob(this.db, this.workerId, this.opts.leaseMs, jobKinds());
  }

  /** Claims and runs jobs one after another until none is runnable (tests, CLI). Returns how many ran. */
  async runUntilIdle(): Promise<number> {
    let n = 0;
    for (;;) {
      const job = await this.claim();
      if (!job) return n;
      this.launch(job);
      await this.running.get(job.id)?.done;
      n += 1;
    }
  }

  /** Progress of a job running here, fresher than the stored one (written at the next heartbeat). */
  localProgress(id: string): { progress: number; message: string | null } | undefined {
    const r = this.running.get(id);
    return r && { progress: r.progress, message: r.message };
  }

  /** Stops claiming, aborts running jobs and hands them back to the queue for another instance. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const running = [...this.running.values()];
    for (const r of running) r.controller.abort(new JobAborted('shutdown'));
    // Handed back at once (a handler stuck in work it cannot interrupt can no longer commit:
    // its lease guard fails), then a bounded wait for handlers to notice.
    await Promise.allSettled(running.map((r) => releaseJob(this.db, r.job.id, this.workerId)));
    await Promise.race([Promise.allSettled(running.map((r) => r.done)), sleep(SHUTDOWN_WAIT_MS)]);
  }

  private launch(job: JobRow): void {
    const controller = new AbortController();
    const entry: Running = { job, progress: job.progress, message: job.message, controller, done: Promise.resolve() };
    this.running.set(job.id, entry);
    entry.done = this.execute(entry).finally(() => {
      this.running.delete(job.id);
      this.wake();
    });
  }

  private async execute(entry: Running): Promise<void> {
    const { job, controller } = entry;
    const { log, leaseMs } = this.opts;
    const beat = async () => {
      const r = await heartbeat(this.db, job.id, this.workerId, leaseMs, {
        progress: entry.progress,
        message: entry.message,
      }).catch((err: unknown) => {
        log.warn({ err, jobId: job.id }, 'job heartbeat failed');
        return { cancelRequested: false };
      });
      if (!r) controller.abort(new JobAborted('lease_lost'));
      else if (r.cancelRequested) controller.abort(new JobAborted('cancelled'));
    };
    // A third of the lease, at most a second: progress stays fresh for other instances.
    const hb = setInterval(() => void beat(), Math.min(1000, Math.floor(leaseMs / 3)));
    let completed = false;
    const reason = () => (controller.signal.reason as JobAborted | undefined)?.reason;
    const ctx: JobContext = {
      db: this.db,
      job,
      signal: controller.signal,
      isCancelled: () => reason() === 'cancelled',
      progress: (fraction, message, params) => {
        if (controller.signal.aborted) throw controller.signal.reason;
        entry.progress = Math.max(entry.progress, Math.min(0.99, Math.max(0, fraction)));
        if (message !== undefined) entry.message = encodeMessage(message, params);
      },
      complete: async <T extends JobResult>(write: (tx: Tx) => Promise<T>) => {
        if (controller.signal.aborted) throw controller.signal.reason;
        return this.db.transaction(async (tx) => {
          const result = await write(tx);
          const ok = await finishJob(tx, job.id, this.workerId, {
            status: 'succeeded',
            progress: 1,
            message: 'job.done',
            result,
          });
          if (!ok) throw new LeaseLost();
          completed = true;
          return result;
        });
      },
    };
    const handler = jobHandler(job.kind)!;
    try {
      const result = await handler(ctx);
      if (!completed) await ctx.complete(async () => result ?? {});
      log.info({ jobId: job.id, kind: job.kind }, 'job succeeded');
    } catch (err) {
      await this.settle(job, err, reason()).catch((e: unknown) =>
        log.error({ err: e, jobId: job.id }, 'could not record the job outcome'),
      );
    } finally {
      clearInterval(hb);
    }
  }

  /** Records how a job that did not complete ended; a lost lease records nothing (the new holder decides). */
  private async settle(job: JobRow, err: unknown, aborted: JobAborted['reason'] | undefined): Promise<void> {
    const { log } = this.opts;
    if (aborted === 'lease_lost' || err instanceof LeaseLost) {
      // Lost to another runner, or cancelled just before the final mark: look again.
      log.warn({ jobId: job.id }, 'job lease lost; its writes were rolled back');
      await finishJob(this.db, job.id, this.workerId, {
        status: 'cancelled',
        message: 'job.cancelled',
        error: errorOf(jobCancelled()),
      });
      return;
    }
    if (aborted === 'shutdown') {
      await releaseJob(this.db, job.id, this.workerId);
      return;
    }
    if (aborted === 'cancelled') {
      await finishJob(this.db, job.id, this.workerId, {
        status: 'cancelled',
        message: 'job.cancelled',
        error: errorOf(jobCancelled()),
      });
      return;
    }
    const app = err instanceof AppError ? err : undefined;
    if (!app) log.error({ err, jobId: job.id, kind: job.kind }, 'job failed');
    await finishJob(this.db, job.id, this.workerId, {
      status: 'failed',
      message: 'job.failed',
      error: errorOf(app ?? jobFailedInternally()),
    });
  }
}
