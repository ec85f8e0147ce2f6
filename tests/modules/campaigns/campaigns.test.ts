import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../../helpers/collection.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
let admin: string;
let orgs: string[];

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.user(['admin'])).token;
  orgs = [
    await t.organisation('mvd', 'astana'),
    await t.organisation('ngo', 'shymkent'),
    await t.organisation('mz', 'national'),
  ];
});
afterAll(() => t?.close());

const move = (id: string, to: 'open' | 'close', version?: number) =>
  t.request(admin, {
    method: 'POST',
    url: `/api/v1/campaigns/${id}/${to}`,
    headers: version === undefined ? {} : { 'if-match': `"${version}"` },
  });
const create = (payload: Record<string, unknown>) =>
  t.request(admin, {
    method: 'POST',
    url: '/api/v1/campaigns',
    payload: { questionnaireVersion: VERSION, ...payload },
  });

describe('campaigns', () => {
  it('defaults the deadline to one month after the request and the recipients to all active organisations', async () => {
    const res = await create({ reportingYear: 2030, requestDate: '2031-01-31' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ deadline: '2031-02-28', status: 'draft', recipientCount: orgs.length });
  });

  it('refuses bad input without storing anything', async () => {
    const before = (await t.request(admin, { method: 'GET', url: '/api/v1/campaigns' })).json().length;
    expect((await create({ reportingYear: 2031, questionnaireVersion: 'nope' })).json().error.code).toBe(
      'campaign.questionnaire_unknown',
    );
    expect((await create({ reportingYear: 2031, requestDate: '2031-02-30' })).json().error.code).toBe(
      'campaign.date_invalid',
    );
    expect(
      (await create({ reportingYear: 2031, requestDate: '2031-03-01', deadline: '2031-02-01' })).json().error.code,
    ).toBe('campaign.deadline_before_request');
    expect(
      (await create({ reportingYear: 2031, recipients: ['00000000-0000-4000-8000-000000000001'] })).json().error.code,
    ).toBe('campaign.recipients_unknown');
    expect((await t.request(admin, { method: 'GET', url: '/api/v1/campaigns' })).json().length).toBe(before);
  });

  it('allows one campaign per reporting year (Rules §3: yearly); close and reopen are audited', async () => {
    const a = (await create({ reportingYear: 2032 })).json().id;
    const clash = await create({ reportingYear: 2032 });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error).toMatchObject({
      code: 'campaign.year_taken',
      details: { reportingYear: 2032, campaignId: a },
    });
    expect((await move(a, 'open', 1)).statusCode).toBe(200);
    expect((await move(a, 'close', 2)).statusCode).toBe(200);
    expect((await move(a, 'open', 3)).json().status).toBe('open');
    const audit = (
      await t.request(admin, { method: 'GET', url: `/api/v1/audit?objectType=campaign&objectId=${a}` })
    ).json();
    expect(audit.map((e: { action: string }) => e.action)).toEqual([
      'campaign.reopen',
      'campaign.close',
      'campaign.open',
      'campaign.create',
    ]);
  });

  it('opens and closes only with a current If-Match (428 without, 409 stale), like every versioned write', async () => {
    const created = await create({ reportingYear: 2035 });
    const id = created.json().id;
    expect((await move(id, 'open')).statusCode).toBe(428);
    const stale = await move(id, 'open', 7);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.currentVersion).toBe(1);
    const opened = await t.request(admin, {
      method: 'POST',
      url: `/api/v1/campaigns/${id}/open`,
      headers: { 'if-match': created.headers.etag as string },
    });
    expect(opened.statusCode, opened.body).toBe(200);
    expect((await move(id, 'close')).statusCode).toBe(428);
    expect((await move(id, 'close', 1)).statusCode).toBe(409);
    expect((await t.request(admin, { method: 'GET', url: `/api/v1/campaigns/${id}` })).json().status).toBe('open');
    expect((await move(id, 'close', opened.json().version)).json().status).toBe('closed');
  });

  it('edits recipients with If-Match and lists overdue organisations', async () => {
    const created = await create({ reportingYear: 2033, requestDate: '2025-01-01', deadline: '2025-02-01' });
    const id = created.json().id;
    expect(
      (
        await t.request(admin, {
          method: 'PUT',
          url: `/api/v1/campaigns/${id}/recipients`,
          payload: { organisationIds: orgs.slice(0, 2) },
        })
      ).statusCode,
    ).toBe(428);
    const stale = await t.request(admin, {
      method: 'PUT',
      url: `/api/v1/campaigns/${id}/recipients`,
      payload: { organisationIds: orgs.slice(0, 2) },
      headers: { 'if-match': '"7"' },
    });
    expect(stale.statusCode).toBe(409);
    const ok = await t.request(admin, {
      method: 'PUT',
      url: `/api/v1/campaigns/${id}/recipients`,
      payload: { organisationIds: orgs.slice(0, 2) },
      headers: { 'if-match': created.headers.etag as string },
    });
    expect(ok.json().recipientCount).toBe(2);
    const overdue = (await t.request(admin, { method: 'GET', url: `/api/v1/campaigns/${id}/overdue` })).json();
    expect(overdue.map((r: { organisationId: string }) => r.organisationId).sort()).toEqual(orgs.slice(0, 2).sort());
    const progress = (await t.request(admin, { method: 'GET', url: `/api/v1/campaigns/${id}/progress` })).json();
    expect(progress.totals).toMatchObject({ recipients: 2, overdue: 2 });
    expect(progress.byAgencyType.map((r: { key: string }) => r.key)).toEqual(['mvd', 'ngo']);
  });

  it('shows focal points only the open or closed campaigns addressed to them', async () => {
    const focal = (await t.user(['focal_point'], orgs[2])).token;
    const draft = (await create({ reportingYear: 2034, recipients: [orgs[2]] })).json().id;
    expect(
      (await t.request(focal, { method: 'GET', url: '/api/v1/campaigns' })).json().map((c: { id: string }) => c.id),
    ).not.toContain(draft);
    await move(draft, 'open', 1);
    expect(
      (await t.request(focal, { method: 'GET', url: '/api/v1/campaigns' })).json().map((c: { id: string }) => c.id),
    ).toContain(draft);
  });
});
