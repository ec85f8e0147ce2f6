// `npm run test:faults`: the server under load while its database and itself fail.
// Starts a private PostgreSQL 15 cluster (initdb/pg_ctl in a temporary directory, on a
// free port; never the shared server), runs the API on it as a separate process, and has
// --writers focal points save drafts in a loop. Meanwhile: PostgreSQL is stopped
// (fast shutdown) for --down seconds and started again, then the server is killed with
// SIGKILL and restarted. Every acknowledged save (200 with its revision) is then looked
// up in the database. Prints acknowledged vs found (lost must be 0) and the status codes
// seen while the database was down (503 with Retry-After expected, never 500).
// Options: --writers=8 --phase=3 (seconds of load between faults) --down=5 --pg-bin=/usr/lib/postgresql/15/bin
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { getForm } from '../domain/questionnaire/forms.js';
import { arg, numberArg } from './args.js';

const WRITERS = numberArg('writers', 8);
const PHASE_MS = numberArg('phase', 3) * 1000;
const DOWN_MS = numberArg('down', 5) * 1000;
const PG_BIN = arg('pg-bin') ?? '/usr/lib/postgresql/15/bin';
const VERSION = '2024-10-order-849-410';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/** Runs a PostgreSQL tool; as root, as the `postgres` system user (initdb refuses root). */
function pgTool(tool: string, args: string[]): Promise<void> {
  const asRoot = process.getuid?.() === 0;
  const [cmd, argv] = asRoot
    ? ['/usr/sbin/runuser', ['-u', 'postgres', '--', path.join(PG_BIN, tool), ...args]]
    : [path.join(PG_BIN, tool), args];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} exited ${code}: ${err.trim()}`))));
  });
}

const dir = mkdtempSync(path.join(tmpdir(), 'ctip-faults-'));
if (process.getuid?.() === 0) chownSync(dir, 101, 104);
const dataDir = path.join(dir, 'pg');
const pgPort = await freePort();
const apiPort = await freePort();
const pgUrl = `postgres://postgres@127.0.0.1:${pgPort}/ctip`;
const api = `http://127.0.0.1:${apiPort}`;
const adminEmail = 'admin@faults.kz';
const password = `faults-${randomBytes(8).toString('hex')}`;

const startPg = () =>
  pgTool('pg_ctl', [
    '-D',
    dataDir,
    '-w',
    '-l',
    path.join(dir, 'pg.log'),
    '-o',
    `-p ${pgPort} -k ${dir} -c listen_addresses=127.0.0.1`,
    'start',
  ]);
const stopPg = () => pgTool('pg_ctl', ['-D', dataDir, '-w', '-m', 'fast', 'stop']);

let server: ChildProcess | undefined;
// The same secret across restarts: tokens issued before the kill stay valid.
const secret = randomBytes(24).toString('hex');
async function startServer(jwtSecret: string): Promise<void> {
  server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      NODE_ENV: 'production',
      PORT: String(apiPort),
      DATABASE_URL: pgUrl,
      DB_POOL_SIZE: '10',
      DB_CONNECT_TIMEOUT_MS: '2000',
      JWT_SECRET: jwtSecret,
      ADMIN_EMAIL: adminEmail,
      ADMIN_PASSWORD: password,
      DATA_DIR: path.join(dir, 'data'),
      LOG_LEVEL: 'fatal',
    },
  });
  for (let i = 0; i < 600; i++) {
    if (
      (await fetch(`${api}/health`).then(
        (r) => r.status,
        () => 0,
      )) === 200
    )
      return;
    await sleep(100);
  }
  throw new Error('the server did not become healthy');
}

async function call(
  method: string,
  url: string,
  token: string | null,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${api}${url}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: the script reads loosely shaped JSON answers of its own server
  return { status: res.status, headers: res.headers, json: text ? (JSON.parse(text) as Record<string, any>) : {} };
}

type Phase = 'normal' | 'database down' | 'server killed';
let phase: Phase = 'normal';
const statuses: Record<Phase, Record<string, number>> = { normal: {}, 'database down': {}, 'server killed': {} };
const count = (what: string) => {
  statuses[phase][what] = (statuses[phase][what] ?? 0) + 1;
};
const acknowledged: { organisationId: string; revision: number; value: number }[] = [];
let missingRetryAfter = 0;
let running = true;

async function writer(token: string, campaignId: string, organisationId: string, itemId: string): Promise<void> {
  const url = `/api/v1/campaigns/${campaignId}/submissions/${organisationId}`;
  let revision = 0;
  let value = 0;
  while (running) {
    value += 1;
    try {
      const res = await call(
        'PUT',
        url,
        token,
        { content: { answers: { [itemId]: { value } } } },
        { 'if-match': `"${revision}"` },
      );
      count(String(res.status));
      if (res.status === 200) {
        revision = res.json.revision as number;
        acknowledged.push({ organisationId, revision, value });
      } else if (res.status === 409 && typeof res.json.error?.details?.currentVersion === 'number') {
        // A save whose answer was lost with the connection may still have been stored.
        revision = res.json.error.details.currentVersion;
      } else if (res.status === 503) {
        if (!res.headers.get('retry-after')) missingRetryAfter += 1;
        await sleep(100);
      } else if (res.status >= 400) await sleep(50);
    } catch {
      count('no answer (connection)');
      await sleep(100);
    }
  }
}

try {
  log(`private PostgreSQL in ${dir} on port ${pgPort}`);
  await pgTool('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  await startPg();
  const bootstrap = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${pgPort}/postgres` });
  await bootstrap.connect();
  await bootstrap.query('create database ctip');
  await bootstrap.end();
  await startServer(secret);
  log(`server on ${api}`);

  const adminToken = (await call('POST', '/api/v1/auth/login', null, { email: adminEmail, password })).json
    .token as string;
  const itemId = getForm(VERSION, 'ngo').items.find((i) => i.kind === 'count')!.id;
  const writers: { token: string; organisationId: string }[] = [];
  for (let i = 0; i < WRITERS; i++) {
    const org = await call('POST', '/api/v1/organisations', adminToken, {
      agencyType: 'ngo',
      region: 'almaty',
      name: { kk: `Ұйым ${i}`, ru: `Организация ${i}` },
    });
    const email = `focal-${i}@faults.kz`;
    const user = await call('POST', '/api/v1/users', adminToken, {
      email,
      name: `Focal ${i}`,
      password,
      roles: ['focal_point'],
      organisationId: org.json.id,
    });
    if (user.status !== 201) throw new Error(`user: ${JSON.stringify(user.json)}`);
    writers.push({
      token: (await call('POST', '/api/v1/auth/login', null, { email, password })).json.token,
      organisationId: org.json.id,
    });
  }
  const campaign = await call('POST', '/api/v1/campaigns', adminToken, {
    reportingYear: 2025,
    questionnaireVersion: VERSION,
    recipients: writers.map((w) => w.organisationId),
  });
  const opened = await call('POST', `/api/v1/campaigns/${campaign.json.id}/open`, adminToken, undefined, {
    'if-match': `"${campaign.json.version}"`,
  });
  if (opened.status !== 200) throw new Error(`open: ${JSON.stringify(opened.json)}`);

  log(`${WRITERS} writers saving drafts`);
  const load = writers.map((w) => writer(w.token, campaign.json.id, w.organisationId, itemId));
  await sleep(PHASE_MS);

  log('stopping PostgreSQL (fast shutdown)');
  phase = 'database down';
  await stopPg();
  await sleep(DOWN_MS);
  log('starting PostgreSQL');
  await startPg();
  phase = 'normal';
  await sleep(PHASE_MS);

  log('killing the server with SIGKILL');
  phase = 'server killed';
  server!.kill('SIGKILL');
  await sleep(500);
  await startServer(secret);
  log('server restarted');
  phase = 'normal';
  await sleep(PHASE_MS);
  running = false;
  await Promise.all(load);

  const check = new pg.Client({ connectionString: pgUrl });
  await check.connect();
  const { rows } = await check.query<{
    organisation_id: string;
    revision: number;
    content: { answers: Record<string, { value: number }> };
  }>(
    'select s.organisation_id, r.revision, r.content from submission_revisions r join submissions s on s.id = r.submission_id',
  );
  await check.end();
  const stored = new Map(rows.map((r) => [`${r.organisation_id}:${r.revision}`, r.content.answers[itemId]?.value]));
  const found = acknowledged.filter((a) => stored.get(`${a.organisationId}:${a.revision}`) === a.value).length;
  const lost = acknowledged.length - found;
  const errors500 = Object.values(statuses).reduce((n, s) => n + (s['500'] ?? 0), 0);

  process.stdout.write('\nstatus codes by phase:\n');
  for (const [name, s] of Object.entries(statuses)) process.stdout.write(`  ${name.padEnd(14)} ${JSON.stringify(s)}\n`);
  process.stdout.write(
    `\nacknowledged saves: ${acknowledged.length}\nfound in the database: ${found}\nlost: ${lost}\n`,
  );
  process.stdout.write(
    `stored revisions: ${rows.length} (saves stored whose answer was lost with the connection count here, not as acknowledged)\n`,
  );
  process.stdout.write(`500 answers: ${errors500}; 503 without Retry-After: ${missingRetryAfter}\n`);
  const ok = lost === 0 && errors500 === 0 && missingRetryAfter === 0 && (statuses['database down']['503'] ?? 0) > 0;
  process.stdout.write(
    ok ? '\nOK: nothing acknowledged was lost; the outage answered 503 with Retry-After\n' : '\nFAILED\n',
  );
  process.exitCode = ok ? 0 : 1;
} finally {
  running = false;
  server?.kill('SIGKILL');
  await stopPg().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
}
