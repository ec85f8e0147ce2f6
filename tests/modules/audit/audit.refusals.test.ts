// Refused requests (401/403) leave a trace in the audit log, summarised per window as
// (actor or address, route, status, count), with a bounded number of rows per window so
// that a flood of refusals cannot fill the table.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await createTestApp({ AUDIT_REFUSALS_MAX_ROWS: 4 });
  admin = (await t.user(['admin'])).token;
});
afterAll(() => t?.close());

interface Row {
  action: string;
  actorId: string | null;
  objectType: string;
  objectId: string | null;
  after: Record<string, unknown>;
}
const refusals = async () =>
  (
    (await t.request(admin, { method: 'GET', url: '/api/v1/audit?action=access.refused&limit=500' })).json() as Row[]
  ).filter((r) => r.action === 'access.refused');

describe('audit of refusals', () => {
  it('summarises 401s by address and 403s by actor, per route, with counts', async () => {
    const expert = await t.user(['expert']);
    for (let i = 0; i < 5; i++)
      expect(
        (await t.request(null, { method: 'GET', url: '/api/v1/users', remoteAddress: '10.9.0.1' })).statusCode,
      ).toBe(401);
    for (let i = 0; i < 3; i++)
      expect(
        (
          await t.request(expert.token, {
            method: 'POST',
            url: '/api/v1/organisations',
            payload: {},
            remoteAddress: '10.9.0.2',
          })
        ).statusCode,
      ).toBe(403);
    expect(await refusals()).toHaveLength(0);
    await t.app.refusalAudit.flush();
    const rows = await refusals();
    expect(rows).toHaveLength(2);
    const anonymous = rows.find((r) => r.after.status === 401)!;
    expect(anonymous).toMatchObject({
      actorId: null,
      objectType: 'route',
      objectId: 'GET /api/v1/users',
      after: { ip: '10.9.0.1', count: 5, status: 401 },
    });
    expect(anonymous.after.windowStart).toEqual(expect.any(String));
    expect(rows.find((r) => r.after.status === 403)).toMatchObject({
      actorId: expert.id,
      objectId: 'POST /api/v1/organisations',
      after: { count: 3, ip: '10.9.0.2' },
    });
  });

  it('writes at most AUDIT_REFUSALS_MAX_ROWS rows per window, the rest as one overflow count', async () => {
    const before = (await refusals()).length;
    for (let i = 0; i < 40; i++)
      await t.request(null, { method: 'GET', url: '/api/v1/audit', remoteAddress: `10.8.0.${i}` });
    await t.app.refusalAudit.flush();
    const rows = (await refusals()).slice(0, (await refusals()).length - before);
    expect(rows).toHaveLength(4);
    const overflow = rows.find((r) => r.after.overflow === true)!;
    expect(overflow).toBeDefined();
    expect(rows.reduce((n, r) => n + (r.after.count as number), 0)).toBe(40);
  });

  it('does not count sign-in failures twice (they are audited one by one)', async () => {
    const before = (await refusals()).length;
    await t.request(null, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'x@example.kz', password: 'wrong-password' },
      remoteAddress: '10.7.0.1',
    });
    await t.app.refusalAudit.flush();
    expect((await refusals()).length).toBe(before);
  });
});
