// The three-year assessment cycle (Rules §3, §6, §11): create over three reporting
// years and the campaigns they draw on, read, edit while draft (finalised is immutable).
import type { Db, DbOrTx } from '../../db/client.js';
import { hasRole, type AuthUser } from '../../shared/access.js';
import type { Actor } from '../../shared/context.js';
import { staleVersion } from '../../shared/shared.errors.js';
import { checkCycle } from './assessments.cycle.js';
import { loadAssessment, loadDraft } from './assessments.load.js';
import { audit } from '../audit/audit.repository.js';
import { campaignsOutOfRange, campaignsSuperseded, unknownCampaigns, yearsInvalid } from './assessments.errors.js';
import {
  campaignIdsOf,
  findCampaigns,
  insertAssessment,
  listAssessments,
  replaceAssessmentCampaigns,
  updateAssessmentVersioned,
  type AssessmentRow,
} from './assessments.repository.js';
import type { AssessmentView, CreateAssessment, UpdateAssessment } from './assessments.schemas.js';

/** The risk register the scoring step uses unless the assessment names another. */
export const DEFAULT_RISK_REGISTER_VERSION = '2024-v2';

export function toAssessmentView(a: AssessmentRow, campaignIds: string[]): AssessmentView {
  return {
    id: a.id,
    title: { kk: a.titleKk, ru: a.titleRu },
    startYear: a.startYear,
    endYear: a.endYear,
    coordinatingBody: a.coordinatingBody,
    campaignIds,
    includeSubmitted: a.includeSubmitted,
    suppressionThreshold: a.suppressionThreshold,
    riskRegisterVersion: a.riskRegisterVersion,
    references: a.references,
    currentRound: a.currentRound,
    status: a.status,
    version: a.version,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    finalisedAt: a.finalisedAt?.toISOString() ?? null,
    coordinationOverrideReason: a.coordinationOverrideReason,
  };
}

/** The campaigns an assessment draws on: the given ones (checked) or those of its years. */
async function resolveCampaigns(
  db: DbOrTx,
  startYear: number,
  endYear: number,
  ids: string[] | undefined,
): Promise<string[]> {
  if (ids === undefined) return (await findCampaigns(db, { fromYear: startYear, toYear: endYear })).map((c) => c.id);
  const unique = [...new Set(ids)];
  const found = await findCampaigns(db, { ids: unique });
  const missing = unique.filter((id) => !found.some((c) => c.id === id));
  if (missing.length) throw unknownCampaigns(missing);
  const outside = found.filter((c) => c.reportingYear < startYear || c.reportingYear > endYear).map((c) => c.id);
  if (outside.length) throw campaignsOutOfRange(outside);
  const superseded = found.filter((c) => c.supersededAt).map((c) => c.id);
  if (superseded.length) throw campaignsSuperseded(superseded);
  return found.map((c) => c.id);
}

export async function getAssessment(db: Db, user: AuthUser, id: string): Promise<AssessmentView> {
  const row = await loadAssessment(db, id, { readableBy: user });
  return toAssessmentView(row, (await campaignIdsOf(db, [id])).get(id)!);
}

export async function getAssessments(db: Db, user: AuthUser): Promise<AssessmentView[]> {
  const rows = await listAssessments(db, !hasRole(user, 'admin', 'expert'));
  const ids = await campaignIdsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toAssessmentView(r, ids.get(r.id)!));
}

export async function createAssessment(db: Db, actor: Actor, body: CreateAssessment): Promise<AssessmentView> {
  const endYear = body.endYear ?? body.startYear + 2;
  if (endYear !== body.startYear + 2) throw yearsInvalid(body.startYear);
  return db.transaction(async (tx) => {
    const campaignIds = await resolveCampaigns(tx, body.startYear, endYear, body.campaignIds);
    const override = await checkCycle(tx, actor, {
      startYear: body.startYear,
      endYear,
      coordinatingBody: body.coordinatingBody,
      overrideReason: body.coordinationOverrideReason,
    });
    const row = await insertAssessment(tx, {
      coordinationOverrideReason: override,
      titleKk: body.title.kk,
      titleRu: body.title.ru,
      startYear: body.startYear,
      endYear,
      coordinatingBody: body.coordinatingBody,
      includeSubmitted: body.includeSubmitted ?? false,
      suppressionThreshold: body.suppressionThreshold ?? 10,
      riskRegisterVersion: body.riskRegisterVersion ?? DEFAULT_RISK_REGISTER_VERSION,
      references: body.references ?? [],
      createdBy: actor.user.id,
    });
    await replaceAssessmentCampaigns(tx, row.id, campaignIds);
    const view = toAssessmentView(row, campaignIds);
    await audit(tx, actor, 'assessment.create', { type: 'assessment', id: row.id }, { after: view });
    if (override)
      await audit(
        tx,
        actor,
        'assessment.coordination_override',
        { type: 'assessment', id: row.id },
        { after: { coordinatingBody: row.coordinatingBody, reason: override } },
      );
    return view;
  });
}

export async function updateAssessment(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  body: UpdateAssessment,
): Promise<AssessmentView> {
  return db.transaction(async (tx) => {
    const current = await loadDraft(tx, id);
    if (current.version !== expectedVersion) throw staleVersion(current.version);
    const before = toAssessmentView(current, (await campaignIdsOf(tx, [id])).get(id)!);
    const campaignIds =
      body.campaignIds === undefined
        ? before.campaignIds
        : await resolveCampaigns(tx, current.startYear, current.endYear, body.campaignIds);
    const override =
      body.coordinatingBody !== undefined && body.coordinatingBody !== current.coordinatingBody
        ? await checkCycle(tx, actor, {
            id,
            startYear: current.startYear,
            endYear: current.endYear,
            coordinatingBody: body.coordinatingBody,
            overrideReason: body.coordinationOverrideReason,
          })
        : undefined;
    const row = await updateAssessmentVersioned(tx, id, expectedVersion, {
      ...(override !== undefined ? { coordinationOverrideReason: override } : {}),
      ...(body.title ? { titleKk: body.title.kk, titleRu: body.title.ru } : {}),
      ...(body.coordinatingBody !== undefined ? { coordinatingBody: body.coordinatingBody } : {}),
      ...(body.includeSubmitted !== undefined ? { includeSubmitted: body.includeSubmitted } : {}),
      ...(body.suppressionThreshold !== undefined ? { suppressionThreshold: body.suppressionThreshold } : {}),
      ...(body.references !== undefined ? { references: body.references } : {}),
      ...(body.riskRegisterVersion !== undefined ? { riskRegisterVersion: body.riskRegisterVersion } : {}),
    });
    if (!row) throw staleVersion(current.version);
    if (body.campaignIds !== undefined) await replaceAssessmentCampaigns(tx, id, campaignIds);
    const after = toAssessmentView(row, campaignIds);
    await audit(tx, actor, 'assessment.update', { type: 'assessment', id: id }, { before, after });
    if (override)
      await audit(
        tx,
        actor,
        'assessment.coordination_override',
        { type: 'assessment', id },
        { after: { coordinatingBody: row.coordinatingBody, reason: override } },
      );
    return after;
  });
}
