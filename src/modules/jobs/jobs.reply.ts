// The answer of a route that starts a job: 202 with the job and its address; this instance's
// runner looks for work at once (any instance may take it).
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { JobView } from './jobs.schemas.js';

export function acceptedJob(app: FastifyInstance, reply: FastifyReply, job: JobView) {
  app.jobs.wake();
  reply.header('location', `/api/v1/jobs/${job.id}`);
  return reply.status(202).send(job);
}
