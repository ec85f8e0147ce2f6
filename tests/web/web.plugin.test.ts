// The web plugin: the application shell and its modules are public, deep links get the
// shell, and /api and /docs keep their own 404s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

describe('web plugin', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('serves the application shell at / and for page paths', async () => {
    for (const url of ['/', '/login', '/submissions/a/b?item=s1.q1', '/admin/users']) {
      const res = await t.request(null, { method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('<script type="module" src="/js/app.js">');
    }
  });

  it('serves modules, dictionaries and styles with their types', async () => {
    const js = await t.request(null, { method: 'GET', url: '/js/app.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect((await t.request(null, { method: 'GET', url: '/i18n/kk.js' })).statusCode).toBe(200);
    const css = await t.request(null, { method: 'GET', url: '/styles.css' });
    expect(css.headers['content-type']).toMatch(/^text\/css/);
  });

  it('answers 404 JSON for unknown API paths and missing assets, never the shell', async () => {
    for (const url of [
      '/api/v1/nothing-here',
      '/api',
      '/docs/nothing',
      '/js/missing.js',
      '/../package.json',
      '/%2e%2e/package.json',
    ]) {
      const res = await t.request(null, { method: 'GET', url });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.body, url).not.toContain('<script type="module"');
    }
  });

  it('keeps the API working and adds nothing to the OpenAPI document', async () => {
    const doc = (await t.request(null, { method: 'GET', url: '/docs/json' })).json() as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths).filter((p) => !p.startsWith('/api/') && p !== '/health')).toEqual([]);
    expect((await t.request(null, { method: 'GET', url: '/health' })).statusCode).toBe(200);
  });
});
