import { currentUser } from '../../shared/access.js';
import { requireIfMatch, setEtag } from '../../shared/etag.js';
import { actorOf } from '../../shared/context.js';
import type { Routes } from '../module.js';
import { coordinatorOnly } from '../expert-group/expert-group.coordinator.js';
import { acceptedJob } from '../jobs/jobs.reply.js';
import { jobSchema } from '../jobs/jobs.schemas.js';
import {
  assessmentIdParams,
  rankingSchema,
  registerParams,
  registerSchema,
  roundParams,
  roundSchema,
  scoresBody,
  scoresQuery,
  scoresSchema,
  summarySchema,
} from './scoring.schemas.js';
import {
  getRankingFor,
  getRegister,
  getScores,
  roundSummary,
  requestRanking,
  saveScores,
  startNextRound,
} from './scoring.service.js';

const tags = ['scoring'];
const experts = { access: ['expert'] as const };
const panel = { access: ['admin', 'expert'] as const };
// The service narrows the secretariat to finalised assessments.
const rankingReaders = { access: ['admin', 'expert', 'secretariat'] as const };
const base = '/api/v1/assessments/:id';

export const scoringRoutes: Routes = async (app) => {
  const db = app.database.db;

  app.get(
    '/api/v1/risk-registers/:version',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: registerParams, response: { 200: registerSchema } },
    },
    async (request) => {
      const { riskByCode: _byCode, ...file } = getRegister(request.params.version);
      return file;
    },
  );

  app.put(
    `${base}/scores`,
    {
      config: experts,
      schema: { tags, params: assessmentIdParams, body: scoresBody, response: { 200: scoresSchema } },
    },
    async (request) => saveScores(db, actorOf(request), request.params.id, request.body),
  );

  app.get(
    `${base}/scores`,
    {
      config: panel,
      schema: { tags, params: assessmentIdParams, querystring: scoresQuery, response: { 200: scoresSchema } },
    },
    async (request) => getScores(db, currentUser(request), request.params.id, request.query.round),
  );

  app.post(
    `${base}/rounds`,
    {
      config: panel,
      preHandler: coordinatorOnly(db, { admins: true }),
      schema: { tags, params: assessmentIdParams, response: { 201: roundSchema } },
    },
    async (request, reply) => {
      const round = await startNextRound(db, actorOf(request), request.params.id, requireIfMatch(request));
      setEtag(reply, round.version);
      return reply.status(201).send(round);
    },
  );

  app.get(
    `${base}/rounds/:round/summary`,
    { config: panel, schema: { tags, params: roundParams, response: { 200: summarySchema } } },
    async (request) => roundSummary(db, request.params.id, request.params.round),
  );

  app.post(
    `${base}/ranking`,
    {
      config: { ...panel, cost: 'heavy' },
      preHandler: coordinatorOnly(db, { admins: true }),
      schema: { tags, params: assessmentIdParams, response: { 202: jobSchema } },
    },
    async (request, reply) => acceptedJob(app, reply, await requestRanking(db, actorOf(request), request.params.id)),
  );

  app.get(
    `${base}/ranking`,
    { config: rankingReaders, schema: { tags, params: assessmentIdParams, response: { 200: rankingSchema } } },
    async (request) => getRankingFor(db, currentUser(request), request.params.id),
  );
};
