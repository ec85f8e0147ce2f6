import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
let admin: string;
let orgId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.user(['admin'])).token;
  orgId = await t.organisation('mvd', 'astana');
});
afterAll(() => t?.close());

const create = (payload: Record<string, unknown>) =>
  t.request(admin, {
    method: 'POST',
    url: '/api/v1/users',
    payload: { name: 'Someone', password: 'long-enough-password', roles: ['expert'], ...payload },
  });
const patch = (id: string, payload: Record<string, unknown>, etag?: string) =>
  t.request(admin, {
    method: 'PATCH',
    url: `/api/v1/users/${id}`,
    payload,
    headers: etag === undefined ? {} : { 'if-match': etag },
  });

describe('users (admin)', () => {
  it('creates, reads and lists users with several roles; the ETag is the version', async () => {
    const res = await create({ email: 'fp.one@example.kz', roles: ['focal_point', 'expert'], organisationId: orgId });
    expect(res.statusCode, res.body).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      email: 'fp.one@example.kz',
      name: 'Someone',
      roles: ['focal_point', 'expert'],
      organisationId: orgId,
      disabled: false,
      version: 1,
    });
    expect(user).not.toHaveProperty('passwordHash');
    expect(res.headers.etag).toBe('"1"');
    const read = await t.request(admin, { method: 'GET', url: `/api/v1/users/${user.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(user);
    const list = (await t.request(admin, { method: 'GET', url: '/api/v1/users' })).json() as { id: string }[];
    expect(list.map((u) => u.id)).toContain(user.id);
    // The new user can sign in.
    const login = await t.request(null, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'fp.one@example.kz', password: 'long-enough-password' },
    });
    expect(login.statusCode).toBe(200);
  });

  it('updates with If-Match: missing -> 428, stale -> 409 with the current version', async () => {
    const created = await create({ email: 'edit.me@example.kz' });
    const id = created.json().id as string;
    const missing = await patch(id, { name: 'New name' });
    expect(missing.statusCode).toBe(428);
    expect(missing.json().error.code).toBe('precondition.required');
    const ok = await patch(id, { name: 'New name', roles: ['expert', 'secretariat'] }, created.headers.etag as string);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'New name', roles: ['expert', 'secretariat'], version: 2 });
    expect(ok.headers.etag).toBe('"2"');
    const stale = await patch(id, { name: 'Lost update' }, created.headers.etag as string);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version.stale', details: { currentVersion: 2 } });
    expect((await t.request(admin, { method: 'GET', url: `/api/v1/users/${id}` })).json().name).toBe('New name');
    expect((await patch(id, { name: 'x' }, 'garbage')).statusCode).toBe(400);
  });

  it('requires an organisation for a focal point, on create and on update', async () => {
    const res = await create({ email: 'fp.none@example.kz', roles: ['focal_point'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'user.organisation_required',
      details: { field: 'organisationId' },
    });
    const expert = await create({ email: 'becomes.fp@example.kz' });
    const upd = await patch(expert.json().id, { roles: ['focal_point'] }, expert.headers.etag as string);
    expect(upd.statusCode).toBe(400);
    expect(upd.json().error.code).toBe('user.organisation_required');
    const withOrg = await patch(
      expert.json().id,
      { roles: ['focal_point'], organisationId: orgId },
      expert.headers.etag as string,
    );
    expect(withOrg.statusCode, withOrg.body).toBe(200);
  });

  it('refuses an organisation that does not exist', async () => {
    const res = await create({
      email: 'fp.ghost@example.kz',
      roles: ['focal_point'],
      organisationId: '00000000-0000-4000-8000-000000000001',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('user.organisation_unknown');
  });

  it('refuses a duplicate email, whatever its case', async () => {
    expect((await create({ email: 'Dup@Example.kz' })).statusCode).toBe(201);
    const dup = await create({ email: 'dup@example.KZ' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({ code: 'user.email_taken', details: { field: 'email' } });
  });

  it('refuses a duplicate email created concurrently', async () => {
    const results = await Promise.all([
      create({ email: 'race@example.kz' }),
      create({ email: 'RACE@example.kz' }),
      create({ email: 'race@EXAMPLE.kz' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
  });

  it('validates input and reports the field', async () => {
    const res = await create({ email: 'not-an-email', password: 'short' });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().error.details.issues as { path: string }[]).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.password']));
    expect((await create({ email: 'role@example.kz', roles: ['superuser'] })).statusCode).toBe(400);
    expect((await create({ email: 'noroles@example.kz', roles: [] })).statusCode).toBe(400);
  });

  it('returns 404 for an unknown user', async () => {
    const id = '00000000-0000-4000-8000-000000000002';
    const res = await t.request(admin, { method: 'GET', url: `/api/v1/users/${id}` });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('user.not_found');
    expect((await patch(id, { name: 'x' }, '"1"')).statusCode).toBe(404);
    expect(
      (
        await t.request(admin, {
          method: 'POST',
          url: `/api/v1/users/${id}/password`,
          payload: { password: 'long-enough-password' },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('is for administrators only', async () => {
    const expert = await t.user(['expert', 'secretariat']);
    expect((await t.request(expert.token, { method: 'GET', url: '/api/v1/users' })).statusCode).toBe(403);
    const self = await t.request(expert.token, {
      method: 'PATCH',
      url: `/api/v1/users/${expert.id}`,
      payload: { roles: ['admin'] },
      headers: { 'if-match': '"1"' },
    });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('auth.forbidden');
  });

  it('disabling a user is audited as such', async () => {
    const u = await t.user(['expert']);
    const current = await t.request(admin, { method: 'GET', url: `/api/v1/users/${u.id}` });
    expect((await patch(u.id, { disabled: true }, current.headers.etag as string)).statusCode).toBe(200);
    const audit = (
      await t.request(admin, { method: 'GET', url: `/api/v1/audit?objectId=${u.id}&action=user.disable` })
    ).json();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ before: { disabled: false }, after: { disabled: true } });
    expect(
      (
        await t.request(null, {
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: u.email, password: TEST_PASSWORD },
        })
      ).statusCode,
    ).toBe(401);
  });
});
