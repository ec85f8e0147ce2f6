import { and, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { loginFailures } from '../../db/schema.js';

export async function recordLoginFailure(db: DbOrTx, email: string, ip: string): Promise<void> {
  await db.insert(loginFailures).values({ email: email.toLowerCase(), ip });
}

/** Failures within the window, per account and per IP. */
export async function countRecentFailures(db: DbOrTx, email: string, ip: string, since: Date) {
  const [row] = await db
    .select({
      byEmail: sql<number>`count(*) filter (where ${loginFailures.email} = ${email.toLowerCase()})`,
      byIp: sql<number>`count(*) filter (where ${loginFailures.ip} = ${ip})`,
    })
    .from(loginFailures)
    .where(and(gt(loginFailures.at, since), sql`(${loginFailures.email} = ${email.toLowerCase()} or ${loginFailures.ip} = ${ip})`));
  return { byEmail: Number(row?.byEmail ?? 0), byIp: Number(row?.byIp ?? 0) };
}

export async function pruneLoginFailures(db: DbOrTx, before: Date): Promise<void> {
  await db.delete(loginFailures).where(sql`${loginFailures.at} < ${before}`);
}
