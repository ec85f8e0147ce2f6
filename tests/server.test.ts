// The real server process: start, first administrator in development, graceful
// shutdown on SIGTERM with a request in flight, restart on the same data.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { openTestDatabase } from './helpers/database.js';

interface LogLine {
  msg?: string;
  password?: string;
  [key: string]: unknown;
}

interface Server {
  child: ChildProcess;
  logs: LogLine[];
  stderr: () => string;
  waitForLog: (pred: (l: LogLine) => boolean, what: string, ms?: number) => Promise<LogLine>;
  exited: Promise<number | null>;
}

let dataDir: string;
let database: (Database & { url?: string }) | undefined;
const started: ChildProcess[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ctip-server-'));
  // On PostgreSQL the server gets a fresh database of its own; otherwise PGlite in DATA_DIR.
  if (process.env.DATABASE_URL) database = await openTestDatabase();
});
afterAll(async () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await database?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function serverEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    ...extra,
  };
  for (const name of [
    'DATABASE_URL',
    'JWT_SECRET',
    'ADMIN_EMAIL',
    'ADMIN_PASSWORD',
    'VITEST',
    'VITEST_POOL_ID',
    'VITEST_WORKER_ID',
  ])
    delete env[name];
  if (database?.url) env.DATABASE_URL = database.url;
  return env;
}

function startServer(): Server {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: serverEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  const logs: LogLine[] = [];
  const waiters: { pred: (l: LogLine) => boolean; resolve: (l: LogLine) => void }[] = [];
  let stderr = '';
  let buffer = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout!.on('data', (d: Buffer) => {
    buffer += d.toString();
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const text = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      let line: LogLine;
      try {
        line = JSON.parse(text) as LogLine;
      } catch {
        continue;
      }
      logs.push(line);
      for (const w of [...waiters]) if (w.pred(line)) w.resolve(line);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitForLog: Server['waitForLog'] = (pred, what, ms = 30_000) => {
    const seen = logs.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; stderr: ${stderr}`)), ms);
      const waiter = {
        pred,
        resolve: (l: LogLine) => {
          clearTimeout(timer);
          waiters.splice(waiters.indexOf(waiter), 1);
          resolve(l);
        },
      };
      waiters.push(waiter);
      void exited.then(() => reject(new Error(`server exited while waiting for ${what}; stderr: ${stderr}`)));
    });
  };
  return { child, logs, stderr: () => stderr, waitForLog, exited };
}

async function baseUrl(server: Server): Promise<string> {
  const line = await server.waitForLog(
    (l) => typeof l.msg === 'string' && l.msg.startsWith('Server listening at http://127.0.0.1:'),
    'the listening message',
  );
  return line.msg!.replace('Server listening at ', '');
}

/** Opens a raw connection and sends a request's headers and the first half of its body. */
function startSlowRequest(url: string, body: string): Promise<{ finish: () => Promise<string> }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      const half = Math.floor(body.length / 2);
      socket.write(
        `POST /api/v1/auth/login HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, half)}`,
      );
      let response = '';
      socket.on('data', (d: Buffer) => (response += d.toString()));
      const ended = new Promise<string>((res) => socket.on('close', () => res(response)));
      resolve({
        finish: async () => {
          socket.write(body.slice(half));
          return ended;
        },
      });
    });
    socket.on('error', reject);
  });
}

function canConnect(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/** True once the listening socket is closed (polled: closing starts asynchronously). */
async function refusesConnections(url: string): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (!(await canConnect(url))) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

describe('server process', () => {
  let token = '';
  let url = '';

  it('starts, creates admin@localhost with a password logged once, and shuts down gracefully with a request in flight', async () => {
    const server = startServer();
    url = await baseUrl(server);
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', db: 'ok' });

    const created = server.logs.filter((l) => l.password);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ email: 'admin@localhost' });
    // The JWT secret was generated and kept in DATA_DIR.
    expect(existsSync(path.join(dataDir, 'jwt-secret'))).toBe(true);

    // A sign-in whose body is still arriving when SIGTERM comes.
    const inFlight = await startSlowRequest(
      url,
      JSON.stringify({ email: 'admin@localhost', password: created[0]!.password }),
    );
    await server.waitForLog(
      (l) => l.msg === 'incoming request' && (l.req as { url?: string } | undefined)?.url === '/api/v1/auth/login',
      'the in-flight request',
    );
    server.child.kill('SIGTERM');
    await server.waitForLog((l) => l.msg === 'shutting down', 'the shutdown message');
    // New connections are refused while the in-flight request is still open.
    expect(await refusesConnections(url)).toBe(true);

    const response = await inFlight.finish();
    expect(response).toMatch(/^HTTP\/1\.1 200 /);
    const json = JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4)) as {
      token: string;
      user: { email: string; roles: string[] };
    };
    expect(json.user).toMatchObject({ email: 'admin@localhost', roles: ['admin'] });
    token = json.token;
    expect(await server.exited).toBe(0);
  }, 60_000);

  it('restarts on the same data: no second administrator, earlier tokens still valid', async () => {
    expect(token).not.toBe('');
    const server = startServer();
    const again = await baseUrl(server);
    expect(server.logs.filter((l) => l.password)).toHaveLength(0);
    const me = await fetch(`${again}/api/v1/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { email: string }).email).toBe('admin@localhost');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 60_000);

  it('refuses to start with a bad variable, naming it', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: serverEnv({ PORT: 'not-a-port' }),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Invalid configuration');
    expect(run.stderr).toContain('PORT');
  }, 60_000);
});
