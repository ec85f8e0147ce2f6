import { z } from 'zod';
import { requiredText, text } from '../../shared/text.js';
import { currentUser } from '../../shared/access.js';
import type { Routes } from '../module.js';
import { userSchema } from '../users/users.schemas.js';
import { getUser } from '../users/users.service.js';
import { login } from './auth.service.js';

const tags = ['auth'];

export const authRoutes: Routes = async (app) => {
  const db = app.database.db;

  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags,
        body: z.object({ email: requiredText(254), password: text(200).min(1) }).strict(),
        response: { 200: z.object({ token: z.string(), user: userSchema }) },
      },
    },
    async (request) =>
      login(db, app.config, (payload) => app.jwt.sign(payload), {
        email: request.body.email,
        password: request.body.password,
        ip: request.ip,
        requestId: String(request.id),
      }),
  );

  app.get(
    '/api/v1/auth/me',
    { config: { access: 'authenticated' }, schema: { tags, response: { 200: userSchema } } },
    async (request) => getUser(db, currentUser(request).id),
  );
};
