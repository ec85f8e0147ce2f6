// The one error shape: {"error": {"code", "message", "details"}}, no stack traces,
// messages in the caller's language.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { messages } from '../../src/shared/messages.js';
import { openTestDatabase } from '../helpers/database.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await createTestApp({ BODY_LIMIT_BYTES: 4096 });
  admin = (await t.user(['admin'])).token;
});
afterAll(() => t?.close());

const expectShape = (body: unknown) => {
  expect(body).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) });
  const keys = Object.keys((body as { error: object }).error);
  expect(keys.every((k) => ['code', 'message', 'details'].includes(k))).toBe(true);
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
};

describe('error responses', () => {
  it('an unknown route is a 404 in the JSON shape, with or without a token', async () => {
    for (const token of [null, admin]) {
      const res = await t.request(token, { method: 'GET', url: '/api/v1/no-such-thing' });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expectShape(res.json());
      expect(res.json().error).toEqual({ code: 'not_found', message: messages.notFound.ru });
    }
  });

  it('invalid JSON is a 400', async () => {
    const res = await t.request(null, {
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.kz", ',
    });
    expect(res.statusCode).toBe(400);
    expectShape(res.json());
    expect(res.json().error.code).toBe('request.bad_json');
  });

  it('a body over BODY_LIMIT_BYTES is a 413', async () => {
    const res = await t.request(null, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a@b.kz', password: 'x'.repeat(5000) },
    });
    expect(res.statusCode).toBe(413);
    expectShape(res.json());
    expect(res.json().error.code).toBe('request.too_large');
  });

  it('an unsupported content type is a 415', async () => {
    const res = await t.request(null, {
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/x-unknown' },
      payload: 'x',
    });
    expect(res.statusCode).toBe(415);
    expectShape(res.json());
  });

  it('a validation error lists the issues with field paths', async () => {
    const res = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/users',
      payload: { email: 'nope', name: '', password: 'short', roles: ['admin'], extra: 1 },
    });
    expect(res.statusCode).toBe(400);
    expectShape(res.json());
    const { code, details } = res.json().error;
    expect(code).toBe('request.invalid');
    const issues = details.issues as { path: string; message: string }[];
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) expect(i).toEqual({ path: expect.stringMatching(/^body/), message: expect.any(String) });
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['body.email', 'body.name', 'body.password']));
    const params = await t.request(admin, { method: 'GET', url: '/api/v1/users/not-a-uuid' });
    expect(params.statusCode).toBe(400);
    expect(params.json().error.details.issues[0].path).toBe('params.id');
  });

  it('answers in Kazakh with Accept-Language: kk or ?lang=kk, in Russian by default', async () => {
    const kk = await t.request(null, {
      method: 'GET',
      url: '/api/v1/nothing',
      headers: { 'accept-language': 'kk-KZ,kk;q=0.9,ru;q=0.8' },
    });
    expect(kk.json().error.message).toBe(messages.notFound.kk);
    const query = await t.request(null, { method: 'GET', url: '/api/v1/nothing?lang=kk' });
    expect(query.json().error.message).toBe(messages.notFound.kk);
    const queryWins = await t.request(null, {
      method: 'GET',
      url: '/api/v1/nothing?lang=ru',
      headers: { 'accept-language': 'kk' },
    });
    expect(queryWins.json().error.message).toBe(messages.notFound.ru);
    const login = await t.request(null, { method: 'POST', url: '/api/v1/auth/login?lang=kk', payload: { email: 'x' } });
    expect(login.json().error.message).toBe(messages.validation.kk);
    const anon = await t.request(null, { method: 'GET', url: '/api/v1/auth/me', headers: { 'accept-language': 'kk' } });
    expect(anon.json().error).toEqual({ code: 'auth.required', message: messages.authRequired.kk });
  });

  it('a route without declared access is denied (default deny)', async () => {
    const database = await openTestDatabase();
    const app = await buildApp({ config: t.config, database, ownsDatabase: true });
    app.get('/undeclared', async () => ({ secret: true }));
    try {
      const res = await app.inject({ method: 'GET', url: '/undeclared' });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('auth.route_not_declared');
      expect(res.body).not.toContain('secret');
    } finally {
      await app.close();
    }
  });
});
