import { z } from 'zod';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '../../shared/shared.errors.js';
import type { Routes } from '../module.js';

export const healthRoutes: Routes = async (app) => {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        response: {
          200: z.object({ status: z.literal('ok'), db: z.literal('ok') }),
          503: z.object({ status: z.literal('unavailable'), db: z.literal('unreachable') }),
        },
      },
    },
    async (request, reply) => {
      try {
        await app.database.query('select 1');
        return { status: 'ok' as const, db: 'ok' as const };
      } catch (err) {
        request.log.warn({ err }, 'database unreachable');
        reply.header('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
        return reply.status(503).send({ status: 'unavailable' as const, db: 'unreachable' as const });
      }
    },
  );
};
