// An isolated database per test app: on PGlite, an in-memory instance loaded once per worker
// from the run's migrated template (tests/setup/pglite-template.ts) and reset to the
// template's rows when the next app takes it; on the PostgreSQL server named by
// DATABASE_URL, a fresh database per app (dropped afterwards).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';
import { wrapPglite } from '../../src/db/pglite.js';

export const usingPostgres = Boolean(process.env.DATABASE_URL);

let template: Blob | undefined;

function pgliteTemplate(): Blob | undefined {
  const file = inject('pgliteTemplate');
  if (!file) return undefined;
  template ??= new Blob([readFileSync(file)]);
  return template;
}

export interface TestDatabaseOptions {
  /** A database with no schema at all (migration tests); otherwise migrated and seeded where that is cheaper. */
  empty?: boolean;
  /** An instance of its own that `close` really closes (tests that break the database). */
  own?: boolean;
}

/**
 * The template's state, taken once per instance: rows of the tables the template seeds and
 * every sequence's position. Restoring it after TRUNCATE costs ~0.1 s where loading the
 * dump into a new instance costs ~1 s (WASM start plus the load), which is most of an API
 * test file's set-up.
 */
interface Snapshot {
  tables: string[];
  rows: Map<string, string>;
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
}

interface Pooled {
  database: Database;
  client: PGlite;
  snapshot: Snapshot;
}

// Instances not in use by an open app, per worker (vitest runs a worker's files one after
// another with isolate: false, so this pool outlives each file).
const idle: Pooled[] = [];

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function takeSnapshot(client: PGlite): Promise<Snapshot> {
  const tables = (
    await client.query<{ name: string }>(
      `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
    )
  ).rows.map((r) => r.name);
  const rows = new Map<string, string>();
  for (const table of tables) {
    const { rows: got } = await client.query<{ data: string | null }>(
      `select json_agg(t)::text as data from ${ident(table)} t`,
    );
    if (got[0]?.data) rows.set(table, got[0].data);
  }
  const sequences = (
    await client.query<{ name: string }>(
      `select quote_ident(sequence_schema) || '.' || quote_ident(sequence_name) as name
         from information_schema.sequences`,
    )
  ).rows;
  const positions: Snapshot['sequences'] = [];
  for (const { name } of sequences) {
    const { rows: got } = await client.query<{ last_value: string; is_called: boolean }>(
      `select last_value::text, is_called from ${name}`,
    );
    positions.push({ name, lastValue: got[0]!.last_value, isCalled: got[0]!.is_called });
  }
  return { tables, rows, sequences: positions };
}

async function restore(client: PGlite, snapshot: Snapshot): Promise<void> {
  await client.transaction(async (tx) => {
    await tx.exec(`truncate ${snapshot.tables.map(ident).join(', ')} cascade`);
    // Rows go back with foreign keys unchecked: they were consistent when taken.
    await tx.exec(`set local session_replication_role = replica`);
    for (const [table, data] of snapshot.rows) {
      await tx.query(`insert into ${ident(table)} select * from json_populate_recordset(null::${ident(table)}, $1)`, [
        data,
      ]);
    }
    for (const s of snapshot.sequences) {
      await tx.query(`select setval('${s.name}', $1, $2)`, [s.lastValue, s.isCalled]);
    }
  });
}

async function openPooled(): Promise<Database> {
  let pooled = idle.pop();
  while (pooled) {
    try {
      if (pooled.client.closed) throw new Error('closed');
      await restore(pooled.client, pooled.snapshot);
      break;
    } catch {
      await pooled.client.close().catch(() => undefined);
      pooled = idle.pop();
    }
  }
  if (!pooled) {
    const dump = pgliteTemplate();
    const client = await PGlite.create('memory://', dump ? { loadDataDir: dump } : {});
    pooled = { database: wrapPglite(client), client, snapshot: await takeSnapshot(client) };
  }
  const taken = pooled;
  let returned = false;
  return {
    ...taken.database,
    close: async () => {
      if (returned) return;
      returned = true;
      idle.push(taken);
    },
  };
}

export async function openTestDatabase(opts: TestDatabaseOptions = {}): Promise<Database & { url?: string }> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    if (opts.empty || opts.own)
      return openDatabase({ pgliteDir: 'memory://', pgliteDump: opts.empty ? undefined : pgliteTemplate() });
    return openPooled();
  }
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 20 });
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      const drop = new pg.Client({ connectionString: adminUrl });
      await drop.connect();
      await drop.query(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
}
