import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/client.js';
import { migrateDatabase, migrationsFolder, SchemaTooNewError } from '../../src/db/migrate.js';
import { openTestDatabase } from '../helpers/database.js';

const migrations = readMigrationFiles({ migrationsFolder });
const latest = Math.max(...migrations.map((m) => m.folderMillis));

let open: (Database & { url?: string }) | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

const tableExists = async (db: Database, name: string) =>
  (await db.query(`select to_regclass($1) as t`, [`public.${name}`])).rows[0]?.t !== null;

describe('migrations', () => {
  it('applies every migration once; migrating again applies nothing', async () => {
    open = await openTestDatabase({ empty: true });
    expect(await migrateDatabase(open)).toEqual({ applied: migrations.length });
    expect(await migrateDatabase(open)).toEqual({ applied: 0 });
    expect(await tableExists(open, 'users')).toBe(true);
    const rows = (await open.query('select count(*)::int as n from drizzle.__drizzle_migrations')).rows;
    expect(rows[0]?.n).toBe(migrations.length);
  });

  it('refuses a database migrated by newer code, before touching it', async () => {
    open = await openTestDatabase({ empty: true });
    await open.query('create schema drizzle');
    await open.query(
      'create table drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)',
    );
    await open.query('insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', [
      'from-the-future',
      latest + 1000,
    ]);
    await expect(migrateDatabase(open)).rejects.toBeInstanceOf(SchemaTooNewError);
    await expect(migrateDatabase(open)).rejects.toThrow(/newer version/);
    // Nothing was applied: the database is not half-used.
    expect(await tableExists(open, 'users')).toBe(false);
  });

  it('the app refuses to start on a database migrated by newer code', async () => {
    open = await openTestDatabase({ empty: true });
    await migrateDatabase(open);
    await open.query('insert into drizzle.__drizzle_migrations (hash, created_at) values ($1, $2)', [
      'from-the-future',
      latest + 1,
    ]);
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      JWT_SECRET: 'x'.repeat(32),
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'ctip-')),
    });
    await expect(buildApp({ config, database: open, ownsDatabase: false })).rejects.toBeInstanceOf(SchemaTooNewError);
  });

  it('`npm run db:migrate` migrates the configured database', async () => {
    open = await openTestDatabase({ empty: true });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'test',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'ctip-')),
    };
    delete env.DATABASE_URL;
    if (open.url) env.DATABASE_URL = open.url;
    const run = () =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/db/migrate.cli.ts'], {
        env,
        encoding: 'utf8',
        timeout: 60_000,
      });
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain(`Migrations applied: ${migrations.length} (${open.url ? 'postgres' : 'pglite'})`);
    const second = run();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('Migrations applied: 0');
  });
});
