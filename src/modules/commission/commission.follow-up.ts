// Recommendations become tracked actions (Rules §19: the results are used in the action plan): each
// subject reports, in a short follow-up form attached to the next yearly campaign and separate from
// the order's questionnaire, on the actions for its agency type: status, what was done, evidence.
import type { Db, DbOrTx } from '../../db/client.js';
import type { ActionStatus } from '../../domain/states.js';
import { hasRole, type AuthUser } from '../../shared/access.js';
import type { Actor } from '../../shared/context.js';
import { staleVersion } from '../../shared/shared.errors.js';
import { loadAssessment } from '../assessments/assessments.load.js';
import { audit } from '../audit/audit.repository.js';
import { campaignNotFound } from '../campaigns/campaigns.errors.js';
import { findCampaign, isRecipient } from '../campaigns/campaigns.repository.js';
import { findOrganisation } from '../organisations/organisations.repository.js';
import { campaignNotOpen, notARecipient, notYourOrganisation } from '../submissions/submissions.errors.js';
import { actionNotFound, followUpDoneRequired } from './commission.errors.js';
import {
  actionsOf,
  latestPublishedBefore,
  reportsOf,
  saveActionReport,
  type ActionReportRow,
} from './commission.repository.js';

export interface FollowUpReportBody {
  status: ActionStatus;
  done: string;
  evidence: string;
}

const reportView = (r: ActionReportRow) => ({
  status: r.status,
  done: r.done,
  evidence: r.evidence,
  version: r.version,
  updatedAt: r.updatedAt.toISOString(),
});

/** The campaign and organisation of a follow-up form, checked: the focal point's own, a recipient. */
async function formTarget(db: DbOrTx, user: AuthUser, campaignId: string, organisationId: string) {
  const campaign = await findCampaign(db, campaignId);
  if (!campaign) throw campaignNotFound();
  if (!hasRole(user, 'admin', 'expert', 'secretariat') && user.organisationId !== organisationId)
    throw notYourOrganisation();
  const organisation = await findOrganisation(db, organisationId);
  if (!organisation || !(await isRecipient(db, campaignId, organisationId))) throw notARecipient();
  // The actions of the latest assessment communicated before this reporting year.
  const previous = await latestPublishedBefore(db, campaign.reportingYear + 1);
  const actions = previous ? await actionsOf(db, [previous.id], organisation.agencyType) : [];
  return { campaign, organisation, previous, actions };
}

export async function getFollowUp(db: Db, user: AuthUser, campaignId: string, organisationId: string) {
  const { campaign, previous, actions } = await formTarget(db, user, campaignId, organisationId);
  const reports = new Map(
    (await reportsOf(db, { campaignId, organisationId, actionIds: actions.map((a) => a.id) })).map((r) => [
      r.actionId,
      r,
    ]),
  );
  return {
    campaignId,
    organisationId,
    reportingYear: campaign.reportingYear,
    open: campaign.status === 'open',
    assessment: previous ? { id: previous.id, startYear: previous.startYear, endYear: previous.endYear } : null,
    items: actions.map((a) => {
      const r = reports.get(a.id);
      return {
        actionId: a.id,
        recommendationId: a.recommendationId,
        text: { kk: a.textKk, ru: a.textRu },
        report: r ? reportView(r) : null,
      };
    }),
  };
}

export async function saveFollowUp(
  db: Db,
  actor: Actor,
  campaignId: string,
  organisationId: string,
  actionId: string,
  expectedVersion: number,
  body: FollowUpReportBody,
) {
  if ((body.status === 'done' || body.status === 'in_progress') && body.done.trim() === '')
    throw followUpDoneRequired();
  return db.transaction(async (tx) => {
    if (actor.user.organisationId !== organisationId) throw notYourOrganisation();
    const { campaign, actions } = await formTarget(tx, actor.user, campaignId, organisationId);
    if (!actions.some((a) => a.id === actionId)) throw actionNotFound();
    if (campaign.status !== 'open') throw campaignNotOpen();
    const key = { actionId, campaignId, organisationId };
    const [before] = await reportsOf(tx, { campaignId, organisationId, actionIds: [actionId] });
    const row = await saveActionReport(tx, key, expectedVersion, {
      status: body.status,
      done: body.done.trim(),
      evidence: body.evidence.trim(),
      updatedBy: actor.user.id,
    });
    if (!row) throw staleVersion(before?.version ?? 0);
    await audit(
      tx,
      actor,
      'follow_up.report',
      { type: 'action', id: actionId },
      { before: before ? reportView(before) : null, after: { ...reportView(row), campaignId, organisationId } },
    );
    return reportView(row);
  });
}

/**
 * What was done on the actions of an assessment: per action, the subjects' latest reports by status.
 * The next assessment's description shows it (its previous cycle's actions).
 */
export async function followUpSummary(db: DbOrTx, assessmentId: string) {
  const actions = await actionsOf(db, [assessmentId]);
  const reports = await reportsOf(db, { actionIds: actions.map((a) => a.id) });
  // Latest report per (action, organisation): reportsOf orders by updatedAt.
  const latest = new Map<string, ActionReportRow>();
  for (const r of reports) latest.set(`${r.actionId}|${r.organisationId}`, r);
  return actions.map((a) => {
    const mine = [...latest.values()].filter((r) => r.actionId === a.id);
    const counts = { not_started: 0, in_progress: 0, done: 0, not_applicable: 0 } as Record<ActionStatus, number>;
    for (const r of mine) counts[r.status] += 1;
    return {
      actionId: a.id,
      recommendationId: a.recommendationId,
      agencyType: a.agencyType,
      text: { kk: a.textKk, ru: a.textRu },
      subjects: mine.length,
      counts,
      done: mine.filter((r) => r.done).map((r) => r.done),
    };
  });
}

export async function getFollowUpSummary(db: Db, user: AuthUser, assessmentId: string) {
  await loadAssessment(db, assessmentId, { readableBy: user });
  return followUpSummary(db, assessmentId);
}
