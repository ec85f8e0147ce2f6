// The request (Rules §9) recorded on a campaign, the reporting period, and one campaign per
// reporting year with a correction campaign that explicitly supersedes (issue 20).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../../helpers/collection.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
let admin: string;
let expert: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.user(['admin'])).token;
  expert = (await t.user(['expert'])).token;
});
afterAll(() => t?.close());

const create = (payload: Record<string, unknown>) =>
  t.request(admin, {
    method: 'POST',
    url: '/api/v1/campaigns',
    payload: { questionnaireVersion: VERSION, ...payload },
  });
const move = (id: string, to: 'open' | 'close', version: number) =>
  t.request(admin, { method: 'POST', url: `/api/v1/campaigns/${id}/${to}`, headers: { 'if-match': `"${version}"` } });

describe('the request', () => {
  it('records the requesting body, outgoing number and date, the actual term and the reporting period', async () => {
    const res = await create({
      reportingYear: 2041,
      requestDate: '2042-01-15',
      deadline: '2042-03-01',
      requestingBody: 'mtszn',
      outgoingNumber: '12-3/456',
      outgoingDate: '2042-01-14',
      recipients: [],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      requestingBody: 'mtszn',
      outgoingNumber: '12-3/456',
      outgoingDate: '2042-01-14',
      term: 'custom',
      reportingPeriod: { from: '2041-01-01', to: '2041-12-31' },
      supersedesCampaignId: null,
      supersededAt: null,
    });
    const monthly = await create({ reportingYear: 2042, requestDate: '2043-01-15', recipients: [] });
    expect(monthly.json()).toMatchObject({ term: 'monthly', deadline: '2043-02-15', requestingBody: null });
    const patched = await t.request(admin, {
      method: 'PATCH',
      url: `/api/v1/campaigns/${monthly.json().id}`,
      headers: { 'if-match': '"1"' },
      payload: { requestingBody: 'mvd', outgoingNumber: '7/1', outgoingDate: '2043-01-14' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ requestingBody: 'mvd', outgoingNumber: '7/1' });
  });

  it('refuses a body that is not an authorised body, and a malformed outgoing date, storing nothing', async () => {
    const bad = await create({ reportingYear: 2043, requestingBody: 'police', recipients: [] });
    expect(bad.statusCode).toBe(400);
    const badDate = await create({ reportingYear: 2043, outgoingDate: '2043-02-30', recipients: [] });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.details.field).toBe('outgoingDate');
    expect((await create({ reportingYear: 2043, recipients: [] })).statusCode).toBe(201);
  });
});

describe('one campaign per reporting year', () => {
  it('a correction campaign supersedes only the closed campaign of its year, recorded and audited', async () => {
    const first = (await create({ reportingYear: 2044, recipients: [] })).json();
    const supersedes = { campaignId: first.id, reason: 'Сауалнама қате жіберілді' };
    const notClosed = await create({ reportingYear: 2044, recipients: [], supersedes });
    expect(notClosed.statusCode).toBe(409);
    expect(notClosed.json().error).toMatchObject({
      code: 'campaign.supersede_invalid',
      details: { reason: 'not_closed' },
    });
    expect((await move(first.id, 'open', 1)).statusCode).toBe(200);
    expect((await move(first.id, 'close', 2)).statusCode).toBe(200);
    const otherYear = await create({ reportingYear: 2045, recipients: [], supersedes });
    expect(otherYear.json().error.details.reason).toBe('other_year');
    const correction = await create({ reportingYear: 2044, recipients: [], supersedes });
    expect(correction.statusCode, correction.body).toBe(201);
    expect(correction.json()).toMatchObject({
      supersedesCampaignId: first.id,
      supersedeReason: 'Сауалнама қате жіберілді',
    });
    const old = (await t.request(admin, { method: 'GET', url: `/api/v1/campaigns/${first.id}` })).json();
    expect(old.supersededAt).not.toBeNull();
    // A third campaign for the year is refused; superseding the superseded one too.
    expect((await create({ reportingYear: 2044, recipients: [] })).json().error.code).toBe('campaign.year_taken');
    const again = await create({ reportingYear: 2044, recipients: [], supersedes });
    expect(again.json().error.details.reason).toBe('already_superseded');
    const audit = (
      await t.request(admin, { method: 'GET', url: `/api/v1/audit?objectType=campaign&objectId=${first.id}` })
    ).json();
    expect(audit[0]).toMatchObject({ action: 'campaign.supersede' });

    // Assessments draw on the correction campaign, never on the superseded one.
    const c2 = correction.json().id as string;
    const c2opened = await move(c2, 'open', 1);
    expect(c2opened.statusCode).toBe(200);
    const assessment = await t.request(expert, {
      method: 'POST',
      url: '/api/v1/assessments',
      payload: { title: { kk: 'Б', ru: 'О' }, startYear: 2044, coordinatingBody: 'mvd' },
    });
    expect(assessment.json().campaignIds).toEqual([c2]);
    const explicit = await t.request(expert, {
      method: 'POST',
      url: '/api/v1/assessments',
      payload: { title: { kk: 'Б', ru: 'О' }, startYear: 2044, coordinatingBody: 'mvd', campaignIds: [first.id] },
    });
    expect(explicit.statusCode).toBe(400);
    expect(explicit.json().error.code).toBe('assessment.campaign_superseded');
  });
});
