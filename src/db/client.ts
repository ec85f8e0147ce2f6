// One code path above the driver: node-postgres when DATABASE_URL is set,
// embedded PGlite persisted in DATA_DIR otherwise (src/db/pglite.ts, loaded only then: a server
// on PostgreSQL and its render workers never load the WASM database). Both expose the same Drizzle API.
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.js';

export type Db = NodePgDatabase<typeof schema>;
/** A database handle or an open transaction: repositories accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/**
 * Reads in one consistent snapshot without writing (repeatable read, read only): what several
 * queries return belongs to one moment even while other transactions commit. Inside a transaction
 * already (a Tx), that transaction's own view is used.
 */
export function readSnapshot<T>(db: DbOrTx, read: (tx: Tx) => Promise<T>): Promise<T> {
  if (!('$client' in db)) return read(db as Tx);
  return (db as Db).transaction(read, { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Raw SQL for health checks and migrations bookkeeping. */
  query: (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
  close: () => Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  /** PGlite data directory; `memory://` keeps it in memory (tests). */
  pgliteDir?: string;
  /** A PGlite data directory dumped by `dumpDataDir` to start from (tests start from a migrated template). */
  pgliteDump?: Blob;
  poolSize?: number;
  /** How long a query waits for a connection before failing as unavailable (0: forever). */
  connectTimeoutMs?: number;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    // A bounded wait for a connection: with the server down or hung, a request fails
    // (503) instead of queueing forever.
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 5000,
    });
    // An idle client's error (server restart) must not crash the process.
    pool.on('error', () => undefined);
    return {
      db: drizzlePg(pool, { schema }),
      kind: 'postgres',
      query: async (text, params) => pool.query(text, params as unknown[]),
      close: () => pool.end(),
    };
  }
  const { openPglite } = await import('./pglite.js');
  return openPglite(opts.pgliteDir ?? 'memory://', opts.pgliteDump);
}
