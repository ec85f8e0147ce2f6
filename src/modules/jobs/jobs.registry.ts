// The job kinds this process can run. A module registers its handlers when it is loaded
// (its routes import them), so every instance runs every kind:
//   registerJobHandler('notification.send', async ({ db, job, progress, complete }) => { ... });
import type { Db, Tx } from '../../db/client.js';
import type { MessageParams } from './jobs.messages.js';
import type { JobRow } from './jobs.repository.js';

export type JobResult = Record<string, unknown>;

export interface JobContext {
  db: Db;
  job: JobRow;
  /** Aborted when the job is cancelled, its lease is lost or the instance shuts down. */
  signal: AbortSignal;
  isCancelled: () => boolean;
  /**
   * Reports progress (0..1) with a message code (registerJobMessages) and its parameters. Cheap: kept in memory, written with the next
   * heartbeat. Throws when the job was aborted, so long loops stop at their next report.
   */
  progress: (fraction: number, message?: string, params?: MessageParams) => void;
  /**
   * Runs the job's final writes in one transaction together with the job's `succeeded` mark,
   * guarded by the lease: if this runner lost the job meanwhile (another instance took it
   * over) or it was cancelled, the transaction rolls back and nothing of it is kept. Returns
   * what `write` returned, which is stored as the job's result.
   */
  complete: <T extends JobResult>(write: (tx: Tx) => Promise<T>) => Promise<T>;
}

/**
 * A handler does its work (reading, computing, reporting progress) and ends with `complete`.
 * A handler that never calls it is completed with its return value and no writes of its own.
 * A thrown AppError fails the job with that error (its code and kk/ru text); other errors fail
 * it as internal. A handler may run again after its instance died: keep writes inside `complete`.
 */
export type JobHandler = (ctx: JobContext) => Promise<JobResult | undefined>;

const handlers = new Map<string, JobHandler>();

export function registerJobHandler(kind: string, handler: JobHandler): void {
  const known = handlers.get(kind);
  if (known && known !== handler) throw new Error(`job kind ${kind} already has a handler`);
  handlers.set(kind, handler);
}

export const jobHandler = (kind: string): JobHandler | undefined => handlers.get(kind);
export const jobKinds = (): string[] => [...handlers.keys()];
