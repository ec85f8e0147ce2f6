// Refused requests (401/403) in the audit log, summarised: each instance counts them in
// memory per (actor or address, route, status) and writes one `access.refused` row per
// key and window, `after = {status, ip, count, windowStart, windowEnd}`. At most
// AUDIT_REFUSALS_MAX_ROWS rows per window and instance; refusals beyond that many keys
// go into one overflow row, so a flood costs a bounded number of rows, never one per
// request. Failed sign-ins are audited one by one elsewhere and are not counted here.
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import { audit } from './audit.repository.js';

interface Key {
  actorId: string | null;
  ip: string;
  route: string;
  status: number;
}

export interface RefusalAudit {
  /** Writes the current window's summary now (also on a timer and at close). */
  flush: () => Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    refusalAudit: RefusalAudit;
  }
}

const NOT_COUNTED = new Set(['POST /api/v1/auth/login']);

export function registerRefusalAudit(
  app: FastifyInstance,
  db: Db,
  opts: { windowSeconds: number; maxRows: number },
): void {
  let counts = new Map<string, Key & { count: number }>();
  let overflow = 0;
  let windowStart = new Date();

  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode !== 401 && reply.statusCode !== 403) return;
    const route = `${request.method} ${request.routeOptions.url ?? '(unknown)'}`;
    if (NOT_COUNTED.has(route)) return;
    // A verified token's subject is a UUID (the access hook checks its shape), or there is none.
    const key: Key = {
      actorId: request.auth?.id ?? request.token?.sub ?? null,
      ip: request.ip,
      route,
      status: reply.statusCode,
    };
    const id = `${key.actorId}|${key.ip}|${key.route}|${key.status}`;
    const known = counts.get(id);
    if (known) known.count += 1;
    else if (counts.size < opts.maxRows - 1) counts.set(id, { ...key, count: 1 });
    else overflow += 1;
  });

  const flush = async () => {
    if (counts.size === 0 && overflow === 0) return;
    const rows = [...counts.values()];
    const extra = overflow;
    const period = { windowStart: windowStart.toISOString(), windowEnd: new Date().toISOString() };
    counts = new Map();
    overflow = 0;
    windowStart = new Date();
    const entries = rows.map((r) => ({
      actorId: r.actorId,
      route: r.route,
      after: { status: r.status, ip: r.ip, count: r.count, ...period } as Record<string, unknown>,
    }));
    if (extra > 0)
      entries.push({ actorId: null, route: '(overflow)', after: { overflow: true, count: extra, ...period } });
    try {
      await db.transaction(async (tx) => {
        for (const e of entries)
          await audit(
            tx,
            { userId: e.actorId, requestId: null },
            'access.refused',
            { type: 'route', id: e.route },
            { after: e.after },
          );
      });
    } catch (err) {
      // The database may be why requests were refused; the summary still reaches the log.
      app.log.warn({ err, refusals: entries }, 'refusal summary not written');
    }
  };

  const timer = setInterval(() => void flush(), opts.windowSeconds * 1000);
  timer.unref();
  app.decorate('refusalAudit', { flush });
  // Before the database closes.
  app.addHook('preClose', async () => {
    clearInterval(timer);
    await flush();
  });
}
