// Rules §18-19: the results go to the working body of the Interagency Commission (transmittal),
// the Commission considers them at a meeting (decision, recommendations approved, changed or
// rejected), and they are communicated to the subjects (publication). Approved recommendations
// become one action per responsible agency type, which the subjects then report on.
import type { Db, DbOrTx } from '../../db/client.js';
import { agencyTypes } from '../../domain/reference.js';
import { hasRole, type AuthUser } from '../../shared/access.js';
import type { Actor } from '../../shared/context.js';
import { isRestricted } from '../../reports/build/outputs.js';
import { loadAssessment } from '../assessments/assessments.load.js';
import { notifyAssessmentPublished } from '../notifications/notifications.service.js';
import { audit } from '../audit/audit.repository.js';
import { requireCoordinator } from '../expert-group/expert-group.coordinator.js';
import { listFiles } from '../reports/reports.repository.js';
import {
  alreadyPublished,
  decisionExists,
  decisionMissing,
  meetingBeforeTransmittal,
  noFiles,
  notFinalised,
  recommendationsInvalid,
  transmittalExists,
  transmittalMissing,
} from './commission.errors.js';
import { recommendationCandidates } from './commission.recommendations.js';
import {
  audience,
  findDecision,
  findPublication,
  findTransmittal,
  insertActions,
  insertDecision,
  insertPublication,
  insertTransmittal,
  type DecisionRow,
  type PublicationRow,
  type TransmittalRow,
} from './commission.repository.js';
import type { CommissionView, DecisionBody, TransmittalBody } from './commission.schemas.js';

const transmittalView = (t: TransmittalRow) => ({
  sentOn: t.sentOn,
  outgoingNumber: t.outgoingNumber,
  note: t.note,
  files: t.files,
  createdBy: t.createdBy,
  createdAt: t.createdAt.toISOString(),
});
const decisionView = (d: DecisionRow) => ({
  meetingOn: d.meetingOn,
  protocolNumber: d.protocolNumber,
  decision: { kk: d.decisionKk, ru: d.decisionRu },
  recommendations: d.recommendations.map((r) => ({
    id: r.id,
    status: r.status as 'approved' | 'changed' | 'rejected',
    text: { kk: r.textKk, ru: r.textRu },
    agencyTypes: r.agencyTypes,
  })),
  createdBy: d.createdBy,
  createdAt: d.createdAt.toISOString(),
});
const publicationView = (p: PublicationRow) => ({
  publishedAt: p.publishedAt.toISOString(),
  publishedBy: p.publishedBy,
});

async function commissionOf(db: DbOrTx, assessmentId: string, status: string): Promise<CommissionView> {
  const [t, d, p] = await Promise.all([
    findTransmittal(db, assessmentId),
    findDecision(db, assessmentId),
    findPublication(db, assessmentId),
  ]);
  return {
    assessmentId,
    status: p ? 'published' : d ? 'decided' : t ? 'transmitted' : status === 'finalised' ? 'finalised' : 'draft',
    transmittal: t ? transmittalView(t) : null,
    decision: d ? decisionView(d) : null,
    publication: p ? publicationView(p) : null,
  };
}

export async function getCommission(db: Db, user: AuthUser, assessmentId: string): Promise<CommissionView> {
  const a = await loadAssessment(db, assessmentId, { readableBy: user });
  return commissionOf(db, assessmentId, a.status);
}

export async function getRecommendationCandidates(db: Db, user: AuthUser, assessmentId: string) {
  const a = await loadAssessment(db, assessmentId, { readableBy: user });
  if (a.status !== 'finalised') throw notFinalised();
  return recommendationCandidates(db, assessmentId);
}

/**
 * §18: the expert group (its coordinating body's members) or the secretariat records the sending of
 * the results: the published files exactly as stored (name, sha256, size), never the restricted ones.
 */
export async function recordTransmittal(
  db: Db,
  actor: Actor,
  assessmentId: string,
  body: TransmittalBody,
): Promise<CommissionView> {
  return db.transaction(async (tx) => {
    const a = await loadAssessment(tx, assessmentId, { forUpdate: true, readableBy: actor.user });
    if (!hasRole(actor.user, 'secretariat')) await requireCoordinator(tx, actor.user, assessmentId, { admins: false });
    if (a.status !== 'finalised') throw notFinalised();
    if (await findTransmittal(tx, assessmentId)) throw transmittalExists();
    const files = (await listFiles(tx, assessmentId))
      .filter((f) => !isRestricted(f.name))
      .map((f) => ({ name: f.name, sha256: f.sha256, size: f.size }));
    if (files.length === 0) throw noFiles();
    const row = await insertTransmittal(tx, {
      assessmentId,
      sentOn: body.sentOn,
      outgoingNumber: body.outgoingNumber,
      note: body.note?.trim() || null,
      files,
      createdBy: actor.user.id,
    });
    if (!row) throw transmittalExists();
    await audit(
      tx,
      actor,
      'commission.transmittal',
      { type: 'assessment', id: assessmentId },
      { after: transmittalView(row) },
    );
    return commissionOf(tx, assessmentId, a.status);
  });
}

const knownAgency = new Set<string>(agencyTypes.map((a) => a.code));

/** §19: the Commission's consideration; every recommendation of the report is decided exactly once. */
export async function recordDecision(
  db: Db,
  actor: Actor,
  assessmentId: string,
  body: DecisionBody,
): Promise<CommissionView> {
  return db.transaction(async (tx) => {
    const a = await loadAssessment(tx, assessmentId, { forUpdate: true, readableBy: actor.user });
    const transmittal = await findTransmittal(tx, assessmentId);
    if (!transmittal) throw transmittalMissing();
    if (await findDecision(tx, assessmentId)) throw decisionExists();
    if (body.meetingOn < transmittal.sentOn) throw meetingBeforeTransmittal(transmittal.sentOn);
    const candidates = new Map((await recommendationCandidates(tx, assessmentId)).map((c) => [c.id, c]));
    const issues: { field: string; problem: string; id?: string }[] = [];
    const seen = new Set<string>();
    const decided = body.recommendations.map((r, i) => {
      const field = `body.recommendations.${i}`;
      const candidate = candidates.get(r.id);
      if (!candidate) issues.push({ field: `${field}.id`, problem: 'unknown', id: r.id });
      if (seen.has(r.id)) issues.push({ field: `${field}.id`, problem: 'repeated', id: r.id });
      seen.add(r.id);
      if (r.status === 'changed' && !r.text) issues.push({ field: `${field}.text`, problem: 'required', id: r.id });
      const agencies = [...new Set(r.agencyTypes ?? candidate?.agencyTypes ?? [])];
      agencies.forEach((code, j) => {
        if (!knownAgency.has(code)) issues.push({ field: `${field}.agencyTypes.${j}`, problem: 'unknown', id: r.id });
      });
      if (r.status !== 'rejected' && agencies.length === 0)
        issues.push({ field: `${field}.agencyTypes`, problem: 'required', id: r.id });
      const text = r.status === 'changed' && r.text ? r.text : (candidate?.text ?? { kk: '', ru: '' });
      return { id: r.id, status: r.status, textKk: text.kk, textRu: text.ru, agencyTypes: agencies };
    });
    for (const id of candidates.keys())
      if (!seen.has(id)) issues.push({ field: 'body.recommendations', problem: 'missing', id });
    if (issues.length) throw recommendationsInvalid(issues);
    const row = await insertDecision(tx, {
      assessmentId,
      meetingOn: body.meetingOn,
      protocolNumber: body.protocolNumber?.trim() || null,
      decisionKk: body.decision.kk,
      decisionRu: body.decision.ru,
      recommendations: decided,
      createdBy: actor.user.id,
    });
    if (!row) throw decisionExists();
    await insertActions(
      tx,
      decided
        .filter((r) => r.status !== 'rejected')
        .flatMap((r) =>
          r.agencyTypes.map((agencyType) => ({
            assessmentId,
            recommendationId: r.id,
            agencyType,
            textKk: r.textKk,
            textRu: r.textRu,
          })),
        ),
    );
    await audit(
      tx,
      actor,
      'commission.decision',
      { type: 'assessment', id: assessmentId },
      { after: decisionView(row) },
    );
    return commissionOf(tx, assessmentId, a.status);
  });
}

/** Who is told of a publication: every enabled focal point with its organisation's agency type (for notices, issue 20). */
export async function publicationAudience(db: DbOrTx) {
  const { orgs, focal } = await audience(db);
  const typeOf = new Map(orgs.map((o) => [o.id, o.agencyType]));
  return focal
    .filter((u) => typeOf.has(u.organisationId!))
    .map((u) => ({
      userId: u.id,
      email: u.email,
      organisationId: u.organisationId!,
      agencyType: typeOf.get(u.organisationId!)!,
    }));
}

/**
 * §19 "communicated to the subjects": from now on every focal point reads the final report and its
 * agency type's risk profile. Audited as `assessment.publish` (with the audience's size): the event
 * a notification sender can follow.
 */
export async function publishResults(db: Db, actor: Actor, assessmentId: string): Promise<CommissionView> {
  return db.transaction(async (tx) => {
    const a = await loadAssessment(tx, assessmentId, { forUpdate: true, readableBy: actor.user });
    if (!(await findDecision(tx, assessmentId))) throw decisionMissing();
    if (await findPublication(tx, assessmentId)) throw alreadyPublished();
    const row = await insertPublication(tx, { assessmentId, publishedBy: actor.user.id });
    if (!row) throw alreadyPublished();
    const recipients = await publicationAudience(tx);
    await audit(
      tx,
      actor,
      'assessment.publish',
      { type: 'assessment', id: assessmentId },
      { after: { ...publicationView(row), focalPoints: recipients.length } },
    );
    await notifyAssessmentPublished(tx, { id: assessmentId, title: { kk: a.titleKk, ru: a.titleRu } });
    return commissionOf(tx, assessmentId, a.status);
  });
}
