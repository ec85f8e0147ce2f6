import { z } from 'zod';
import { requiredText, text } from '../../shared/text.js';
import { roles } from '../../shared/access.js';

export const roleSchema = z.enum(roles);
const password = text(200).min(12);

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(roleSchema),
  organisationId: z.uuid().nullable(),
  disabled: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserView = z.infer<typeof userSchema>;

export const createUserBody = z
  .object({
    email: z.email().max(254),
    name: requiredText(200),
    password,
    roles: z.array(roleSchema).min(1),
    organisationId: z.uuid().nullable().default(null),
  })
  .strict();

export const updateUserBody = z
  .object({
    name: requiredText(200).optional(),
    roles: z.array(roleSchema).min(1).optional(),
    organisationId: z.uuid().nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .strict();

export const resetPasswordBody = z.object({ password }).strict();
export const userIdParams = z.object({ id: z.uuid() });
