// Vitest global setup of the database projects: one migrated and seeded PGlite data
// directory, dumped once and cached in the temporary directory under a key of everything
// that shapes it (migrations, reference data, PGlite's version), so each test file loads it
// (~1 s) instead of running initdb (~4 s) and the migrations.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { wrapPglite } from '../../src/db/pglite.js';
import { migrateDatabase, migrationsFolder } from '../../src/db/migrate.js';
import { seedReference } from '../../src/modules/reference/reference.seed.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the dumped template data directory; empty on PostgreSQL. */
    pgliteTemplate: string;
  }
}

function templateKey(): string {
  const hash = createHash('sha256');
  // The package's own file is hashed instead of its version: package.json is not exported.
  hash.update(readFileSync(createRequire(import.meta.url).resolve('@electric-sql/pglite')));
  for (const dir of [migrationsFolder, path.join(migrationsFolder, 'meta')]) {
    for (const name of readdirSync(dir).sort())
      if (name.endsWith('.sql') || name.endsWith('.json')) hash.update(readFileSync(path.join(dir, name)));
  }
  for (const file of ['../../src/domain/reference.ts', '../../src/modules/reference/reference.seed.ts']) {
    hash.update(readFileSync(new URL(file, import.meta.url)));
  }
  return hash.digest('hex').slice(0, 16);
}

export default async function setup(project: TestProject): Promise<void> {
  if (process.env.DATABASE_URL) return project.provide('pgliteTemplate', '');
  const file = path.join(tmpdir(), `ctip-pglite-template-${templateKey()}.tar`);
  if (!existsSync(file)) {
    const client = await PGlite.create('memory://');
    const database = wrapPglite(client);
    await migrateDatabase(database);
    await seedReference(database.db);
    const dump = await client.dumpDataDir('none');
    await client.close();
    // Written aside and renamed, so a concurrent or interrupted run never reads half a file.
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  }
  project.provide('pgliteTemplate', file);
}
