// Rules §6: the authorised bodies coordinate the expert group's work in turn. The rights to
// start an assessment's steps and to finalise it belong to the expert-group members who
// represent the coordinating body (an organisation of its agency type) while they are
// members; an administrator keeps the platform's override on the routes that allow admins.
import { and, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Db, DbOrTx } from '../../db/client.js';
import { expertGroupMembers, organisations } from '../../db/schema.js';
import { hasRole, type AuthUser } from '../../shared/access.js';
import { currentUser } from '../../shared/access.js';
import { loadAssessment } from '../assessments/assessments.load.js';
import { notCoordinator } from './expert-group.errors.js';

/** The agency types the user represents as an expert-group member today (joined, and not yet left). */
export async function representedAgencyTypes(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db
    .select({ agencyType: organisations.agencyType })
    .from(expertGroupMembers)
    .innerJoin(organisations, eq(organisations.id, expertGroupMembers.organisationId))
    .where(
      and(
        eq(expertGroupMembers.userId, userId),
        lte(expertGroupMembers.joinedOn, sql`current_date`),
        or(isNull(expertGroupMembers.leftOn), gt(expertGroupMembers.leftOn, sql`current_date`)),
      ),
    );
  return rows.map((r) => r.agencyType);
}

/** May this user act for the coordinating body of the assessment? */
export async function isCoordinatorMember(db: DbOrTx, user: AuthUser, coordinatingBody: string): Promise<boolean> {
  return (await representedAgencyTypes(db, user.id)).includes(coordinatingBody);
}

/** Refuses (403 `expert_group.not_coordinator`) anyone but the coordinating body's members (and admins if `admins`). */
export async function requireCoordinator(
  db: DbOrTx,
  user: AuthUser,
  assessmentId: string,
  opts: { admins: boolean },
): Promise<void> {
  const assessment = await loadAssessment(db, assessmentId, { readableBy: user });
  if (opts.admins && hasRole(user, 'admin')) return;
  if (!(await isCoordinatorMember(db, user, assessment.coordinatingBody)))
    throw notCoordinator(assessment.coordinatingBody);
}

/**
 * A route preHandler for `/assessments/:id/...` step routes: the assessment is found first
 * (404 for an unknown id, as before), then the caller must be a member for the coordinating body.
 */
export const coordinatorOnly =
  (db: Db, opts: { admins: boolean }) =>
  async (request: FastifyRequest): Promise<void> => {
    const { id } = request.params as { id: string };
    await requireCoordinator(db, currentUser(request), id, opts);
  };
