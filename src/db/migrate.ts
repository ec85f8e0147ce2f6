// Applies the committed SQL migrations (drizzle-kit's journal format, drizzle's
// bookkeeping table) in one transaction under an advisory lock, so several
// instances starting together migrate once. A database already migrated by newer
// code is refused rather than half-used.
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Database } from './client.js';

export const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

const LOCK_KEY = 84941000; // arbitrary, constant: "849/410"

export class SchemaTooNewError extends Error {}

export async function migrateDatabase(database: Database): Promise<{ applied: number }> {
  const migrations = readMigrationFiles({ migrationsFolder });
  const known = new Set(migrations.map((m) => m.folderMillis));
  const latestKnown = Math.max(...migrations.map((m) => m.folderMillis));
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`);
    await tx.execute(sql`create schema if not exists drizzle`);
    await tx.execute(
      sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`,
    );
    const result = await tx.execute(sql`select created_at from drizzle.__drizzle_migrations`);
    const appliedAt = (result.rows as { created_at: string | number }[]).map((r) => Number(r.created_at));
    const unknown = appliedAt.filter((t) => !known.has(t) && t > latestKnown);
    if (unknown.length > 0) {
      throw new SchemaTooNewError(
        `The database was migrated by a newer version of this software (${unknown.length} unknown migration(s)). ` +
          'Upgrade the software before starting it on this database.',
      );
    }
    const done = new Set(appliedAt);
    let applied = 0;
    for (const m of migrations) {
      if (done.has(m.folderMillis)) continue;
      for (const stmt of m.sql) if (stmt.trim()) await tx.execute(sql.raw(stmt));
      await tx.execute(
        sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${m.hash}, ${m.folderMillis})`,
      );
      applied += 1;
    }
    return { applied };
  });
}
