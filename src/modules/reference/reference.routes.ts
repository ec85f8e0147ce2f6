import { z } from 'zod';
import type { Routes } from '../module.js';
import { agencyTypes, regions } from '../../domain/reference.js';

const entry = z.object({ code: z.string(), name: z.object({ kk: z.string(), ru: z.string() }) });
const tags = ['reference'];
const any = { access: 'authenticated' as const };

export const referenceRoutes: Routes = async (app) => {
  app.get('/api/v1/reference/agency-types', { config: any, schema: { tags, response: { 200: z.array(entry) } } }, async () => [...agencyTypes]);
  app.get('/api/v1/reference/regions', { config: any, schema: { tags, response: { 200: z.array(entry) } } }, async () => [...regions]);
};
