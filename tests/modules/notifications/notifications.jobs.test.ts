// Delivery as a recurring durable job: one job per time slot (deduplicated however many instances
// start), queued for the slot's start, run by the queue, queuing the next slot in its final
// transaction; a notice is e-mailed once however often the job runs.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../../src/db/schema.js';
import {
  NOTIFICATIONS_JOB,
  scheduleNotifications,
  startNotifications,
} from '../../../src/modules/notifications/notifications.jobs.js';
import type { Mailer } from '../../../src/modules/notifications/notifications.service.js';
import { setUpCollection } from '../../helpers/collection.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
const sent: { to: string; subject: string }[] = [];
const mailer: Mailer = {
  sendMail: async (m) => {
    sent.push({ to: m.to, subject: m.subject });
  },
};

const notificationJobs = () =>
  t.app.database.db.select().from(jobs).where(eq(jobs.kind, NOTIFICATIONS_JOB)).orderBy(jobs.runAfter);
const makeDue = () =>
  t.app.database.db
    .update(jobs)
    .set({ runAfter: new Date(Date.now() - 1000) })
    .where(and(eq(jobs.kind, NOTIFICATIONS_JOB), eq(jobs.status, 'queued')));

beforeAll(async () => {
  t = await createTestApp({ NOTIFY_INTERVAL_SECONDS: 60 });
  // Opening the campaign queues an e-mail to each of its focal points.
  await setUpCollection(t, 'ngo', 2041);
});
afterAll(() => t?.close());

describe('notification delivery on the job queue', () => {
  it('queues one job for the next slot however many instances start', async () => {
    await startNotifications(t.app, mailer);
    await startNotifications(t.app, mailer);
    await scheduleNotifications(t.app.database.db, 60);
    const queued = await notificationJobs();
    expect(queued).toHaveLength(1);
    expect(queued[0]!.status).toBe('queued');
    expect(queued[0]!.runAfter.getTime()).toBeGreaterThan(Date.now());
    // Not due yet: the queue leaves it.
    await t.runJobs();
    expect(sent).toEqual([]);
  });

  it('delivers when due, once, and queues the next slot in its final transaction', async () => {
    await makeDue();
    await t.runJobs();
    const afterFirst = sent.length;
    expect(afterFirst).toBeGreaterThan(0);
    const [done, next] = await notificationJobs();
    expect(done!.status).toBe('succeeded');
    expect(done!.result).toMatchObject({ sent: afterFirst });
    expect(next!.status).toBe('queued');
    expect(next!.runAfter.getTime()).toBeGreaterThan(Date.now());
    // The next round finds nothing new to send: every notice goes out once.
    await makeDue();
    await t.runJobs();
    expect(sent.length).toBe(afterFirst);
    expect((await notificationJobs()).filter((j) => j.status === 'queued')).toHaveLength(1);
  });
});
