import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { JobRunner } from './jobs/jobs.runner.js';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    config: Config;
    /** This instance's job runner (started unless JOBS_RUNNER=false). */
    jobs: JobRunner;
  }
}

/** A module's routes: a Fastify plugin with zod type inference. */
export type Routes = FastifyPluginAsyncZod;
