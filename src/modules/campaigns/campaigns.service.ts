// Yearly campaigns: create, edit while draft, recipients, open/close/reopen, progress.
import type { Db, DbOrTx } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { hasRole, type AuthUser } from '../../shared/access.js';
import type { Actor } from '../../shared/context.js';
import { addMonths, isValidDate, todayKz } from '../../shared/dates.js';
import { staleVersion } from '../../shared/shared.errors.js';
import { audit } from '../audit/audit.repository.js';
import { listVersions } from '../../domain/questionnaire/loader.js';
import { readableOrganisationIds } from '../organisations/organisations.service.js';
import { notifyCampaignOpened } from '../notifications/notifications.service.js';
import type { CoordinatingBody } from '../../domain/states.js';
import {
  anotherOpenCampaign,
  campaignYearTaken,
  supersedeInvalid,
  campaignNotDraft,
  campaignNotFound,
  deadlineBeforeRequest,
  invalidDate,
  invalidTransition,
  unknownQuestionnaireVersion,
  unknownRecipients,
} from './campaigns.errors.js';
import { recipientProgress, rollup, rollupBy, rollupCells } from './campaigns.progress.js';
import {
  activeOrganisationIds,
  existingOrganisationIds,
  findCampaign,
  insertCampaign,
  listCampaigns,
  liveCampaignOfYear,
  recipientStates,
  replaceRecipients,
  updateCampaignVersioned,
  type CampaignRow,
} from './campaigns.repository.js';
import { selectRecipients } from './campaigns.recipients.js';
import type { CampaignView, ProgressView, RecipientProgress, RecipientQuery } from './campaigns.schemas.js';

export function toCampaignView(c: CampaignRow): CampaignView {
  return {
    id: c.id,
    reportingYear: c.reportingYear,
    questionnaireVersion: c.questionnaireVersion,
    requestDate: c.requestDate,
    deadline: c.deadline,
    status: c.status as CampaignView['status'],
    recipientCount: Number(c.recipientCount),
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    requestingBody: c.requestingBody ?? null,
    outgoingNumber: c.outgoingNumber ?? null,
    outgoingDate: c.outgoingDate ?? null,
    // Rules §9: within a month unless the request sets another term.
    term: isValidDate(c.requestDate) && addMonths(c.requestDate, 1) === c.deadline ? 'monthly' : 'custom',
    reportingPeriod: { from: `${c.reportingYear}-01-01`, to: `${c.reportingYear}-12-31` },
    supersedesCampaignId: c.supersedesCampaignId ?? null,
    supersedeReason: c.supersedeReason ?? null,
    supersededAt: c.supersededAt?.toISOString() ?? null,
  };
}

/** A unique violation of one campaign per reporting year, as the caller's 409. */
async function yearTaken(db: DbOrTx, year: number) {
  return campaignYearTaken(year, (await liveCampaignOfYear(db, year))?.id ?? null);
}

function checkDates(requestDate: string, deadline: string): void {
  if (!isValidDate(requestDate)) throw invalidDate('requestDate');
  if (!isValidDate(deadline)) throw invalidDate('deadline');
  if (deadline < requestDate) throw deadlineBeforeRequest();
}

function checkVersion(version: string): void {
  if (!listVersions().includes(version)) throw unknownQuestionnaireVersion(version);
}

async function checkRecipients(db: DbOrTx, ids: string[]): Promise<void> {
  const found = await existingOrganisationIds(db, ids);
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw unknownRecipients(missing.slice(0, 50));
}

export async function getCampaign(db: Db, user: AuthUser, id: string): Promise<CampaignView> {
  const row = await findCampaign(db, id);
  if (!row) throw campaignNotFound();
  if (!hasRole(user, 'admin', 'expert')) {
    const visible = (await getCampaigns(db, user)).some((c) => c.id === id);
    if (!visible) throw campaignNotFound();
  }
  return toCampaignView(row);
}

export async function getCampaigns(db: Db, user: AuthUser): Promise<CampaignView[]> {
  const scope = hasRole(user, 'admin', 'expert') ? null : ((await readableOrganisationIds(db, user)) ?? []);
  return (await listCampaigns(db, scope)).map(toCampaignView);
}

export interface NewCampaign {
  reportingYear: number;
  questionnaireVersion: string;
  requestDate?: string;
  deadline?: string;
  recipients?: string[];
  requestingBody?: CoordinatingBody;
  outgoingNumber?: string;
  outgoingDate?: string;
  supersedes?: { campaignId: string; reason: string };
}

/** Marks the campaign a correction campaign replaces; refused unless it is the closed live campaign of that year. */
async function supersede(tx: DbOrTx, actor: Actor, year: number, s: { campaignId: string; reason: string }) {
  const old = await findCampaign(tx, s.campaignId);
  if (!old) throw supersedeInvalid('not_found');
  if (old.reportingYear !== year) throw supersedeInvalid('other_year');
  if (old.supersededAt) throw supersedeInvalid('already_superseded');
  if (old.status !== 'closed') throw supersedeInvalid('not_closed');
  if (!(await updateCampaignVersioned(tx, old.id, old.version, { supersededAt: new Date() })))
    throw staleVersion(old.version);
  await audit(
    tx,
    actor,
    'campaign.supersede',
    { type: 'campaign', id: old.id },
    { before: { supersededAt: null }, after: { supersededAt: 'now', reason: s.reason } },
  );
}

export async function createCampaign(db: Db, actor: Actor, input: NewCampaign): Promise<CampaignView> {
  checkVersion(input.questionnaireVersion);
  const requestDate = input.requestDate ?? todayKz();
  const deadline = input.deadline ?? (isValidDate(requestDate) ? addMonths(requestDate, 1) : requestDate);
  checkDates(requestDate, deadline);
  if (input.outgoingDate && !isValidDate(input.outgoingDate)) throw invalidDate('outgoingDate');
  try {
    return await db.transaction(async (tx) => {
      const recipients = input.recipients ?? (await activeOrganisationIds(tx));
      if (input.recipients) await checkRecipients(tx, recipients);
      if (input.supersedes) await supersede(tx, actor, input.reportingYear, input.supersedes);
      const row = await insertCampaign(tx, {
        reportingYear: input.reportingYear,
        questionnaireVersion: input.questionnaireVersion,
        requestDate,
        deadline,
        requestingBody: input.requestingBody ?? null,
        outgoingNumber: input.outgoingNumber ?? null,
        outgoingDate: input.outgoingDate ?? null,
        supersedesCampaignId: input.supersedes?.campaignId ?? null,
        supersedeReason: input.supersedes?.reason ?? null,
        createdBy: actor.user.id,
      });
      await replaceRecipients(tx, row.id, recipients);
      const view = toCampaignView((await findCampaign(tx, row.id))!);
      await audit(tx, actor, 'campaign.create', { type: 'campaign', id: row.id }, { after: view });
      return view;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw await yearTaken(db, input.reportingYear);
    throw err;
  }
}

export async function updateCampaign(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  patch: {
    requestDate?: string;
    deadline?: string;
    questionnaireVersion?: string;
    reportingYear?: number;
    requestingBody?: CoordinatingBody | null;
    outgoingNumber?: string | null;
    outgoingDate?: string | null;
  },
): Promise<CampaignView> {
  if (patch.outgoingDate && !isValidDate(patch.outgoingDate)) throw invalidDate('outgoingDate');
  try {
    return await updateInTx(db, actor, id, version, patch);
  } catch (err) {
    if (isUniqueViolation(err) && patch.reportingYear) throw await yearTaken(db, patch.reportingYear);
    throw err;
  }
}

function updateInTx(db: Db, actor: Actor, id: string, version: number, patch: Parameters<typeof updateCampaign>[4]) {
  return db.transaction(async (tx) => {
    const before = await findCampaign(tx, id);
    if (!before) throw campaignNotFound();
    if ((patch.questionnaireVersion || patch.reportingYear) && before.status !== 'draft') throw campaignNotDraft();
    if (patch.questionnaireVersion) checkVersion(patch.questionnaireVersion);
    checkDates(patch.requestDate ?? before.requestDate, patch.deadline ?? before.deadline);
    const after = await updateCampaignVersioned(tx, id, version, patch);
    if (!after) throw staleVersion(before.version);
    const view = toCampaignView((await findCampaign(tx, id))!);
    await audit(
      tx,
      actor,
      'campaign.update',
      { type: 'campaign', id: id },
      { before: toCampaignView(before), after: view },
    );
    return view;
  });
}

export async function setRecipients(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  organisationIds: string[],
): Promise<CampaignView> {
  await checkRecipients(db, organisationIds);
  return db.transaction(async (tx) => {
    const before = await findCampaign(tx, id);
    if (!before) throw campaignNotFound();
    if (before.status === 'closed') throw invalidTransition(before.status, 'recipients');
    if (!(await updateCampaignVersioned(tx, id, version, {}))) throw staleVersion(before.version);
    await replaceRecipients(tx, id, organisationIds);
    const view = toCampaignView((await findCampaign(tx, id))!);
    await audit(
      tx,
      actor,
      'campaign.recipients',
      { type: 'campaign', id: id },
      { before: { recipientCount: before.recipientCount }, after: { recipientCount: view.recipientCount } },
    );
    return view;
  });
}

const transitions = { open: ['draft', 'closed'], close: ['open'] } as const;

/** open (from draft; from closed it is a reopening) or close, at `version` (If-Match). One open campaign per reporting year. */
export async function transitionCampaign(
  db: Db,
  actor: Actor,
  id: string,
  version: number,
  to: keyof typeof transitions,
): Promise<CampaignView> {
  try {
    return await db.transaction(async (tx) => {
      const before = await findCampaign(tx, id);
      if (!before) throw campaignNotFound();
      if (before.version !== version) throw staleVersion(before.version);
      if (!(transitions[to] as readonly string[]).includes(before.status)) throw invalidTransition(before.status, to);
      if (!(await updateCampaignVersioned(tx, id, version, { status: to === 'open' ? 'open' : 'closed' })))
        throw staleVersion(before.version);
      const view = toCampaignView((await findCampaign(tx, id))!);
      const action =
        to === 'open' ? (before.status === 'closed' ? 'campaign.reopen' : 'campaign.open') : 'campaign.close';
      // Opening the request asks its recipients' focal points for the data (once per campaign).
      if (action === 'campaign.open') await notifyCampaignOpened(tx, id);
      await audit(
        tx,
        actor,
        action,
        { type: 'campaign', id: id },
        { before: { status: before.status }, after: { status: view.status } },
      );
      return view;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw anotherOpenCampaign((await findCampaign(db, id))?.reportingYear ?? 0);
    throw err;
  }
}

async function allRecipientProgress(db: Db, id: string, now: Date) {
  const row = await findCampaign(db, id);
  if (!row) throw campaignNotFound();
  return { row, recipients: (await recipientStates(db, id)).map((r) => recipientProgress(row.deadline, r, now)) };
}

/** The board: roll-ups over every recipient, and one page of those matching the query. */
export async function campaignProgress(
  db: Db,
  id: string,
  query: RecipientQuery,
  now = new Date(),
): Promise<ProgressView> {
  const { row, recipients } = await allRecipientProgress(db, id, now);
  return {
    campaign: toCampaignView(row),
    ...selectRecipients(recipients, query),
    byRegion: rollupBy(recipients, (r) => r.region),
    byAgencyType: rollupBy(recipients, (r) => r.agencyType),
    byRegionAndAgencyType: rollupCells(recipients),
    totals: rollup('all', recipients),
  };
}

/** Recipients to remind: no submission and the deadline passed. */
export async function overdueRecipients(db: Db, id: string, now = new Date()): Promise<RecipientProgress[]> {
  return (await allRecipientProgress(db, id, now)).recipients.filter((r) => r.timeliness === 'overdue');
}
