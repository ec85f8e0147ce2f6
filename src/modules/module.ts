import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    config: Config;
  }
}

/** A module's routes: a Fastify plugin with zod type inference. */
export type Routes = FastifyPluginAsyncZod;
