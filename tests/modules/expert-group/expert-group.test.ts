// The standing expert group (Rules §4-6): set-up, members representing subjects with their roles and
// the composition's history, meetings with attendance, decisions linked to runs, files; the
// coordinating body's members' rights to start steps; specialists (§16) and their working materials.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentRuns, assessments } from '../../../src/db/schema.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { insertAssessment } from '../scoring/fixtures.js';

let t: TestApp;
let admin: string;
let expert: { id: string; token: string };
let secretariat: string;
let focal: string;
let mvdOrg: string;
let ngoOrg: string;
let assessmentId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.user(['admin'])).token;
  expert = await t.user(['expert']);
  secretariat = (await t.user(['secretariat'])).token;
  mvdOrg = await t.organisation('mvd', 'astana');
  ngoOrg = await t.organisation('ngo', 'almaty');
  focal = (await t.user(['focal_point'], ngoOrg)).token;
  assessmentId = await insertAssessment(t.app.database.db, { coordinatingBody: 'mvd' });
});
afterAll(() => t?.close());

const req = (
  token: string,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
  ifMatch?: number,
) => t.request(token, { method, url, payload, headers: ifMatch === undefined ? {} : { 'if-match': `"${ifMatch}"` } });

describe('the group and its composition', () => {
  it('records size, meeting frequency and format (§5) with If-Match', async () => {
    const g = await req(secretariat, 'GET', '/api/v1/expert-group');
    expect(g.json()).toMatchObject({ version: 0, members: [], plannedSize: null });
    const body = { plannedSize: 12, meetingFrequency: 'не реже одного раза в квартал', workFormat: 'mixed' };
    expect((await req(admin, 'PUT', '/api/v1/expert-group', body)).statusCode).toBe(428);
    const ok = await req(admin, 'PUT', '/api/v1/expert-group', body, 0);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ ...body, version: 1 });
    const stale = await req(admin, 'PUT', '/api/v1/expert-group', { plannedSize: 3 }, 0);
    expect(stale.statusCode).toBe(409);
    expect((await req(expert.token, 'PUT', '/api/v1/expert-group', body, 1)).statusCode).toBe(403);
  });

  let memberId: string;
  it('adds members representing subjects, refusing unknown organisations and non-expert accounts', async () => {
    const add = await req(admin, 'POST', '/api/v1/expert-group/members', {
      name: 'Иванов И.',
      organisationId: mvdOrg,
      userId: expert.id,
      role: 'chair',
      joinedOn: '2024-01-15',
    });
    expect(add.statusCode, add.body).toBe(201);
    expect(add.json()).toMatchObject({ agencyType: 'mvd', role: 'chair', leftOn: null });
    memberId = add.json().id;
    const twice = await req(admin, 'POST', '/api/v1/expert-group/members', {
      name: 'Иванов И.',
      organisationId: mvdOrg,
      userId: expert.id,
      role: 'member',
      joinedOn: '2024-02-01',
    });
    expect(twice.json().error.code).toBe('expert_group.member_exists');
    const focalUser = await t.user(['focal_point'], ngoOrg);
    const notExpert = await req(admin, 'POST', '/api/v1/expert-group/members', {
      name: 'X',
      organisationId: ngoOrg,
      userId: focalUser.id,
      role: 'member',
      joinedOn: '2024-02-01',
    });
    expect(notExpert.json().error.code).toBe('expert_group.member_user_invalid');
    const unknown = await req(admin, 'POST', '/api/v1/expert-group/members', {
      name: 'X',
      organisationId: '00000000-0000-4000-8000-000000000000',
      role: 'member',
      joinedOn: '2024-02-01',
    });
    expect(unknown.json().error.code).toBe('expert_group.organisation_invalid');
    const ngo = await req(admin, 'POST', '/api/v1/expert-group/members', {
      name: 'Серикова А. (НПО)',
      organisationId: ngoOrg,
      role: 'member',
      joinedOn: '2024-01-15',
    });
    expect(ngo.statusCode).toBe(201);
  });

  it('keeps the history: a role change ends one term and opens another, a departure ends it', async () => {
    const change = await req(admin, 'POST', `/api/v1/expert-group/members/${memberId}/changes`, {
      role: 'member',
      on: '2025-01-10',
    });
    expect(change.statusCode, change.body).toBe(201);
    expect(change.json()).toMatchObject({ role: 'member', joinedOn: '2025-01-10', leftOn: null });
    const before = await req(admin, 'POST', `/api/v1/expert-group/members/${memberId}/changes`, {
      leftOn: '2025-02-01',
    });
    expect(before.json().error.code).toBe('expert_group.member_left');
    const bad = await req(admin, 'POST', `/api/v1/expert-group/members/${change.json().id}/changes`, {
      leftOn: '2020-01-01',
    });
    expect(bad.json().error.code).toBe('expert_group.dates_invalid');
    const history = (await req(secretariat, 'GET', '/api/v1/expert-group/members?history=true')).json();
    expect(
      history.filter((m: { userId: string }) => m.userId === expert.id).map((m: { role: string }) => m.role),
    ).toEqual(['chair', 'member']);
    const at2024 = (await req(secretariat, 'GET', '/api/v1/expert-group/members?at=2024-06-01')).json();
    expect(at2024.find((m: { userId: string }) => m.userId === expert.id).role).toBe('chair');
    expect((await req(focal, 'GET', '/api/v1/expert-group/members')).statusCode).toBe(403);
  });
});

describe("the coordinating body's rights (§6)", () => {
  it('lets only members for the coordinating body (and admins) start steps', async () => {
    const outsider = await t.user(['expert']);
    const refused = await req(outsider.token, 'POST', `/api/v1/assessments/${assessmentId}/quality`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('expert_group.not_coordinator');
    expect((await req(outsider.token, 'POST', `/api/v1/assessments/${assessmentId}/finalise`)).statusCode).toBe(403);
    expect((await req(expert.token, 'POST', `/api/v1/assessments/${assessmentId}/quality`)).statusCode).toBe(202);
    await t.runJobs();
    expect((await req(admin, 'POST', `/api/v1/assessments/${assessmentId}/structuring`)).statusCode).toBe(202);
    await t.runJobs();
    // The other authorised body's members coordinate the next cycle, not this one.
    await t.app.database.db
      .update(assessments)
      .set({ coordinatingBody: 'mtszn' })
      .where(eq(assessments.id, assessmentId));
    expect((await req(expert.token, 'POST', `/api/v1/assessments/${assessmentId}/quality`)).statusCode).toBe(403);
    await t.app.database.db
      .update(assessments)
      .set({ coordinatingBody: 'mvd' })
      .where(eq(assessments.id, assessmentId));
  });

  it('ends the rights with the membership: a member who has left no longer starts steps', async () => {
    const leaving = await t.coordinator('mvd');
    expect((await req(leaving.token, 'POST', `/api/v1/assessments/${assessmentId}/quality`)).statusCode).toBe(202);
    await t.runJobs();
    const [term] = (await req(admin, 'GET', '/api/v1/expert-group/members'))
      .json()
      .filter((m: { userId: string }) => m.userId === leaving.id);
    const left = await req(admin, 'POST', `/api/v1/expert-group/members/${term.id}/changes`, {
      leftOn: new Date().toISOString().slice(0, 10),
      reason: 'переведен на другую работу',
    });
    expect(left.statusCode, left.body).toBe(201);
    expect((await req(leaving.token, 'POST', `/api/v1/assessments/${assessmentId}/quality`)).statusCode).toBe(403);
  });
});

describe('meetings', () => {
  let meeting: { id: string; version: number };
  it('records date, format, agenda, attendance of the members of that date and decisions linked to runs', async () => {
    const members = (await req(admin, 'GET', '/api/v1/expert-group/members?at=2025-03-01')).json();
    const [run] = await t.app.database.db
      .select({ id: assessmentRuns.id })
      .from(assessmentRuns)
      .where(eq(assessmentRuns.assessmentId, assessmentId));
    const body = {
      assessmentId,
      heldOn: '2025-03-01',
      format: 'online',
      agenda: '1. Итоги проверки качества данных',
      minutes: 'Заслушали...',
      decisions: [{ text: 'Принять результаты проверки качества', step: 'quality', runId: run!.id }],
      attendance: members.map((m: { id: string }, i: number) => ({
        memberId: m.id,
        status: i === 0 ? 'present' : 'excused',
      })),
    };
    const res = await req(expert.token, 'POST', '/api/v1/expert-group/meetings', body);
    expect(res.statusCode, res.body).toBe(201);
    meeting = res.json();
    expect(res.json().attendance).toHaveLength(members.length);
    const formerChairTerm = (await req(admin, 'GET', '/api/v1/expert-group/members?history=true'))
      .json()
      .find((m: { role: string }) => m.role === 'chair');
    const wrongMember = await req(expert.token, 'POST', '/api/v1/expert-group/meetings', {
      ...body,
      attendance: [{ memberId: formerChairTerm.id, status: 'present' }],
    });
    expect(wrongMember.json().error.code).toBe('expert_group.attendance_invalid');
    const otherAssessment = await insertAssessment(t.app.database.db, { startYear: 2030, endYear: 2032 });
    const wrongRun = await req(expert.token, 'POST', '/api/v1/expert-group/meetings', {
      ...body,
      assessmentId: otherAssessment,
    });
    expect(wrongRun.json().error.code).toBe('expert_group.decision_run_invalid');
    expect((await req(secretariat, 'POST', '/api/v1/expert-group/meetings', body)).statusCode).toBe(403);
    const list = (await req(secretariat, 'GET', `/api/v1/expert-group/meetings?assessmentId=${assessmentId}`)).json();
    expect(list.map((m: { id: string }) => m.id)).toEqual([meeting.id]);
  });

  it('updates with If-Match and stores files with their sha256', async () => {
    const url = `/api/v1/expert-group/meetings/${meeting.id}`;
    const update = { heldOn: '2025-03-01', format: 'in_person', agenda: 'Повестка (уточнена)' };
    expect((await req(expert.token, 'PUT', url, update, meeting.version + 5)).statusCode).toBe(409);
    const ok = await req(expert.token, 'PUT', url, update, meeting.version);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ format: 'in_person', version: meeting.version + 1 });
    const pdf = Buffer.from('%PDF-1.4 signed minutes');
    const boundary = '----x';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="протокол 1.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await t.request(expert.token, {
      method: 'POST',
      url: `${url}/files`,
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(up.statusCode, up.body).toBe(201);
    const [file] = up.json().files;
    expect(file.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    const down = await req(secretariat, 'GET', `${url}/files/${file.name}`);
    expect(down.rawPayload.equals(pdf)).toBe(true);
    const empty = await t.request(expert.token, { method: 'POST', url: `${url}/files`, payload: {} });
    expect(empty.statusCode).toBeGreaterThanOrEqual(400);
    expect(empty.statusCode).toBeLessThan(500);
  });
});

describe('specialists (§16)', () => {
  it('records invited specialists and gives a specialist account the working materials only', async () => {
    const specialist = await t.user(['specialist']);
    const url = `/api/v1/assessments/${assessmentId}/specialists`;
    const materials = `/api/v1/assessments/${assessmentId}/working-materials`;
    expect((await req(specialist.token, 'GET', materials)).statusCode).toBe(404);
    const wrongUser = await req(expert.token, 'POST', url, {
      kind: 'researcher',
      name: 'Д-р Ахметова',
      field: 'социология миграции',
      contribution: 'анализ рисков трудовой миграции',
      userId: expert.id,
    });
    expect(wrongUser.json().error.code).toBe('specialist.user_invalid');
    const res = await req(expert.token, 'POST', url, {
      kind: 'scientific_institution',
      name: 'Институт философии, политологии и религиоведения',
      field: 'социология',
      organisation: 'КН МНВО',
      contribution: 'Экспертное интервью, обзор исследований',
      userId: specialist.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().readAccess).toBe(true);
    const wm = await req(specialist.token, 'GET', materials);
    expect(wm.statusCode, wm.body).toBe(200);
    expect(wm.json().specialists).toHaveLength(1);
    const granted = (await req(specialist.token, 'GET', '/api/v1/working-materials')).json();
    expect(granted.map((a: { id: string }) => a.id)).toEqual([assessmentId]);
    // Raw victim-level data stays with the experts.
    expect((await req(specialist.token, 'GET', `/api/v1/assessments/${assessmentId}/facts.csv`)).statusCode).toBe(403);
    const other = await insertAssessment(t.app.database.db, { startYear: 2040, endYear: 2042 });
    expect((await req(specialist.token, 'GET', `/api/v1/assessments/${other}/working-materials`)).statusCode).toBe(404);
    const del = await req(expert.token, 'DELETE', `${url}/${res.json().id}`);
    expect(del.statusCode).toBe(204);
    expect((await req(specialist.token, 'GET', materials)).statusCode).toBe(404);
  });
});
