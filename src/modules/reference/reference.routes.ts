import { z } from 'zod';
import type { Routes } from '../module.js';
import { agencyTypes, legacyAgencyTypeCodes, regions } from '../../domain/reference.js';
import { COUNTRY_CODES, countryName } from '../../domain/countries.js';

const entry = z.object({ code: z.string(), name: z.object({ kk: z.string(), ru: z.string() }) });
/** `legacy`: kept for earlier submissions only, never given to an organisation (issue 20). */
const agencyEntry = entry.extend({ legacy: z.boolean() });
const tags = ['reference'];
const any = { access: 'authenticated' as const };

export const referenceRoutes: Routes = async (app) => {
  app.get(
    '/api/v1/reference/agency-types',
    { config: any, schema: { tags, response: { 200: z.array(agencyEntry) } } },
    async () => agencyTypes.map((a) => ({ ...a, legacy: legacyAgencyTypeCodes.includes(a.code) })),
  );
  app.get(
    '/api/v1/reference/regions',
    { config: any, schema: { tags, response: { 200: z.array(entry) } } },
    async () => [...regions],
  );
  // ISO 3166-1 alpha-3 codes with Kazakh and Russian names (entity lists' country picker).
  const countries = [...COUNTRY_CODES].map((code) => ({
    code,
    name: { kk: countryName(code, 'kk'), ru: countryName(code, 'ru') },
  }));
  app.get(
    '/api/v1/reference/countries',
    { config: any, schema: { tags, response: { 200: z.array(entry) } } },
    async () => countries,
  );
};
