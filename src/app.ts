// Builds the application without listening, so tests can `inject`.
import fastifyJwt from '@fastify/jwt';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { classifyDatabaseError } from './db/errors.js';
import { dataDirFor } from './db/location.js';
import { migrateDatabase } from './db/migrate.js';
import { registerRefusalAudit } from './modules/audit/audit.refusals.js';
import { resolveJwtSecret } from './modules/auth/auth.secret.js';
import { seedReference } from './modules/reference/reference.seed.js';
import { ensureFirstAdmin } from './modules/users/users.bootstrap.js';
import { findUserForRequest } from './modules/users/users.repository.js';
import { JobRunner } from './modules/jobs/jobs.runner.js';
import { moduleRoutes } from './routes.js';
import { registerAccessControl, TOKEN_ALGORITHM, type Role } from './shared/access.js';
import { registerErrorHandling } from './shared/error-handler.js';
import { documentErrorResponses } from './shared/error-schema.js';
import { DOCS_CSP, registerSecurity } from './shared/security.js';
import { databaseRateLimitStore } from './db/rate-limit.store.js';
import { webPlugin } from './web/web.plugin.js';
import './modules/module.js';

export interface BuildOptions {
  config: Config;
  /** An open database (tests); otherwise opened from the configuration. */
  database?: Database;
  /** Close the database when the app closes (default: when the app opened it). */
  ownsDatabase?: boolean;
}

export async function buildApp({ config, database, ownsDatabase }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      config.LOG_LEVEL === 'silent'
        ? false
        : { level: config.LOG_LEVEL, redact: ['req.headers.authorization', 'req.body.password'] },
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();

  const db =
    database ??
    (await openDatabase({
      databaseUrl: config.DATABASE_URL,
      pgliteDir: dataDirFor(config),
      poolSize: config.DB_POOL_SIZE,
      connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
    }));
  const closeDb = ownsDatabase ?? database === undefined;
  app.decorate('database', db);
  app.decorate('config', config);
  if (closeDb) app.addHook('onClose', async () => db.close());

  await migrateDatabase(db);
  await seedReference(db.db);
  await ensureFirstAdmin(db.db, config, app.log);

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app, { classifyDatabaseError });
  documentErrorResponses(app);
  await registerSecurity(app, {
    heavyMax: config.RATE_LIMIT_HEAVY_MAX,
    heavyWindowSeconds: config.RATE_LIMIT_HEAVY_WINDOW_SECONDS,
    heavyConcurrency: config.RATE_LIMIT_HEAVY_CONCURRENCY,
    store: databaseRateLimitStore(db),
  });
  // Verified tokens are memoised (signature checks cost more than the rest of a draft save's
  // access check); expiry still applies and the account is still read or checked per request.
  // One algorithm, pinned both ways (a token signed with the same secret under HS512 is
  // not ours), and every token must expire; the payload's shape is checked by the access hook.
  await app.register(fastifyJwt, {
    secret: resolveJwtSecret(config),
    sign: { algorithm: TOKEN_ALGORITHM, expiresIn: config.JWT_TTL },
    verify: { algorithms: [TOKEN_ALGORITHM], requiredClaims: ['exp'], cache: 5000 },
  });
  registerRefusalAudit(app, db.db, {
    windowSeconds: config.AUDIT_REFUSALS_WINDOW_SECONDS,
    maxRows: config.AUDIT_REFUSALS_MAX_ROWS,
  });
  registerAccessControl(app, async (id) => {
    const u = await findUserForRequest(db.db, id);
    return u
      ? {
          id: u.id,
          email: u.email,
          name: u.name,
          roles: u.roles as Role[],
          organisationId: u.organisationId,
          disabled: u.disabled,
          tokenVersion: u.tokenVersion,
        }
      : null;
  });

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Counter-trafficking risk assessment API',
        version: '1.0.0',
        description: 'Joint order No. 849/410: yearly data collection and three-year risk assessment.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', staticCSP: DOCS_CSP });

  const runner = new JobRunner(db.db, {
    leaseMs: config.JOBS_LEASE_SECONDS * 1000,
    pollMs: config.JOBS_POLL_MS,
    concurrency: config.JOBS_CONCURRENCY,
    log: app.log,
  });
  app.decorate('jobs', runner);
  if (config.JOBS_RUNNER) app.addHook('onReady', async () => runner.start());

  for (const routes of moduleRoutes) await app.register(routes);
  await app.register(webPlugin);
  return app;
}
