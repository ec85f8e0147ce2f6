// Expert scoring, Delphi rounds and ranking through the API, on facts derived from
// synthetic answers of organisations in several regions over three years.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.js';
import { assessments, auditLog, expertScores } from '../../../src/db/schema.js';
import { canonicalJson } from '../../../src/domain/questionnaire/loader.js';
import { loadRegister } from '../../../src/domain/risk-register.js';
import { getRanking } from '../../../src/modules/scoring/scoring.service.js';
import { createRng } from '../../../src/synthetic/random.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { REGISTER, insertAssessment, insertFacts, syntheticFacts } from './fixtures.js';

let t: TestApp;
let db: Db;
const tok = {} as Record<'admin' | 'e1' | 'e2' | 'e3' | 'secretariat' | 'focal', string>;
const ids = {} as Record<'e1' | 'e2' | 'e3', string>;
const riskCodes = loadRegister(REGISTER).risks.map((r) => r.code);
const factRows: Parameters<typeof insertFacts>[2][number][] = [];

const orgs: [string, string][] = [
  ['mvd', 'almaty'],
  ['mvd', 'astana'],
  ['mvd', 'turkistan'],
  ['mvd', 'shymkent'],
  ['labour_inspection', 'almaty'],
  ['labour_inspection', 'karaganda'],
  ['ngo', 'almaty'],
  ['ngo', 'astana'],
  ['mio', 'turkistan'],
  ['health_org', 'abai'],
  ['mki', 'national'],
  ['border_service', 'kostanay'],
];

/** Deterministic full scores of one expert; e3 disagrees on the first two risks. */
function panelScores(expert: 'e1' | 'e2' | 'e3') {
  const rng = createRng(`scores-${expert}`);
  return riskCodes.map((riskCode, k) => {
    const base = 1 + (k % 5);
    const jitter = rng.int(0, 1);
    return k < 2 && expert === 'e3'
      ? { riskCode, likelihood: 5 - (k % 5), impact: 1 }
      : {
          riskCode,
          likelihood: Math.min(5, base + jitter),
          impact: Math.max(1, 5 - (k % 4) - jitter),
          comment: `${expert} ${k}`,
        };
  });
}

/** The assessment's current version, for If-Match. */
const versionOf = async (id: string) =>
  (await db.select({ v: assessments.version }).from(assessments).where(eq(assessments.id, id)))[0]!.v;
const startRound = async (token: string, id: string, ifMatch?: string) =>
  t.request(token, {
    method: 'POST',
    url: `/api/v1/assessments/${id}/rounds`,
    headers: { 'if-match': ifMatch ?? `"${await versionOf(id)}"` },
  });

/** POST .../ranking (202 with its job), the job run, then the stored ranking it produced. */
async function rank(token: string, id: string) {
  const job = await t.finishJob(
    token,
    await t.request(token, { method: 'POST', url: `/api/v1/assessments/${id}/ranking` }),
  );
  expect(job.status, JSON.stringify(job)).toBe('succeeded');
  const read = (await t.request(token, { method: 'GET', url: `/api/v1/assessments/${id}/ranking` })).json();
  expect(read.runId).toBe(job.result.runId);
  return read;
}

const put = (token: string, id: string, scores: unknown[]) =>
  t.request(token, { method: 'PUT', url: `/api/v1/assessments/${id}/scores`, payload: { scores } });

beforeAll(async () => {
  t = await createTestApp();
  db = t.app.database.db;
  tok.admin = (await t.user(['admin'])).token;
  for (const e of ['e1', 'e2', 'e3'] as const) {
    const u = await t.coordinator();
    tok[e] = u.token;
    ids[e] = u.id;
  }
  tok.secretariat = (await t.user(['secretariat'])).token;
  const focalOrg = await t.organisation('ngo', 'almaty');
  tok.focal = (await t.user(['focal_point'], focalOrg)).token;
  let seed = 1;
  for (const [agencyType, region] of orgs) {
    const organisationId = await t.organisation(agencyType, region);
    for (const year of [2024, 2025, 2026])
      factRows.push(
        ...syntheticFacts({ organisationId, agencyType, region, year }, seed++).map((f) => ({ ...f, agencyType })),
      );
  }
});
afterAll(() => t?.close());

describe('risk registers', () => {
  it('serves a register version to any authenticated user, 404 for an unknown one', async () => {
    const res = await t.request(tok.focal, { method: 'GET', url: `/api/v1/risk-registers/${REGISTER}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().risks.map((r: { code: string }) => r.code)).toEqual(riskCodes);
    expect(res.json().contentHash).toMatch(/^[0-9a-f]{64}$/);
    const missing = await t.request(tok.focal, { method: 'GET', url: '/api/v1/risk-registers/1999-v9' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('risk_register.not_found');
  });

  it('serves 2024-v2 with the SOP/order references and the linked indicators intact', async () => {
    const res = await t.request(tok.focal, { method: 'GET', url: '/api/v1/risk-registers/2024-v2' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.sources.map((s: { doc: string }) => s.doc)).toEqual(['sop', 'order']);
    const school = body.risks.find((r: { code: string }) => r.code === 'group.minor.not_attending_school');
    expect(school).toMatchObject({
      evidence: 'expert_judgement',
      items: [],
      refs: [{ doc: 'sop', lines: [435, 435] }],
    });
    expect(body.indicators.length).toBeGreaterThan(0);
    expect(body.measures.find((m: { code: string }) => m.code === 'measure.duty.inform_police').kind).toBe(
      'shared_duty',
    );
  });
});

describe('expert scoring', () => {
  let id: string;
  beforeAll(async () => {
    id = await insertAssessment(db);
  });

  it('saves an expert partial scores for the current round and returns them', async () => {
    const res = await put(tok.e1, id, [
      { riskCode: riskCodes[0], likelihood: 4, impact: 5, comment: 'высокий' },
      { riskCode: riskCodes[1], likelihood: 2, impact: 3 },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().round).toBe(1);
    expect(res.json().scores.map((s: { riskCode: string; likelihood: number }) => [s.riskCode, s.likelihood])).toEqual(
      [
        [riskCodes[0], 4],
        [riskCodes[1], 2],
      ].sort(),
    );
    // Re-saving one risk updates it and leaves the other.
    const again = await put(tok.e1, id, [{ riskCode: riskCodes[1], likelihood: 3, impact: 3 }]);
    expect(again.json().scores).toHaveLength(2);
    expect(again.json().scores.find((s: { riskCode: string }) => s.riskCode === riskCodes[1]).likelihood).toBe(3);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, id), eq(auditLog.action, 'scoring.scores_save')));
    expect(audit).toHaveLength(2);
  });

  it('rejects unknown risk codes with the offending fields, and stores nothing', async () => {
    const res = await put(tok.e2, id, [
      { riskCode: riskCodes[2], likelihood: 1, impact: 1 },
      { riskCode: 'risk.no_such', likelihood: 2, impact: 2 },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('scoring.risk_unknown');
    expect(res.json().error.details).toEqual({ fields: ['scores.1.riskCode'], riskCodes: ['risk.no_such'] });
    const rows = await db
      .select()
      .from(expertScores)
      .where(and(eq(expertScores.assessmentId, id), eq(expertScores.expertId, ids.e2)));
    expect(rows).toEqual([]);
  });

  it('rejects out-of-range scores, duplicates and empty bodies with 400', async () => {
    for (const scores of [
      [{ riskCode: riskCodes[0], likelihood: 6, impact: 1 }],
      [{ riskCode: riskCodes[0], likelihood: 0, impact: 1 }],
      [{ riskCode: riskCodes[0], likelihood: 2.5, impact: 1 }],
      [],
    ]) {
      const res = await put(tok.e2, id, scores);
      expect(res.statusCode, JSON.stringify(scores)).toBe(400);
    }
    const dup = await put(tok.e2, id, [
      { riskCode: riskCodes[0], likelihood: 2, impact: 1 },
      { riskCode: riskCodes[0], likelihood: 3, impact: 1 },
    ]);
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.code).toBe('scoring.risk_duplicate');
    expect(
      (
        await put(tok.e2, '00000000-0000-4000-8000-000000000000', [
          { riskCode: riskCodes[0], likelihood: 1, impact: 1 },
        ])
      ).statusCode,
    ).toBe(404);
  });

  it('shows experts their own scores and the admin everyone', async () => {
    await put(tok.e2, id, [{ riskCode: riskCodes[0], likelihood: 1, impact: 1 }]);
    const own = await t.request(tok.e2, { method: 'GET', url: `/api/v1/assessments/${id}/scores` });
    expect(own.json().scores.map((s: { expertId: string }) => s.expertId)).toEqual([ids.e2]);
    const all = await t.request(tok.admin, { method: 'GET', url: `/api/v1/assessments/${id}/scores?round=1` });
    expect(new Set(all.json().scores.map((s: { expertId: string }) => s.expertId))).toEqual(new Set([ids.e1, ids.e2]));
    expect(
      (await t.request(tok.admin, { method: 'GET', url: `/api/v1/assessments/${id}/scores?round=2` })).statusCode,
    ).toBe(404);
  });
});

describe('Delphi rounds and summary', () => {
  let id: string;
  beforeAll(async () => {
    id = await insertAssessment(db);
  });

  it('refuses to start a round nobody has scored', async () => {
    const res = await startRound(tok.admin, id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('scoring.round_empty');
  });

  it('summarises a round with medians, agreement and consensus flags', async () => {
    for (const e of ['e1', 'e2', 'e3'] as const) expect((await put(tok[e], id, panelScores(e))).statusCode).toBe(200);
    const res = await t.request(tok.e1, { method: 'GET', url: `/api/v1/assessments/${id}/rounds/1/summary` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.nExperts).toBe(3);
    expect(body.unscored).toEqual([]);
    expect(body.risks).toHaveLength(riskCodes.length);
    const first = body.risks.find((r: { riskCode: string }) => r.riskCode === riskCodes[0]);
    // e3 scored L=5, I=1 against e1/e2 near L=1-2, I=4-5: 2 of 3 within +-1 < 75 %.
    expect(first.status).toBe('no_consensus');
    expect(first.needsAnotherRound).toBe(true);
    expect(body.risks.some((r: { status: string }) => r.status === 'consensus')).toBe(true);
    expect(first.title.ru.length).toBeGreaterThan(0);
  });

  it('starts a round only with the current version in If-Match: none 428, stale 409, one round per page state', async () => {
    const bare = await t.request(tok.e2, { method: 'POST', url: `/api/v1/assessments/${id}/rounds` });
    expect(bare.statusCode).toBe(428);
    expect(bare.json().error.code).toBe('precondition.required');
    const version = await versionOf(id);
    const stale = await startRound(tok.e2, id, `"${version - 1}"`);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version.stale');
    expect(await versionOf(id)).toBe(version);
  });

  it('starts round 2, keeps round 1, and scores go to the new round', async () => {
    const version = await versionOf(id);
    const res = await startRound(tok.e2, id, `"${version}"`);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ assessmentId: id, previousRound: 1, currentRound: 2, version: version + 1 });
    expect(res.headers.etag).toBe(`"${version + 1}"`);
    // A second expert on the same page state (a double click) does not skip round 2.
    const again = await startRound(tok.e3, id, `"${version}"`);
    expect(again.statusCode).toBe(409);
    const saved = await put(tok.e3, id, [{ riskCode: riskCodes[0], likelihood: 2, impact: 4 }]);
    expect(saved.json().round).toBe(2);
    const r1 = await t.request(tok.admin, { method: 'GET', url: `/api/v1/assessments/${id}/scores?round=1` });
    expect(r1.json().scores).toHaveLength(3 * riskCodes.length);
    const s2 = await t.request(tok.admin, { method: 'GET', url: `/api/v1/assessments/${id}/rounds/2/summary` });
    expect(s2.json().risks).toHaveLength(1);
    expect(s2.json().risks[0].status).toBe('insufficient_experts');
    expect(
      (await t.request(tok.admin, { method: 'GET', url: `/api/v1/assessments/${id}/rounds/3/summary` })).statusCode,
    ).toBe(404);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, id), eq(auditLog.action, 'scoring.round_start')));
    expect(audit).toHaveLength(1);
  });
});

describe('ranking', () => {
  let id: string;
  beforeAll(async () => {
    id = await insertAssessment(db);
    await insertFacts(db, id, factRows);
    for (const e of ['e1', 'e2', 'e3'] as const) await put(tok[e], id, panelScores(e));
  });

  it('refuses to rank without scores, and has nothing to show before a run', async () => {
    const empty = await insertAssessment(db);
    const res = await t.request(tok.admin, { method: 'POST', url: `/api/v1/assessments/${empty}/ranking` });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ranking.no_scores');
    expect(
      (await t.request(tok.admin, { method: 'GET', url: `/api/v1/assessments/${empty}/ranking` })).statusCode,
    ).toBe(404);
  });

  it('computes and stores the ranking with evidence, regions and Kendall W', async () => {
    const body = await rank(tok.e1, id);
    expect(body.risks).toHaveLength(riskCodes.length);
    expect(body.risks.map((r: { position: number }) => r.position)).toEqual(riskCodes.map((_, i) => i + 1));
    for (let i = 1; i < body.risks.length; i++)
      expect(body.risks[i - 1].score).toBeGreaterThanOrEqual(body.risks[i].score);
    expect(body.risks.filter((r: { evidence: number | null }) => r.evidence !== null).length).toBeGreaterThan(
      riskCodes.length / 2,
    );
    // Section 1 risks draw on the yes/no answers; free-text-only "other risks" has no evidence.
    expect(
      body.risks.find((r: { riskCode: string }) => r.riskCode === 'risk.legislation_gaps').evidence,
    ).not.toBeNull();
    expect(body.risks.find((r: { riskCode: string }) => r.riskCode === 'risk.other_risks').evidence).toBeNull();
    expect(body.risks[0].title.kk.length).toBeGreaterThan(0);
    expect(body.risks[0].measures[0].title.ru.length).toBeGreaterThan(0);
    expect(body.regions).toHaveLength(20);
    expect(body.regions.find((r: { regionCode: string }) => r.regionCode === 'almaty').evidence).not.toBeNull();
    expect(body.regions.find((r: { regionCode: string }) => r.regionCode === 'ulytau').evidence).toBeNull();
    expect(body.result.kendall.m).toBe(3);
    expect(body.result.kendall.n).toBe(riskCodes.length);
    expect(typeof body.result.kendall.W).toBe('number');
    // The stored result is exactly a RankingResult, hashed as stored, and the run is audited.
    expect(Object.keys(body.result).sort()).toEqual([
      'heatMap',
      'kendall',
      'regions',
      'riskRegisterVersion',
      'risks',
      'round',
    ]);
    expect(createHash('sha256').update(canonicalJson(body.result)).digest('hex')).toBe(body.resultHash);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, id), eq(auditLog.action, 'scoring.ranking_run')));
    expect(audit.map((a) => (a.after as { runId: string }).runId)).toContain(body.runId);
    const read = await t.request(tok.e2, { method: 'GET', url: `/api/v1/assessments/${id}/ranking` });
    expect(read.json().result).toEqual(body.result);
  });

  it('re-running on the same inputs gives the same hashes; a changed score changes them', async () => {
    const a = await rank(tok.admin, id);
    const b = await rank(tok.admin, id);
    expect(b.runId).not.toBe(a.runId);
    expect(b.inputHash).toBe(a.inputHash);
    expect(b.resultHash).toBe(a.resultHash);
    expect(b.result).toEqual(a.result);
    const latest = await getRanking(db, id);
    expect(latest.runId).toBe(b.runId);
    await put(tok.e1, id, [{ riskCode: riskCodes[5], likelihood: 5, impact: 5 }]);
    const c = await rank(tok.admin, id);
    expect(c.inputHash).not.toBe(a.inputHash);
    expect(c.resultHash).not.toBe(a.resultHash);
    await put(tok.e1, id, [panelScores('e1')[5]]);
  });

  it('is the same for facts and scores stored in another order', async () => {
    const other = await insertAssessment(db);
    await insertFacts(db, other, [...factRows].reverse());
    for (const e of ['e3', 'e1', 'e2'] as const) await put(tok[e], other, [...panelScores(e)].reverse());
    const a = await rank(tok.admin, id);
    const b = await rank(tok.admin, other);
    expect(b.inputHash).toBe(a.inputHash);
    expect(b.resultHash).toBe(a.resultHash);
  });

  it('shows the secretariat the ranking only once the assessment is finalised, then freezes scoring', async () => {
    const hidden = await t.request(tok.secretariat, { method: 'GET', url: `/api/v1/assessments/${id}/ranking` });
    expect(hidden.statusCode).toBe(403);
    expect(hidden.json().error.code).toBe('ranking.not_published');
    await db.update(assessments).set({ status: 'finalised' }).where(eq(assessments.id, id));
    const shown = await t.request(tok.secretariat, { method: 'GET', url: `/api/v1/assessments/${id}/ranking` });
    expect(shown.statusCode).toBe(200);
    expect(shown.json().risks).toHaveLength(riskCodes.length);
    for (const [method, url, token] of [
      ['PUT', `/api/v1/assessments/${id}/scores`, tok.e1],
      ['POST', `/api/v1/assessments/${id}/rounds`, tok.admin],
      ['POST', `/api/v1/assessments/${id}/ranking`, tok.admin],
    ] as const) {
      const res = await t.request(token, {
        method,
        url,
        headers: { 'if-match': `"${await versionOf(id)}"` },
        payload: method === 'PUT' ? { scores: [{ riskCode: riskCodes[0], likelihood: 1, impact: 1 }] } : undefined,
      });
      expect(res.statusCode, url).toBe(409);
      expect(res.json().error.code).toBe('assessment.finalised');
    }
  });
});
