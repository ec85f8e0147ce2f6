import { z } from 'zod';
import { currentUser } from '../../shared/access.js';
import { actorOf, writerOf } from '../../shared/context.js';
import { requireIfMatch, setEtag } from '../../shared/etag.js';
import type { Routes } from '../module.js';
import { readableOrganisationIds } from '../organisations/organisations.service.js';
import { getDiff, getHistory, getRevision } from './submissions.history.js';
import { recipientStates } from '../campaigns/campaigns.repository.js';
import {
  diffQuery,
  diffSchema,
  historyEntry,
  historyQuery,
  reopenBody,
  returnBody,
  revisionParams,
  revisionSchema,
  saveBody,
  saveResult,
  submissionListItem,
  submissionParams,
  submissionSchema,
  submitBody,
} from './submissions.schemas.js';
import {
  accept,
  getSubmission,
  reopenForCorrection,
  returnForCorrection,
  saveDraft,
  submit,
  withdraw,
} from './submissions.service.js';

const tags = ['submissions'];
const readers = { access: ['admin', 'expert', 'focal_point'] as const };
const focalPoint = { access: ['focal_point'] as const };
const expert = { access: ['expert'] as const };
const base = '/api/v1/campaigns/:campaignId/submissions/:organisationId';
const stateResult = z.object({ revision: z.number(), status: z.string() });
const langQuery = z.object({ lang: z.enum(['kk', 'ru']).optional() });

export const submissionsRoutes: Routes = async (app) => {
  const db = app.database.db;

  app.get(
    '/api/v1/campaigns/:campaignId/submissions',
    {
      config: readers,
      schema: { tags, params: z.object({ campaignId: z.uuid() }), response: { 200: z.array(submissionListItem) } },
    },
    async (request) => {
      const scope = await readableOrganisationIds(db, currentUser(request));
      const rows = await recipientStates(db, request.params.campaignId, scope);
      return rows.map((r) => ({
        organisationId: r.organisationId,
        name: { kk: r.nameKk, ru: r.nameRu },
        agencyType: r.agencyType,
        region: r.region,
        status: r.status ?? 'not_started',
        revision: r.revision,
        lastSavedAt: r.lastSavedAt?.toISOString() ?? null,
        submittedAt: r.submittedAt?.toISOString() ?? null,
        completeness: r.completeness ?? null,
      }));
    },
  );

  app.get(
    base,
    {
      config: readers,
      schema: { tags, params: submissionParams, querystring: langQuery, response: { 200: submissionSchema } },
    },
    async (request, reply) => {
      const view = await getSubmission(db, actorOf(request), request.params.campaignId, request.params.organisationId);
      setEtag(reply, view.revision);
      return view;
    },
  );

  app.put(
    base,
    {
      config: { ...focalPoint, accountInWrite: true },
      schema: { tags, params: submissionParams, querystring: langQuery, body: saveBody, response: { 200: saveResult } },
    },
    async (request, reply) => {
      const { campaignId, organisationId } = request.params;
      const result = await saveDraft(
        db,
        writerOf(request),
        campaignId,
        organisationId,
        requireIfMatch(request),
        request.body.content,
      );
      setEtag(reply, result.revision);
      return result;
    },
  );

  const emptyBody = z.object({}).strict().optional();
  const stateSchema = (body: z.ZodType) => ({
    tags,
    params: submissionParams,
    querystring: langQuery,
    body,
    response: { 200: stateResult },
  });

  app.post(
    `${base}/submit`,
    { config: focalPoint, schema: { ...stateSchema(submitBody), body: submitBody } },
    async (request, reply) => {
      const { campaignId, organisationId } = request.params;
      const result = await submit(
        db,
        actorOf(request),
        campaignId,
        organisationId,
        requireIfMatch(request),
        request.body.acknowledgements,
      );
      setEtag(reply, result.revision);
      return result;
    },
  );

  app.post(`${base}/withdraw`, { config: focalPoint, schema: stateSchema(emptyBody) }, async (request, reply) => {
    const result = await withdraw(
      db,
      actorOf(request),
      request.params.campaignId,
      request.params.organisationId,
      requireIfMatch(request),
    );
    setEtag(reply, result.revision);
    return result;
  });

  app.post(
    `${base}/return`,
    { config: expert, schema: { ...stateSchema(returnBody), body: returnBody } },
    async (request, reply) => {
      const { campaignId, organisationId } = request.params;
      const result = await returnForCorrection(
        db,
        actorOf(request),
        campaignId,
        organisationId,
        requireIfMatch(request),
        request.body.comments,
      );
      setEtag(reply, result.revision);
      return result;
    },
  );

  app.post(`${base}/accept`, { config: expert, schema: stateSchema(emptyBody) }, async (request, reply) => {
    const result = await accept(
      db,
      actorOf(request),
      request.params.campaignId,
      request.params.organisationId,
      requireIfMatch(request),
    );
    setEtag(reply, result.revision);
    return result;
  });

  // Correction after acceptance (issue 20): If-Match is the accepted revision.
  app.post(
    `${base}/reopen`,
    { config: expert, schema: { ...stateSchema(reopenBody), body: reopenBody } },
    async (request, reply) => {
      const result = await reopenForCorrection(
        db,
        actorOf(request),
        request.params.campaignId,
        request.params.organisationId,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, result.revision);
      return result;
    },
  );

  app.get(
    `${base}/revisions`,
    {
      config: readers,
      schema: { tags, params: submissionParams, querystring: historyQuery, response: { 200: z.array(historyEntry) } },
    },
    async (request) =>
      getHistory(
        db,
        currentUser(request),
        request.params.campaignId,
        request.params.organisationId,
        request.query.changes === 'true',
      ),
  );

  app.get(
    `${base}/revisions/:revision`,
    { config: readers, schema: { tags, params: revisionParams, response: { 200: revisionSchema } } },
    async (request) =>
      getRevision(
        db,
        currentUser(request),
        request.params.campaignId,
        request.params.organisationId,
        request.params.revision,
      ),
  );

  app.get(
    `${base}/diff`,
    {
      config: readers,
      schema: { tags, params: submissionParams, querystring: diffQuery, response: { 200: diffSchema } },
    },
    async (request) =>
      getDiff(
        db,
        currentUser(request),
        request.params.campaignId,
        request.params.organisationId,
        request.query.from,
        request.query.to,
      ),
  );
};
