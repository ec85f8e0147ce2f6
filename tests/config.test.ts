import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const secret = 'a'.repeat(32);

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('has working defaults for development', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      HOST: '127.0.0.1',
      DATA_DIR: './data',
      JWT_TTL: '9h',
      BODY_LIMIT_BYTES: 2 * 1024 * 1024,
      UPLOAD_LIMIT_BYTES: 10 * 1024 * 1024,
      LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: 5,
      LOGIN_MAX_FAILURES_PER_IP: 30,
      LOGIN_WINDOW_MINUTES: 15,
      LOGIN_BACKOFF_AFTER_FAILURES: 20,
      LOGIN_BACKOFF_MAX_SECONDS: 300,
      TRUST_PROXY: false,
    });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.JWT_SECRET).toBeUndefined();
  });

  it('parses numbers and booleans from strings', () => {
    const c = loadConfig({
      PORT: '8080',
      TRUST_PROXY: 'true',
      BODY_LIMIT_BYTES: '1024',
      DATABASE_URL: 'postgres://u@h:5432/db',
    });
    expect(c).toMatchObject({
      PORT: 8080,
      TRUST_PROXY: true,
      BODY_LIMIT_BYTES: 1024,
      DATABASE_URL: 'postgres://u@h:5432/db',
    });
  });

  it('names PORT when it is not a port number', () => {
    for (const PORT of ['abc', '70000', '-1', '80.5']) {
      const err = errorOf({ PORT });
      expect(err.message).toMatch(/^Invalid configuration:/);
      expect(err.message).toContain('PORT');
      expect(err.message).not.toContain('HOST');
    }
  });

  it('requires JWT_SECRET in production, naming it', () => {
    const err = errorOf({ NODE_ENV: 'production' });
    expect(err.message).toContain('JWT_SECRET');
    expect(err.message).toContain('NODE_ENV=production');
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret }).JWT_SECRET).toBe(secret);
    expect(errorOf({ NODE_ENV: 'production', JWT_SECRET: 'short' }).message).toContain('JWT_SECRET');
  });

  it('names every bad variable at once', () => {
    const err = errorOf({ DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', LOGIN_WINDOW_MINUTES: '0' });
    for (const name of ['DATABASE_URL', 'LOG_LEVEL', 'LOGIN_WINDOW_MINUTES']) expect(err.message).toContain(name);
  });

  it('wants ADMIN_EMAIL and ADMIN_PASSWORD together, with a long enough password', () => {
    expect(errorOf({ ADMIN_PASSWORD: 'long-enough-password' }).message).toContain('ADMIN_PASSWORD');
    expect(errorOf({ ADMIN_EMAIL: 'a@b.kz', ADMIN_PASSWORD: 'short' }).message).toContain('ADMIN_PASSWORD');
    expect(errorOf({ ADMIN_EMAIL: 'not-an-email', ADMIN_PASSWORD: 'long-enough-password' }).message).toContain(
      'ADMIN_EMAIL',
    );
  });

  it('applies overrides after parsing (tests)', () => {
    expect(loadConfig({ PORT: '1' }, { PORT: 2 }).PORT).toBe(2);
  });
});
