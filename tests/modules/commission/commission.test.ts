// Rules §18-19 end to end on a finalised assessment: transmittal (by the coordinating body's
// members or the secretariat), the Commission's decision on every recommendation, publication,
// and what each focal point may then read (its agency type's profile only), with read receipts.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentRuns, assessments, auditLog, recommendationActions } from '../../../src/db/schema.js';
import { loadAssessmentInput } from '../../../src/modules/reports/reports.input.js';
import { buildReportViewModel } from '../../../src/reports/build/build.js';
import { renderReportPdf } from '../../../src/reports/pdf/report.js';
import { SYNTHETIC_REGISTER } from '../../../src/synthetic/assessment.js';
import { pdfText } from '../../helpers/pdf-text.js';
import { replaceFiles } from '../../../src/modules/reports/reports.repository.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { createReportAssessment, type ReportFixture } from '../reports/fixture.js';

let t: TestApp;
let fx: ReportFixture;
const tok = {} as Record<'coordinator' | 'otherExpert' | 'secretariat' | 'admin' | 'fpMvd' | 'fpNgo', string>;
let fpMvdId: string;
let mvdOrg: string;
let ngoOrg: string;

const fileNames = [
  'report-kk.pdf',
  'report-ru.pdf',
  'report-kk.xlsx',
  'report-ru.xlsx',
  'profile-mvd-kk.pdf',
  'profile-mvd-ru.pdf',
  'profile-ngo-kk.pdf',
  'profile-ngo-ru.pdf',
  'facts-restricted.arrow',
];
const content = (name: string) => Buffer.from(`%PDF-1.4 stand-in for ${name}`);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  t = await createTestApp();
  tok.coordinator = (await t.coordinator('mvd')).token;
  tok.otherExpert = (await t.coordinator('mtszn')).token;
  tok.secretariat = (await t.user(['secretariat'])).token;
  tok.admin = (await t.user(['admin'])).token;
  mvdOrg = await t.organisation('mvd', 'almaty');
  ngoOrg = await t.organisation('ngo', 'almaty');
  const fp = await t.user(['focal_point'], mvdOrg);
  tok.fpMvd = fp.token;
  fpMvdId = fp.id;
  tok.fpNgo = (await t.user(['focal_point'], ngoOrg)).token;
  fx = await createReportAssessment(t);
}, 120_000);
afterAll(() => t?.close());

const url = (p = '') => `/api/v1/assessments/${fx.assessmentId}/commission${p}`;
const post = (token: string, u: string, payload?: object) => t.request(token, { method: 'POST', url: u, payload });
const get = (token: string, u: string) => t.request(token, { method: 'GET', url: u });
const transmittal = { sentOn: '2025-02-10', outgoingNumber: '12-3/456' };

async function finalise() {
  const db = t.app.database.db;
  await replaceFiles(
    db,
    fx.assessmentId,
    fileNames.map((name) => ({
      name,
      contentType: 'application/pdf',
      sha256: sha(content(name)),
      content: content(name),
    })),
  );
  await db
    .update(assessments)
    .set({ status: 'finalised', finalisedAt: new Date() })
    .where(eq(assessments.id, fx.assessmentId));
}

describe('transmittal to the Commission (§18)', () => {
  it('is refused before the assessment is finalised', async () => {
    const res = await post(tok.coordinator, url('/transmittal'), transmittal);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.code).toBe('commission.not_finalised');
  });

  it('is refused to experts not representing the coordinating body, and on bad input', async () => {
    await finalise();
    const other = await post(tok.otherExpert, url('/transmittal'), transmittal);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('expert_group.not_coordinator');
    for (const bad of [{ ...transmittal, sentOn: '2025-02-30' }, { ...transmittal, outgoingNumber: '  ' }, {}]) {
      const res = await post(tok.coordinator, url('/transmittal'), bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
    }
    expect((await get(tok.secretariat, url())).json()).toMatchObject({ status: 'finalised', transmittal: null });
  });

  it('records date, number and the published files with their sha256, once', async () => {
    const res = await post(tok.coordinator, url('/transmittal'), { ...transmittal, note: 'Сопроводительное письмо' });
    expect(res.statusCode, res.body).toBe(201);
    const files = res.json().transmittal.files as { name: string; sha256: string }[];
    expect(files.map((f) => f.name).sort()).toEqual(fileNames.filter((n) => !n.includes('restricted')).sort());
    for (const f of files) expect(f.sha256).toBe(sha(content(f.name)));
    expect(res.json()).toMatchObject({
      status: 'transmitted',
      transmittal: { sentOn: '2025-02-10', outgoingNumber: '12-3/456' },
    });
    const again = await post(tok.secretariat, url('/transmittal'), transmittal);
    expect(again.json().error.code).toBe('commission.transmittal_exists');
  });
});

describe("the Commission's decision (§19)", () => {
  let candidates: { id: string; text: { kk: string; ru: string }; agencyTypes: string[] }[];

  it('lists the report recommendations with their competent agency types', async () => {
    const res = await get(tok.secretariat, url('/recommendations'));
    expect(res.statusCode, res.body).toBe(200);
    candidates = res.json();
    expect(candidates.length).toBeGreaterThan(1);
    expect(candidates.some((c) => c.agencyTypes.length > 0)).toBe(true);
    for (const c of candidates) expect(c.text.kk).not.toBe(c.text.ru);
  });

  it('refuses publication before the decision', async () => {
    const res = await post(tok.secretariat, url('/publication'));
    expect(res.json().error.code).toBe('commission.decision_missing');
  });

  const decision = () => ({
    meetingOn: '2025-03-15',
    protocolNumber: '3',
    decision: { kk: 'Нәтижелер мақұлдансын.', ru: 'Результаты одобрить.' },
    recommendations: candidates.map((c, i) =>
      i === 0
        ? {
            id: c.id,
            status: 'changed',
            text: { kk: 'Өзгертілген ұсыным', ru: 'Измененная рекомендация' },
            agencyTypes: ['mvd', 'ngo'],
          }
        : i === 1
          ? { id: c.id, status: 'rejected' }
          : { id: c.id, status: 'approved', agencyTypes: c.agencyTypes.length ? c.agencyTypes : ['mvd'] },
    ),
  });

  it('requires every recommendation decided once, a text for a changed one, known agencies, a date after sending', async () => {
    const d = decision();
    const cases: [object, string][] = [
      [{ ...d, recommendations: d.recommendations.slice(1) }, 'missing'],
      [{ ...d, recommendations: [...d.recommendations, d.recommendations[2]] }, 'repeated'],
      [
        { ...d, recommendations: [{ ...d.recommendations[0], text: undefined }, ...d.recommendations.slice(1)] },
        'required',
      ],
      [
        { ...d, recommendations: [{ ...d.recommendations[0], agencyTypes: ['kgb'] }, ...d.recommendations.slice(1)] },
        'unknown',
      ],
    ];
    for (const [body, problem] of cases) {
      const res = await post(tok.secretariat, url('/decision'), body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('commission.recommendations_invalid');
      expect(res.json().error.details.issues.map((i: { problem: string }) => i.problem)).toContain(problem);
    }
    const early = await post(tok.secretariat, url('/decision'), { ...d, meetingOn: '2025-02-01' });
    expect(early.json().error.code).toBe('commission.meeting_before_transmittal');
    expect((await post(tok.coordinator, url('/decision'), d)).statusCode).toBe(403);
    expect((await get(tok.secretariat, url())).json().decision).toBeNull();
  });

  it('records the decision and turns approved and changed recommendations into actions per agency type', async () => {
    const res = await post(tok.secretariat, url('/decision'), decision());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().status).toBe('decided');
    const actions = await t.app.database.db
      .select()
      .from(recommendationActions)
      .where(eq(recommendationActions.assessmentId, fx.assessmentId));
    expect(
      actions
        .filter((a) => a.recommendationId === candidates[0]!.id)
        .map((a) => a.agencyType)
        .sort(),
    ).toEqual(['mvd', 'ngo']);
    expect(actions.find((a) => a.recommendationId === candidates[0]!.id)!.textRu).toBe('Измененная рекомендация');
    expect(actions.some((a) => a.recommendationId === candidates[1]!.id)).toBe(false);
    expect((await post(tok.secretariat, url('/decision'), decision())).json().error.code).toBe(
      'commission.decision_exists',
    );
  });
});

describe('publication to the subjects', () => {
  it('shows focal points nothing before publication', async () => {
    expect((await get(tok.fpMvd, '/api/v1/results')).json()).toEqual([]);
    const res = await get(tok.fpMvd, `/api/v1/results/${fx.assessmentId}/files/report-kk.pdf`);
    expect(res.statusCode).toBe(404);
  });

  it('publishes once and audits it for the notification sender', async () => {
    const res = await post(tok.secretariat, url('/publication'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().status).toBe('published');
    expect((await post(tok.secretariat, url('/publication'))).json().error.code).toBe('commission.already_published');
    const [row] = await t.app.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'assessment.publish'), eq(auditLog.objectId, fx.assessmentId)));
    expect(row?.after).toMatchObject({ focalPoints: 2 });
    // Every focal point and the secretariat get the notice "results communicated", in their language.
    const notices = await get(tok.fpMvd, '/api/v1/notifications');
    expect(notices.statusCode, notices.body).toBe(200);
    expect(JSON.stringify(notices.json())).toContain('Результаты оценки рисков доведены');
    expect(JSON.stringify((await get(tok.secretariat, '/api/v1/notifications')).json())).toContain(
      'Результаты оценки рисков доведены',
    );
    expect(JSON.stringify((await get(tok.coordinator, '/api/v1/notifications')).json())).not.toContain(
      'Результаты оценки рисков доведены',
    );
  });

  it("gives each focal point the report and only its own agency type's profile", async () => {
    const [mine] = (await get(tok.fpMvd, '/api/v1/results')).json();
    expect(mine.agencyType).toBe('mvd');
    expect(mine.files.map((f: { name: string }) => f.name).sort()).toEqual(
      [
        'profile-mvd-kk.pdf',
        'profile-mvd-ru.pdf',
        'report-kk.pdf',
        'report-kk.xlsx',
        'report-ru.pdf',
        'report-ru.xlsx',
      ].sort(),
    );
    expect(mine.actions.length).toBeGreaterThan(0);
    expect(mine.actions.every((a: { agencyType: string }) => a.agencyType === 'mvd')).toBe(true);
    expect(mine.decision).toMatchObject({ meetingOn: '2025-03-15', text: { ru: 'Результаты одобрить.' } });
    for (const name of ['profile-ngo-kk.pdf', 'facts-restricted.arrow', 'nothing.pdf']) {
      const res = await get(tok.fpMvd, `/api/v1/results/${fx.assessmentId}/files/${name}`);
      expect(res.statusCode, name).toBe(404);
    }
    const res = await get(tok.fpMvd, `/api/v1/results/${fx.assessmentId}/files/profile-mvd-kk.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(content('profile-mvd-kk.pdf'))).toBe(true);
    expect(res.headers.etag).toBe(`"${sha(content('profile-mvd-kk.pdf'))}"`);
    await get(tok.fpMvd, `/api/v1/results/${fx.assessmentId}/files/profile-mvd-kk.pdf`);
    const again = (await get(tok.fpMvd, '/api/v1/results')).json()[0];
    expect(again.files.find((f: { name: string }) => f.name === 'profile-mvd-kk.pdf').read).toBe(true);
    expect(again.files.find((f: { name: string }) => f.name === 'report-kk.pdf').read).toBe(false);
    const ngo = (await get(tok.fpNgo, '/api/v1/results')).json()[0];
    expect(
      ngo.files.filter((f: { kind: string }) => f.kind === 'profile').map((f: { name: string }) => f.name),
    ).toEqual(['profile-ngo-kk.pdf', 'profile-ngo-ru.pdf']);
  });

  it('shows the secretariat who has read the results, and nobody else', async () => {
    const res = await get(tok.secretariat, `/api/v1/assessments/${fx.assessmentId}/read-receipts`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const mvd = body.rows.find((r: { organisationId: string }) => r.organisationId === mvdOrg);
    expect(mvd.focalPoints).toBe(1);
    expect(mvd.readers).toEqual([expect.objectContaining({ userId: fpMvdId, files: ['profile-mvd-kk.pdf'] })]);
    expect(body.rows.find((r: { organisationId: string }) => r.organisationId === ngoOrg).readers).toEqual([]);
    expect(body.read).toBe(1);
    expect((await get(tok.fpMvd, `/api/v1/assessments/${fx.assessmentId}/read-receipts`)).statusCode).toBe(403);
  });
});

describe('follow-up on the approved recommendations', () => {
  let campaignId: string;
  let form: { items: { actionId: string; report: null | { version: number } }[] };
  const formUrl = () => `/api/v1/campaigns/${campaignId}/follow-up/${mvdOrg}`;

  it("attaches each subject's actions to the next yearly campaign, separately from the questionnaire", async () => {
    const c = await post(tok.admin, '/api/v1/campaigns', {
      reportingYear: 2025,
      questionnaireVersion: '2024-10-order-849-410',
      recipients: [mvdOrg, ngoOrg],
    });
    expect(c.statusCode, c.body).toBe(201);
    campaignId = c.json().id;
    const res = await get(tok.fpMvd, formUrl());
    expect(res.statusCode, res.body).toBe(200);
    form = res.json();
    expect(res.json()).toMatchObject({ reportingYear: 2025, open: false, assessment: { id: fx.assessmentId } });
    expect(form.items.length).toBeGreaterThan(0);
    expect(form.items.every((i) => i.report === null)).toBe(true);
    expect((await get(tok.fpNgo, formUrl())).statusCode).toBe(403);
  });

  it('takes reports only while the campaign is open, with If-Match, and asks what was done', async () => {
    const actionUrl = `${formUrl()}/actions/${form.items[0]!.actionId}`;
    const put = (token: string, payload: object, version?: number) =>
      t.request(token, {
        method: 'PUT',
        url: actionUrl,
        payload,
        headers: version === undefined ? {} : { 'if-match': `"${version}"` },
      });
    const body = {
      status: 'done',
      done: 'Проведено 12 семинаров для участковых',
      evidence: 'Приказ № 15 от 01.03.2025',
    };
    expect((await put(tok.fpMvd, body, 0)).json().error.code).toBe('submission.campaign_not_open');
    const campaign = await get(tok.admin, `/api/v1/campaigns/${campaignId}`);
    const open = await t.request(tok.admin, {
      method: 'POST',
      url: `/api/v1/campaigns/${campaignId}/open`,
      headers: { 'if-match': campaign.headers.etag as string },
    });
    expect(open.statusCode, open.body).toBe(200);
    expect((await put(tok.fpMvd, body)).statusCode).toBe(428);
    expect((await put(tok.fpMvd, { status: 'done', done: ' ' }, 0)).json().error.code).toBe('follow_up.done_required');
    expect((await put(tok.fpMvd, { ...body, status: 'finished' }, 0)).statusCode).toBe(400);
    expect((await put(tok.fpNgo, body, 0)).statusCode).toBe(403);
    const saved = await put(tok.fpMvd, body, 0);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ status: 'done', version: 1 });
    expect((await put(tok.fpMvd, { ...body, status: 'in_progress' }, 0)).statusCode).toBe(409);
    const other = `${formUrl()}/actions/00000000-0000-4000-8000-000000000000`;
    const unknown = await t.request(tok.fpMvd, {
      method: 'PUT',
      url: other,
      payload: body,
      headers: { 'if-match': '"0"' },
    });
    expect(unknown.json().error.code).toBe('follow_up.action_not_found');
    const summary = (await get(tok.secretariat, `/api/v1/assessments/${fx.assessmentId}/follow-up`)).json();
    const row = summary.find((s: { actionId: string }) => s.actionId === form.items[0]!.actionId);
    expect(row).toMatchObject({ subjects: 1, counts: { done: 1 }, done: [body.done] });
  });
});

describe("the next assessment's description", () => {
  it('shows the specialists drawn in (§16) and what was done since the last assessment, in both languages', async () => {
    const db = t.app.database.db;
    const [next] = await db
      .insert(assessments)
      .values({
        titleKk: 'Бағалау 2025–2027',
        titleRu: 'Оценка 2025–2027',
        startYear: 2025,
        endYear: 2027,
        coordinatingBody: 'mtszn',
        riskRegisterVersion: SYNTHETIC_REGISTER,
      })
      .returning();
    await db.insert(assessmentRuns).values({
      assessmentId: next!.id,
      step: 'ranking',
      inputHash: 'r',
      parameters: {},
      result: fx.ranking,
      resultHash: 'r',
      startedAt: new Date(),
    });
    const specialist = await post(tok.otherExpert, `/api/v1/assessments/${next!.id}/specialists`, {
      kind: 'international_organisation',
      name: 'МОМ (Международная организация по миграции)',
      field: 'миграция',
      contribution: 'Данные о возвращенных жертвах',
    });
    expect(specialist.statusCode, specialist.body).toBe(201);
    const input = await loadAssessmentInput(db, next!.id);
    for (const lang of ['kk', 'ru'] as const) {
      const vm = buildReportViewModel(input, lang, { publish: false });
      const [participants, followUp] = vm.description.cycle!;
      expect(participants!.table.rows[0]).toContain('МОМ (Международная организация по миграции)');
      expect(followUp!.key).toBe('followUp');
      const done = followUp!.table.rows.find((r) => r[2] === 1);
      expect(done, lang).toBeDefined();
      const text = await pdfText(await renderReportPdf(vm));
      expect(text).toContain(participants!.heading);
      expect(text).toContain(followUp!.heading);
    }
    expect(buildReportViewModel(input, 'ru', { publish: false }).description.cycle![1]!.heading).toBe(
      'Сделанное по рекомендациям предыдущей оценки',
    );
  });
});
