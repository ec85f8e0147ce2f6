import { and, asc, desc, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { campaignRecipients, campaigns, organisations, submissions } from '../../db/schema.js';

export type CampaignRow = typeof campaigns.$inferSelect & { recipientCount: number };

const withCount = {
  ...getTableColumns(campaigns),
  recipientCount: sql<number>`(select count(*)::int from campaign_recipients r where r.campaign_id = ${campaigns.id})`,
};

export const findCampaign = async (db: DbOrTx, id: string): Promise<CampaignRow | undefined> =>
  (await db.select(withCount).from(campaigns).where(eq(campaigns.id, id)).limit(1))[0];

/** All campaigns, or (for a focal point) the non-draft ones addressed to any of the given organisations. */
export function listCampaigns(db: DbOrTx, recipientScope: string[] | null) {
  const q = db.select(withCount).from(campaigns);
  if (recipientScope === null) return q.orderBy(desc(campaigns.reportingYear), desc(campaigns.createdAt));
  return q
    .where(
      and(
        sql`${campaigns.status} <> 'draft'`,
        inArray(
          campaigns.id,
          db
            .select({ id: campaignRecipients.campaignId })
            .from(campaignRecipients)
            .where(
              inArray(
                campaignRecipients.organisationId,
                recipientScope.length ? recipientScope : ['00000000-0000-0000-0000-000000000000'],
              ),
            ),
        ),
      ),
    )
    .orderBy(desc(campaigns.reportingYear), desc(campaigns.createdAt));
}

/** The campaign of a reporting year that nothing superseded (Rules §3: one per year). */
export async function liveCampaignOfYear(db: DbOrTx, reportingYear: number) {
  return (
    await db
      .select(withCount)
      .from(campaigns)
      .where(and(eq(campaigns.reportingYear, reportingYear), isNull(campaigns.supersededAt)))
      .limit(1)
  )[0];
}

export async function insertCampaign(db: DbOrTx, values: typeof campaigns.$inferInsert) {
  const [row] = await db.insert(campaigns).values(values).returning();
  return row!;
}

export async function updateCampaignVersioned(
  db: DbOrTx,
  id: string,
  expectedVersion: number | null,
  patch: Partial<typeof campaigns.$inferInsert>,
) {
  const versionCheck = expectedVersion === null ? sql`true` : sql`${campaigns.version} = ${expectedVersion}`;
  const [row] = await db
    .update(campaigns)
    .set({ ...patch, version: sql`${campaigns.version} + 1`, updatedAt: new Date() })
    .where(and(eq(campaigns.id, id), versionCheck))
    .returning();
  return row;
}

export async function replaceRecipients(db: DbOrTx, campaignId: string, organisationIds: string[]): Promise<void> {
  await db.delete(campaignRecipients).where(eq(campaignRecipients.campaignId, campaignId));
  const unique = [...new Set(organisationIds)];
  for (let i = 0; i < unique.length; i += 1000) {
    await db
      .insert(campaignRecipients)
      .values(unique.slice(i, i + 1000).map((organisationId) => ({ campaignId, organisationId })));
  }
}

export async function isRecipient(db: DbOrTx, campaignId: string, organisationId: string): Promise<boolean> {
  const rows = await db
    .select({ id: campaignRecipients.organisationId })
    .from(campaignRecipients)
    .where(and(eq(campaignRecipients.campaignId, campaignId), eq(campaignRecipients.organisationId, organisationId)))
    .limit(1);
  return rows.length > 0;
}

/** Recipients with their submission's state, for progress reports. */
/** Every recipient of a campaign (or those of `organisationIds`) with its submission's state, if any. */
export function recipientStates(db: DbOrTx, campaignId: string, organisationIds: string[] | null = null) {
  const conds = [eq(campaignRecipients.campaignId, campaignId)];
  if (organisationIds)
    conds.push(organisationIds.length ? inArray(campaignRecipients.organisationId, organisationIds) : sql`false`);
  return db
    .select({
      organisationId: organisations.id,
      nameKk: organisations.nameKk,
      nameRu: organisations.nameRu,
      agencyType: organisations.agencyType,
      region: organisations.region,
      status: submissions.status,
      revision: submissions.revision,
      lastSavedAt: submissions.lastSavedAt,
      submittedAt: submissions.submittedAt,
      completeness: submissions.completeness,
    })
    .from(campaignRecipients)
    .innerJoin(organisations, eq(organisations.id, campaignRecipients.organisationId))
    .leftJoin(
      submissions,
      and(
        eq(submissions.campaignId, campaignRecipients.campaignId),
        eq(submissions.organisationId, campaignRecipients.organisationId),
      ),
    )
    .where(and(...conds))
    .orderBy(asc(organisations.region), asc(organisations.agencyType), asc(organisations.nameRu));
}

export async function activeOrganisationIds(db: DbOrTx): Promise<string[]> {
  return (await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.active, true))).map(
    (r) => r.id,
  );
}

export async function existingOrganisationIds(db: DbOrTx, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db
      .select({ id: organisations.id })
      .from(organisations)
      .where(inArray(organisations.id, ids.slice(i, i + 1000)));
    for (const r of rows) found.add(r.id);
  }
  return found;
}
