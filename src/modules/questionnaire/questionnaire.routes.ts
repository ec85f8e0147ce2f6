// Read-only access to the questionnaire versions, the per-agency forms and the
// JSON Schema of a submission (for integrators).
import { z } from 'zod';
import type { Routes } from '../module.js';
import { agencyTypeNotFound, versionNotFound } from './questionnaire.errors.js';
import { formView, getForm, UnknownAgencyTypeError, type Form } from '../../domain/questionnaire/forms.js';
import { getSubmissionJsonSchema } from '../../domain/questionnaire/json-schema.js';
import { getVersion, listVersions, type LoadedVersion } from '../../domain/questionnaire/loader.js';

const tags = ['questionnaire'];
const any = { access: 'authenticated' as const };
const versionParams = z.object({ version: z.string().max(100) });
const formParams = versionParams.extend({ agencyType: z.string().max(100) });

function loadVersion(version: string): LoadedVersion {
  if (!listVersions().includes(version)) throw versionNotFound(version);
  return getVersion(version);
}

export function loadForm(version: string, agencyType: string): Form {
  loadVersion(version);
  try {
    return getForm(version, agencyType);
  } catch (err) {
    if (err instanceof UnknownAgencyTypeError) throw agencyTypeNotFound(agencyType);
    throw err;
  }
}

const summary = (v: LoadedVersion) => ({
  id: v.id,
  title: v.manifest.title,
  status: v.manifest.status,
  effectiveDate: v.manifest.effectiveDate,
  legalBasis: v.manifest.legalBasis,
  contentHash: v.contentHash,
});

export const questionnaireRoutes: Routes = async (app) => {
  app.get(
    '/api/v1/questionnaires',
    { config: any, schema: { tags, response: { 200: z.array(z.unknown()) } } },
    async () => listVersions().map((id) => summary(getVersion(id))),
  );

  app.get(
    '/api/v1/questionnaires/:version',
    { config: any, schema: { tags, params: versionParams } },
    async (request) => {
      const v = loadVersion(request.params.version);
      return { ...summary(v), manifest: v.manifest, dimensions: v.dimensions, sections: v.sections };
    },
  );

  app.get(
    '/api/v1/questionnaires/:version/forms/:agencyType',
    {
      config: any,
      schema: { tags, params: formParams, querystring: z.object({ lang: z.enum(['kk', 'ru']).optional() }) },
    },
    async (request) => {
      const form = loadForm(request.params.version, request.params.agencyType);
      return request.query.lang ? formView(form, request.query.lang) : formView(form);
    },
  );

  app.get(
    '/api/v1/questionnaires/:version/forms/:agencyType/json-schema',
    { config: any, schema: { tags, params: formParams } },
    async (request, reply) => {
      loadForm(request.params.version, request.params.agencyType);
      reply.type('application/schema+json');
      return getSubmissionJsonSchema(request.params.version, request.params.agencyType);
    },
  );
};
