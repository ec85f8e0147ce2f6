// Step 3 of the assessment (Rules §13): expert scoring in Delphi rounds, and the ranking
// of the register's risks and of the territories, stored as a reproducible run.
import { createHash } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/client.js';
import { aggregateDelphi, type ExpertScore } from '../../pipeline/delphi.js';
import { buildRankingResult } from '../../pipeline/ranking-result.js';
import type { RankingResult } from '../../pipeline/results.js';
import { hasRole, type AuthUser } from '../../shared/access.js';
import type { Actor } from '../../shared/context.js';
import { staleVersion } from '../../shared/shared.errors.js';
import { audit } from '../audit/audit.repository.js';
import { registerJobMessages } from '../jobs/jobs.messages.js';
import { type JobContext, registerJobHandler } from '../jobs/jobs.registry.js';
import type { JobView } from '../jobs/jobs.schemas.js';
import { actorPayload, enqueueJob, jobActor, jobView } from '../jobs/jobs.service.js';
import { canonicalJson } from '../../domain/questionnaire/loader.js';
import { regions as referenceRegions } from '../../domain/reference.js';
import {
  duplicateRiskCodes,
  noScores,
  rankingNotFound,
  rankingNotPublished,
  registerNotFound,
  roundEmpty,
  roundNotFound,
  unknownRiskCodes,
} from './scoring.errors.js';
import { assessmentEvidence } from './scoring.evidence.js';
import { loadRegister, registerExists, type RiskRegister } from '../../domain/risk-register.js';
import { assessmentFinalised } from '../assessments/assessments.errors.js';
import { loadAssessment } from '../assessments/assessments.load.js';
import {
  countScores,
  insertRun,
  latestRun,
  listScores,
  setCurrentRound,
  upsertScores,
  type AssessmentRow,
  type RunRow,
  type ScoreRow,
} from './scoring.repository.js';
import type { RankingView, RoundView, ScoresBody, ScoresView, SummaryView } from './scoring.schemas.js';

export const RANKING_STEP = 'ranking';
export const RANKING_JOB = 'scoring.ranking';

export function getRegister(version: string): RiskRegister {
  if (!registerExists(version)) throw registerNotFound(version);
  return loadRegister(version);
}

const requireAssessment = (db: DbOrTx, id: string, forUpdate = false): Promise<AssessmentRow> =>
  loadAssessment(db, id, { forUpdate });

function requireDraft(a: AssessmentRow): void {
  if (a.status === 'finalised') throw assessmentFinalised();
}

const toScoreView = (s: ScoreRow) => ({
  riskCode: s.riskCode,
  expertId: s.expertId,
  round: s.round,
  likelihood: s.likelihood,
  impact: s.impact,
  comment: s.comment,
  updatedAt: s.updatedAt.toISOString(),
});

/** An expert's own scores for the current round; partial bodies only touch the risks they list. */
export async function saveScores(db: Db, actor: Actor, assessmentId: string, body: ScoresBody): Promise<ScoresView> {
  return db.transaction(async (tx) => {
    const a = await requireAssessment(tx, assessmentId, true);
    requireDraft(a);
    const register = getRegister(a.riskRegisterVersion);
    const unknown = body.scores.flatMap((s, i) =>
      register.riskByCode.has(s.riskCode) ? [] : [{ field: `scores.${i}.riskCode`, code: s.riskCode }],
    );
    if (unknown.length)
      throw unknownRiskCodes(
        unknown.map((u) => u.field),
        [...new Set(unknown.map((u) => u.code))],
      );
    const seen = new Set<string>();
    const dup = body.scores.flatMap((s, i) => {
      if (seen.has(s.riskCode)) return [{ field: `scores.${i}.riskCode`, code: s.riskCode }];
      seen.add(s.riskCode);
      return [];
    });
    if (dup.length)
      throw duplicateRiskCodes(
        dup.map((d) => d.field),
        [...new Set(dup.map((d) => d.code))],
      );

    const before = await listScores(tx, assessmentId, { round: a.currentRound, expertId: actor.user.id });
    const input = body.scores.map((s) => ({
      riskCode: s.riskCode,
      likelihood: s.likelihood,
      impact: s.impact,
      comment: s.comment ?? null,
    }));
    await upsertScores(tx, assessmentId, a.currentRound, actor.user.id, input);
    const after = await listScores(tx, assessmentId, { round: a.currentRound, expertId: actor.user.id });
    const touched = new Set(input.map((s) => s.riskCode));
    await audit(
      tx,
      actor,
      'scoring.scores_save',
      { type: 'assessment', id: assessmentId },
      {
        before: { round: a.currentRound, scores: before.filter((s) => touched.has(s.riskCode)).map(toScoreView) },
        after: { round: a.currentRound, scores: input },
      },
    );
    return { assessmentId, round: a.currentRound, currentRound: a.currentRound, scores: after.map(toScoreView) };
  });
}

/** Experts see their own scores; an admin sees every expert's. Default round: the current one. */
export async function getScores(db: Db, user: AuthUser, assessmentId: string, round?: number): Promise<ScoresView> {
  const a = await requireAssessment(db, assessmentId);
  const r = round ?? a.currentRound;
  if (r > a.currentRound) throw roundNotFound(r, a.currentRound);
  const rows = await listScores(db, assessmentId, { round: r, expertId: hasRole(user, 'admin') ? undefined : user.id });
  return { assessmentId, round: r, currentRound: a.currentRound, scores: rows.map(toScoreView) };
}

/** Starts the next Delphi round; earlier rounds stay as they are. */
/** Closes the current Delphi round and opens the next; If-Match is the assessment's version. */
export async function startNextRound(
  db: Db,
  actor: Actor,
  assessmentId: string,
  expectedVersion: number,
): Promise<RoundView> {
  return db.transaction(async (tx) => {
    const a = await requireAssessment(tx, assessmentId, true);
    requireDraft(a);
    // Two experts pressing "next round" from the same page state start one round, not two.
    if (a.version !== expectedVersion) throw staleVersion(a.version);
    // An empty round would only add noise to the record (and a double click would skip a round).
    if ((await countScores(tx, assessmentId, a.currentRound)) === 0) throw roundEmpty(a.currentRound);
    const next = a.currentRound + 1;
    await setCurrentRound(tx, assessmentId, next);
    await audit(
      tx,
      actor,
      'scoring.round_start',
      { type: 'assessment', id: assessmentId },
      { before: { currentRound: a.currentRound }, after: { currentRound: next } },
    );
    return { assessmentId, previousRound: a.currentRound, currentRound: next, version: a.version + 1 };
  });
}

const toExpertScores = (rows: readonly ScoreRow[]): ExpertScore[] =>
  rows.map((s) => ({
    riskCode: s.riskCode,
    expertId: s.expertId,
    round: s.round,
    likelihood: s.likelihood,
    impact: s.impact,
  }));

/** Delphi aggregation of one round, per risk, with the consensus flags. */
export async function roundSummary(db: Db, assessmentId: string, round: number): Promise<SummaryView> {
  const a = await requireAssessment(db, assessmentId);
  if (round > a.currentRound) throw roundNotFound(round, a.currentRound);
  const register = getRegister(a.riskRegisterVersion);
  const rows = await listScores(db, assessmentId, { round });
  const summaries = aggregateDelphi(toExpertScores(rows));
  const scored = new Set(summaries.map((s) => s.riskCode));
  return {
    assessmentId,
    round,
    currentRound: a.currentRound,
    nExperts: new Set(rows.map((r) => r.expertId)).size,
    risks: summaries.map((s) => ({
      ...s,
      title: register.riskByCode.get(s.riskCode)?.title ?? { kk: s.riskCode, ru: s.riskCode },
    })),
    unscored: register.risks.map((r) => r.code).filter((c) => !scored.has(c)),
  };
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** Scores of register risks up to the current round: what the ranking ranks. */
async function rankableScores(tx: DbOrTx, a: AssessmentRow, register: RiskRegister) {
  // Only register risks are ranked: a later register edit cannot smuggle stale codes in.
  const scores = toExpertScores(await listScores(tx, a.id, { upToRound: a.currentRound })).filter((s) =>
    register.riskByCode.has(s.riskCode),
  );
  if (scores.length === 0) throw noScores();
  return scores;
}

/** Enqueues the ranking (202 with the job); 404, 409 finalised or 409 without scores before anything is queued. */
export async function requestRanking(db: Db, actor: Actor, assessmentId: string): Promise<JobView> {
  return db.transaction(async (tx) => {
    const a = await requireAssessment(tx, assessmentId);
    requireDraft(a);
    await rankableScores(tx, a, getRegister(a.riskRegisterVersion));
    const { job } = await enqueueJob(tx, {
      kind: RANKING_JOB,
      assessmentId,
      payload: actorPayload(actor),
      dedupeKey: `${RANKING_JOB}:${assessmentId}`,
      createdBy: actor.user.id,
    });
    return jobView(job);
  });
}

/**
 * Computes and stores the ranking (assessment_runs, step 'ranking') in the job's final
 * transaction. The same scores, facts and register give the same inputHash and the same
 * result (and resultHash).
 */
async function rankingJob(ctx: JobContext) {
  const assessmentId = ctx.job.assessmentId!;
  const actor = jobActor(ctx.job);
  ctx.progress(0.1, 'ranking.ranking');
  const startedAt = new Date();
  return ctx.complete(async (tx) => {
    const a = await requireAssessment(tx, assessmentId, true);
    requireDraft(a);
    const register = getRegister(a.riskRegisterVersion);
    const scores = await rankableScores(tx, a, register);
    const evidence = await assessmentEvidence(tx, assessmentId, register, a.endYear);
    const { result, kendallScope } = buildRankingResult({
      riskRegisterVersion: register.version,
      round: a.currentRound,
      scores,
      riskEvidence: new Map(evidence.risks.map((r) => [r.riskCode, r.evidence])),
      regionEvidence: evidence.regions,
    });
    const parameters = {
      delphi: { consensusShare: 0.75, minExperts: 3, roundsUpTo: a.currentRound },
      evidence: {
        window: 3,
        endYear: a.endYear,
        startYear: a.startYear,
        factCount: evidence.factCount,
        regions: 'territorial',
      },
      kendall: { score: 'likelihood*impact', experts: kendallScope.experts, riskCodes: kendallScope.riskCodes },
      registerContentHash: register.contentHash,
    };
    const inputHash = sha256(
      canonicalJson({
        register: { version: register.version, contentHash: register.contentHash },
        round: a.currentRound,
        scores: scores
          .map((s) => [s.round, s.riskCode, s.expertId, s.likelihood, s.impact])
          .map((s) => canonicalJson(s))
          .sort(),
        factsHash: evidence.factsHash,
        parameters,
      }),
    );
    const row = await insertRun(tx, {
      assessmentId,
      step: RANKING_STEP,
      inputHash,
      parameters,
      result,
      resultHash: sha256(canonicalJson(result)),
      startedAt,
      finishedAt: new Date(),
      createdBy: actor.user.id,
    });
    await audit(
      tx,
      actor,
      'scoring.ranking_run',
      { type: 'assessment', id: assessmentId },
      { after: { runId: row.id, inputHash, resultHash: row.resultHash, round: a.currentRound } },
    );
    return { runId: row.id, step: RANKING_STEP };
  });
}

registerJobMessages({ 'ranking.ranking': { kk: 'Тәуекелдерді саралау', ru: 'Ранжирование рисков' } });
registerJobHandler(RANKING_JOB, rankingJob);

function toRankingView(run: RunRow): RankingView {
  const result = run.result as RankingResult;
  const register = getRegister(result.riskRegisterVersion);
  const measureTitle = new Map(register.measures.map((m) => [m.code, m.title]));
  const regionName = new Map<string, { kk: string; ru: string }>(referenceRegions.map((r) => [r.code, r.name]));
  return {
    assessmentId: run.assessmentId,
    runId: run.id,
    inputHash: run.inputHash,
    resultHash: run.resultHash,
    parameters: run.parameters,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt.toISOString(),
    result: result as unknown as Record<string, unknown>,
    risks: result.risks.map((r) => {
      const entry = register.riskByCode.get(r.riskCode);
      return {
        ...r,
        title: entry?.title ?? { kk: r.riskCode, ru: r.riskCode },
        category: entry?.category ?? 'unknown',
        agencyTypes: entry?.agencyTypes ?? [],
        measures: (entry?.measures ?? []).map((code) => ({ code, title: measureTitle.get(code)! })),
      };
    }),
    regions: result.regions.map((r) => ({
      ...r,
      name: regionName.get(r.regionCode) ?? { kk: r.regionCode, ru: r.regionCode },
    })),
  };
}

/** The latest stored ranking of an assessment, joined with the register (for reports and the demo). */
export async function getRanking(db: DbOrTx, assessmentId: string): Promise<RankingView> {
  await loadAssessment(db, assessmentId);
  const run = await latestRun(db, assessmentId, RANKING_STEP);
  if (!run) throw rankingNotFound();
  return toRankingView(run);
}

/** Route access: the secretariat reads the ranking only once the assessment is finalised. */
export async function getRankingFor(db: Db, user: AuthUser, assessmentId: string): Promise<RankingView> {
  const a = await requireAssessment(db, assessmentId);
  if (!hasRole(user, 'admin', 'expert') && a.status !== 'finalised') throw rankingNotPublished();
  return getRanking(db, assessmentId);
}
