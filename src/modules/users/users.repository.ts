import { asc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { prepared } from '../../db/prepared.js';
import { users } from '../../db/schema.js';

export type UserRow = typeof users.$inferSelect;

export const findUserById = async (db: DbOrTx, id: string): Promise<UserRow | undefined> =>
  (await db.select().from(users).where(eq(users.id, id)).limit(1))[0];

/** The signed-in user of every authenticated request (token version, roles, disabled). */
export async function findUserForRequest(db: Db, id: string): Promise<UserRow | undefined> {
  const query = prepared(db, 'users_find_for_request', (d, name) =>
    d
      .select()
      .from(users)
      .where(eq(users.id, sql.placeholder('id')))
      .limit(1)
      .prepare(name),
  );
  return (await query.execute({ id }))[0];
}

export const findUserByEmail = async (db: DbOrTx, email: string): Promise<UserRow | undefined> =>
  (await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`).limit(1))[0];

export const listUsers = (db: DbOrTx) => db.select().from(users).orderBy(asc(users.email));

export const countUsers = async (db: DbOrTx): Promise<number> =>
  Number((await db.select({ n: sql<number>`count(*)` }).from(users))[0]?.n ?? 0);

export async function insertUser(db: DbOrTx, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

/** Updates only when the stored version matches; returns undefined on a stale version. */
export async function updateUserVersioned(
  db: DbOrTx,
  id: string,
  expectedVersion: number,
  patch: Partial<typeof users.$inferInsert>,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...patch, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(sql`${users.id} = ${id} and ${users.version} = ${expectedVersion}`)
    .returning();
  return row;
}

/** The user's own notification preferences (issue 20); no version bump: nobody else edits them. */
export async function setUserPreferences(
  db: DbOrTx,
  id: string,
  prefs: { lang: 'kk' | 'ru'; emailNotifications: boolean },
): Promise<void> {
  await db.update(users).set(prefs).where(sql`${users.id} = ${id}`);
}
