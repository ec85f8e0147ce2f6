// Rules §3 and §6: one assessment per three-year cycle (no two assessments cover the same reporting
// year), and the coordination rotates between the two authorised bodies every cycle: an assessment's
// coordinating body differs from its neighbours'. An administrator may override the rotation with a
// recorded reason (e.g. a body reorganised); the reason is stored on the assessment and audited.
import { and, desc, asc, gt, gte, lt, lte, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { assessments } from '../../db/schema.js';
import { hasRole } from '../../shared/access.js';
import type { Actor } from '../../shared/context.js';
import { coordinationNotRotated, coordinationOverrideForbidden, cycleOverlap } from './assessments.errors.js';

/** Serialises the cycle checks of concurrent creations (one key for the whole table). */
const CYCLE_LOCK = 849_410;

export interface CycleCandidate {
  id?: string;
  startYear: number;
  endYear: number;
  coordinatingBody: string;
  overrideReason?: string | undefined;
}

/** Returns the reason to store when the rotation is overridden, null otherwise; throws on a violation. */
export async function checkCycle(db: DbOrTx, actor: Actor, c: CycleCandidate): Promise<string | null> {
  await db.execute(sql`select pg_advisory_xact_lock(${CYCLE_LOCK})`);
  const others = c.id ? ne(assessments.id, c.id) : undefined;
  const [overlap] = await db
    .select({ id: assessments.id, startYear: assessments.startYear, endYear: assessments.endYear })
    .from(assessments)
    .where(and(others, lte(assessments.startYear, c.endYear), gte(assessments.endYear, c.startYear)))
    .limit(1);
  if (overlap) throw cycleOverlap(overlap);
  const [previous] = await db
    .select({ id: assessments.id, coordinatingBody: assessments.coordinatingBody, endYear: assessments.endYear })
    .from(assessments)
    .where(and(others, lt(assessments.endYear, c.startYear)))
    .orderBy(desc(assessments.endYear))
    .limit(1);
  const [next] = await db
    .select({ id: assessments.id, coordinatingBody: assessments.coordinatingBody, startYear: assessments.startYear })
    .from(assessments)
    .where(and(others, gt(assessments.startYear, c.endYear)))
    .orderBy(asc(assessments.startYear))
    .limit(1);
  const clash = [previous, next].find((n) => n && n.coordinatingBody === c.coordinatingBody);
  const reason = c.overrideReason?.trim();
  if (!clash) return null;
  if (!reason) throw coordinationNotRotated(clash.id, c.coordinatingBody);
  if (!hasRole(actor.user, 'admin')) throw coordinationOverrideForbidden();
  return reason;
}
