// Every change is audited in the same transaction as the change itself.
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { auditLog } from '../../db/schema.js';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  objectType: string;
  objectId?: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
}

export async function recordAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: entry.requestId ?? null,
  });
}

export async function listAudit(
  db: DbOrTx,
  filter: { objectType?: string; objectId?: string; action?: string; limit: number; offset: number },
) {
  const conds: SQL[] = [];
  if (filter.objectType) conds.push(eq(auditLog.objectType, filter.objectType));
  if (filter.objectId) conds.push(eq(auditLog.objectId, filter.objectId));
  if (filter.action) conds.push(eq(auditLog.action, filter.action));
  return db
    .select()
    .from(auditLog)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(filter.limit)
    .offset(filter.offset);
}
