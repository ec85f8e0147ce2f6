// A user's own in-app notices and notification preferences; the administrators' log of what
// was sent. E-mail delivery runs outside requests (src/server.ts).
import type { Routes } from '../module.js';
// Registers the recurring delivery job's handler in every app that has these routes.
import './notifications.jobs.js';
import { actorOf } from '../../shared/context.js';
import { currentUser } from '../../shared/access.js';
import { countUnread, listInApp, listLog, markRead } from './notifications.repository.js';
import {
  logEntry,
  logQuery,
  noticesQuery,
  noticesSchema,
  preferencesBody,
  preferencesSchema,
  readBody,
} from './notifications.schemas.js';
import { z } from 'zod';
import { getPreferences, setPreferences } from './notifications.preferences.js';

const tags = ['notifications'];
const anyone = { access: 'authenticated' as const };
const iso = (d: Date | null) => d?.toISOString() ?? null;

export const notificationsRoutes: Routes = async (app) => {
  const db = app.database.db;

  app.get(
    '/api/v1/notifications',
    { config: anyone, schema: { tags, querystring: noticesQuery, response: { 200: noticesSchema } } },
    async (request) => {
      const user = currentUser(request);
      const rows = await listInApp(db, user.id, {
        unreadOnly: request.query.unread === 'true',
        limit: request.query.limit,
      });
      return {
        unread: await countUnread(db, user.id),
        items: rows.map((n) => ({
          id: n.id,
          kind: n.kind as z.infer<typeof noticesSchema>['items'][number]['kind'],
          subject: n.subject,
          body: n.body,
          link: n.link,
          createdAt: n.createdAt.toISOString(),
          readAt: iso(n.readAt),
        })),
      };
    },
  );

  app.post(
    '/api/v1/notifications/read',
    { config: anyone, schema: { tags, body: readBody, response: { 200: z.object({ marked: z.number().int() }) } } },
    async (request) => ({ marked: await markRead(db, currentUser(request).id, request.body.ids ?? null) }),
  );

  app.get(
    '/api/v1/notifications/preferences',
    { config: anyone, schema: { tags, response: { 200: preferencesSchema } } },
    async (request) => getPreferences(db, currentUser(request).id),
  );

  app.put(
    '/api/v1/notifications/preferences',
    { config: anyone, schema: { tags, body: preferencesBody, response: { 200: preferencesSchema } } },
    async (request) => setPreferences(db, actorOf(request), request.body),
  );

  app.get(
    '/api/v1/notifications/log',
    { config: { access: ['admin'] }, schema: { tags, querystring: logQuery, response: { 200: z.array(logEntry) } } },
    async (request) =>
      (await listLog(db, request.query)).map((n) => ({
        id: n.id,
        eventKey: n.eventKey,
        kind: n.kind,
        userId: n.userId,
        channel: n.channel,
        lang: n.lang,
        subject: n.subject,
        status: n.status,
        attempts: n.attempts,
        lastError: n.lastError,
        createdAt: n.createdAt.toISOString(),
        sentAt: iso(n.sentAt),
        readAt: iso(n.readAt),
      })),
  );
};
