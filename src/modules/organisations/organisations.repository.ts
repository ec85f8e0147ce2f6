import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { organisations } from '../../db/schema.js';

export type OrganisationRow = typeof organisations.$inferSelect;

export const findOrganisation = async (db: DbOrTx, id: string): Promise<OrganisationRow | undefined> =>
  (await db.select().from(organisations).where(eq(organisations.id, id)).limit(1))[0];

export function listOrganisations(
  db: DbOrTx,
  filter: { agencyType?: string; region?: string; active?: boolean; ids?: string[] },
) {
  const conds: SQL[] = [];
  if (filter.agencyType) conds.push(eq(organisations.agencyType, filter.agencyType));
  if (filter.region) conds.push(eq(organisations.region, filter.region));
  if (filter.active !== undefined) conds.push(eq(organisations.active, filter.active));
  if (filter.ids)
    conds.push(inArray(organisations.id, filter.ids.length ? filter.ids : ['00000000-0000-0000-0000-000000000000']));
  return db
    .select()
    .from(organisations)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(organisations.region), asc(organisations.agencyType), asc(organisations.nameRu));
}

/** The organisation and all its descendants (a ministry and its territorial units). */
export async function subtreeIds(db: DbOrTx, rootId: string): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive t(id) as (
      select id from organisations where id = ${rootId}
      union
      select o.id from organisations o join t on o.parent_id = t.id
    ) select id from t`);
  return (result.rows as { id: string }[]).map((r) => r.id);
}

export async function insertOrganisation(
  db: DbOrTx,
  values: typeof organisations.$inferInsert,
): Promise<OrganisationRow> {
  const [row] = await db.insert(organisations).values(values).returning();
  return row!;
}

export async function updateOrganisationVersioned(
  db: DbOrTx,
  id: string,
  expectedVersion: number,
  patch: Partial<typeof organisations.$inferInsert>,
): Promise<OrganisationRow | undefined> {
  const [row] = await db
    .update(organisations)
    .set({ ...patch, version: sql`${organisations.version} + 1`, updatedAt: new Date() })
    .where(sql`${organisations.id} = ${id} and ${organisations.version} = ${expectedVersion}`)
    .returning();
  return row;
}
