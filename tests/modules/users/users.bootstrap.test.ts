import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../../src/config.js';
import type { Database } from '../../../src/db/client.js';
import { migrateDatabase } from '../../../src/db/migrate.js';
import { verifyPassword } from '../../../src/modules/users/users.password.js';
import { seedReference } from '../../../src/modules/reference/reference.seed.js';
import { ensureFirstAdmin } from '../../../src/modules/users/users.bootstrap.js';
import { findUserByEmail, listUsers } from '../../../src/modules/users/users.repository.js';
import { openTestDatabase } from '../../helpers/database.js';
import { createTestApp } from '../../helpers/test-app.js';

interface Logged {
  level: string;
  obj: unknown;
  msg?: string;
}

function captureLog(): { log: FastifyBaseLogger; lines: Logged[] } {
  const lines: Logged[] = [];
  const at = (level: string) => (obj: unknown, msg?: string) =>
    lines.push(typeof obj === 'string' ? { level, obj: {}, msg: obj } : { level, obj, msg });
  const log = {
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    debug: at('debug'),
    trace: at('trace'),
    fatal: at('fatal'),
  } as unknown as FastifyBaseLogger;
  return { log, lines };
}

let open: Database | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

async function freshDb(): Promise<Database> {
  open = await openTestDatabase();
  await migrateDatabase(open);
  await seedReference(open.db);
  return open;
}

const config = (env: Record<string, string>): Config =>
  loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: mkdtempSync(path.join(tmpdir(), 'ctip-')), ...env });

describe('first administrator', () => {
  it('is created from ADMIN_EMAIL and ADMIN_PASSWORD and can sign in', async () => {
    const t = await createTestApp({ ADMIN_EMAIL: 'Chief@Example.kz', ADMIN_PASSWORD: 'a-long-admin-password' });
    try {
      const res = await t.request(null, {
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'chief@example.kz', password: 'a-long-admin-password' },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().user).toMatchObject({ email: 'Chief@Example.kz', roles: ['admin'] });
      const audit = (
        await t.request(res.json().token, { method: 'GET', url: '/api/v1/audit?action=user.create' })
      ).json();
      expect(audit).toHaveLength(1);
      expect(audit[0].actorId).toBeNull();
    } finally {
      await t.close();
    }
  });

  it('is created only when there are no users', async () => {
    const { db } = await freshDb();
    const { log, lines } = captureLog();
    await ensureFirstAdmin(
      db,
      config({
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(32),
        ADMIN_EMAIL: 'one@example.kz',
        ADMIN_PASSWORD: 'a-long-admin-password',
      }),
      log,
    );
    await ensureFirstAdmin(
      db,
      config({
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(32),
        ADMIN_EMAIL: 'two@example.kz',
        ADMIN_PASSWORD: 'a-long-admin-password',
      }),
      log,
    );
    expect((await listUsers(db)).map((u) => u.email)).toEqual(['one@example.kz']);
    expect(lines.filter((l) => l.msg?.includes('created'))).toHaveLength(1);
    expect(JSON.stringify(lines)).not.toContain('a-long-admin-password');
  });

  it('in development without them, is admin@localhost with a random password logged once', async () => {
    const { db } = await freshDb();
    const { log, lines } = captureLog();
    await ensureFirstAdmin(db, config({ NODE_ENV: 'development' }), log);
    await ensureFirstAdmin(db, config({ NODE_ENV: 'development' }), log);
    const users = await listUsers(db);
    expect(users.map((u) => [u.email, u.roles])).toEqual([['admin@localhost', ['admin']]]);
    const logged = lines.filter((l) => (l.obj as { password?: string }).password);
    expect(logged).toHaveLength(1);
    const password = (logged[0]!.obj as { password: string }).password;
    expect(password.length).toBeGreaterThanOrEqual(12);
    const admin = await findUserByEmail(db, 'admin@localhost');
    expect(await verifyPassword(admin!.passwordHash, password)).toBe(true);
  });

  it('is not invented in production or tests without ADMIN_EMAIL', async () => {
    const { db } = await freshDb();
    const { log, lines } = captureLog();
    await ensureFirstAdmin(db, config({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }), log);
    await ensureFirstAdmin(db, config({ NODE_ENV: 'test' }), log);
    expect(await listUsers(db)).toEqual([]);
    expect(lines.some((l) => l.level === 'warn' && l.msg?.includes('ADMIN_EMAIL'))).toBe(true);
  });
});
