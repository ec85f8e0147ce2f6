// The durable job queue on a real database: lease expiry and re-claim, two runners racing for
// the same jobs, the lease guard of the final transaction, cancel, shutdown hand-back, dedupe,
// attempts, and the HTTP routes (GET, cancel, an assessment's active jobs).
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import { auditLog, jobs } from '../../../src/db/schema.js';
import { registerJobMessages } from '../../../src/modules/jobs/jobs.messages.js';
import { type JobContext, registerJobHandler } from '../../../src/modules/jobs/jobs.registry.js';
import { claimJob, findJob } from '../../../src/modules/jobs/jobs.repository.js';
import { JobRunner } from '../../../src/modules/jobs/jobs.runner.js';
import { enqueueJob } from '../../../src/modules/jobs/jobs.service.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
let db: Db;
let expert: { id: string; token: string };
let focal: string;

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const runner = (leaseMs = 30_000) => new JobRunner(db, { leaseMs, pollMs: 50, concurrency: 1, log: quiet });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The test kinds' one write: a row per run that reached its final transaction. */
const writeOnce = (ctx: JobContext) =>
  ctx.complete(async (tx) => {
    await tx.insert(auditLog).values({ action: 'test.job_write', objectType: 'job', objectId: ctx.job.id });
    return { wrote: true };
  });
const writes = async (jobId: string) =>
  (
    await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'test.job_write'), eq(auditLog.objectId, jobId)))
  ).length;

// Handlers the tests steer: `gate` resolves a waiting handler, `runs` counts runs per job.
const runs = new Map<string, number>();
let gate: { open: () => void; reached: Promise<void> } | undefined;
function newGate() {
  let open!: () => void;
  let reach!: () => void;
  const opened = new Promise<void>((r) => {
    open = r;
  });
  const reached = new Promise<void>((r) => {
    reach = r;
  });
  gate = { open, reached };
  return { opened, reach };
}
let gateWait: { opened: Promise<void>; reach: () => void } | undefined;

registerJobMessages({ 'test.step': { kk: '{i}-қадам', ru: 'Шаг {i}' } });
registerJobHandler('test.count', async (ctx) => {
  runs.set(ctx.job.id, (runs.get(ctx.job.id) ?? 0) + 1);
  await sleep(5);
  return writeOnce(ctx);
});
registerJobHandler('test.gated', async (ctx) => {
  ctx.progress(0.25, 'waiting at the gate');
  gateWait?.reach();
  await gateWait?.opened;
  return writeOnce(ctx);
});
registerJobHandler('test.loop', async (ctx) => {
  for (let i = 0; i < 400; i++) {
    ctx.progress(i / 400, 'test.step', { i });
    await sleep(10);
  }
  return writeOnce(ctx);
});

const enqueue = async (kind: string, extra: { dedupeKey?: string; maxAttempts?: number } = {}) =>
  (await enqueueJob(db, { kind, createdBy: expert.id, ...extra })).job;

beforeAll(async () => {
  t = await createTestApp();
  db = t.app.database.db;
  expert = await t.user(['expert']);
  focal = (await t.user(['focal_point'], await t.organisation('ngo', 'almaty'))).token;
  // Jobs of other tests in this file must not be picked up by a later runner: each test drains.
}, 60_000);
afterAll(() => t?.close());

describe('job queue', () => {
  it('runs a job once and links its result', async () => {
    const job = await enqueue('test.count');
    expect(job.status).toBe('queued');
    expect(await runner().runUntilIdle()).toBe(1);
    const done = (await findJob(db, job.id))!;
    expect(done).toMatchObject({ status: 'succeeded', progress: 1, result: { wrote: true }, attempts: 1 });
    expect(done.lockedBy).toBeTruthy();
    expect(await writes(job.id)).toBe(1);
  });

  it('gives the same active job for the same dedupe key, a new one once it ended', async () => {
    const a = await enqueueJob(db, { kind: 'test.count', createdBy: expert.id, dedupeKey: 'k1' });
    const b = await enqueueJob(db, { kind: 'test.count', createdBy: expert.id, dedupeKey: 'k1' });
    expect([a.created, b.created]).toEqual([true, false]);
    expect(b.job.id).toBe(a.job.id);
    await runner().runUntilIdle();
    const c = await enqueueJob(db, { kind: 'test.count', createdBy: expert.id, dedupeKey: 'k1' });
    expect(c.created).toBe(true);
    await runner().runUntilIdle();
  });

  it('lets two racing runners run each job exactly once', async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, () => enqueue('test.count').then((j) => j.id)));
    const [a, b] = [runner(), runner()];
    const [na, nb] = await Promise.all([a.runUntilIdle(), b.runUntilIdle()]);
    expect(na + nb).toBe(12);
    for (const id of ids) {
      expect(runs.get(id), id).toBe(1);
      expect(await writes(id)).toBe(1);
      expect((await findJob(db, id))!.status).toBe('succeeded');
    }
  });

  it('claims a running job again once its lease expired (its instance died), and it completes once', async () => {
    const job = await enqueue('test.count');
    // An instance claims it and dies: nobody heartbeats.
    const dead = await claimJob(db, 'dead-instance', 200, ['test.count']);
    expect(dead?.id).toBe(job.id);
    expect(await runner().runUntilIdle()).toBe(0);
    await sleep(300);
    expect(await runner().runUntilIdle()).toBe(1);
    const done = (await findJob(db, job.id))!;
    expect(done.status).toBe('succeeded');
    expect(done.attempts).toBe(2);
    expect(done.lockedBy).not.toBe('dead-instance');
    expect(await writes(job.id)).toBe(1);
  });

  it("rolls back a runner's final writes when it lost the lease meanwhile", async () => {
    const job = await enqueue('test.gated');
    gateWait = newGate();
    const slow = runner();
    const running = slow.runUntilIdle();
    await gate!.reached;
    // Another instance takes the job over (as after an expired lease) while the first still runs.
    await db.update(jobs).set({ lockedBy: 'other-instance' }).where(eq(jobs.id, job.id));
    gate!.open();
    await running;
    expect(await writes(job.id)).toBe(0);
    const row = (await findJob(db, job.id))!;
    expect(row.status).toBe('running');
    expect(row.lockedBy).toBe('other-instance');
    // The new holder's lease ends; a runner finishes it, once.
    await db.update(jobs).set({ leaseUntil: sql`now() - interval '1 second'` }).where(eq(jobs.id, job.id));
    gateWait = undefined;
    expect(await runner().runUntilIdle()).toBe(1);
    expect(await writes(job.id)).toBe(1);
    expect((await findJob(db, job.id))!.status).toBe('succeeded');
  });

  it('fails a job whose instance died more often than its attempts allow', async () => {
    const job = await enqueue('test.count', { maxAttempts: 1 });
    await claimJob(db, 'dead-instance', 50, ['test.count']);
    await sleep(120);
    expect(await runner().runUntilIdle()).toBe(0);
    const row = (await findJob(db, job.id))!;
    expect(row.status).toBe('failed');
    expect((row.error as { code: string }).code).toBe('job.attempts_exhausted');
    expect(await writes(job.id)).toBe(0);
  });

  it('hands a running job back to the queue when its instance shuts down', async () => {
    const job = await enqueue('test.gated');
    gateWait = newGate();
    const r = runner();
    r.start();
    await gate!.reached;
    const stopping = r.stop();
    gate!.open();
    await stopping;
    const row = (await findJob(db, job.id))!;
    expect(row).toMatchObject({ status: 'queued', lockedBy: null, attempts: 0 });
    gateWait = undefined;
    expect(await runner().runUntilIdle()).toBe(1);
    expect(await writes(job.id)).toBe(1);
  });
});

describe('job routes', () => {
  const get = (token: string, id: string) => t.request(token, { method: 'GET', url: `/api/v1/jobs/${id}` });
  const cancel = (token: string, id: string) => t.request(token, { method: 'POST', url: `/api/v1/jobs/${id}/cancel` });

  it('cancels a queued job at once; the runner never runs it', async () => {
    const job = await enqueue('test.count');
    expect((await cancel(focal, job.id)).statusCode).toBe(404);
    const res = await cancel(expert.token, job.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelRequested: true });
    expect(await runner().runUntilIdle()).toBe(0);
    expect(runs.get(job.id)).toBeUndefined();
    const again = await cancel(expert.token, job.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('job.finished');
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'job.cancel'), eq(auditLog.objectId, job.id)));
    expect(audit).toHaveLength(1);
  });

  it('shows progress of a running job, and stops it on cancel without keeping its writes', async () => {
    const job = await enqueue('test.loop');
    const r = new JobRunner(db, { leaseMs: 900, pollMs: 50, concurrency: 1, log: quiet });
    const running = r.runUntilIdle();
    try {
      // Another instance's view (no local progress): the heartbeat stores it (a loaded machine may delay it).
      let stored = (await findJob(db, job.id))!;
      for (let i = 0; i < 200 && !(stored.status === 'running' && stored.progress > 0); i++) {
        await sleep(50);
        stored = (await findJob(db, job.id))!;
      }
      expect(stored.status).toBe('running');
      expect(stored.progress).toBeGreaterThan(0);
      // The message code with its parameters, and its text in both languages.
      const seen = (await get(expert.token, job.id)).json();
      expect(seen.message).toMatch(/^test\.step \{"i":\d+\}$/);
      expect(seen.messageText.ru).toMatch(/^Шаг \d+$/);
      expect(seen.messageText.kk).toMatch(/^\d+-қадам$/);
      expect((await cancel(expert.token, job.id)).json()).toMatchObject({ status: 'running', cancelRequested: true });
    } finally {
      // Whatever happened above, the runner ends before the next test (and before the app closes).
      await cancel(expert.token, job.id);
      await running;
    }
    const after = (await get(expert.token, job.id)).json();
    expect(after.status).toBe('cancelled');
    expect(after.error.code).toBe('job.cancelled');
    expect(after.messageText).toEqual({ kk: 'Тоқтатылды', ru: 'Отменено' });
    expect(after.progress).toBeLessThan(1);
    expect(await writes(job.id)).toBe(0);
  });

  it('answers 404 for an unknown job or one the caller may not follow', async () => {
    const job = await enqueue('test.count');
    expect((await get(focal, job.id)).statusCode).toBe(404);
    expect((await get(expert.token, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await get(expert.token, job.id)).json()).toMatchObject({
      id: job.id,
      kind: 'test.count',
      status: 'queued',
    });
    await runner().runUntilIdle();
  });
});
