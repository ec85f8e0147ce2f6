import { z } from 'zod';
import { currentUser } from '../../shared/access.js';
import { actorOf } from '../../shared/context.js';
import { requireIfMatch, setEtag } from '../../shared/etag.js';
import type { Routes } from '../module.js';
import {
  campaignIdParams,
  campaignSchema,
  createCampaignBody,
  progressSchema,
  recipientProgress,
  recipientsBody,
  updateCampaignBody,
  recipientQuery,
} from './campaigns.schemas.js';
import {
  campaignProgress,
  createCampaign,
  overdueRecipients,
  getCampaign,
  getCampaigns,
  setRecipients,
  transitionCampaign,
  updateCampaign,
} from './campaigns.service.js';

const tags = ['campaigns'];
const admin = { access: ['admin'] as const };
const readers = { access: ['admin', 'expert', 'focal_point'] as const };
const supervisors = { access: ['admin', 'expert'] as const };

export const campaignsRoutes: Routes = async (app) => {
  const db = app.database.db;

  app.get(
    '/api/v1/campaigns',
    { config: readers, schema: { tags, response: { 200: z.array(campaignSchema) } } },
    async (request) => getCampaigns(db, currentUser(request)),
  );

  app.post(
    '/api/v1/campaigns',
    { config: admin, schema: { tags, body: createCampaignBody, response: { 201: campaignSchema } } },
    async (request, reply) => {
      const campaign = await createCampaign(db, actorOf(request), request.body);
      setEtag(reply, campaign.version);
      return reply.status(201).send(campaign);
    },
  );

  app.get(
    '/api/v1/campaigns/:id',
    { config: readers, schema: { tags, params: campaignIdParams, response: { 200: campaignSchema } } },
    async (request, reply) => {
      const campaign = await getCampaign(db, currentUser(request), request.params.id);
      setEtag(reply, campaign.version);
      return campaign;
    },
  );

  app.patch(
    '/api/v1/campaigns/:id',
    {
      config: admin,
      schema: { tags, params: campaignIdParams, body: updateCampaignBody, response: { 200: campaignSchema } },
    },
    async (request, reply) => {
      const campaign = await updateCampaign(
        db,
        actorOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, campaign.version);
      return campaign;
    },
  );

  app.put(
    '/api/v1/campaigns/:id/recipients',
    {
      config: admin,
      schema: { tags, params: campaignIdParams, body: recipientsBody, response: { 200: campaignSchema } },
    },
    async (request, reply) => {
      const campaign = await setRecipients(
        db,
        actorOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body.organisationIds,
      );
      setEtag(reply, campaign.version);
      return campaign;
    },
  );

  for (const to of ['open', 'close'] as const) {
    app.post(
      `/api/v1/campaigns/:id/${to}`,
      { config: admin, schema: { tags, params: campaignIdParams, response: { 200: campaignSchema } } },
      async (request, reply) => {
        const campaign = await transitionCampaign(db, actorOf(request), request.params.id, requireIfMatch(request), to);
        setEtag(reply, campaign.version);
        return campaign;
      },
    );
  }

  app.get(
    '/api/v1/campaigns/:id/progress',
    {
      config: supervisors,
      schema: { tags, params: campaignIdParams, querystring: recipientQuery, response: { 200: progressSchema } },
    },
    async (request) => campaignProgress(db, request.params.id, request.query),
  );

  app.get(
    '/api/v1/campaigns/:id/overdue',
    { config: supervisors, schema: { tags, params: campaignIdParams, response: { 200: z.array(recipientProgress) } } },
    async (request) => overdueRecipients(db, request.params.id),
  );
};
