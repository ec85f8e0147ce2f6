import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { openTestDatabase } from '../../helpers/database.js';
import { createTestApp } from '../../helpers/test-app.js';

describe('GET /health', () => {
  it('answers ok with the database ok, without a token', async () => {
    const t = await createTestApp();
    try {
      const res = await t.request(null, { method: 'GET', url: '/health' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ status: 'ok', db: 'ok' });
    } finally {
      await t.close();
    }
  });

  it('answers 503 when the database is unreachable', async () => {
    // An instance of its own: the test closes it under the app.
    const database = await openTestDatabase({ own: true });
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'ctip-')),
    });
    const app = await buildApp({ config, database, ownsDatabase: false });
    try {
      expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
      await database.close();
      const res = await app.inject({ method: 'GET', url: '/health' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'unavailable', db: 'unreachable' });
    } finally {
      await app.close();
    }
  });
});
