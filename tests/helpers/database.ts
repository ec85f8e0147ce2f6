// An isolated database per test file: an in-memory PGlite loaded from the run's migrated
// template (tests/setup/pglite-template.ts) by default, or a fresh database on the
// PostgreSQL server named by DATABASE_URL (dropped afterwards).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';

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
}

export async function openTestDatabase(opts: TestDatabaseOptions = {}): Promise<Database & { url?: string }> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) return openDatabase({ pgliteDir: 'memory://', pgliteDump: opts.empty ? undefined : pgliteTemplate() });
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
