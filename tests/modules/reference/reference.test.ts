import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyTypes as agencyTypesTable, regions as regionsTable } from '../../../src/db/schema.js';
import { agencyTypes, regions } from '../../../src/domain/reference.js';
import { seedReference } from '../../../src/modules/reference/reference.seed.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
let token: string;

beforeAll(async () => {
  t = await createTestApp();
  token = (await t.user(['secretariat'])).token;
});
afterAll(() => t?.close());

describe('reference data', () => {
  it('is seeded at start with Kazakh and Russian names, and seeding again changes nothing', async () => {
    const db = t.app.database.db;
    // Ordered by code: an upsert may move rows, and without ORDER BY PostgreSQL returns them in any order.
    const types = () => db.select().from(agencyTypesTable).orderBy(asc(agencyTypesTable.code));
    const regionRows = () => db.select().from(regionsTable).orderBy(asc(regionsTable.code));
    const before = { types: await types(), regions: await regionRows() };
    expect(before.types).toHaveLength(agencyTypes.length);
    expect(before.regions).toHaveLength(regions.length);
    await seedReference(db);
    await seedReference(db);
    expect(await types()).toEqual(before.types);
    expect(await regionRows()).toEqual(before.regions);
  });

  it('is served to any signed-in user', async () => {
    for (const [url, data] of [
      ['/api/v1/reference/agency-types', agencyTypes],
      ['/api/v1/reference/regions', regions],
    ] as const) {
      const res = await t.request(token, { method: 'GET', url });
      expect(res.statusCode).toBe(200);
      const body = res.json() as { code: string; name: { kk: string; ru: string } }[];
      expect(body.map((e) => e.code)).toEqual(data.map((e) => e.code));
      for (const e of body) {
        expect(e.name.kk.length).toBeGreaterThan(0);
        expect(e.name.ru.length).toBeGreaterThan(0);
      }
      expect((await t.request(null, { method: 'GET', url })).statusCode).toBe(401);
    }
    const types = (await t.request(token, { method: 'GET', url: '/api/v1/reference/agency-types' })).json();
    expect(types.filter((a: { legacy: boolean }) => a.legacy).map((a: { code: string }) => a.code)).toEqual(['mio']);
  });
});
