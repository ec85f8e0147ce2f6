import { z } from 'zod';
import { currentUser } from '../../shared/access.js';
import { actorOf } from '../../shared/context.js';
import { loadAssessment } from '../assessments/assessments.load.js';
import type { Routes } from '../module.js';
import { assessmentJobsParams, assessmentJobsQuery, jobParams, jobSchema } from './jobs.schemas.js';
import { cancelJob, getAssessmentJobs, getJob } from './jobs.service.js';

const tags = ['jobs'];

export const jobsRoutes: Routes = async (app) => {
  const db = app.database.db;
  const local = (id: string) => app.jobs.localProgress(id);
  // Stop claiming and hand running jobs back before the database closes.
  app.addHook('onClose', async () => app.jobs.stop());

  app.get(
    '/api/v1/jobs/:id',
    { config: { access: 'authenticated' }, schema: { tags, params: jobParams, response: { 200: jobSchema } } },
    async (request) => getJob(db, currentUser(request), request.params.id, local),
  );

  app.post(
    '/api/v1/jobs/:id/cancel',
    { config: { access: 'authenticated' }, schema: { tags, params: jobParams, response: { 200: jobSchema } } },
    async (request) => cancelJob(db, actorOf(request), request.params.id, local),
  );

  app.get(
    '/api/v1/assessments/:id/jobs',
    {
      config: { access: ['admin', 'expert'] as const },
      schema: {
        tags,
        params: assessmentJobsParams,
        querystring: assessmentJobsQuery,
        response: { 200: z.array(jobSchema) },
      },
    },
    async (request) => {
      await loadAssessment(db, request.params.id);
      return getAssessmentJobs(db, request.params.id, request.query.active, local);
    },
  );
};
