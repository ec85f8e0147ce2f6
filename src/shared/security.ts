// Transport-level protections, one place: security headers (helmet) with a CSP the web
// application passes (it has no inline script or style), no-store on API answers,
// refusal of request bodies in an encoding the server does not decode, and per-user
// rate limits on the routes that declare `config.cost: 'heavy'` (exports, previews,
// pipeline steps, finalisation), each route counted on its own and across instances (the
// store is the database), plus a cap on how many of them one instance runs at once (a window
// limit alone lets a burst exhaust memory).
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { rateLimited, serviceBusy, unsupportedEncoding } from './shared.errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `heavy`: CPU- or memory-bound; rate-limited per user (RATE_LIMIT_HEAVY_*). */
    cost?: 'heavy';
  }
}

export interface SecurityOptions {
  heavyMax: number;
  heavyWindowSeconds: number;
  /** Expensive requests one instance runs at once. */
  heavyConcurrency: number;
  /** Where hits are counted (@fastify/rate-limit's `store`): shared by all instances. */
  store?: NonNullable<Parameters<typeof fastifyRateLimit>[1]>['store'];
}

/** The web application's policy: everything from this origin, nothing inline, never framed. */
const appDirectives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Swagger UI (/docs) loads only its own files but sets inline styles and data: images;
 * it gets its own, looser style policy and nothing else.
 */
export const DOCS_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

export async function registerSecurity(app: FastifyInstance, opts: SecurityOptions): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: appDirectives },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });

  // Bodies are parsed as sent: a compressed (or mislabelled) body is refused, not misread.
  app.addHook('onRequest', async (request) => {
    const encoding = request.headers['content-encoding'];
    if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') throw unsupportedEncoding();
  });

  // Answers of the API are per user and often personal: never kept by a browser or a proxy,
  // unless the route says otherwise (files revalidated by ETag).
  app.addHook('onSend', async (request, reply, payload) => {
    if ((request.url.startsWith('/api/') || request.url.startsWith('/health')) && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    return payload;
  });

  // Declared cost -> @fastify/rate-limit's per-route options; this hook runs before the plugin's.
  app.addHook('onRoute', (route) => {
    if (route.config?.cost !== 'heavy') return;
    route.config = { ...route.config, rateLimit: { max: opts.heavyMax, timeWindow: opts.heavyWindowSeconds * 1000 } };
    // Documented in the OpenAPI operation, so clients know to expect 429.
    route.schema = {
      ...route.schema,
      'x-rate-limit': { per: 'user', max: opts.heavyMax, windowSeconds: opts.heavyWindowSeconds },
    } as typeof route.schema;
  });
  await app.register(fastifyRateLimit, {
    global: false,
    ...(opts.store ? { store: opts.store } : {}),
    // After the access hook, so the caller is known: the limit is per user, not per address.
    hook: 'preHandler',
    keyGenerator: (request) => request.token?.sub ?? request.ip,
    errorResponseBuilder: (_request, context) => rateLimited(Math.max(1, Math.ceil(context.ttl / 1000))),
  });

  // A slot is taken after the per-user limit (this hook is added after the plugin's, so a
  // limited caller holds none) and given back when the response ends or the connection closes.
  let running = 0;
  const takeSlot = async (_request: FastifyRequest, reply: FastifyReply) => {
    if (running >= opts.heavyConcurrency) throw serviceBusy();
    running += 1;
    reply.raw.once('close', () => {
      running -= 1;
    });
  };
  app.addHook('onRoute', (route) => {
    if (route.config?.cost !== 'heavy') return;
    const before =
      route.preHandler === undefined ? [] : Array.isArray(route.preHandler) ? route.preHandler : [route.preHandler];
    route.preHandler = [...before, takeSlot];
  });
}
