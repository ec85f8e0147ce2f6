// The assessment cycle over the API, on a small synthetic national dataset loaded
// into the test database: CRUD with optimistic concurrency, reproducible quality and
// structuring runs, findings, completeness, facts exports, texts, return for correction.
import { createHash } from 'node:crypto';
import { tableFromIPC } from 'apache-arrow';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessments, auditLog, submissions } from '../../../src/db/schema.js';
import { loadPipelineInput } from '../../../src/modules/assessments/assessments.input.js';
import { loadAssessment } from '../../../src/modules/assessments/assessments.load.js';
import { CONTENT_BATCH } from '../../../src/modules/assessments/assessments.steps.js';
import { factBatches, factCopyFields, listFacts } from '../../../src/modules/assessments/assessments.repository.js';
import type { NumericFact } from '../../../src/pipeline/facts.js';
import { structure } from '../../../src/pipeline/structuring.js';
import { factColumns } from '../../../src/reports/arrow.js';
import { conclusionKeys } from '../../../src/reports/report.view-model.js';
import { loadNationalDataset } from '../../../src/synthetic/load.js';
import { generateNationalDataset, type NationalDataset } from '../../../src/synthetic/national.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';

let t: TestApp;
let admin: string;
let expert: string;
let secretariat: string;
let data: NationalDataset;
let id: string;
let version: number;

const title = { kk: 'Тәуекелдерді бағалау 2025-2027', ru: 'Оценка рисков 2025-2027' };

beforeAll(async () => {
  t = await createTestApp();
  admin = (await t.user(['admin'])).token;
  expert = (await t.coordinator('mtszn')).token;
  secretariat = (await t.user(['secretariat'])).token;
  data = generateNationalDataset({
    seed: 'api-test',
    regions: ['almaty', 'astana', 'karaganda', 'shymkent', 'turkistan', 'pavlodar'],
    scale: 0.5,
  });
  await loadNationalDataset(t.app.database.db, data);
}, 60_000);
afterAll(() => t?.close());

const post = (token: string, url: string, payload?: unknown) =>
  t.request(token, { method: 'POST', url, payload: payload as object });
const get = (token: string, url: string) => t.request(token, { method: 'GET', url });
/** Starts a step (202 with its job), runs the job and returns the stored run it links to. */
const runStep = (token: string, url: string) => t.runStep(token, url);

describe('assessment CRUD', () => {
  it('creates an assessment over three years drawing on the campaigns of those years', async () => {
    const res = await post(expert, '/api/v1/assessments', {
      title,
      startYear: 2025,
      coordinatingBody: 'mvd',
      references: [{ title: 'UNODC Global Report on Trafficking in Persons', year: 2024 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      startYear: 2025,
      endYear: 2027,
      coordinatingBody: 'mvd',
      includeSubmitted: false,
      suppressionThreshold: 10,
      riskRegisterVersion: '2024-v2',
      status: 'draft',
      version: 1,
    });
    expect([...a.campaignIds].sort()).toEqual(data.campaigns.map((c) => c.id).sort());
    expect(res.headers.etag).toBe('"1"');
    id = a.id;
    version = a.version;
  });

  it('rejects bad years and campaigns with 400, storing nothing', async () => {
    const before = (await get(admin, '/api/v1/assessments')).json().length;
    const bad = [
      { title, startYear: 2025, endYear: 2028, coordinatingBody: 'mvd' },
      { title, startYear: 2025, coordinatingBody: 'mvd', campaignIds: ['00000000-0000-4000-8000-000000000000'] },
      { title, startYear: 2026, coordinatingBody: 'mtszn', campaignIds: [data.campaigns[0]!.id] },
      { title, startYear: 2025, coordinatingBody: 'kgb' },
    ];
    const codes = [];
    for (const payload of bad) {
      const res = await post(expert, '/api/v1/assessments', payload);
      expect(res.statusCode, res.body).toBe(400);
      codes.push(res.json().error.code);
    }
    expect(codes.slice(0, 3)).toEqual([
      'assessment.years_invalid',
      'assessment.campaigns_unknown',
      'assessment.campaign_out_of_range',
    ]);
    expect((await get(admin, '/api/v1/assessments')).json().length).toBe(before);
  });

  it('hides drafts from the secretariat', async () => {
    expect((await get(secretariat, '/api/v1/assessments')).json()).toEqual([]);
    expect((await get(secretariat, `/api/v1/assessments/${id}`)).statusCode).toBe(404);
    expect((await get(admin, `/api/v1/assessments/${id}`)).json().id).toBe(id);
  });

  it('edits a draft under If-Match, audited', async () => {
    const url = `/api/v1/assessments/${id}`;
    expect((await t.request(expert, { method: 'PATCH', url, payload: { suppressionThreshold: 5 } })).statusCode).toBe(
      428,
    );
    const stale = await t.request(expert, {
      method: 'PATCH',
      url,
      payload: { suppressionThreshold: 5 },
      headers: { 'if-match': '"99"' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version.stale');
    const outOfRange = await t.request(expert, {
      method: 'PATCH',
      url,
      payload: { campaignIds: ['00000000-0000-4000-8000-000000000000'] },
      headers: { 'if-match': `"${version}"` },
    });
    expect(outOfRange.json().error.code).toBe('assessment.campaigns_unknown');
    const ok = await t.request(expert, {
      method: 'PATCH',
      url,
      payload: { suppressionThreshold: 5, coordinatingBody: 'mtszn' },
      headers: { 'if-match': `"${version}"` },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ suppressionThreshold: 5, coordinatingBody: 'mtszn', version: version + 1 });
    version = ok.json().version;
    const audit = (await get(admin, `/api/v1/audit?objectType=assessment&objectId=${id}`)).json();
    expect(audit.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['assessment.create', 'assessment.update']),
    );
  });
});

describe('pipeline steps', () => {
  it('refuses outputs before their step has run', async () => {
    expect((await get(expert, `/api/v1/assessments/${id}/findings`)).json().error.code).toBe(
      'assessment.quality_not_run',
    );
    expect((await get(expert, `/api/v1/assessments/${id}/facts.csv`)).statusCode).toBe(409);
  });

  it('structures the answers into facts, reproducibly', async () => {
    const first = await runStep(expert, `/api/v1/assessments/${id}/structuring`);
    const second = await runStep(admin, `/api/v1/assessments/${id}/structuring`);
    expect(first.summary.facts).toBeGreaterThan(1000);
    expect(second.id).not.toBe(first.id);
    expect(second.inputHash).toBe(first.inputHash);
    expect(second.resultHash).toBe(first.resultHash);
    expect(second.summary).toEqual(first.summary);
  });

  it('stores exactly the facts of the pure structuring, in its order, though it reads the answers in batches', async () => {
    const run = await runStep(expert, `/api/v1/assessments/${id}/structuring`);
    const db = t.app.database.db;
    const input = await loadPipelineInput(db, await loadAssessment(db, id));
    expect(input.submissions.length).toBeGreaterThan(CONTENT_BATCH); // two batches at least
    const pure = structure(input);
    const hash = createHash('sha256');
    for (const f of pure.facts) hash.update(factCopyFields(f));
    expect(run.resultHash).toBe(hash.digest('hex'));
    expect(run.summary).toEqual(pure.summary);
    const stored = await listFacts(db, id);
    expect(stored.length).toBe(pure.facts.length);
    // Read in batches (as the CSV export streams them): the same rows, in the same order.
    const batches: NumericFact[][] = [];
    for await (const b of factBatches(db, id, 997)) batches.push(b);
    expect(batches.length).toBeGreaterThan(2);
    expect(batches.flat()).toEqual(stored);
    expect(stored.map((f) => [f.organisationId, f.itemId, f.category, f.value])).toEqual(
      pure.facts.map((f) => [f.organisationId, f.itemId, f.category, f.value]),
    );
  });

  it('checks quality reproducibly and finds the planted anomalies', async () => {
    const first = await runStep(expert, `/api/v1/assessments/${id}/quality`);
    const second = await runStep(expert, `/api/v1/assessments/${id}/quality`);
    expect([second.inputHash, second.resultHash]).toEqual([first.inputHash, first.resultHash]);
    const runs = (await get(expert, `/api/v1/assessments/${id}/runs`)).json();
    expect(runs.map((r: { step: string }) => r.step).sort()).toEqual([
      'quality',
      'quality',
      'structuring',
      'structuring',
      'structuring',
    ]);

    const consistency = data.plants.filter((p) => p.kind === 'consistency');
    expect(consistency.length).toBeGreaterThan(0);
    for (const p of consistency) {
      const res = await get(
        expert,
        `/api/v1/assessments/${id}/findings?code=${p.code}&organisationId=${p.organisationId}&year=${p.year}`,
      );
      expect(
        res.json().items.map((f: { itemId: string }) => f.itemId),
        `${p.code} ${p.itemId}`,
      ).toContain(p.itemId);
    }
  });

  it('filters and pages findings, in both languages', async () => {
    const url = `/api/v1/assessments/${id}/findings`;
    const all = (await get(expert, `${url}?limit=1000`)).json();
    expect(all.total).toBe(all.items.length);
    const warnings = (await get(expert, `${url}?severity=warning&limit=1000`)).json();
    expect(warnings.items.every((f: { severity: string }) => f.severity === 'warning')).toBe(true);
    expect(warnings.total).toBeLessThan(all.total);
    const page1 = (await get(expert, `${url}?limit=3&offset=0`)).json();
    const page2 = (await get(expert, `${url}?limit=3&offset=3`)).json();
    expect(page1.items.map((f: { id: number }) => f.id)).toEqual(
      all.items.slice(0, 3).map((f: { id: number }) => f.id),
    );
    expect(page2.items.map((f: { id: number }) => f.id)).toEqual(
      all.items.slice(3, 6).map((f: { id: number }) => f.id),
    );
    const kk = (await get(expert, `${url}?limit=1&lang=kk`)).json().items[0];
    expect(kk.message).toBe(kk.messages.kk);
    expect((await get(expert, `${url}?severity=fatal`)).statusCode).toBe(400);
  });

  it('reports completeness by campaign, region, agency type and section', async () => {
    const c = (await get(expert, `/api/v1/assessments/${id}/completeness`)).json();
    expect(c.campaigns.map((k: { year: number }) => k.year)).toEqual([2025, 2026, 2027]);
    expect(c.campaigns[0].recipients).toBe(data.organisations.length);
    expect(c.byRegion.map((r: { key: string }) => r.key)).toContain('karaganda');
    expect(c.bySection.length).toBeGreaterThan(10);
    expect(c.submissions.length).toBe(data.submissions.length);
  });

  it('exports the fact table as CSV and Arrow', async () => {
    const summary = (await get(expert, `/api/v1/assessments/${id}/runs`))
      .json()
      .find((r: { step: string }) => r.step === 'structuring').summary;
    const csv = await get(expert, `/api/v1/assessments/${id}/facts.csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe(factColumns.join(','));
    const arrow = await get(admin, `/api/v1/assessments/${id}/facts.arrow`);
    expect(arrow.headers['content-type']).toBe('application/vnd.apache.arrow.file');
    const table = tableFromIPC(arrow.rawPayload);
    expect(table.numRows).toBe(summary.facts);
    expect(lines.length - 1).toBe(summary.facts);
    expect(table.getChild('item_id')!.get(0)).toMatch(/^s\d+\.q\d+/);
    // Raw victim-level data: every export is in the audit log; the secretariat gets none.
    const exports = await t.app.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'assessment.facts_export'), eq(auditLog.objectId, id)));
    expect(exports.map((e) => (e.after as { format: string }).format).sort()).toEqual(['arrow', 'csv']);
    for (const f of ['facts.csv', 'facts.arrow'])
      expect((await get(secretariat, `/api/v1/assessments/${id}/${f}`)).statusCode).toBe(403);
  });

  it('groups free texts by the §14 headings', async () => {
    const texts = (await get(expert, `/api/v1/assessments/${id}/texts`)).json();
    expect(texts.headings.map((h: { code: string }) => h.code)).toEqual([...conclusionKeys]);
    expect(
      texts.headings.find((h: { code: string }) => h.code === 'effective_prevention').entries.length,
    ).toBeGreaterThan(0);
    const only = (
      await get(expert, `/api/v1/assessments/${id}/texts?heading=likelihood_by_territory&year=2026`)
    ).json();
    expect(only.headings).toHaveLength(1);
    expect(only.headings[0].entries.every((e: { year: number }) => e.year === 2026)).toBe(true);
  });
});

describe('return for correction from a finding', () => {
  it('reopens an accepted submission for correction (issue 20), and refuses once it is no longer accepted', async () => {
    const f = (await get(expert, `/api/v1/assessments/${id}/findings?code=consistency.rule`)).json().items[0];
    expect(f.submissionStatus).toBe('accepted');
    const res = await post(expert, `/api/v1/assessments/${id}/findings/${f.id}/return`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'returned', submissionId: f.submissionId });
    const again = await post(expert, `/api/v1/assessments/${id}/findings/${f.id}/return`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'finding.not_returnable',
      details: { reason: 'status', status: 'returned' },
    });
    const noSubmission = (
      await get(expert, `/api/v1/assessments/${id}/findings?code=completeness.not_submitted`)
    ).json().items[0];
    if (noSubmission)
      expect(
        (await post(expert, `/api/v1/assessments/${id}/findings/${noSubmission.id}/return`)).json().error.details
          .reason,
      ).toBe('no_submission');
    expect((await post(expert, `/api/v1/assessments/${id}/findings/999999999/return`)).statusCode).toBe(404);
  });

  it('returns a submitted submission with the finding message as the item comment', async () => {
    const plant = data.plants.find((p) => p.code === 'consistency.rule')!;
    const sub = data.submissions.find((s) => s.organisationId === plant.organisationId && s.year === plant.year)!;
    await t.app.database.db
      .update(submissions)
      .set({ status: 'submitted', acceptedAt: null })
      .where(eq(submissions.id, sub.id));
    const patched = await t.request(expert, {
      method: 'PATCH',
      url: `/api/v1/assessments/${id}`,
      payload: { includeSubmitted: true },
      headers: { 'if-match': `"${version}"` },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    version = patched.json().version;
    await runStep(expert, `/api/v1/assessments/${id}/quality`);
    const f = (
      await get(
        expert,
        `/api/v1/assessments/${id}/findings?code=consistency.rule&organisationId=${plant.organisationId}&year=${plant.year}`,
      )
    )
      .json()
      .items.find((x: { itemId: string }) => x.itemId === plant.itemId);
    const res = await post(expert, `/api/v1/assessments/${id}/findings/${f.id}/return`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'returned', submissionId: sub.id });
    const view = (await get(expert, `/api/v1/campaigns/${sub.campaignId}/submissions/${sub.organisationId}`)).json();
    expect(view.status).toBe('returned');
    expect(view.comments).toContainEqual(expect.objectContaining({ itemId: plant.itemId, comment: f.messages.ru }));
    expect((await post(expert, `/api/v1/assessments/${id}/findings/${f.id}/return`)).statusCode).toBe(409);
  });
});

describe('finalised assessments', () => {
  it('are immutable and visible to the secretariat', async () => {
    await t.app.database.db
      .update(assessments)
      .set({ status: 'finalised', finalisedAt: new Date() })
      .where(eq(assessments.id, id));
    const patch = await t.request(expert, {
      method: 'PATCH',
      url: `/api/v1/assessments/${id}`,
      payload: { suppressionThreshold: 3 },
      headers: { 'if-match': `"${version}"` },
    });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().error.code).toBe('assessment.finalised');
    expect((await post(expert, `/api/v1/assessments/${id}/quality`)).statusCode).toBe(409);
    expect((await post(expert, `/api/v1/assessments/${id}/structuring`)).statusCode).toBe(409);
    expect((await get(secretariat, '/api/v1/assessments')).json().map((a: { id: string }) => a.id)).toEqual([id]);
  });
});
