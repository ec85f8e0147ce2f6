import { z } from 'zod';
import { currentUser } from '../../shared/access.js';
import { actorOf } from '../../shared/context.js';
import { requireIfMatch, setEtag } from '../../shared/etag.js';
import type { Routes } from '../module.js';
import {
  createOrganisationBody,
  organisationIdParams,
  organisationListQuery,
  organisationSchema,
  updateOrganisationBody,
} from './organisations.schemas.js';
import { createOrganisation, getOrganisation, getOrganisations, updateOrganisation } from './organisations.service.js';

const tags = ['organisations'];

export const organisationsRoutes: Routes = async (app) => {
  const db = app.database.db;

  app.get(
    '/api/v1/organisations',
    {
      config: { access: 'authenticated' },
      schema: { tags, querystring: organisationListQuery, response: { 200: z.array(organisationSchema) } },
    },
    async (request) => {
      const { active, ...rest } = request.query;
      return getOrganisations(db, currentUser(request), {
        ...rest,
        active: active === undefined ? undefined : active === 'true',
      });
    },
  );

  app.get(
    '/api/v1/organisations/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags, params: organisationIdParams, response: { 200: organisationSchema } },
    },
    async (request, reply) => {
      const org = await getOrganisation(db, currentUser(request), request.params.id);
      setEtag(reply, org.version);
      return org;
    },
  );

  app.post(
    '/api/v1/organisations',
    {
      config: { access: ['admin'] },
      schema: { tags, body: createOrganisationBody, response: { 201: organisationSchema } },
    },
    async (request, reply) => {
      const org = await createOrganisation(db, actorOf(request), request.body);
      setEtag(reply, org.version);
      return reply.status(201).send(org);
    },
  );

  app.patch(
    '/api/v1/organisations/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        params: organisationIdParams,
        body: updateOrganisationBody,
        response: { 200: organisationSchema },
      },
    },
    async (request, reply) => {
      const org = await updateOrganisation(
        db,
        actorOf(request),
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, org.version);
      return org;
    },
  );
};
