// Rules §18-19 routes: transmittal to the Commission's working body, the Commission's decision,
// publication to the subjects, the results every focal point reads and the read receipts.
import { z } from 'zod';
import { currentUser } from '../../shared/access.js';
import { actorOf } from '../../shared/context.js';
import { requireIfMatch, setEtag } from '../../shared/etag.js';
import type { Routes } from '../module.js';
import { getFollowUp, getFollowUpSummary, saveFollowUp } from './commission.follow-up.js';
import { getReadReceipts, getResultFile, getResults } from './commission.results.js';
import {
  assessmentIdParams,
  commissionView,
  decisionBody,
  followUpActionParams,
  followUpBody,
  followUpParams,
  followUpReportView,
  followUpSummaryView,
  followUpView,
  readReceiptsView,
  recommendationCandidate,
  resultFileParams,
  resultView,
  transmittalBody,
} from './commission.schemas.js';
import {
  getCommission,
  getRecommendationCandidates,
  publishResults,
  recordDecision,
  recordTransmittal,
} from './commission.service.js';

const tags = ['commission'];
const base = '/api/v1/assessments/:id/commission';
const readers = { access: ['admin', 'expert', 'secretariat'] as const };
/** The expert group sends the results (§18): its coordinating body's members, or the secretariat on its behalf. */
const senders = { access: ['expert', 'secretariat'] as const };
/** The Commission's working body records its decision and communicates the results. */
const secretariat = { access: ['secretariat'] as const };

export const commissionRoutes: Routes = async (app) => {
  const db = app.database.db;

  app.get(
    base,
    { config: readers, schema: { tags, params: assessmentIdParams, response: { 200: commissionView } } },
    async (request) => getCommission(db, currentUser(request), request.params.id),
  );

  app.get(
    `${base}/recommendations`,
    {
      config: { ...readers, cost: 'heavy' },
      schema: { tags, params: assessmentIdParams, response: { 200: z.array(recommendationCandidate) } },
    },
    async (request) => getRecommendationCandidates(db, currentUser(request), request.params.id),
  );

  app.post(
    `${base}/transmittal`,
    {
      config: senders,
      schema: { tags, params: assessmentIdParams, body: transmittalBody, response: { 201: commissionView } },
    },
    async (request, reply) =>
      reply.status(201).send(await recordTransmittal(db, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    `${base}/decision`,
    {
      config: { ...secretariat, cost: 'heavy' },
      schema: { tags, params: assessmentIdParams, body: decisionBody, response: { 201: commissionView } },
    },
    async (request, reply) =>
      reply.status(201).send(await recordDecision(db, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    `${base}/publication`,
    { config: secretariat, schema: { tags, params: assessmentIdParams, response: { 201: commissionView } } },
    async (request, reply) => reply.status(201).send(await publishResults(db, actorOf(request), request.params.id)),
  );

  app.get(
    '/api/v1/assessments/:id/read-receipts',
    {
      config: { access: ['admin', 'secretariat'] },
      schema: { tags, params: assessmentIdParams, response: { 200: readReceiptsView } },
    },
    async (request) => getReadReceipts(db, currentUser(request), request.params.id),
  );

  app.get(
    '/api/v1/results',
    {
      config: { access: ['admin', 'expert', 'secretariat', 'focal_point'] },
      schema: { tags, response: { 200: z.array(resultView) } },
    },
    async (request) => getResults(db, currentUser(request)),
  );

  app.get(
    '/api/v1/results/:id/files/:name',
    {
      config: { access: ['admin', 'expert', 'secretariat', 'focal_point'] },
      schema: { tags, params: resultFileParams },
    },
    async (request, reply) => {
      const file = await getResultFile(db, currentUser(request), request.params.id, request.params.name);
      return reply
        .header('etag', `"${file.sha256}"`)
        .header('cache-control', 'private, no-cache')
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.name}"`)
        .header('content-length', file.size)
        .send(file.content);
    },
  );

  // The follow-up form: separate from the questionnaire, attached to the yearly campaign.
  app.get(
    '/api/v1/campaigns/:campaignId/follow-up/:organisationId',
    {
      config: { access: ['admin', 'expert', 'secretariat', 'focal_point'] },
      schema: { tags, params: followUpParams, response: { 200: followUpView } },
    },
    async (request) => getFollowUp(db, currentUser(request), request.params.campaignId, request.params.organisationId),
  );

  app.put(
    '/api/v1/campaigns/:campaignId/follow-up/:organisationId/actions/:actionId',
    {
      config: { access: ['focal_point'] },
      schema: { tags, params: followUpActionParams, body: followUpBody, response: { 200: followUpReportView } },
    },
    async (request, reply) => {
      const { campaignId, organisationId, actionId } = request.params;
      const saved = await saveFollowUp(
        db,
        actorOf(request),
        campaignId,
        organisationId,
        actionId,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, saved.version);
      return saved;
    },
  );

  app.get(
    '/api/v1/assessments/:id/follow-up',
    { config: readers, schema: { tags, params: assessmentIdParams, response: { 200: followUpSummaryView } } },
    async (request) => getFollowUpSummary(db, currentUser(request), request.params.id),
  );
};
