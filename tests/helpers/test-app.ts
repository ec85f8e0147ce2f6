// The real app on an isolated database, with helpers to create users of each role
// and to call routes as them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { insertOrganisation } from '../../src/modules/organisations/organisations.repository.js';
import { createUser } from '../../src/modules/users/users.service.js';
import { insertMember } from '../../src/modules/expert-group/expert-group.repository.js';
import type { Role } from '../../src/shared/access.js';
import { openTestDatabase, type TestDatabaseOptions } from './database.js';

export const TEST_PASSWORD = 'correct-horse-battery-staple';

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  /** Creates a user and returns its id and a bearer token. */
  user: (
    roles: Role[],
    organisationId?: string | null,
    email?: string,
  ) => Promise<{ id: string; email: string; token: string }>;
  organisation: (agencyType: string, region: string, parentId?: string | null) => Promise<string>;
  /**
   * An expert who is a current expert-group member representing an organisation of the
   * coordinating body (Rules §6): the one who may start an assessment's steps and finalise it.
   */
  coordinator: (coordinatingBody?: 'mvd' | 'mtszn') => Promise<{ id: string; email: string; token: string }>;
  request: (token: string | null, opts: InjectOptions) => Promise<LightMyRequestResponse>;
  close: () => Promise<void>;
  /** Runs every queued job to its end (the app's own runner, as a server instance would). */
  runJobs: () => Promise<number>;
  /** Expects a 202 job answer, runs the queue and returns the job as GET /jobs/:id shows it. */
  finishJob: (token: string, res: LightMyRequestResponse) => Promise<JobViewLike>;
  /** POSTs a pipeline step (`.../quality`, `.../structuring`), runs its job and returns the stored run it made. */
  // biome-ignore lint/suspicious/noExplicitAny: a run's summary differs by step; tests read what they check.
  runStep: (token: string, url: string) => Promise<Record<string, any> & { id: string; inputHash: string }>;
}

export interface JobViewLike {
  id: string;
  kind: string;
  status: string;
  progress: number;
  message: string | null;
  error: { code: string; message: { kk: string; ru: string }; details?: Record<string, unknown> } | null;
  result: Record<string, unknown> & { runId?: string };
}

let counter = 0;

export async function createTestApp(
  overrides: Partial<Config> = {},
  databaseOptions: TestDatabaseOptions = {},
): Promise<TestApp> {
  const database = await openTestDatabase(databaseOptions);
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'ctip-')),
      // Jobs run when a test says so (runJobs): deterministic, no timers between tests.
      JOBS_RUNNER: 'false',
    },
    overrides,
  );
  const app = await buildApp({ config, database, ownsDatabase: true });
  await app.ready();
  const db = database.db;

  const request: TestApp['request'] = (token, opts) =>
    app.inject({
      ...opts,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(opts.headers ?? {}) },
    });

  const organisation: TestApp['organisation'] = async (agencyType, region, parentId = null) => {
    counter += 1;
    const row = await insertOrganisation(db, {
      agencyType,
      region,
      parentId,
      nameKk: `Ұйым ${counter}`,
      nameRu: `Организация ${counter}`,
    });
    return row.id;
  };
  const user: TestApp['user'] = async (roles, organisationId = null, email) => {
    counter += 1;
    const address = email ?? `${roles.join('-')}-${counter}-${Date.now()}@example.kz`;
    const created = await createUser(db, null, {
      email: address,
      name: `User ${counter}`,
      password: TEST_PASSWORD,
      roles,
      organisationId,
    });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: address, password: TEST_PASSWORD },
    });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
    return { id: created.id, email: address, token: res.json().token as string };
  };

  const finishJob: TestApp['finishJob'] = async (token, res) => {
    if (res.statusCode !== 202) throw new Error(`expected 202 with a job, got ${res.statusCode}: ${res.body}`);
    await app.jobs.runUntilIdle();
    const job = await request(token, { method: 'GET', url: `/api/v1/jobs/${res.json().id}` });
    return job.json() as JobViewLike;
  };

  return {
    app,
    config,
    request,
    organisation,
    user,
    async coordinator(coordinatingBody = 'mvd') {
      const organisationId = await organisation(coordinatingBody, 'astana');
      const u = await user(['expert']);
      await insertMember(db, {
        name: `Member ${counter}`,
        organisationId,
        userId: u.id,
        role: 'member',
        joinedOn: '2024-01-01',
      });
      return u;
    },
    close: () => app.close(),
    runJobs: () => app.jobs.runUntilIdle(),
    finishJob,
    async runStep(token, url) {
      const job = await finishJob(token, await request(token, { method: 'POST', url }));
      if (job.status !== 'succeeded') throw new Error(`step job ${job.status}: ${JSON.stringify(job)}`);
      const runs = (await request(token, { method: 'GET', url: url.replace(/\/[a-z]+$/, '/runs') })).json();
      return runs.find((r: { id: string }) => r.id === (job.result as { runId: string }).runId);
    },
  };
}
