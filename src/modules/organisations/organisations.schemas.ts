import { z } from 'zod';
import { requiredText } from '../../shared/text.js';
import { assignableAgencyTypeCodes, regionCodes } from '../../domain/reference.js';

export const organisationSchema = z.object({
  id: z.uuid(),
  agencyType: z.string(),
  region: z.string(),
  parentId: z.uuid().nullable(),
  name: z.object({ kk: z.string(), ru: z.string() }),
  active: z.boolean(),
  version: z.number().int(),
});
export type OrganisationView = z.infer<typeof organisationSchema>;

const name = z.object({ kk: requiredText(500), ru: requiredText(500) }).strict();

export const createOrganisationBody = z
  .object({
    agencyType: z.enum(assignableAgencyTypeCodes as [string, ...string[]]),
    region: z.enum(regionCodes as [string, ...string[]]),
    parentId: z.uuid().nullable().default(null),
    name,
    active: z.boolean().default(true),
  })
  .strict();

export const updateOrganisationBody = createOrganisationBody.partial().strict();
export const organisationIdParams = z.object({ id: z.uuid() });
export const organisationListQuery = z.object({
  agencyType: z.string().optional(),
  region: z.string().optional(),
  active: z.enum(['true', 'false']).optional(),
});
