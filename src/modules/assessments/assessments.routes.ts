import { Readable } from 'node:stream';
import { z } from 'zod';
import { currentUser } from '../../shared/access.js';
import { actorOf } from '../../shared/context.js';
import { requireIfMatch, setEtag } from '../../shared/etag.js';
import type { Routes } from '../module.js';
import { coordinatorOnly } from '../expert-group/expert-group.coordinator.js';
import {
  exportFactsArrow,
  exportFactsCsv,
  getCompleteness,
  getFindings,
  getTexts,
  returnFinding,
} from './assessments.outputs.js';
import {
  assessmentIdParams,
  assessmentSchema,
  completenessSchema,
  createAssessmentBody,
  findingParams,
  findingsPage,
  findingsQuery,
  returnResult,
  runSchema,
  textsQuery,
  textsSchema,
  updateAssessmentBody,
} from './assessments.schemas.js';
import { createAssessment, getAssessment, getAssessments, updateAssessment } from './assessments.service.js';
import { getRuns, QUALITY_JOB, requestStep, STRUCTURING_JOB } from './assessments.steps.js';
import { acceptedJob } from '../jobs/jobs.reply.js';
import { jobSchema } from '../jobs/jobs.schemas.js';

const tags = ['assessments'];
const readers = { access: ['admin', 'expert', 'secretariat'] as const };
const experts = { access: ['admin', 'expert'] as const };
const expertOnly = { access: ['expert'] as const };
const base = '/api/v1/assessments/:id';

export const assessmentsRoutes: Routes = async (app) => {
  const db = app.database.db;

  app.get(
    '/api/v1/assessments',
    { config: readers, schema: { tags, response: { 200: z.array(assessmentSchema) } } },
    async (request) => getAssessments(db, currentUser(request)),
  );

  app.post(
    '/api/v1/assessments',
    { config: experts, schema: { tags, body: createAssessmentBody, response: { 201: assessmentSchema } } },
    async (request, reply) => {
      const a = await createAssessment(db, actorOf(request), request.body);
      setEtag(reply, a.version);
      return reply.status(201).send(a);
    },
  );

  app.get(
    base,
    { config: readers, schema: { tags, params: assessmentIdParams, response: { 200: assessmentSchema } } },
    async (request, reply) => {
      const a = await getAssessment(db, currentUser(request), request.params.id);
      setEtag(reply, a.version);
      return a;
    },
  );

  app.patch(
    base,
    {
      config: experts,
      schema: { tags, params: assessmentIdParams, body: updateAssessmentBody, response: { 200: assessmentSchema } },
    },
    async (request, reply) => {
      const a = await updateAssessment(db, actorOf(request), request.params.id, requireIfMatch(request), request.body);
      setEtag(reply, a.version);
      return a;
    },
  );

  app.post(
    `${base}/quality`,
    {
      config: { ...experts, cost: 'heavy' },
      preHandler: coordinatorOnly(db, { admins: true }),
      schema: { tags, params: assessmentIdParams, response: { 202: jobSchema } },
    },
    async (request, reply) =>
      acceptedJob(app, reply, await requestStep(db, actorOf(request), request.params.id, QUALITY_JOB)),
  );

  app.post(
    `${base}/structuring`,
    {
      config: { ...experts, cost: 'heavy' },
      preHandler: coordinatorOnly(db, { admins: true }),
      schema: { tags, params: assessmentIdParams, response: { 202: jobSchema } },
    },
    async (request, reply) =>
      acceptedJob(app, reply, await requestStep(db, actorOf(request), request.params.id, STRUCTURING_JOB)),
  );

  app.get(
    `${base}/runs`,
    { config: experts, schema: { tags, params: assessmentIdParams, response: { 200: z.array(runSchema) } } },
    async (request) => getRuns(db, actorOf(request), request.params.id),
  );

  app.get(
    `${base}/completeness`,
    { config: experts, schema: { tags, params: assessmentIdParams, response: { 200: completenessSchema } } },
    async (request) => getCompleteness(db, actorOf(request), request.params.id),
  );

  app.get(
    `${base}/findings`,
    {
      config: experts,
      schema: { tags, params: assessmentIdParams, querystring: findingsQuery, response: { 200: findingsPage } },
    },
    async (request) => getFindings(db, actorOf(request), request.params.id, request.query),
  );

  app.post(
    `${base}/findings/:findingId/return`,
    { config: expertOnly, schema: { tags, params: findingParams, response: { 200: returnResult } } },
    async (request) => returnFinding(db, actorOf(request), request.params.id, request.params.findingId),
  );

  app.get(
    `${base}/facts.arrow`,
    { config: { ...experts, cost: 'heavy' }, schema: { tags, params: assessmentIdParams } },
    async (request, reply) => {
      const bytes = await exportFactsArrow(db, actorOf(request), request.params.id);
      return reply
        .type('application/vnd.apache.arrow.file')
        .header('content-disposition', `attachment; filename="facts-${request.params.id}.arrow"`)
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );

  app.get(
    `${base}/facts.csv`,
    { config: { ...experts, cost: 'heavy' }, schema: { tags, params: assessmentIdParams } },
    async (request, reply) => {
      const csv = await exportFactsCsv(db, actorOf(request), request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="facts-${request.params.id}.csv"`)
        .send(Readable.from(csv));
    },
  );

  app.get(
    `${base}/texts`,
    {
      config: experts,
      schema: { tags, params: assessmentIdParams, querystring: textsQuery, response: { 200: textsSchema } },
    },
    async (request) => getTexts(db, actorOf(request), request.params.id, request.query),
  );
};
