// Security headers (helmet; a CSP the web application and the docs page pass), no-store
// on API answers, refused body encodings, and per-user rate limits on expensive routes.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../helpers/collection.js';
import { DOCS_CSP } from '../../src/shared/security.js';
import { buildApp } from '../../src/app.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let admin: { id: string; token: string };
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_HEAVY_MAX: 2, RATE_LIMIT_HEAVY_WINDOW_SECONDS: 60 });
  admin = await t.user(['admin']);
});
afterAll(() => t?.close());

const get = (token: string | null, url: string) => t.request(token, { method: 'GET', url });

describe('security headers', () => {
  it('sends a strict CSP and the usual protections on the application shell', async () => {
    const res = await get(null, '/');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('the shell has no inline script or style the CSP would block', () => {
    const html = readFileSync(new URL('../../src/web/public/index.html', import.meta.url), 'utf8');
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      expect(m[1]).toMatch(/\bsrc=/);
      expect(m[2]!.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
  });

  it('API answers carry the headers and Cache-Control: no-store', async () => {
    for (const [token, url] of [
      [admin.token, '/api/v1/auth/me'],
      [null, '/api/v1/auth/me'],
      [admin.token, '/api/v1/nothing'],
    ] as const) {
      const res = await get(token, url);
      expect(res.headers['cache-control'], url).toBe('no-store');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toBeDefined();
    }
  });

  it('the docs page gets its own CSP, loads only its own scripts, and still works', async () => {
    const page = await get(null, '/docs');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toBe(DOCS_CSP);
    const scripts = [...page.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const m of scripts) {
      expect(m[2]!.trim()).toBe('');
      const src = /src="([^"]+)"/.exec(m[1]!)![1]!;
      expect((await get(null, new URL(src, 'http://x/docs/').pathname)).statusCode, src).toBe(200);
    }
    expect((await get(null, '/docs/json')).statusCode).toBe(200);
  });
});

describe('request encodings', () => {
  it('refuses a body labelled as compressed (415), storing nothing', async () => {
    for (const encoding of ['gzip', 'deflate', 'br', 'x-unknown']) {
      const res = await t.request(admin.token, {
        method: 'POST',
        url: '/api/v1/organisations',
        headers: { 'content-encoding': encoding, 'content-type': 'application/json' },
        payload: JSON.stringify({ agencyType: 'ngo', region: 'almaty', name: { kk: 'Ұйым', ru: 'Организация' } }),
      });
      expect(res.statusCode, encoding).toBe(415);
      expect(res.json().error.code).toBe('request.unsupported_encoding');
    }
    const orgs = (await get(admin.token, '/api/v1/organisations')).json() as unknown[];
    expect(orgs).toHaveLength(0);
  });
});

describe('rate limits on expensive routes', () => {
  it('limits each user per window with 429 and Retry-After; other users are unaffected', async () => {
    const other = await t.user(['admin']);
    const created = await t.request(admin.token, {
      method: 'POST',
      url: '/api/v1/campaigns',
      payload: { reportingYear: 2030, questionnaireVersion: VERSION },
    });
    expect(created.statusCode, created.body).toBe(201);
    const url = `/api/v1/campaigns/${created.json().id}/export.xlsx`;
    const first = await get(admin.token, url);
    expect(first.statusCode, first.body).toBe(200);
    expect((await get(admin.token, url)).statusCode).toBe(200);
    const limited = await get(admin.token, url);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('request.rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await get(other.token, url)).statusCode).toBe(200);
  });

  it('counts hits in the database: a second instance on the same database sees them; a passed window starts again', async () => {
    const user = await t.user(['admin']);
    const created = await t.request(admin.token, {
      method: 'POST',
      url: '/api/v1/campaigns',
      payload: { reportingYear: 2031, questionnaireVersion: VERSION },
    });
    const url = `/api/v1/campaigns/${created.json().id}/export.xlsx`;
    const other = await buildApp({ config: t.config, database: t.app.database, ownsDatabase: false });
    try {
      const viaOther = () => other.inject({ method: 'GET', url, headers: { authorization: `Bearer ${user.token}` } });
      expect((await get(user.token, url)).statusCode).toBe(200);
      expect((await viaOther()).statusCode).toBe(200);
      // The third request in the window, on either instance, is over the limit of 2.
      expect((await viaOther()).statusCode).toBe(429);
      expect((await get(user.token, url)).statusCode).toBe(429);
      // One row per (route, caller).
      const routes = (await t.app.database.query(`select key from rate_limit_hits where key like $1`, [`%|${user.id}`]))
        .rows;
      expect(routes.map((r) => String(r.key).split('|')[0])).toEqual(['GET /api/v1/campaigns/:id/export.xlsx']);
      await t.app.database.query(
        `update rate_limit_hits set window_start = now() - interval '61 seconds' where key like $1`,
        [`%|${user.id}`],
      );
      expect((await viaOther()).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('runs at most RATE_LIMIT_HEAVY_CONCURRENCY expensive requests at once per instance; the rest get 503 service.busy with Retry-After', async () => {
    const busy = await createTestApp({ RATE_LIMIT_HEAVY_CONCURRENCY: 1 });
    try {
      const admins = await Promise.all([busy.user(['admin']), busy.user(['admin']), busy.user(['admin'])]);
      const created = await busy.request(admins[0]!.token, {
        method: 'POST',
        url: '/api/v1/campaigns',
        payload: { reportingYear: 2030, questionnaireVersion: VERSION },
      });
      const url = `/api/v1/campaigns/${created.json().id}/export.xlsx`;
      const answers = await Promise.all(admins.map((a) => busy.request(a.token, { method: 'GET', url })));
      const codes = answers.map((r) => r.statusCode).sort();
      expect(codes).toContain(200);
      expect(codes).toContain(503);
      const refused = answers.find((r) => r.statusCode === 503)!;
      expect(refused.json().error.code).toBe('service.busy');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      // The slot is given back, also by refusals after it was taken: one at a time, every call goes through.
      const missing = `/api/v1/assessments/00000000-0000-4000-8000-000000000000/facts.csv`;
      for (let i = 0; i < 3; i++)
        expect((await busy.request(admins[0]!.token, { method: 'GET', url: missing })).statusCode).toBe(404);
      const secretariat = await busy.user(['secretariat']);
      for (let i = 0; i < 3; i++)
        expect((await busy.request(secretariat.token, { method: 'GET', url: missing })).statusCode).toBe(403);
      for (const a of admins) expect((await busy.request(a.token, { method: 'GET', url })).statusCode).toBe(200);
    } finally {
      await busy.close();
    }
  });

  it('declares a limit on every export, preview, pipeline step and finalisation in the OpenAPI document', async () => {
    const heavy = [
      'GET /api/v1/campaigns/:id/export.xlsx',
      'GET /api/v1/campaigns/:campaignId/submissions/:organisationId/template.xlsx',
      'GET /api/v1/assessments/:id/facts.arrow',
      'GET /api/v1/assessments/:id/facts.csv',
      'GET /api/v1/assessments/:id/preview.pdf',
      'POST /api/v1/assessments/:id/quality',
      'POST /api/v1/assessments/:id/structuring',
      'POST /api/v1/assessments/:id/ranking',
      'POST /api/v1/assessments/:id/finalise',
    ];
    const doc = (await get(null, '/docs/json')).json() as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    for (const route of heavy) {
      const [method, url] = route.split(' ') as [string, string];
      const operation = doc.paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      expect(operation, route).toBeDefined();
      expect(operation!['x-rate-limit'], route).toEqual({ per: 'user', max: 2, windowSeconds: 60 });
    }
  });
});
