// The typed columns hold in the database too: a state outside its list is refused by the
// CHECK constraint of migration 0003, whatever code wrote it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { migrateDatabase } from '../../src/db/migrate.js';
import { openTestDatabase } from '../helpers/database.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
  await migrateDatabase(db);
});
afterAll(() => db?.close());

describe('typed columns', () => {
  it('refuse a campaign status, a role and a job status outside their lists', async () => {
    const campaign = (status: string) =>
      db.query(
        `insert into campaigns (reporting_year, questionnaire_version, request_date, deadline, status) values (2031, 'v', '2031-01-01', '2031-02-01', $1)`,
        [status],
      );
    await expect(campaign('archived')).rejects.toThrow(/campaigns_status_check/);
    await expect(campaign('draft')).resolves.toBeDefined();
    await expect(
      db.query(
        `insert into users (email, name, password_hash, roles) values ('x@example.kz', 'X', 'h', array['admin', 'root'])`,
      ),
    ).rejects.toThrow(/users_roles_check/);
    await expect(db.query(`insert into jobs (kind, status) values ('k', 'paused')`)).rejects.toThrow(
      /jobs_status_check/,
    );
  });
});
