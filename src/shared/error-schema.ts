// The one error shape in the API description: every API route documents its 4xx and 5xx
// answers as {"error": {"code", "message", "details"}}, so clients see them in /docs.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

export const errorBody = z
  .object({
    error: z.object({
      code: z.string().describe('Stable, machine-readable code, e.g. `version.stale`.'),
      message: z.string().describe('In Russian, or in Kazakh with `Accept-Language: kk` or `?lang=kk`.'),
      details: z.unknown().optional().describe('Field paths, item ids or the current version, by code.'),
    }),
  })
  .describe('Error');

/** Adds the error shape to every API route's responses; a status a route declares itself (503 of /health) wins. */
export function documentErrorResponses(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') && route.url !== '/health') return;
    const schema = (route.schema ??= {});
    schema.response = { '4xx': errorBody, '5xx': errorBody, ...((schema.response ?? {}) as Record<string, unknown>) };
  });
}
