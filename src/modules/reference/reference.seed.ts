// Idempotent seed of the reference lists: inserts new codes, refreshes names.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { agencyTypes as agencyTypesTable, regions as regionsTable } from '../../db/schema.js';
import { agencyTypes, regions } from '../../domain/reference.js';

export async function seedReference(db: DbOrTx): Promise<void> {
  await db
    .insert(agencyTypesTable)
    .values(agencyTypes.map((a, i) => ({ code: a.code, nameKk: a.name.kk, nameRu: a.name.ru, sortOrder: i + 1 })))
    .onConflictDoUpdate({
      target: agencyTypesTable.code,
      set: { nameKk: sql`excluded.name_kk`, nameRu: sql`excluded.name_ru`, sortOrder: sql`excluded.sort_order` },
    });
  await db
    .insert(regionsTable)
    .values(regions.map((r, i) => ({ code: r.code, nameKk: r.name.kk, nameRu: r.name.ru, sortOrder: i + 1 })))
    .onConflictDoUpdate({
      target: regionsTable.code,
      set: { nameKk: sql`excluded.name_kk`, nameRu: sql`excluded.name_ru`, sortOrder: sql`excluded.sort_order` },
    });
}
