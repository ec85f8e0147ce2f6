// The database going away mid-flight: every route answers 503 `service.unavailable` with
// Retry-After (never 500), on PGlite (closed under the app) and on PostgreSQL (the test's
// private database dropped with force, which terminates the pool's connections).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstItemOfKind, setUpCollection, type Collection } from '../helpers/collection.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let c: Collection;
let admin: { email: string; token: string };

beforeAll(async () => {
  // An instance of its own: the test closes it under the app.
  t = await createTestApp({}, { own: true });
  c = await setUpCollection(t, 'ngo', 2025);
  admin = await t.user(['admin']);
  const database = t.app.database as typeof t.app.database & { url?: string };
  if (database.kind === 'pglite') await database.close();
  else {
    const url = new URL(database.url!);
    const name = url.pathname.slice(1);
    const server = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await server.connect();
    await server.query(`drop database ${name} with (force)`);
    await server.end();
  }
});
afterAll(async () => {
  await t?.close().catch(() => undefined);
});

describe('database unreachable', () => {
  const calls = () => [
    { token: admin.token, method: 'GET' as const, url: '/api/v1/auth/me' },
    {
      token: null,
      method: 'POST' as const,
      url: '/api/v1/auth/login',
      payload: { email: admin.email, password: TEST_PASSWORD },
    },
    { token: admin.token, method: 'GET' as const, url: '/api/v1/users' },
    {
      token: admin.token,
      method: 'POST' as const,
      url: '/api/v1/organisations',
      payload: { agencyType: 'ngo', region: 'almaty', name: { kk: 'Ұйым', ru: 'Организация' } },
    },
    {
      token: c.focal,
      method: 'PUT' as const,
      url: c.url,
      payload: { content: { answers: { [firstItemOfKind('ngo', 'count')]: { value: 1 } } } },
      headers: { 'if-match': '"0"' },
    },
    {
      token: c.focal,
      method: 'PUT' as const,
      url: c.url,
      payload: { content: { answers: { [firstItemOfKind('ngo', 'count')]: { value: 1 } } } },
      headers: { 'if-match': '"3"' },
    },
    { token: c.expert, method: 'GET' as const, url: `/api/v1/campaigns/${c.campaignId}/progress` },
    // An expensive route: its rate limit is counted in the database too.
    { token: c.expert, method: 'GET' as const, url: `/api/v1/campaigns/${c.campaignId}/export.xlsx` },
    {
      token: c.admin,
      method: 'POST' as const,
      url: `/api/v1/campaigns/${c.campaignId}/close`,
      headers: { 'if-match': '"2"' },
    },
  ];

  it('answers 503 service.unavailable with Retry-After on reads, writes and sign-in', async () => {
    for (const { token, method, url, payload, headers } of calls()) {
      const res = await t.request(token, { method, url, payload, headers });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(503);
      expect(res.json().error.code).toBe('service.unavailable');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
  });

  it('says so on /health too, with Retry-After', async () => {
    const res = await t.request(null, { method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(503);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });
});
