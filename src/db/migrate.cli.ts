// `npm run db:migrate`: apply migrations to the configured database and exit.
import { loadConfig } from '../config.js';
import { openDatabase } from './client.js';
import { migrateDatabase } from './migrate.js';
import { dataDirFor } from './location.js';

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, pgliteDir: dataDirFor(config) });
try {
  const { applied } = await migrateDatabase(database);
  process.stdout.write(`Migrations applied: ${applied} (${database.kind})\n`);
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exitCode = 1;
} finally {
  await database.close();
}
