// `npm run bench:api`: concurrent draft saves of full synthetic forms against the
// real PostgreSQL server, driven by autocannon from a second process, then the rate
// of plain `pg` writes of the same rows in the same number of transactions.
// The two alternate in --rounds (the API for seconds/rounds, then raw for as many
// transactions), so that a machine whose speed drifts during the run weighs on both alike,
// after a warm-up round of each that is not counted (JIT, the first save of every form).
// Uses a throw-away database on --pg-url (default: the local server); options
// --connections=20 --seconds=10 --pool=20 --rounds=3 --warmup=3.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { insertOrganisation } from '../modules/organisations/organisations.repository.js';
import { createUser } from '../modules/users/users.service.js';
import { generateAnswersFor } from '../synthetic/answers.js';
import { arg, numberArg } from './args.js';
import type { Target } from './bench-api.load.js';

const VERSION = '2024-10-order-849-410';
const CONNECTIONS = numberArg('connections', 20);
const DURATION = numberArg('seconds', 10);
const POOL = numberArg('pool', 20);
const ROUNDS = numberArg('rounds', 3);
const WARMUP = numberArg('warmup', 3);
const adminUrl = arg('pg-url') ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const agencyTypes = ['mvd', 'mtszn', 'ngo', 'mio_city', 'health_org', 'mid', 'border_service', 'education_org'];
const password = 'bench-password-0123456789';

async function admin(sql: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

// A pool's end() resolves before its last backends have exited; a forced drop would
// then kill them mid-goodbye and their clients would throw. Wait for them first.
async function dropDatabase(name: string) {
  for (let i = 0; i < 50; i++) {
    const [row] = await admin('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
    if (row.n === 0) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await admin(`drop database if exists ${name} with (force)`);
}

const dbName = `bench_api_${randomBytes(4).toString('hex')}`;
const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
await admin(`create database ${dbName}`);
const config = loadConfig({
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  DATABASE_URL: dbUrl,
  DB_POOL_SIZE: String(POOL),
  JWT_SECRET: randomBytes(24).toString('hex'),
  DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bench-api-')),
});
const app = await buildApp({ config });
let stopLoader = () => {};

try {
  const db = app.database.db;
  const login = async (email: string) =>
    (await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } })).json()
      .token as string;
  await createUser(db, null, {
    email: 'admin@bench.kz',
    name: 'Admin',
    password,
    roles: ['admin'],
    organisationId: null,
  });
  const adminToken = await login('admin@bench.kz');

  const orgs: { id: string; agencyType: string }[] = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    const agencyType = agencyTypes[i % agencyTypes.length]!;
    const row = await insertOrganisation(db, {
      agencyType,
      region: 'almaty',
      parentId: null,
      nameKk: `Ұйым ${i}`,
      nameRu: `Организация ${i}`,
    });
    orgs.push({ id: row.id, agencyType });
  }
  const auth = { authorization: `Bearer ${adminToken}` };
  const campaign = await app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: auth,
    payload: { reportingYear: 2025, questionnaireVersion: VERSION, recipients: orgs.map((o) => o.id) },
  });
  const campaignId = campaign.json().id as string;
  await app.inject({
    method: 'POST',
    url: `/api/v1/campaigns/${campaignId}/open`,
    headers: { ...auth, 'if-match': campaign.headers.etag as string },
  });

  const targets: Target[] = [];
  for (const [i, org] of orgs.entries()) {
    const email = `focal-${i}@bench.kz`;
    await createUser(db, null, { email, name: `Focal ${i}`, password, roles: ['focal_point'], organisationId: org.id });
    const bodies = [1, 2].map((seed) =>
      JSON.stringify({
        content: generateAnswersFor(VERSION, org.agencyType, { seed: i * 10 + seed, missingRate: 0.1 }),
      }),
    ) as [string, string];
    targets.push({ path: `/api/v1/campaigns/${campaignId}/submissions/${org.id}`, token: await login(email), bodies });
  }
  const meanBody = targets.reduce((s, t) => s + t.bodies[0].length, 0) / targets.length;

  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  const loader = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./bench-api.load.ts', import.meta.url))],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  stopLoader = () => loader.kill();
  const results = createInterface({ input: loader.stdout })[Symbol.asyncIterator]();
  const pool = new pg.Pool({ connectionString: dbUrl, max: POOL });
  // After a failure the final drop ends its idle clients: that must not hide the failure.
  pool.on('error', () => undefined);
  const content = new Map(targets.map((t, i) => [orgs[i]!.id, JSON.stringify(JSON.parse(t.bodies[0]).content)]));
  const submissionRows = async () =>
    (
      await pool.query<{ id: string; organisation_id: string; revision: number }>(
        'select id, organisation_id, revision from submissions',
      )
    ).rows;

  // Each connection starts from its submission's current revision (the first round from none).
  async function apiRound(seconds: number) {
    const revisions = new Map((await submissionRows()).map((r) => [r.organisation_id, r.revision]));
    const etags = orgs.map((o) => `"${revisions.get(o.id) ?? 0}"`);
    loader.stdin.write(
      `${JSON.stringify({ url: `http://127.0.0.1:${address.port}`, connections: CONNECTIONS, durationSeconds: seconds, targets, etags })}\n`,
    );
    const line = await results.next();
    if (line.done) throw new Error('the load generator stopped');
    return JSON.parse(line.value);
  }

  // The same rows the API writes per save (the submission's new revision and the
  // revision row with the full content), in as many transactions, as fast as pg allows.
  // The revision comes from the update, as saves the API is still finishing may bump it.
  async function rawRound(transactions: number): Promise<number> {
    const rows = await submissionRows();
    let remaining = transactions;
    const started = performance.now();
    await Promise.all(
      rows.map(async (row) => {
        const body = content.get(row.organisation_id);
        while (remaining-- > 0) {
          const client = await pool.connect();
          try {
            await client.query('begin');
            const bumped = await client.query<{ revision: number }>(
              'update submissions set revision = revision + 1, last_saved_at = now() where id = $1 returning revision',
              [row.id],
            );
            await client.query(
              "insert into submission_revisions (submission_id, revision, action, status, content) values ($1, $2, 'save', 'draft', $3)",
              [row.id, bumped.rows[0]!.revision, body],
            );
            await client.query('commit');
          } finally {
            client.release();
          }
        }
      }),
    );
    return (performance.now() - started) / 1000;
  }

  await rawRound((await apiRound(WARMUP)).ok);
  const load = {
    ok: 0,
    non2xx: 0,
    errors: 0,
    seconds: 0,
    p50: [] as number[],
    p99: 0,
    firstError: undefined as string | undefined,
  };
  let rawSeconds = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const r = await apiRound(DURATION / ROUNDS);
    Object.assign(load, {
      ok: load.ok + r.ok,
      non2xx: load.non2xx + r.non2xx,
      errors: load.errors + r.errors,
      seconds: load.seconds + r.seconds,
      p99: Math.max(load.p99, r.p99),
    });
    load.p50.push(r.p50);
    load.firstError ??= r.firstError;
    rawSeconds += await rawRound(r.ok);
  }
  loader.stdin.end();
  await once(loader, 'exit');
  await pool.end();
  const saves = load.ok / load.seconds;
  const raw = load.ok / rawSeconds;
  const p50 = load.p50.sort((a, b) => a - b)[Math.floor(load.p50.length / 2)]!;

  const ratio = saves / raw;
  const lines = [
    `bench:api  ${CONNECTIONS} connections, ${DURATION} s in ${ROUNDS} rounds after ${WARMUP} s of warm-up, pool ${POOL}, mean form ${(meanBody / 1024).toFixed(1)} KiB (${agencyTypes.length} agency types)`,
    `  API draft saves   ${saves.toFixed(0)} saves/s   p50 ${p50} ms   p99 ${load.p99} ms (worst round)   non-2xx ${load.non2xx}   errors ${load.errors}${load.firstError ? ` (${load.firstError})` : ''}   (${load.ok} saves)`,
    `  plain pg writes   ${raw.toFixed(0)} tx/s   (${load.ok} transactions, alternating with the API rounds)`,
    `  ratio API / raw   ${ratio.toFixed(2)}`,
    `  targets: >= 500 saves/s ${saves >= 500 ? 'met' : 'MISSED'}; p99 < 100 ms ${load.p99 < 100 ? 'met' : 'MISSED'}; zero errors ${load.non2xx + load.errors === 0 ? 'met' : 'MISSED'}; >= 0.5 of raw ${ratio >= 0.5 ? 'met' : 'MISSED'}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  stopLoader();
  await app.close();
  await dropDatabase(dbName);
}
