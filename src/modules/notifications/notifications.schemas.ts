import { z } from 'zod';
import { notificationChannels, notificationStatuses } from '../../domain/states.js';
import { notificationKinds } from './notifications.texts.js';

export const noticeSchema = z.object({
  id: z.number(),
  kind: z.enum(notificationKinds),
  subject: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const noticesSchema = z.object({ unread: z.number().int(), items: z.array(noticeSchema) });
export const noticesQuery = z.object({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const readBody = z.object({ ids: z.array(z.number().int().positive()).min(1).max(500).optional() }).strict();

export const preferencesSchema = z.object({ lang: z.enum(['kk', 'ru']), emailNotifications: z.boolean() });
export const preferencesBody = z
  .object({ lang: z.enum(['kk', 'ru']).optional(), emailNotifications: z.boolean().optional() })
  .strict();

export const logQuery = z.object({
  kind: z.enum(notificationKinds).optional(),
  status: z.enum(notificationStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export const logEntry = z.object({
  id: z.number(),
  eventKey: z.string(),
  kind: z.string(),
  userId: z.uuid(),
  channel: z.enum(notificationChannels),
  lang: z.enum(['kk', 'ru']),
  subject: z.string(),
  status: z.enum(notificationStatuses),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  readAt: z.string().nullable(),
});
