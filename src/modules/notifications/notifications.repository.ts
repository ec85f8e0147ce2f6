// The notification outbox: producers insert rows with a unique event key (a repeated event
// inserts nothing), the delivery claims pending e-mail rows with FOR UPDATE SKIP LOCKED so
// several instances never send one twice, users read their in-app rows.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { notifications } from '../../db/schema.js';
import type { Role } from '../../shared/access.js';
import type { Lang } from '../../shared/lang.js';

export type NotificationRow = typeof notifications.$inferSelect;

export interface Recipient {
  userId: string;
  lang: Lang;
  email: string;
  emailNotifications: boolean;
  /** The organisation the notice is about (focal points), for the text. */
  organisationId: string | null;
}

/** Enabled focal points of the given organisations. */
export async function focalPointsOf(db: DbOrTx, organisationIds: string[]): Promise<Recipient[]> {
  if (!organisationIds.length) return [];
  const rows = await db.execute(sql`
    select u.id as "userId", u.lang, u.email, u.email_notifications as "emailNotifications", u.organisation_id as "organisationId"
      from users u
     where not u.disabled and 'focal_point' = any(u.roles)
       and u.organisation_id in (${sql.join(
         organisationIds.map((id) => sql`${id}::uuid`),
         sql`, `,
       )})
     order by u.id`);
  return rows.rows as unknown as Recipient[];
}

/** Enabled users holding any of the roles. */
export async function usersWithRoles(db: DbOrTx, roles: Role[]): Promise<Recipient[]> {
  const rows = await db.execute(sql`
    select u.id as "userId", u.lang, u.email, u.email_notifications as "emailNotifications", null as "organisationId"
      from users u
     where not u.disabled and u.roles && array[${sql.join(
       roles.map((r) => sql`${r}`),
       sql`, `,
     )}]::text[]
     order by u.id`);
  return rows.rows as unknown as Recipient[];
}

/** Inserts the rows; those whose (event, user, channel) exists already are skipped. Returns how many were new. */
export async function enqueue(db: DbOrTx, rows: (typeof notifications.$inferInsert)[]): Promise<number> {
  if (!rows.length) return 0;
  const inserted = await db
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return inserted.length;
}

export function listInApp(db: DbOrTx, userId: string, opts: { unreadOnly: boolean; limit: number }) {
  const conds = [eq(notifications.userId, userId), eq(notifications.channel, 'in_app')];
  if (opts.unreadOnly) conds.push(isNull(notifications.readAt));
  return db
    .select()
    .from(notifications)
    .where(and(...conds))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(opts.limit);
}

export async function countUnread(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.channel, 'in_app'), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** Marks the user's own in-app notices read (all of them without ids); returns how many changed. */
export async function markRead(db: DbOrTx, userId: string, ids: number[] | null): Promise<number> {
  const conds = [eq(notifications.userId, userId), eq(notifications.channel, 'in_app'), isNull(notifications.readAt)];
  if (ids)
    conds.push(
      sql`${notifications.id} in (${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )})`,
    );
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(...conds))
    .returning({ id: notifications.id });
  return rows.length;
}

/** The log of what was sent (admin): newest first, optionally one event kind or status. */
export function listLog(db: DbOrTx, q: { kind?: string; status?: string; limit: number; offset: number }) {
  const conds = [];
  if (q.kind) conds.push(eq(notifications.kind, q.kind));
  if (q.status) conds.push(sql`${notifications.status} = ${q.status}`);
  return db
    .select()
    .from(notifications)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(notifications.id))
    .limit(q.limit)
    .offset(q.offset);
}
