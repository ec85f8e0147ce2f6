// Excel routes: template download, import of a filled template, campaign export.
import fastifyMultipart from '@fastify/multipart';
import { create as contentDisposition } from 'content-disposition';
import { actorOf } from '../../shared/context.js';
import { requireIfMatch, setEtag } from '../../shared/etag.js';
import { z } from 'zod';
import type { Routes } from '../module.js';
import { fileRequired, resolutionsInvalid, tooLarge } from './excel.errors.js';
import { MAX_UPLOAD_BYTES } from './excel.limits.js';
import {
  XLSX_TYPE,
  campaignParams,
  importPreview,
  importQuery,
  importResult,
  langQuery,
  resolutionsField,
  submissionParams,
} from './excel.schemas.js';
import { campaignExport, importWorkbook, previewImport, templateFor } from './excel.service.js';

const tags = ['excel'];

function parseResolutions(raw: string | undefined): Record<string, 'mine' | 'theirs'> {
  if (raw === undefined || raw === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw resolutionsInvalid();
  }
  const parsed = resolutionsField.safeParse(value);
  if (!parsed.success) throw resolutionsInvalid();
  return parsed.data;
}
const base = '/api/v1/campaigns/:campaignId/submissions/:organisationId';

export const excelRoutes: Routes = async (app) => {
  const db = app.database.db;
  // Scoped to this plugin: only the import route accepts multipart bodies (one file, limits in excel.limits.ts).
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 } });

  app.get(
    `${base}/template.xlsx`,
    {
      config: { access: ['admin', 'expert', 'focal_point'], cost: 'heavy' },
      schema: { tags, params: submissionParams, querystring: langQuery },
    },
    async (request, reply) => {
      const { campaignId, organisationId } = request.params;
      const actor = actorOf(request);
      const { bytes, revision, fileName } = await templateFor(
        db,
        actor,
        campaignId,
        organisationId,
        request.query.lang ?? actor.lang,
      );
      setEtag(reply, revision);
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', contentDisposition(fileName))
        .header('cache-control', 'no-store')
        .send(bytes);
    },
  );

  // ?dryRun=true answers what the import would do (changes, conflicts, problems) and stores nothing; the import
  // itself then needs If-Match with the preview's currentRevision, so it applies exactly what was previewed.
  app.post(
    `${base}/import`,
    {
      config: { access: ['focal_point'] },
      schema: {
        tags,
        params: submissionParams,
        querystring: importQuery,
        response: { 200: z.union([importResult, importPreview]) },
      },
    },
    async (request, reply) => {
      const dryRun = request.query.dryRun === 'true';
      const expected = dryRun ? undefined : requireIfMatch(request);
      // A body that is not well-formed multipart (busboy's "Unexpected end of form") has no file in it: 400, not 500.
      const file = await request.file().catch((err: { code?: string; statusCode?: number }) => {
        if (err.code || err.statusCode) throw err;
        throw fileRequired();
      });
      if (!file) throw fileRequired();
      const bytes = await file.toBuffer().catch((err: { code?: string }) => {
        // Multipart's own limit error is the documented Excel refusal, with its limits in both languages.
        throw err.code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge('upload') : err;
      });
      const field = file.fields.resolutions;
      const rawResolutions = field && !Array.isArray(field) && field.type === 'field' ? String(field.value) : undefined;
      const resolutions = parseResolutions(rawResolutions);
      const { campaignId, organisationId } = request.params;
      const upload = { bytes, name: file.filename ?? '' };
      if (expected === undefined) {
        const preview = await previewImport(db, actorOf(request), campaignId, organisationId, upload, resolutions);
        setEtag(reply, preview.currentRevision);
        return preview;
      }
      const result = await importWorkbook(
        db,
        actorOf(request),
        campaignId,
        organisationId,
        expected,
        upload,
        resolutions,
      );
      setEtag(reply, result.revision);
      return result;
    },
  );

  app.get(
    '/api/v1/campaigns/:id/export.xlsx',
    {
      config: { access: ['admin', 'expert'], cost: 'heavy' },
      schema: { tags, params: campaignParams, querystring: langQuery },
    },
    async (request, reply) => {
      const stream = await campaignExport(db, request.params.id, (err) =>
        request.log.error({ err }, 'excel export failed'),
      );
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="campaign-${request.params.id}.xlsx"`)
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );
};
