// Hot-path queries (every authenticated request, every draft save) as named prepared
// statements, built once per database handle: at hundreds of saves per second Drizzle's
// query building costs more CPU than the query (npm run bench:api), and PostgreSQL
// skips parsing and planning. Only for a Db, never a transaction: a prepared query
// runs on the handle it was built from.
import type { Db } from './client.js';
import { perDatabase } from './per-database.js';

const statements = perDatabase<unknown>();

/** `build` receives the statement name to pass to Drizzle's `.prepare()`. */
export function prepared<Q>(db: Db, name: string, build: (db: Db, name: string) => Q): Q {
  const queries = statements(db);
  let query = queries.get(name) as Q | undefined;
  if (!query) queries.set(name, (query = build(db, name)));
  return query;
}
