// Tokens are verified strictly: HS256 only, `exp` required, the payload's shape checked.
// Anything else is 401, never a 500 (a `sub` that is not a UUID once reached a uuid column).
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let user: { id: string; token: string };
let tv: number;
beforeAll(async () => {
  t = await createTestApp();
  user = await t.user(['admin']);
  tv = JSON.parse(Buffer.from(user.token.split('.')[1]!, 'base64url').toString()).tv;
});
afterAll(() => t?.close());

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
function sign(payload: Record<string, unknown>, alg = 'HS256', secret = t.config.JWT_SECRET!): string {
  const head = `${b64({ alg, typ: 'JWT' })}.${b64(payload)}`;
  const hash = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[alg] ?? 'sha256';
  return `${head}.${createHmac(hash, secret).update(head).digest('base64url')}`;
}
const now = () => Math.floor(Date.now() / 1000);
const me = (token: string) => t.request(token, { method: 'GET', url: '/api/v1/auth/me' });

describe('token verification', () => {
  it('accepts a well-formed HS256 token', async () => {
    expect((await me(sign({ sub: user.id, tv, iat: now(), exp: now() + 60 }))).statusCode).toBe(200);
  });

  it.each([
    ['sub not a UUID', { sub: 'not-a-uuid', tv: 'TV', iat: now(), exp: now() + 60 }, 'HS256'],
    ['sub a number', { sub: 42, tv: 'TV', exp: now() + 60 }, 'HS256'],
    ['no sub', { tv: 'TV', exp: now() + 60 }, 'HS256'],
    ['tv not an integer', { sub: 'USER', tv: 'x', exp: now() + 60 }, 'HS256'],
    ['no tv', { sub: 'USER', exp: now() + 60 }, 'HS256'],
    ['no exp', { sub: 'USER', tv: 'TV', iat: now() }, 'HS256'],
    ['expired', { sub: 'USER', tv: 'TV', iat: now() - 120, exp: now() - 60 }, 'HS256'],
    ['HS512 with the same secret', { sub: 'USER', tv: 'TV', exp: now() + 60 }, 'HS512'],
    ['HS384 with the same secret', { sub: 'USER', tv: 'TV', exp: now() + 60 }, 'HS384'],
    ['alg none', { sub: 'USER', tv: 'TV', exp: now() + 60 }, 'none'],
  ])('refuses a token with %s (401)', async (_name, payload, alg) => {
    const p = Object.fromEntries(
      Object.entries(payload).map(([k, v]) => [k, v === 'USER' ? user.id : v === 'TV' ? tv : v]),
    );
    const token = alg === 'none' ? `${b64({ alg: 'none', typ: 'JWT' })}.${b64(p)}.` : sign(p, alg);
    const res = await me(token);
    expect(res.statusCode, res.body).toBe(401);
    expect(res.json().error.code).toBe('auth.required');
  });

  it('refuses garbage in the Authorization header (401)', async () => {
    for (const header of [
      'Bearer',
      'Bearer ',
      'Bearer a.b.c',
      'Basic Zm9vOmJhcg==',
      `Bearer ${'x'.repeat(10_000)}`,
      'Bearer \u00e9\u00e9.\u00e9',
    ]) {
      const res = await t.request(null, { method: 'GET', url: '/api/v1/auth/me', headers: { authorization: header } });
      expect(res.statusCode, header.slice(0, 30)).toBe(401);
    }
  });
});
