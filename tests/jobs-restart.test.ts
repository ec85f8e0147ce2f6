// A server killed (SIGKILL) in the middle of finalisation: started again on the same database,
// its runner claims the job once the dead instance's lease has expired, finishes it, and the
// files, the disclosure run and the finalisation audit entry are stored exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { insertMember } from '../src/modules/expert-group/expert-group.repository.js';
import { insertOrganisation } from '../src/modules/organisations/organisations.repository.js';
import { createUser } from '../src/modules/users/users.service.js';
import { openTestDatabase } from './helpers/database.js';
import { type JobViewLike, TEST_PASSWORD, type TestApp } from './helpers/test-app.js';
import { createReportAssessment } from './modules/reports/fixture.js';
import { withoutDraftMarker } from '../src/reports/build/drafts.js';

const SECRET = 'restart-test-secret-restart-test-secret-0123';
let dataDir: string;
let databaseUrl: string | undefined;
let closeDatabase: (() => Promise<void>) | undefined;
const children: ChildProcess[] = [];
let assessmentId: string;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ctip-restart-'));
  if (process.env.DATABASE_URL) {
    const db = await openTestDatabase({ empty: true });
    databaseUrl = db.url;
    closeDatabase = db.close;
  }
  // The assessment, ready to finalise, prepared in-process on the database the server will use.
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: SECRET,
    DATA_DIR: dataDir,
    JOBS_RUNNER: 'false',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const app = await buildApp({ config });
  await app.ready();
  try {
    const db = app.database.db;
    for (const [email, roles] of [
      ['expert@restart.kz', ['expert']],
      ['admin@restart.kz', ['admin']],
    ] as const) {
      const created = await createUser(db, null, {
        email,
        name: email,
        password: TEST_PASSWORD,
        roles: [...roles],
        organisationId: null,
      });
      // The expert finalises as a member of the expert group for the coordinating body (Rules §6).
      if (email.startsWith('expert@')) {
        const mvd = await insertOrganisation(db, {
          agencyType: 'mvd',
          region: 'astana',
          parentId: null,
          nameKk: 'ІІМ',
          nameRu: 'МВД',
        });
        await insertMember(db, {
          name: email,
          organisationId: mvd.id,
          userId: created.id,
          role: 'member',
          joinedOn: '2024-01-01',
        });
      }
    }
    assessmentId = (await createReportAssessment({ app } as TestApp)).assessmentId;
    const token = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'expert@restart.kz', password: TEST_PASSWORD },
      })
    ).json().token;
    const base = `/api/v1/assessments/${assessmentId}/narrative`;
    const headers = { authorization: `Bearer ${token}` };
    const drafts = (await app.inject({ method: 'GET', url: `${base}/drafts`, headers })).json() as {
      chapter: string;
      textKk: string;
      textRu: string;
      revision: number;
    }[];
    for (const d of drafts) {
      const res = await app.inject({
        method: 'PUT',
        url: `${base}/${d.chapter}`,
        payload: { textKk: withoutDraftMarker(d.textKk), textRu: withoutDraftMarker(d.textRu) },
        headers: { ...headers, 'if-match': `"${d.revision}"` },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
  } finally {
    await app.close();
  }
}, 240_000);

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await closeDatabase?.();
  rmSync(dataDir, { recursive: true, force: true });
});

async function startServer(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    JWT_SECRET: SECRET,
    LOG_LEVEL: 'warn',
    // A short lease: the restarted instance re-claims the dead one's job within seconds.
    JOBS_LEASE_SECONDS: '3',
    JOBS_POLL_MS: '200',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  for (const name of ['VITEST', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', ...(databaseUrl ? [] : ['DATABASE_URL'])])
    delete env[name];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { child, url, output: () => output };
    await sleep(100);
  }
  throw new Error(`server did not start: ${output}`);
}

async function call(
  url: string,
  token: string | null,
  method: string,
  p: string,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${url}${p}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
  // biome-ignore lint/suspicious/noExplicitAny: the test reads several JSON shapes and checks them itself
  return { status: res.status, headers: res.headers, body: (await res.json().catch(() => null)) as any };
}

async function login(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  return ((await res.json()) as { token: string }).token;
}

it('finishes a finalisation whose server was killed, storing its files exactly once', async () => {
  const first = await startServer();
  const expert = await login(first.url, 'expert@restart.kz');
  const a = await call(first.url, expert, 'GET', `/api/v1/assessments/${assessmentId}`);
  const started = await call(first.url, expert, 'POST', `/api/v1/assessments/${assessmentId}/finalise`, {
    'if-match': String(a.headers.get('etag')),
  });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  const jobId = started.body.id as string;
  // Kill it once rendering has begun (progress past the protection step), before it completes.
  let seen: { status: string; progress: number } | undefined;
  for (let i = 0; i < 1200; i++) {
    seen = (await call(first.url, expert, 'GET', `/api/v1/jobs/${jobId}`)).body;
    if (seen!.status !== 'queued' && seen!.progress >= 0.3) break;
    await sleep(50);
  }
  expect(seen!.status, JSON.stringify(seen)).toBe('running');
  first.child.kill('SIGKILL');
  await new Promise((r) => first.child.once('exit', r));

  const second = await startServer();
  const token = await login(second.url, 'expert@restart.kz');
  let job: JobViewLike & { attempts: number } = started.body;
  for (let i = 0; i < 1800; i++) {
    job = (await call(second.url, token, 'GET', `/api/v1/jobs/${jobId}`)).body;
    if (!['queued', 'running'].includes(job.status)) break;
    await sleep(100);
  }
  expect(job.status, `${JSON.stringify(job)}\n${second.output()}`).toBe('succeeded');
  expect(job.attempts).toBe(2);
  const assessment = await call(second.url, token, 'GET', `/api/v1/assessments/${assessmentId}`);
  expect(assessment.body.status).toBe('finalised');
  const files = (await call(second.url, token, 'GET', `/api/v1/assessments/${assessmentId}/files`)).body as {
    name: string;
    sha256: string;
  }[];
  expect(files.map((f) => f.name).sort()).toEqual((job.result.files as { name: string }[]).map((f) => f.name).sort());
  expect(new Set(files.map((f) => f.name)).size).toBe(files.length);
  expect(files.length).toBeGreaterThan(4);
  const runs = (await call(second.url, token, 'GET', `/api/v1/assessments/${assessmentId}/runs`)).body as {
    step: string;
  }[];
  expect(runs.filter((r) => r.step === 'disclosure')).toHaveLength(1);
  const admin = await login(second.url, 'admin@restart.kz');
  const audit = (
    await call(second.url, admin, 'GET', `/api/v1/audit?objectType=assessment&objectId=${assessmentId}&limit=200`)
  ).body as { action: string }[];
  expect(audit.filter((e) => e.action === 'assessment.finalise')).toHaveLength(1);
  expect(audit.filter((e) => e.action === 'assessment.finalise_requested')).toHaveLength(1);
  second.child.kill('SIGTERM');
  await new Promise((r) => second.child.once('exit', r));
}, 300_000);
