// Expert group routes (Rules §4-6, §16): the group and its members (admin manages, the expert group
// and secretariat read), meetings with attendance, minutes, decisions and files (the expert group
// records them), the assessment's specialists and the working materials they may read.
import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import { currentUser } from '../../shared/access.js';
import { actorOf } from '../../shared/context.js';
import { requireIfMatch, setEtag } from '../../shared/etag.js';
import type { Routes } from '../module.js';
import { previewPdf } from '../reports/reports.service.js';
import { meetingFileRequired, meetingFileTooLarge } from './expert-group.errors.js';
import {
  assessmentIdParams,
  grantedView,
  groupBody,
  groupView,
  meetingBody,
  meetingFileParams,
  meetingParams,
  meetingsQuery,
  meetingView,
  memberBody,
  memberChangeBody,
  memberParams,
  membersQuery,
  memberView,
  specialistBody,
  specialistParams,
  specialistView,
  workingMaterialsView,
} from './expert-group.schemas.js';
import {
  addMeetingFile,
  addMember,
  addSpecialist,
  changeMember,
  createMeeting,
  getGrantedAssessments,
  getGroup,
  getMeeting,
  getMeetingFile,
  getMeetings,
  getMembers,
  getSpecialists,
  getWorkingMaterials,
  removeSpecialist,
  requireWorkingMaterials,
  updateGroup,
  updateMeeting,
} from './expert-group.service.js';

const tags = ['expert-group'];
const readers = { access: ['admin', 'expert', 'secretariat'] as const };
const admins = { access: ['admin'] as const };
const group = { access: ['admin', 'expert'] as const };
const materials = { access: ['admin', 'expert', 'specialist'] as const };
/** Minutes and signed documents: PDF, scans, office files; 20 MB. */
const MEETING_FILE_LIMIT = 20 * 1024 * 1024;

export const expertGroupRoutes: Routes = async (app) => {
  const db = app.database.db;
  await app.register(fastifyMultipart, { limits: { fileSize: MEETING_FILE_LIMIT, files: 1, fields: 0, parts: 1 } });

  app.get(
    '/api/v1/expert-group',
    { config: readers, schema: { tags, response: { 200: groupView } } },
    async (_request, reply) => {
      const g = await getGroup(db);
      setEtag(reply, g.version);
      return g;
    },
  );

  app.put(
    '/api/v1/expert-group',
    { config: admins, schema: { tags, body: groupBody, response: { 200: groupView } } },
    async (request, reply) => {
      const g = await updateGroup(db, actorOf(request), requireIfMatch(request), request.body);
      setEtag(reply, g.version);
      return g;
    },
  );

  app.get(
    '/api/v1/expert-group/members',
    { config: readers, schema: { tags, querystring: membersQuery, response: { 200: z.array(memberView) } } },
    async (request) => getMembers(db, { at: request.query.at, history: request.query.history === 'true' }),
  );

  app.post(
    '/api/v1/expert-group/members',
    { config: admins, schema: { tags, body: memberBody, response: { 201: memberView } } },
    async (request, reply) => reply.status(201).send(await addMember(db, actorOf(request), request.body)),
  );

  app.post(
    '/api/v1/expert-group/members/:memberId/changes',
    { config: admins, schema: { tags, params: memberParams, body: memberChangeBody, response: { 201: memberView } } },
    async (request, reply) =>
      reply.status(201).send(await changeMember(db, actorOf(request), request.params.memberId, request.body)),
  );

  app.get(
    '/api/v1/expert-group/meetings',
    { config: readers, schema: { tags, querystring: meetingsQuery, response: { 200: z.array(meetingView) } } },
    async (request) => getMeetings(db, request.query.assessmentId),
  );

  app.post(
    '/api/v1/expert-group/meetings',
    { config: group, schema: { tags, body: meetingBody, response: { 201: meetingView } } },
    async (request, reply) => {
      const m = await createMeeting(db, actorOf(request), request.body);
      setEtag(reply, m.version);
      return reply.status(201).send(m);
    },
  );

  app.get(
    '/api/v1/expert-group/meetings/:meetingId',
    { config: readers, schema: { tags, params: meetingParams, response: { 200: meetingView } } },
    async (request, reply) => {
      const m = await getMeeting(db, request.params.meetingId);
      setEtag(reply, m.version);
      return m;
    },
  );

  app.put(
    '/api/v1/expert-group/meetings/:meetingId',
    { config: group, schema: { tags, params: meetingParams, body: meetingBody, response: { 200: meetingView } } },
    async (request, reply) => {
      const m = await updateMeeting(
        db,
        actorOf(request),
        request.params.meetingId,
        requireIfMatch(request),
        request.body,
      );
      setEtag(reply, m.version);
      return m;
    },
  );

  app.post(
    '/api/v1/expert-group/meetings/:meetingId/files',
    { config: group, schema: { tags, params: meetingParams, response: { 201: meetingView } } },
    async (request, reply) => {
      const file = await request.file().catch((err: { code?: string; statusCode?: number }) => {
        if (err.code || err.statusCode) throw err;
        throw meetingFileRequired();
      });
      if (!file) throw meetingFileRequired();
      const content = await file.toBuffer().catch((err: { code?: string }) => {
        throw err.code === 'FST_REQ_FILE_TOO_LARGE' ? meetingFileTooLarge(MEETING_FILE_LIMIT) : err;
      });
      // Stored under a safe name: letters, digits, dot, dash and underscore.
      const name = (file.filename ?? 'file').replace(/[^A-Za-z0-9_.-]+/g, '_').slice(-100) || 'file';
      const m = await addMeetingFile(db, actorOf(request), request.params.meetingId, {
        name,
        contentType: file.mimetype || 'application/octet-stream',
        content,
      });
      return reply.status(201).send(m);
    },
  );

  app.get(
    '/api/v1/expert-group/meetings/:meetingId/files/:name',
    { config: readers, schema: { tags, params: meetingFileParams } },
    async (request, reply) => {
      const f = await getMeetingFile(db, request.params.meetingId, request.params.name);
      return reply
        .header('etag', `"${f.sha256}"`)
        .header('content-type', f.contentType)
        .header('content-disposition', `attachment; filename="${f.name}"`)
        .header('content-length', f.size)
        .send(f.content);
    },
  );

  app.get(
    '/api/v1/assessments/:id/specialists',
    { config: readers, schema: { tags, params: assessmentIdParams, response: { 200: z.array(specialistView) } } },
    async (request) => getSpecialists(db, currentUser(request), request.params.id),
  );

  app.post(
    '/api/v1/assessments/:id/specialists',
    {
      config: group,
      schema: { tags, params: assessmentIdParams, body: specialistBody, response: { 201: specialistView } },
    },
    async (request, reply) =>
      reply.status(201).send(await addSpecialist(db, actorOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/v1/assessments/:id/specialists/:specialistId',
    { config: group, schema: { tags, params: specialistParams } },
    async (request, reply) => {
      await removeSpecialist(db, actorOf(request), request.params.id, request.params.specialistId);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/v1/assessments/:id/working-materials',
    { config: materials, schema: { tags, params: assessmentIdParams, response: { 200: workingMaterialsView } } },
    async (request) => getWorkingMaterials(db, currentUser(request), request.params.id),
  );

  app.get(
    '/api/v1/working-materials',
    { config: { access: ['specialist'] }, schema: { tags, response: { 200: grantedView } } },
    async (request) => getGrantedAssessments(db, currentUser(request)),
  );

  app.get(
    '/api/v1/assessments/:id/working-materials/preview.pdf',
    {
      config: { ...materials, cost: 'heavy' },
      schema: { tags, params: assessmentIdParams, querystring: z.object({ lang: z.enum(['kk', 'ru']).default('ru') }) },
    },
    async (request, reply) => {
      await requireWorkingMaterials(db, currentUser(request), request.params.id);
      const pdf = await previewPdf(db, request.params.id, request.query.lang);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `inline; filename="preview-${request.query.lang}.pdf"`)
        .send(pdf);
    },
  );
};
