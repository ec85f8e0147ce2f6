// Correction after acceptance (issue 20): an expert reopens an accepted submission with a reason
// and item comments; the focal point corrects it even though the campaign is closed; the earlier
// accepted revision stays readable; accepted again, the assessment draws on the corrected revision
// and its input hash changes. A quality finding on an accepted submission asks for exactly that.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAnswersFor } from '../../../src/synthetic/answers.js';
import { setUpCollection, VERSION, type Collection } from '../../helpers/collection.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

const complete = generateAnswersFor(VERSION, 'ngo', { seed: 20, missingRate: 0 });
// The corrected item: raised above the identified victims, which a warning rule flags (and the quality step reports).
const countItem = 's16.q1.victims_referred_police';
const identified = (complete.answers['s16.q1.victims_total'] as { value: number }).value;

let t: TestApp;
let c: Collection;
let assessmentId: string;

const post = (token: string, path: string, etag: string, payload: Record<string, unknown> = {}) =>
  t.request(token, { method: 'POST', url: `${c.url}/${path}`, headers: { 'if-match': etag }, payload });
const get = (token: string, path = '') => t.request(token, { method: 'GET', url: `${c.url}${path}` });
const structure = () => t.runStep(c.expert, `/api/v1/assessments/${assessmentId}/structuring`);

beforeAll(async () => {
  t = await createTestApp();
  // The expert is a member of the expert group for the coordinating body: it runs the assessment's steps.
  c = { ...(await setUpCollection(t, 'ngo', 2040)), expert: (await t.coordinator('mvd')).token };
  const put = await t.request(c.focal, {
    method: 'PUT',
    url: c.url,
    headers: { 'if-match': '"0"' },
    payload: { content: complete },
  });
  expect(put.statusCode, put.body).toBe(200);
  expect((await post(c.focal, 'submit', '"1"')).statusCode).toBe(200);
  expect((await post(c.expert, 'accept', '"2"')).json()).toEqual({ revision: 3, status: 'accepted' });
  const campaign = await t.request(c.admin, { method: 'GET', url: `/api/v1/campaigns/${c.campaignId}` });
  const closed = await t.request(c.admin, {
    method: 'POST',
    url: `/api/v1/campaigns/${c.campaignId}/close`,
    headers: { 'if-match': campaign.headers.etag as string },
  });
  expect(closed.statusCode, closed.body).toBe(200);
  const a = await t.request(c.expert, {
    method: 'POST',
    url: '/api/v1/assessments',
    payload: { title: { kk: 'Бағалау', ru: 'Оценка' }, startYear: 2040, coordinatingBody: 'mvd' },
  });
  expect(a.statusCode, a.body).toBe(201);
  assessmentId = a.json().id;
});
afterAll(() => t?.close());

describe('correction after acceptance', () => {
  let before: { inputHash: string };

  it('refuses bad reopenings: not an expert, no reason, an unknown item, a stale revision', async () => {
    before = await structure();
    expect((await post(c.focal, 'reopen', '"3"', { reason: 'Түзету керек' })).statusCode).toBe(403);
    const noReason = await post(c.expert, 'reopen', '"3"', { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const unknown = await post(c.expert, 'reopen', '"3"', {
      reason: 'Ошибка в данных',
      comments: [{ itemId: 's99.q1.nothing', comment: 'x' }],
    });
    expect(unknown.statusCode).toBe(422);
    expect((await post(c.expert, 'reopen', '"2"', { reason: 'Ошибка в данных' })).statusCode).toBe(409);
    expect((await get(c.expert)).json().status).toBe('accepted');
  });

  it('reopens the accepted revision with a reason and item comments, audited, the accepted revision kept', async () => {
    const res = await post(c.expert, 'reopen', '"3"', {
      reason: 'Деректер полиция деректерімен сәйкес келмейді',
      comments: [{ itemId: countItem, comment: 'Проверьте число' }],
    });
    expect(res.json()).toEqual({ revision: 4, status: 'returned' });
    const view = (await get(c.focal)).json();
    expect(view).toMatchObject({ status: 'returned', inCorrection: true, editable: true, campaignStatus: 'closed' });
    expect(view.corrections).toEqual([
      expect.objectContaining({
        acceptedRevision: 3,
        revision: 4,
        reason: 'Деректер полиция деректерімен сәйкес келмейді',
        findingId: null,
      }),
    ]);
    expect(view.comments.at(-1)).toMatchObject({ itemId: countItem, comment: 'Проверьте число', revision: 4 });
    const history = (await get(c.focal, '/revisions')).json();
    expect(history.map((h: { action: string }) => h.action)).toEqual(['reopen', 'accept', 'submit', 'save']);
    expect((await get(c.focal, '/revisions/3')).json()).toMatchObject({ status: 'accepted', content: complete });
    const audit = await t.request(c.admin, { method: 'GET', url: '/api/v1/audit?action=submission.reopen' });
    expect(JSON.stringify(audit.json())).toContain('Деректер полиция деректерімен сәйкес келмейді');
    // While it is being corrected the assessment draws on no unaccepted content.
    expect((await structure()).inputHash).not.toBe(before.inputHash);
  });

  it('lets the focal point correct and resubmit in the closed campaign; accepted again, the assessment sees it', async () => {
    const corrected = {
      answers: { ...complete.answers, [countItem]: { value: identified + 7 } },
    };
    const put = await t.request(c.focal, {
      method: 'PUT',
      url: c.url,
      headers: { 'if-match': '"4"' },
      payload: { content: corrected },
    });
    expect(put.statusCode, put.body).toBe(200);
    const submitted = await post(c.focal, 'submit', '"5"', {
      acknowledgements: {
        [`${countItem}#s16.q1.victims_referred_police.vs_identified`]: 'Кейбір істер бірнеше рет жіберілді',
      },
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect((await post(c.expert, 'accept', '"6"')).json()).toEqual({ revision: 7, status: 'accepted' });
    const view = (await get(c.focal)).json();
    expect(view).toMatchObject({ inCorrection: false, editable: false });
    // Once accepted again it is locked as before.
    const locked = await t.request(c.focal, {
      method: 'PUT',
      url: c.url,
      headers: { 'if-match': '"7"' },
      payload: { content: complete },
    });
    expect(locked.statusCode).toBe(409);
    const after = await structure();
    expect(after.inputHash).not.toBe(before.inputHash);
    const facts = await t.request(c.expert, { method: 'GET', url: `/api/v1/assessments/${assessmentId}/facts.csv` });
    expect(facts.body).toContain(countItem);
    // The earlier accepted revision is still readable.
    expect((await get(c.expert, '/revisions/3')).json().content).toEqual(complete);
    expect((await get(c.expert, '/diff?from=3&to=7')).json()).toEqual([
      expect.objectContaining({ itemId: countItem, change: 'changed' }),
    ]);
  });

  it('a quality finding on an accepted submission reopens it for correction, naming the finding', async () => {
    await t.runStep(c.expert, `/api/v1/assessments/${assessmentId}/quality`);
    const findings = (
      await t.request(c.expert, { method: 'GET', url: `/api/v1/assessments/${assessmentId}/findings?limit=500` })
    ).json();
    const rows = (findings.findings ?? findings.items ?? findings) as {
      id: number;
      code: string;
      submissionId: string | null;
      itemId: string | null;
    }[];
    const finding = rows.find((f) => f.submissionId && f.itemId === countItem);
    if (!finding) throw new Error(`no finding on ${countItem} in ${JSON.stringify(rows)}`);
    const res = await t.request(c.expert, {
      method: 'POST',
      url: `/api/v1/assessments/${assessmentId}/findings/${finding.id}/return`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'returned' });
    const view = (await get(c.expert)).json();
    expect(view.inCorrection).toBe(true);
    expect(view.corrections.at(-1)).toMatchObject({
      acceptedRevision: 7,
      findingId: finding.id,
      findingCode: finding.code,
    });
  });
});
