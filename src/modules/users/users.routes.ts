import { z } from 'zod';
import { actorOf } from '../../shared/context.js';
import { requireIfMatch, setEtag } from '../../shared/etag.js';
import type { Routes } from '../module.js';
import { createUserBody, resetPasswordBody, updateUserBody, userIdParams, userSchema } from './users.schemas.js';
import { createUser, getUser, getUsers, resetPassword, updateUser } from './users.service.js';

const tags = ['users'];
const admin = { access: ['admin'] as const };

export const usersRoutes: Routes = async (app) => {
  const db = app.database.db;

  app.get('/api/v1/users', { config: admin, schema: { tags, response: { 200: z.array(userSchema) } } }, async () =>
    getUsers(db),
  );

  app.post(
    '/api/v1/users',
    { config: admin, schema: { tags, body: createUserBody, response: { 201: userSchema } } },
    async (request, reply) => {
      const user = await createUser(db, actorOf(request), request.body);
      setEtag(reply, user.version);
      return reply.status(201).send(user);
    },
  );

  app.get(
    '/api/v1/users/:id',
    { config: admin, schema: { tags, params: userIdParams, response: { 200: userSchema } } },
    async (request, reply) => {
      const user = await getUser(db, request.params.id);
      setEtag(reply, user.version);
      return user;
    },
  );

  app.patch(
    '/api/v1/users/:id',
    { config: admin, schema: { tags, params: userIdParams, body: updateUserBody, response: { 200: userSchema } } },
    async (request, reply) => {
      const user = await updateUser(db, actorOf(request), request.params.id, requireIfMatch(request), request.body);
      setEtag(reply, user.version);
      return user;
    },
  );

  app.post(
    '/api/v1/users/:id/password',
    { config: admin, schema: { tags, params: userIdParams, body: resetPasswordBody, response: { 200: userSchema } } },
    async (request, reply) => {
      const user = await resetPassword(db, actorOf(request), request.params.id, request.body.password);
      setEtag(reply, user.version);
      return user;
    },
  );
};
