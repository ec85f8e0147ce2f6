import { z } from 'zod';
import type { Routes } from '../module.js';
import { listAudit } from './audit.repository.js';

const entry = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});

export const auditRoutes: Routes = async (app) => {
  app.get(
    '/api/v1/audit',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['audit'],
        querystring: z.object({
          objectType: z.string().max(100).optional(),
          objectId: z.string().max(100).optional(),
          action: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.array(entry) },
      },
    },
    async (request) => (await listAudit(app.database.db, request.query)).map((e) => ({ ...e, at: e.at.toISOString() })),
  );
};
