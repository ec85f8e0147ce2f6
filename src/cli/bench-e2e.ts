// The assessment steps end to end, as users wait for them: a server process (src/server.ts) on a
// database loaded with the synthetic national dataset at a scale, each step started through the
// HTTP API (202) and its job polled until it ended. Per step the wall time from the request to the
// job's end; the server's peak RSS (VmHWM); and, in the same run, a raw COPY of the same fact rows
// into a copy of the facts table (same columns and indexes), for the ratio structuring / raw COPY.
// Each backend and scale runs in a child process of its own (memory per scale).
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type Database } from '../db/client.js';
import { copyRows } from '../db/copy.js';
import { migrateDatabase } from '../db/migrate.js';
import { FACT_COLUMNS, factCopyLine } from '../modules/assessments/assessments.repository.js';
import { createAssessment } from '../modules/assessments/assessments.service.js';
import { insertMember } from '../modules/expert-group/expert-group.repository.js';
import { seedReference } from '../modules/reference/reference.seed.js';
import { createUser } from '../modules/users/users.service.js';
import type { Actor } from '../shared/context.js';
import { loadNationalDataset } from '../synthetic/load.js';
import { generateNationalDataset } from '../synthetic/national.js';
import { saveSyntheticScores } from '../synthetic/save-scores.js';
import { withoutDraftMarker } from '../reports/build/drafts.js';

export type Backend = 'postgres' | 'pglite';
export const STEPS = ['quality', 'structuring', 'ranking', 'finalise'] as const;
export type Step = (typeof STEPS)[number];

export interface E2eFigures {
  backend: Backend;
  scale: number;
  submissions: number;
  facts: number;
  loadSeconds: number;
  seconds: Record<Step, number>;
  rawCopySeconds: number;
  peakMb: number;
  /** The server's peak RSS after each step (where the peak is reached). */
  peakAfter: Record<Step, number>;
  /** The fact table downloaded after structuring (GET facts.csv, facts.arrow): wall time to the last byte. */
  exports: Record<Export, { seconds: number; mb: number; peakMb: number }>;
}

const EXPORTS = ['facts.csv', 'facts.arrow'] as const;
type Export = (typeof EXPORTS)[number];

const PASSWORD = 'bench-password-not-for-production';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

async function adminQuery(url: string, text: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** The database of one run: a throw-away PostgreSQL database or a PGlite data directory. */
async function prepare(backend: Backend, pgUrl: string) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-e2e-'));
  if (backend === 'pglite') {
    return {
      dataDir,
      env: {} as Record<string, string>,
      open: () => openDatabase({ pgliteDir: path.join(dataDir, 'pglite') }),
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `bench_e2e_${randomBytes(4).toString('hex')}`;
  await adminQuery(pgUrl, `create database ${name}`);
  const url = Object.assign(new URL(pgUrl), { pathname: `/${name}` }).toString();
  return {
    dataDir,
    env: { DATABASE_URL: url } as Record<string, string>,
    open: () => openDatabase({ databaseUrl: url, poolSize: 4 }),
    drop: async () => {
      await sleep(500);
      await adminQuery(pgUrl, `drop database if exists ${name} with (force)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const actorOf = (u: { id: string; email: string; name: string }, roles: Actor['user']['roles']): Actor => ({
  user: { id: u.id, email: u.email, name: u.name, roles, organisationId: null, tokenVersion: 0 },
  requestId: 'bench',
  lang: 'ru',
});

/** Dataset, experts, their scores and a draft assessment, written before the server starts (not timed). */
async function seed(database: Database, scale: number) {
  const db = database.db;
  await migrateDatabase(database);
  await seedReference(db);
  const data = generateNationalDataset({ seed: 'bench', scale });
  await loadNationalDataset(db, data);
  const experts: Actor[] = [];
  for (let i = 1; i <= 5; i++) {
    const email = `expert-${i}@bench.kz`;
    const u = await createUser(db, null, {
      email,
      name: `Expert ${i}`,
      password: PASSWORD,
      roles: ['expert'],
      organisationId: null,
    });
    experts.push(actorOf({ id: u.id, email, name: u.name }, ['expert']));
  }
  // The bench's expert runs the steps, so it is a member for the coordinating body (Rules §6).
  const mvd = data.organisations.find((o) => o.agencyType === 'mvd')!;
  await insertMember(db, {
    name: experts[0]!.user.name,
    organisationId: mvd.id,
    userId: experts[0]!.user.id,
    role: 'chair',
    joinedOn: `${data.years[0]}-01-01`,
  });
  const assessment = await createAssessment(db, experts[0]!, {
    title: { kk: 'Бағалау', ru: 'Оценка' },
    startYear: data.years[0]!,
    coordinatingBody: 'mvd',
    campaignIds: data.campaigns.map((c) => c.id),
  });
  await saveSyntheticScores(db, 'bench', experts, assessment);
  return { assessmentId: assessment.id, submissions: data.submissions.length };
}

async function startServer(env: Record<string, string>, dataDir: string) {
  const port = await freePort();
  const serverEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    JWT_SECRET: randomBytes(24).toString('hex'),
    LOG_LEVEL: 'warn',
    RATE_LIMIT_HEAVY_MAX: '1000',
    JOBS_POLL_MS: '100',
    ...env,
  };
  const self = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../server.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', self], {
    env: serverEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    if (
      await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await sleep(100);
  }
  const peakMb = () => {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
  };
  const stop = async () => {
    child.kill('SIGTERM');
    if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
  };
  return { url, peakMb, stop, output: () => output };
}

async function http(url: string, token: string | null, method: string, p: string, body?: unknown, headers = {}) {
  const res = await fetch(`${url}${p}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: a bench reads the answers it needs
  return { status: res.status, etag: res.headers.get('etag'), body: (await res.json().catch(() => null)) as any };
}

/** Starts a step and waits for its job; the wall time from the request to the job's end. */
async function timedJob(url: string, token: string, p: string, headers = {}): Promise<number> {
  const t0 = performance.now();
  const res = await http(url, token, 'POST', p, undefined, headers);
  if (res.status !== 202) throw new Error(`${p}: ${res.status} ${JSON.stringify(res.body)}`);
  for (;;) {
    const job = (await http(url, token, 'GET', `/api/v1/jobs/${res.body.id}`)).body;
    if (job.status === 'succeeded') return (performance.now() - t0) / 1000;
    if (job.status !== 'queued' && job.status !== 'running') throw new Error(`${p}: job ${JSON.stringify(job)}`);
    await sleep(50);
  }
}

/** Downloads a file to its last byte; the wall time and its size. */
async function timedDownload(url: string, token: string, p: string): Promise<{ seconds: number; mb: number }> {
  const t0 = performance.now();
  const res = await fetch(`${url}${p}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
  const bytes = (await res.arrayBuffer()).byteLength;
  return { seconds: (performance.now() - t0) / 1000, mb: bytes / 1024 / 1024 };
}

/** The narrative drafts saved without their marker line: what finalisation requires (not timed). */
async function acceptNarrative(url: string, token: string, assessmentId: string) {
  const base = `/api/v1/assessments/${assessmentId}/narrative`;
  const drafts = (await http(url, token, 'GET', `${base}/drafts`)).body as {
    chapter: string;
    textKk: string;
    textRu: string;
    revision: number;
  }[];
  for (const d of drafts) {
    const res = await http(
      url,
      token,
      'PUT',
      `${base}/${d.chapter}`,
      { textKk: withoutDraftMarker(d.textKk), textRu: withoutDraftMarker(d.textRu) },
      {
        'if-match': `"${d.revision}"`,
      },
    );
    if (res.status !== 200) throw new Error(`narrative ${d.chapter}: ${res.status}`);
  }
}

/**
 * The same fact rows COPYed into a copy of the facts table, timed: same columns, defaults and indexes
 * (LIKE ... INCLUDING ALL) and the same foreign keys (which LIKE does not copy; their checks are part of
 * what writing facts costs).
 */
async function rawCopy(database: Database, assessmentId: string): Promise<{ rows: number; seconds: number }> {
  const rows = await database.query(
    `select year, organisation_id as "organisationId", agency_type as "agencyType", region, item_id as "itemId",
            dimension, category, value, text_value as "textValue", missing_reason as "missingReason", provisional
       from facts where assessment_id = $1 order by id`,
    [assessmentId],
  );
  const lines = rows.rows.map((r) => factCopyLine(assessmentId, r as unknown as Parameters<typeof factCopyLine>[1]));
  await database.query('create table bench_raw_facts (like facts including all)');
  const fks = await database.query(
    `select pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'facts'::regclass and contype = 'f'`,
  );
  for (const fk of fks.rows) await database.query(`alter table bench_raw_facts add ${String(fk.def)}`);
  const t0 = performance.now();
  await database.db.transaction((tx) => copyRows(tx, 'bench_raw_facts', FACT_COLUMNS, lines));
  const seconds = (performance.now() - t0) / 1000;
  await database.query('drop table bench_raw_facts');
  return { rows: lines.length, seconds };
}

async function runOne(backend: Backend, scale: number, pgUrl: string): Promise<E2eFigures> {
  const target = await prepare(backend, pgUrl);
  try {
    let t0 = performance.now();
    let database = await target.open();
    const { assessmentId, submissions } = await seed(database, scale);
    await database.close();
    const loadSeconds = (performance.now() - t0) / 1000;
    const server = await startServer(target.env, target.dataDir);
    const seconds = {} as Record<Step, number>;
    const peakAfter = {} as Record<Step, number>;
    const exports = {} as E2eFigures['exports'];
    let peakMb = Number.NaN;
    try {
      const login = await http(server.url, null, 'POST', '/api/v1/auth/login', {
        email: 'expert-1@bench.kz',
        password: PASSWORD,
      });
      const token = login.body.token as string;
      const base = `/api/v1/assessments/${assessmentId}`;
      seconds.quality = await timedJob(server.url, token, `${base}/quality`);
      peakAfter.quality = server.peakMb();
      seconds.structuring = await timedJob(server.url, token, `${base}/structuring`);
      peakAfter.structuring = server.peakMb();
      for (const name of EXPORTS)
        exports[name] = { ...(await timedDownload(server.url, token, `${base}/${name}`)), peakMb: server.peakMb() };
      seconds.ranking = await timedJob(server.url, token, `${base}/ranking`);
      peakAfter.ranking = server.peakMb();
      await acceptNarrative(server.url, token, assessmentId);
      const etag = (await http(server.url, token, 'GET', base)).etag!;
      seconds.finalise = await timedJob(server.url, token, `${base}/finalise`, { 'if-match': etag });
      peakAfter.finalise = server.peakMb();
    } catch (err) {
      throw new Error(`${(err as Error).message}\n${server.output()}`);
    } finally {
      peakMb = server.peakMb();
      await server.stop();
    }
    t0 = performance.now();
    database = await target.open();
    const raw = await rawCopy(database, assessmentId);
    await database.close();
    return {
      backend,
      scale,
      submissions,
      facts: raw.rows,
      loadSeconds,
      seconds,
      rawCopySeconds: raw.seconds,
      peakMb,
      peakAfter,
      exports,
    };
  } finally {
    await target.drop();
  }
}

const s = (x: number) => x.toFixed(2);
const label = (b: Backend) => (b === 'postgres' ? 'PostgreSQL' : 'PGlite');

/** Runs every backend x scale (each in a child process) and prints the figures; the last line is the 10x summary. */
export function benchEndToEnd(opts: { backends: Backend[]; scales: number[]; pgUrl: string }): E2eFigures[] {
  const self = fileURLToPath(import.meta.url);
  const figures: E2eFigures[] = [];
  for (const backend of opts.backends)
    for (const scale of opts.scales) {
      const out = execFileSync(
        process.execPath,
        ['--import', 'tsx', '--max-old-space-size=8192', self, `--child=${backend}:${scale}`, `--pg-url=${opts.pgUrl}`],
        { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const f = JSON.parse(out.trim().split('\n').pop()!) as E2eFigures;
      figures.push(f);
      console.log(
        `\n${label(backend)} ${scale}x: ${f.submissions} submissions, ${f.facts} facts (loaded in ${s(f.loadSeconds)} s, not timed)`,
      );
      for (const step of STEPS) {
        const extra =
          step === 'structuring'
            ? `   raw COPY of the same ${f.facts} rows ${s(f.rawCopySeconds)} s: x${(f.seconds.structuring / f.rawCopySeconds).toFixed(2)}`
            : '';
        console.log(
          `  ${step.padEnd(12)} ${s(f.seconds[step]).padStart(8)} s   server peak so far ${f.peakAfter?.[step] ?? '?'} MB${extra}`,
        );
      }
      for (const name of EXPORTS) {
        const x = f.exports[name];
        console.log(
          `  ${name.padEnd(12)} ${s(x.seconds).padStart(8)} s   server peak so far ${x.peakMb} MB   (${x.mb.toFixed(1)} MB downloaded after structuring)`,
        );
      }
      console.log(`  server peak RSS ${f.peakMb} MB`);
    }
  console.log('\nSeconds per 1000 submissions (flat = linear growth):');
  for (const f of figures)
    console.log(
      `  ${label(f.backend).padEnd(10)} ${String(f.scale).padStart(3)}x: ${STEPS.map((st) => `${st} ${((f.seconds[st] * 1000) / f.submissions).toFixed(2)}`).join(', ')}`,
    );
  const ten = figures.find((f) => f.scale === 10 && f.backend === 'postgres') ?? figures.find((f) => f.scale === 10);
  if (ten) {
    const q = ten.seconds;
    console.log(
      `end-to-end 10x: quality ${s(q.quality)} s, structuring ${s(q.structuring)} s (x${(q.structuring / ten.rawCopySeconds).toFixed(2)} of raw COPY), ranking ${s(q.ranking)} s, finalise ${s(q.finalise)} s, peak ${ten.peakMb} MB`,
    );
  }
  return figures;
}

/** Options shared by bench:pipeline and bench:report. */
export function e2eOptions(arg: (name: string) => string | undefined) {
  return {
    backends: (arg('backends') ?? 'postgres,pglite').split(',') as Backend[],
    scales: (arg('scales') ?? '1,10').split(',').map(Number),
    pgUrl: arg('pg-url') ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  };
}

// Child mode: one backend and scale, figures as the last stdout line.
const childArg = process.argv.find((a) => a.startsWith('--child='));
if (childArg && process.argv[1] === fileURLToPath(import.meta.url)) {
  const [backend, scale] = childArg.slice('--child='.length).split(':') as [Backend, string];
  const pgUrl = process.argv.find((a) => a.startsWith('--pg-url='))!.slice('--pg-url='.length);
  runOne(backend, Number(scale), pgUrl).then(
    (f) => process.stdout.write(`${JSON.stringify(f)}\n`),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      process.exit(1);
    },
  );
}
