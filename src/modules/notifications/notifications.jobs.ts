// Deadline reminders and e-mail delivery as a durable, recurring job on the jobs queue: one job per
// time slot of NOTIFY_INTERVAL_SECONDS, its dedupe key the slot, so however many instances start or
// run, each slot is worked once; the job's final transaction queues the next slot's job, and a
// server start queues the current one (the chain survives every instance dying). Each step is safe
// to repeat after a crash: the scan inserts under unique event keys, the delivery claims rows with
// FOR UPDATE SKIP LOCKED and a lease.
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { registerJobHandler } from '../jobs/jobs.registry.js';
import { enqueueJob } from '../jobs/jobs.service.js';
import { createMailer } from './notifications.mailer.js';
import { deliverNotifications, type Mailer, scanDeadlines } from './notifications.service.js';

export const NOTIFICATIONS_JOB = 'notifications.deliver';

interface Settings {
  mailer: Mailer | null;
  from: string;
  publicUrl?: string;
  daysBefore: number;
  intervalSeconds: number;
  log: Parameters<typeof deliverNotifications>[2];
}

// Set by the server process from its configuration (the SMTP password never goes into a job's payload).
let settings: Settings | undefined;

const slotOf = (ms: number, intervalSeconds: number) => Math.floor(ms / (intervalSeconds * 1000));

/** Queues the job of the slot after `at`, or after `after` if later (deduplicated across instances by the slot). */
export async function scheduleNotifications(db: DbOrTx, intervalSeconds: number, at = Date.now(), after = 0) {
  const slot = Math.max(slotOf(at, intervalSeconds), after) + 1;
  return enqueueJob(db, {
    kind: NOTIFICATIONS_JOB,
    payload: { slot },
    dedupeKey: `${NOTIFICATIONS_JOB}:${slot}`,
    createdBy: null,
    runAfter: new Date(slot * intervalSeconds * 1000),
  });
}

/** Configures this instance to run the job and queues the next slot's (NOTIFY_INTERVAL_SECONDS 0: off). */
export async function startNotifications(app: FastifyInstance, mailer = createMailer(app.config)): Promise<void> {
  const { config } = app;
  if (config.NOTIFY_INTERVAL_SECONDS === 0) return;
  const log = app.log.child({ module: 'notifications' });
  if (!mailer) log.info({}, 'SMTP_HOST is not set: notification e-mails are off, in-app notices work');
  settings = {
    mailer,
    from: config.SMTP_FROM,
    ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
    daysBefore: config.REMINDER_DAYS_BEFORE,
    intervalSeconds: config.NOTIFY_INTERVAL_SECONDS,
    log,
  };
  await scheduleNotifications(app.database.db, config.NOTIFY_INTERVAL_SECONDS);
}

registerJobHandler(NOTIFICATIONS_JOB, async ({ db, job, complete }) => {
  // An instance that was not configured (a CLI runner) fails the job; the next server start queues a new one.
  if (!settings) throw new Error('notifications are not configured in this process');
  const s = settings;
  const reminders = await scanDeadlines(db, { daysBefore: s.daysBefore });
  const delivered = await deliverNotifications(db, s.mailer, s.log, {
    from: s.from,
    ...(s.publicUrl ? { publicUrl: s.publicUrl } : {}),
  });
  return complete(async (tx) => {
    // Never this job's own slot again, even if it ran early.
    await scheduleNotifications(tx, s.intervalSeconds, Date.now(), Number(job.payload.slot ?? 0));
    // The chain would otherwise leave a row per slot: a day of finished rounds is kept for inspection.
    await tx.execute(
      sql`delete from jobs where kind = ${NOTIFICATIONS_JOB} and status = 'succeeded' and finished_at < now() - interval '1 day'`,
    );
    return { reminders, ...delivered };
  });
});
