import { z } from 'zod';
import { currentUser } from '../../shared/access.js';
import { actorOf } from '../../shared/context.js';
import { requireIfMatch, setEtag } from '../../shared/etag.js';
import type { Routes } from '../module.js';
import { coordinatorOnly } from '../expert-group/expert-group.coordinator.js';
import { requestFinalise } from './reports.jobs.js';
import { acceptedJob } from '../jobs/jobs.reply.js';
import { jobSchema } from '../jobs/jobs.schemas.js';
import { getDrafts } from './reports.acceptance.js';
import { getChapterRevisions, getNarrative, saveChapter } from './reports.narrative.js';
import {
  assessmentIdParams,
  chapterParams,
  draftView,
  fileParams,
  fileSchema,
  narrativeBody,
  narrativeSchema,
  narrativeView,
  previewQuery,
} from './reports.schemas.js';
import { getFile, getFiles, previewPdf } from './reports.service.js';
import { filesArchive } from './reports.archive.js';

const tags = ['reports'];
const experts = { access: ['admin', 'expert'] as const };
const writers = { access: ['expert'] as const };
const readers = { access: ['admin', 'expert', 'secretariat'] as const };

export const reportsRoutes: Routes = async (app) => {
  const db = app.database.db;
  app.get(
    '/api/v1/assessments/:id/narrative',
    { config: experts, schema: { tags, params: assessmentIdParams, response: { 200: narrativeSchema } } },
    async (request) => getNarrative(db, request.params.id),
  );

  app.get(
    '/api/v1/assessments/:id/narrative/drafts',
    { config: experts, schema: { tags, params: assessmentIdParams, response: { 200: z.array(draftView) } } },
    async (request) => getDrafts(db, request.params.id),
  );

  app.get(
    '/api/v1/assessments/:id/narrative/:chapter/revisions',
    { config: experts, schema: { tags, params: chapterParams, response: { 200: z.array(narrativeView) } } },
    async (request) => getChapterRevisions(db, request.params.id, request.params.chapter),
  );

  app.put(
    '/api/v1/assessments/:id/narrative/:chapter',
    { config: writers, schema: { tags, params: chapterParams, body: narrativeBody, response: { 200: narrativeView } } },
    async (request, reply) => {
      const saved = await saveChapter(
        db,
        actorOf(request),
        request.params.id,
        request.params.chapter,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, saved.revision);
      return saved;
    },
  );

  app.post(
    '/api/v1/assessments/:id/finalise',
    {
      config: { ...writers, cost: 'heavy' },
      preHandler: coordinatorOnly(db, { admins: false }),
      schema: { tags, params: assessmentIdParams, response: { 202: jobSchema } },
    },
    async (request, reply) =>
      acceptedJob(app, reply, await requestFinalise(db, actorOf(request), request.params.id, requireIfMatch(request))),
  );

  app.get(
    '/api/v1/assessments/:id/files',
    { config: readers, schema: { tags, params: assessmentIdParams, response: { 200: z.array(fileSchema) } } },
    async (request) => getFiles(db, currentUser(request), request.params.id),
  );

  // "Download all": the published files in one ZIP, streamed (same readers as the files).
  app.get(
    '/api/v1/assessments/:id/files.zip',
    { config: { ...readers, cost: 'heavy' }, schema: { tags, params: assessmentIdParams } },
    async (request, reply) => {
      const { fileName, stream } = await filesArchive(db, currentUser(request), request.params.id);
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(stream);
    },
  );

  app.get(
    '/api/v1/assessments/:id/files/:name',
    { config: readers, schema: { tags, params: fileParams } },
    async (request, reply) => {
      const file = await getFile(db, actorOf(request), request.params.id, request.params.name);
      const etag = `"${file.sha256}"`;
      reply.header('etag', etag).header('cache-control', 'private, no-cache');
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.name}"`)
        .header('content-length', file.size)
        .send(file.content);
    },
  );

  app.get(
    '/api/v1/assessments/:id/preview.pdf',
    { config: { ...experts, cost: 'heavy' }, schema: { tags, params: assessmentIdParams, querystring: previewQuery } },
    async (request, reply) => {
      const pdf = await previewPdf(db, request.params.id, request.query.lang);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="preview-${request.query.lang}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
};
