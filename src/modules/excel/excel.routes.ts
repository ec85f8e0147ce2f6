// Excel routes: template download, import of a filled template, campaign export.
import fastifyMultipart from '@fastify/multipart';
import { actorOf } from '../../shared/context.js';
import { requireIfMatch, setEtag } from '../../shared/etag.js';
import type { Routes } from '../module.js';
import { fileRequired } from './excel.errors.js';
import { MAX_UPLOAD_BYTES } from './excel.limits.js';
import { XLSX_TYPE, campaignParams, importResult, langQuery, submissionParams } from './excel.schemas.js';
import { campaignExport, importWorkbook, templateFor } from './excel.service.js';

const tags = ['excel'];
const base = '/api/v1/campaigns/:campaignId/submissions/:organisationId';

export const excelRoutes: Routes = async (app) => {
  const db = app.database.db;
  // Scoped to this plugin: only the import route accepts multipart bodies (one file, limits in excel.limits.ts).
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 } });

  app.get(
    `${base}/template.xlsx`,
    { config: { access: ['admin', 'expert', 'focal_point'] }, schema: { tags, params: submissionParams, querystring: langQuery } },
    async (request, reply) => {
      const { campaignId, organisationId } = request.params;
      const { bytes, revision } = await templateFor(db, actorOf(request), campaignId, organisationId);
      setEtag(reply, revision);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="template-${organisationId}.xlsx"`)
        .header('cache-control', 'no-store')
        .send(bytes);
    },
  );

  app.post(
    `${base}/import`,
    { config: { access: ['focal_point'] }, schema: { tags, params: submissionParams, querystring: langQuery, response: { 200: importResult } } },
    async (request, reply) => {
      const expected = requireIfMatch(request);
      const file = await request.file();
      if (!file) throw fileRequired();
      const bytes = await file.toBuffer();
      const { campaignId, organisationId } = request.params;
      const result = await importWorkbook(db, actorOf(request), campaignId, organisationId, expected, bytes);
      setEtag(reply, result.revision);
      return result;
    },
  );

  app.get(
    '/api/v1/campaigns/:id/export.xlsx',
    { config: { access: ['admin', 'expert'] }, schema: { tags, params: campaignParams, querystring: langQuery } },
    async (request, reply) => {
      const stream = await campaignExport(db, request.params.id, (err) => request.log.error({ err }, 'excel export failed'));
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="campaign-${request.params.id}.xlsx"`)
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );
};
