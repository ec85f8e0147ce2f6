// The progress board's recipient list at national scale: filtered, searched, sorted and
// paged on the server; the roll-ups stay over every recipient.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRecipients } from '../../../src/modules/campaigns/campaigns.recipients.js';
import { recipientQuery, type RecipientProgress } from '../../../src/modules/campaigns/campaigns.schemas.js';
import { openCampaign } from '../../helpers/collection.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

const row = (i: number, over: Partial<RecipientProgress> = {}): RecipientProgress => ({
  organisationId: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
  name: { kk: `Ұйым ${i}`, ru: `Организация ${i}` },
  agencyType: i % 2 ? 'mvd' : 'ngo',
  region: i % 3 ? 'almaty' : 'astana',
  status: 'not_started',
  lastSavedAt: null,
  submittedAt: null,
  timeliness: 'pending',
  completeness: null,
  ...over,
});
const q = (over: Record<string, unknown> = {}) => recipientQuery.parse(over);

describe('recipient selection (pure)', () => {
  const all = Array.from({ length: 120 }, (_, i) => row(i + 1));

  it('pages: 50 by default, the last page short, a page past the end empty', () => {
    expect(selectRecipients(all, q()).recipients).toHaveLength(50);
    const last = selectRecipients(all, q({ page: '3' }));
    expect([last.recipients.length, last.matched, last.page]).toEqual([20, 120, 3]);
    expect(selectRecipients(all, q({ page: '9' })).recipients).toEqual([]);
  });

  it('filters by region, agency type, status and timeliness together, and counts the matches', () => {
    const some = [
      ...all.slice(0, 5),
      row(200, { status: 'submitted', timeliness: 'late', region: 'astana', agencyType: 'mvd' }),
    ];
    const page = selectRecipients(
      some,
      q({ region: 'astana', agencyType: 'mvd', status: 'submitted', timeliness: 'late' }),
    );
    expect(page.matched).toBe(1);
    expect(page.recipients[0]?.organisationId).toBe(row(200).organisationId);
  });

  it('searches names in Kazakh and Russian, ignoring case', () => {
    const found = selectRecipients(all, q({ q: 'ұйым 11' }));
    expect(found.matched).toBe(11);
    expect(found.recipients.every((r) => r.name.kk.startsWith('Ұйым 11'))).toBe(true);
    expect(selectRecipients(all, q({ q: 'ОРГАНИЗАЦИЯ 120' })).matched).toBe(1);
  });

  it('sorts by completeness or timeliness, either way, ties by name', () => {
    const some = [
      row(1, { completeness: { total: 10, answered: 9, explained: 1, empty: 0, byReason: {} } }),
      row(2, { completeness: { total: 10, answered: 2, explained: 0, empty: 8, byReason: {} }, timeliness: 'overdue' }),
      row(3),
    ];
    expect(selectRecipients(some, q({ sort: 'completeness', order: 'desc' })).recipients.map((r) => r.name.ru)).toEqual(
      ['Организация 1', 'Организация 2', 'Организация 3'],
    );
    expect(selectRecipients(some, q({ sort: 'timeliness' })).recipients[0]?.name.ru).toBe('Организация 2');
  });
});

describe('GET /campaigns/:id/progress with a query', () => {
  let t: TestApp;
  let admin: string;
  let campaignId: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = (await t.user(['admin'])).token;
    const orgs = [];
    for (let i = 0; i < 55; i += 1) orgs.push(await t.organisation(i < 5 ? 'mvd' : 'ngo', i < 5 ? 'astana' : 'almaty'));
    campaignId = await openCampaign(t, admin, { reportingYear: 2029, recipients: orgs });
  });
  afterAll(() => t?.close());

  const progress = (query: string) =>
    t.request(admin, { method: 'GET', url: `/api/v1/campaigns/${campaignId}/progress${query}` });

  it('sends one page of the recipients with the roll-ups over all of them', async () => {
    const body = (await progress('')).json();
    expect(body.recipients).toHaveLength(50);
    expect([body.matched, body.page, body.pageSize, body.totals.recipients]).toEqual([55, 1, 50, 55]);
    const filtered = (await progress('?region=astana&sort=name&pageSize=2&page=2')).json();
    expect([filtered.matched, filtered.recipients.length, filtered.totals.recipients]).toEqual([5, 2, 55]);
    expect(filtered.recipients.every((r: { region: string }) => r.region === 'astana')).toBe(true);
  });

  it('refuses a bad query with 400 naming the parameter', async () => {
    for (const bad of ['?pageSize=0', '?pageSize=501', '?page=-1', '?sort=secret', '?status=lost', '?unknown=1']) {
      const res = await progress(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.code, bad).toBe('request.invalid');
    }
  });
});
