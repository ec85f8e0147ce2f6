// The embedded database (no DATABASE_URL): PGlite persisted in a data directory, with the same
// Drizzle API as node-postgres'. Imported by src/db/client.ts only when it is the one in use.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import type { Database, Db } from './client.js';
import * as schema from './schema.js';

/** `dir`: a data directory, or `memory://` (tests); `dump`: a dumped data directory to start from. */
export async function openPglite(dir: string, dump?: Blob): Promise<Database> {
  if (!dir.startsWith('memory://')) mkdirSync(path.resolve(dir), { recursive: true });
  return wrapPglite(await PGlite.create(dir, dump ? { loadDataDir: dump } : {}));
}

export function wrapPglite(client: PGlite): Database {
  // PGlite's Drizzle database has the same query API as node-postgres'.
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    query: async (text, params) => client.query(text, params as unknown[]),
    close: () => client.close(),
  };
}
