import { and, gt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { loginFailures } from '../../db/schema.js';

export async function recordLoginFailure(db: DbOrTx, email: string, ip: string): Promise<void> {
  await db.insert(loginFailures).values({ email: email.toLowerCase(), ip });
}

/**
 * Failures within the window: of this (account, address) pair and of the address (with
 * the oldest of each, for Retry-After), and of the account from every address (with the
 * latest, from which its back-off runs). One query on the (email, at) and (ip, at) indexes.
 */
export async function countRecentFailures(db: DbOrTx, email: string, ip: string, since: Date) {
  const e = email.toLowerCase();
  const [row] = await db
    .select({
      byPair: sql<number>`count(*) filter (where ${loginFailures.email} = ${e} and ${loginFailures.ip} = ${ip})`,
      pairOldest: sql<
        string | null
      >`min(${loginFailures.at}) filter (where ${loginFailures.email} = ${e} and ${loginFailures.ip} = ${ip})`,
      byIp: sql<number>`count(*) filter (where ${loginFailures.ip} = ${ip})`,
      ipOldest: sql<string | null>`min(${loginFailures.at}) filter (where ${loginFailures.ip} = ${ip})`,
      byEmail: sql<number>`count(*) filter (where ${loginFailures.email} = ${e})`,
      emailLatest: sql<string | null>`max(${loginFailures.at}) filter (where ${loginFailures.email} = ${e})`,
    })
    .from(loginFailures)
    .where(and(gt(loginFailures.at, since), sql`(${loginFailures.email} = ${e} or ${loginFailures.ip} = ${ip})`));
  const time = (v: string | Date | null | undefined) => (v ? new Date(v) : null);
  return {
    byPair: Number(row?.byPair ?? 0),
    pairOldest: time(row?.pairOldest),
    byIp: Number(row?.byIp ?? 0),
    ipOldest: time(row?.ipOldest),
    byEmail: Number(row?.byEmail ?? 0),
    emailLatest: time(row?.emailLatest),
  };
}

export async function pruneLoginFailures(db: DbOrTx, before: Date): Promise<void> {
  await db.delete(loginFailures).where(sql`${loginFailures.at} < ${before}`);
}
