import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../helpers/test-app.js';

// Low limits so the rate-limit tests stay short; every test uses its own addresses
// (remoteAddress) so their failure counters do not interfere.
let t: TestApp;
let admin: { id: string; token: string };

beforeAll(async () => {
  t = await createTestApp({
    LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: 3,
    LOGIN_MAX_FAILURES_PER_IP: 4,
    LOGIN_BACKOFF_AFTER_FAILURES: 6,
    LOGIN_BACKOFF_MAX_SECONDS: 60,
  });
  admin = await t.user(['admin']);
});
afterAll(() => t?.close());

const login = (email: string, password: string, ip = '10.0.0.1') =>
  t.request(null, { method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });
const me = (token: string) => t.request(token, { method: 'GET', url: '/api/v1/auth/me' });
const audit = async (query: string) =>
  (await t.request(admin.token, { method: 'GET', url: `/api/v1/audit?${query}` })).json() as {
    action: string;
    actorId: string | null;
    objectId: string | null;
    after: Record<string, unknown> | null;
    before: Record<string, unknown> | null;
  }[];

describe('sign-in', () => {
  it('returns a token and the user; the token identifies the caller', async () => {
    const u = await t.user(['expert', 'secretariat']);
    const res = await login(u.email.toUpperCase(), TEST_PASSWORD, '10.0.1.1');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.token).toEqual(expect.any(String));
    expect(body.user).toMatchObject({ id: u.id, email: u.email, roles: ['expert', 'secretariat'], disabled: false });
    expect(body.user).not.toHaveProperty('passwordHash');
    const who = await me(body.token);
    expect(who.statusCode).toBe(200);
    expect(who.json().id).toBe(u.id);
  });

  it('issues tokens that expire after a working day (JWT_TTL, 9h by default)', async () => {
    const u = await t.user(['expert']);
    const payload = JSON.parse(Buffer.from(u.token.split('.')[1]!, 'base64url').toString()) as {
      exp: number;
      iat: number;
      sub: string;
    };
    expect(payload.sub).toBe(u.id);
    expect(payload.exp - payload.iat).toBe(9 * 3600);
  });

  it('gives the identical 401 body for a wrong password and an unknown email', async () => {
    const u = await t.user(['expert']);
    const wrong = await login(u.email, 'not-the-password', '10.0.2.1');
    const unknown = await login('nobody-at-all@example.kz', 'not-the-password', '10.0.2.2');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
    expect(wrong.json().error.code).toBe('auth.invalid_credentials');
  });

  it('refuses requests without a valid token', async () => {
    expect((await me('not-a-token')).statusCode).toBe(401);
    const res = await t.request(null, { method: 'GET', url: '/api/v1/auth/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.required');
  });

  it('validates the login body', async () => {
    const res = await t.request(null, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a@b.kz' },
      remoteAddress: '10.0.3.1',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('request.invalid');
  });
});

describe('disabled users and password resets', () => {
  it('a disabled user cannot sign in and an existing token stops working at once', async () => {
    const u = await t.user(['expert']);
    expect((await me(u.token)).statusCode).toBe(200);
    const current = await t.request(admin.token, { method: 'GET', url: `/api/v1/users/${u.id}` });
    const disable = await t.request(admin.token, {
      method: 'PATCH',
      url: `/api/v1/users/${u.id}`,
      payload: { disabled: true },
      headers: { 'if-match': current.headers.etag as string },
    });
    expect(disable.statusCode, disable.body).toBe(200);
    expect(disable.json().disabled).toBe(true);
    expect((await me(u.token)).statusCode).toBe(401);
    const refused = await login(u.email, TEST_PASSWORD, '10.0.4.1');
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('auth.invalid_credentials');
    // Re-enabling restores access with the same token (no password change happened).
    const enable = await t.request(admin.token, {
      method: 'PATCH',
      url: `/api/v1/users/${u.id}`,
      payload: { disabled: false },
      headers: { 'if-match': disable.headers.etag as string },
    });
    expect(enable.statusCode).toBe(200);
    expect((await me(u.token)).statusCode).toBe(200);
  });

  it('a password reset invalidates earlier tokens; the new password works', async () => {
    const u = await t.user(['expert']);
    const reset = await t.request(admin.token, {
      method: 'POST',
      url: `/api/v1/users/${u.id}/password`,
      payload: { password: 'a-brand-new-password-1' },
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await me(u.token)).statusCode).toBe(401);
    expect((await login(u.email, TEST_PASSWORD, '10.0.5.1')).statusCode).toBe(401);
    const fresh = await login(u.email, 'a-brand-new-password-1', '10.0.5.1');
    expect(fresh.statusCode).toBe(200);
    expect((await me(fresh.json().token)).statusCode).toBe(200);
    expect((await audit(`action=user.password_reset&objectId=${u.id}`)).length).toBe(1);
  });
});

describe('rate limit', () => {
  it('refuses an (account, address) pair after LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS failures; the owner elsewhere still signs in', async () => {
    const u = await t.user(['expert']);
    for (let i = 0; i < 3; i++) expect((await login(u.email, 'wrong-password', '10.1.0.1')).statusCode).toBe(401);
    const locked = await login(u.email, TEST_PASSWORD, '10.1.0.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('auth.rate_limited');
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(locked.json().error.details.retryAfterSeconds).toBe(retryAfter);
    // A stranger's failures do not lock the owner out from the owner's own address.
    expect((await login(u.email, TEST_PASSWORD, '10.1.0.2')).statusCode).toBe(200);
    // Another account from the same address is not affected.
    const other = await t.user(['expert']);
    expect((await login(other.email, TEST_PASSWORD, '10.1.0.1')).statusCode).toBe(200);
  });

  it('limits an unknown email the same way as a known one', async () => {
    for (let i = 0; i < 3; i++)
      expect((await login('ghost@example.kz', 'wrong-password', '10.2.0.1')).statusCode).toBe(401);
    expect((await login('ghost@example.kz', 'wrong-password', '10.2.0.1')).statusCode).toBe(429);
  });

  it('blocks an address after LOGIN_MAX_FAILURES_PER_IP failures over any accounts', async () => {
    const ip = '10.3.0.1';
    for (let i = 0; i < 4; i++)
      expect((await login(`someone-${i}@example.kz`, 'wrong-password', ip)).statusCode).toBe(401);
    const u = await t.user(['expert']);
    const blocked = await login(u.email, TEST_PASSWORD, ip);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login(u.email, TEST_PASSWORD, '10.3.0.2')).statusCode).toBe(200);
  });

  it('slows an account guessed at from many addresses with a short, growing back-off instead of a lock-out', async () => {
    const u = await t.user(['expert']);
    for (let i = 0; i < 6; i++)
      expect((await login(u.email, 'wrong-password', `10.5.0.${i + 1}`)).statusCode).toBe(401);
    // Sixth failure over all addresses: every address waits 2^0 = 1 s before the next try.
    const slowed = await login(u.email, TEST_PASSWORD, '10.5.1.1');
    expect(slowed.statusCode).toBe(429);
    expect(Number(slowed.headers['retry-after'])).toBe(1);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await login(u.email, TEST_PASSWORD, '10.5.1.1')).statusCode).toBe(200);
  });
});

describe('audit', () => {
  it('records sign-in and sign-in failure without the password', async () => {
    const u = await t.user(['expert']);
    await login(u.email, 'wrong-password', '10.4.0.1');
    await login(u.email, TEST_PASSWORD, '10.4.0.1');
    const rows = await audit(`objectType=user&objectId=${u.id}`);
    const failed = rows.find((r) => r.action === 'auth.login_failed');
    expect(failed).toMatchObject({
      actorId: null,
      after: { email: u.email.toLowerCase(), ip: '10.4.0.1', reason: 'bad_password' },
    });
    const ok = rows.filter((r) => r.action === 'auth.login');
    // One from the test helper's sign-in, one here.
    expect(ok.length).toBe(2);
    expect(ok[0]).toMatchObject({ actorId: u.id, after: { ip: '10.4.0.1' } });
    expect(JSON.stringify(rows)).not.toContain('wrong-password');
  });

  it('records failures for unknown emails', async () => {
    await login('unknown-audited@example.kz', 'whatever-password', '10.4.0.2');
    const rows = await audit('action=auth.login_failed');
    expect(
      rows.some(
        (r) =>
          r.after?.email === 'unknown-audited@example.kz' && r.after?.reason === 'unknown_email' && r.objectId === null,
      ),
    ).toBe(true);
  });

  it('records user creation and changes with the acting administrator, never the password hash', async () => {
    const created = await t.request(admin.token, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'audited@example.kz', name: 'Audited', password: 'long-enough-password', roles: ['expert'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const updated = await t.request(admin.token, {
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      payload: { name: 'Audited Again' },
      headers: { 'if-match': created.headers.etag as string },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    const rows = await audit(`objectType=user&objectId=${id}`);
    expect(rows.map((r) => r.action)).toEqual(['user.update', 'user.create']);
    expect(rows[1]).toMatchObject({ actorId: admin.id, after: { email: 'audited@example.kz', roles: ['expert'] } });
    expect(rows[0]).toMatchObject({ actorId: admin.id, before: { name: 'Audited' }, after: { name: 'Audited Again' } });
    const text = JSON.stringify(rows);
    expect(text).not.toContain('argon2');
    expect(text).not.toContain('long-enough-password');
  });
});
