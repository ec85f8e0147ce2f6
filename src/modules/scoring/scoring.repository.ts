// Expert scores and Delphi rounds. The assessments table belongs to the assessments
// module; this file only reads it and moves its current round. Ranking runs are stored
// through the assessments module's run queries, re-exported below.
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { assessments, expertScores, facts } from '../../db/schema.js';
import type { EvidenceFact } from '../../pipeline/risk-evidence.js';

export { insertRun, latestRun, type AssessmentRow, type RunRow } from '../assessments/assessments.repository.js';

export type ScoreRow = typeof expertScores.$inferSelect;

export async function setCurrentRound(db: DbOrTx, id: string, round: number): Promise<void> {
  await db
    .update(assessments)
    .set({ currentRound: round, version: sql`${assessments.version} + 1`, updatedAt: new Date() })
    .where(eq(assessments.id, id));
}

export interface ScoreInput {
  riskCode: string;
  likelihood: number;
  impact: number;
  comment: string | null;
}

export async function upsertScores(
  db: DbOrTx,
  assessmentId: string,
  round: number,
  expertId: string,
  scores: ScoreInput[],
): Promise<void> {
  if (scores.length === 0) return;
  await db
    .insert(expertScores)
    .values(scores.map((s) => ({ assessmentId, round, expertId, ...s })))
    .onConflictDoUpdate({
      target: [expertScores.assessmentId, expertScores.round, expertScores.riskCode, expertScores.expertId],
      set: {
        likelihood: sql`excluded.likelihood`,
        impact: sql`excluded.impact`,
        comment: sql`excluded.comment`,
        updatedAt: new Date(),
      },
    });
}

export async function listScores(
  db: DbOrTx,
  assessmentId: string,
  filter: { round?: number; upToRound?: number; expertId?: string },
): Promise<ScoreRow[]> {
  const conds = [eq(expertScores.assessmentId, assessmentId)];
  if (filter.round !== undefined) conds.push(eq(expertScores.round, filter.round));
  if (filter.upToRound !== undefined) conds.push(lte(expertScores.round, filter.upToRound));
  if (filter.expertId !== undefined) conds.push(eq(expertScores.expertId, filter.expertId));
  return db
    .select()
    .from(expertScores)
    .where(and(...conds))
    .orderBy(asc(expertScores.round), asc(expertScores.riskCode), asc(expertScores.expertId));
}

export async function countScores(db: DbOrTx, assessmentId: string, round: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(expertScores)
    .where(and(eq(expertScores.assessmentId, assessmentId), eq(expertScores.round, round)));
  return Number(row?.n ?? 0);
}

/**
 * The facts of the given items in a canonical order (byte-wise "C" collation, so the
 * same on every server), which makes the input hash stable.
 */
export async function loadFacts(db: DbOrTx, assessmentId: string, itemIds: string[]): Promise<EvidenceFact[]> {
  if (itemIds.length === 0) return [];
  return db
    .select({
      year: facts.year,
      organisationId: facts.organisationId,
      region: facts.region,
      itemId: facts.itemId,
      dimension: facts.dimension,
      category: facts.category,
      value: facts.value,
      textValue: facts.textValue,
      missingReason: facts.missingReason,
    })
    .from(facts)
    .where(and(eq(facts.assessmentId, assessmentId), inArray(facts.itemId, itemIds)))
    .orderBy(
      sql`${facts.itemId} collate "C"`,
      facts.organisationId,
      facts.year,
      sql`${facts.dimension} collate "C" nulls first`,
      sql`${facts.category} collate "C" nulls first`,
      sql`${facts.value} nulls first`,
      sql`${facts.textValue} collate "C" nulls first`,
      sql`${facts.missingReason} collate "C" nulls first`,
    );
}
