// Revision history of a submission and the item-by-item difference between revisions.
import type { Db } from '../../db/client.js';
import type { AuthUser } from '../../shared/access.js';
import { diffContents, type ItemChange } from './submissions.diff.js';
import { revisionNotFound, submissionNotFound } from './submissions.errors.js';
import { findRevision, findSubmission, listRevisionContents, listRevisions } from './submissions.repository.js';
import { assertReadable } from './submissions.service.js';

async function readableSubmission(db: Db, user: AuthUser, campaignId: string, organisationId: string) {
  await assertReadable(db, user, organisationId);
  const sub = await findSubmission(db, campaignId, organisationId);
  if (!sub) throw submissionNotFound();
  return sub;
}

/** Revisions, newest first; with `withChanges`, each with the items it changed (one read for the whole history). */
export async function getHistory(
  db: Db,
  user: AuthUser,
  campaignId: string,
  organisationId: string,
  withChanges = false,
) {
  const sub = await readableSubmission(db, user, campaignId, organisationId);
  const revisions = (await listRevisions(db, sub.id)).map((r) => ({ ...r, savedAt: r.savedAt.toISOString() }));
  if (!withChanges) return revisions;
  const changes = new Map<number, { itemId: string; change: ItemChange['change'] }[]>();
  let previous: unknown = null;
  for (const { revision, content } of await listRevisionContents(db, sub.id)) {
    changes.set(
      revision,
      diffContents(previous, content).map(({ itemId, change }) => ({ itemId, change })),
    );
    previous = content;
  }
  return revisions.map((r) => ({ ...r, changes: changes.get(r.revision) ?? [] }));
}

async function revisionOf(db: Db, submissionId: string, revision: number) {
  const rev = await findRevision(db, submissionId, revision);
  if (!rev) throw revisionNotFound();
  return rev;
}

export async function getRevision(
  db: Db,
  user: AuthUser,
  campaignId: string,
  organisationId: string,
  revision: number,
) {
  const sub = await readableSubmission(db, user, campaignId, organisationId);
  const rev = await revisionOf(db, sub.id, revision);
  return {
    revision: rev.revision,
    action: rev.action,
    status: rev.status,
    savedAt: rev.savedAt.toISOString(),
    savedBy: rev.savedBy,
    savedByName: null,
    content: rev.content,
  };
}

export async function getDiff(
  db: Db,
  user: AuthUser,
  campaignId: string,
  organisationId: string,
  from: number,
  to: number,
): Promise<ItemChange[]> {
  const sub = await readableSubmission(db, user, campaignId, organisationId);
  const [a, b] = await Promise.all([revisionOf(db, sub.id, from), revisionOf(db, sub.id, to)]);
  return diffContents(a.content, b.content);
}
