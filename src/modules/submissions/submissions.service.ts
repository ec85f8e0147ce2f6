// A submission's life: draft saves (each a revision, optimistic concurrency on the
// revision number), submit when complete, withdraw before the deadline, return
// with comments and accept by an expert. Submitted and accepted content never changes.
import type { SubmissionStatus } from '../../domain/states.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { hasRole, type AuthUser } from '../../shared/access.js';
import type { Actor, Writer } from '../../shared/context.js';
import { deadlineEnd } from '../../shared/dates.js';
import { staleVersion } from '../../shared/shared.errors.js';
import { audit } from '../audit/audit.repository.js';
import { notifySubmission } from '../notifications/notifications.service.js';
import { readableOrganisationIds } from '../organisations/organisations.service.js';
import { getForm } from '../../domain/questionnaire/forms.js';
import type { Lang } from '../../shared/lang.js';
import {
  blocksDraft,
  completenessSummary,
  getValidator,
  isBlocking,
  type Issue,
} from '../../domain/questionnaire/validation.js';
import { readiness } from '../../domain/questionnaire/readiness.js';
import { campaignNotFound } from '../campaigns/campaigns.errors.js';
import {
  campaignNotOpen,
  deadlinePassed,
  editConflict,
  incomplete,
  invalidContent,
  notARecipient,
  notYourOrganisation,
  organisationInactive,
  submissionLocked,
  submissionNotFound,
  unknownCommentItems,
  warningsNotAcknowledged,
  wrongState,
} from './submissions.errors.js';
import {
  bumpRevision,
  findRevision,
  findSubmission,
  findTarget,
  insertComments,
  insertCorrection,
  insertFirstRevision,
  listCorrections,
  saveDraftRevision,
  insertRevision,
  listComments,
  listRevisionsAfter,
  type SubmissionRow,
} from './submissions.repository.js';
import { formHint, rememberForm, type FormHint } from './submissions.hints.js';
import { mergeContents, sameContent, sameValue } from './submissions.merge.js';
import type { Content, IssueView, SubmissionView } from './submissions.schemas.js';
import type { Readiness } from '../../domain/questionnaire/readiness.js';

type Target = NonNullable<Awaited<ReturnType<typeof findTarget>>>;

export const issueKey = (i: Issue): string => `${i.itemId}#${i.ruleId ?? i.code}`;

export function issueView(i: Issue, lang: Lang): IssueView {
  return {
    itemId: i.itemId,
    path: i.path,
    code: i.code,
    severity: i.severity,
    ...(i.ruleId ? { ruleId: i.ruleId } : {}),
    key: issueKey(i),
    message: i.message[lang],
    messages: i.message,
  };
}

const countsOf = (content: unknown, versionId: string, agencyType: string) => {
  const { total, answered, explained, empty, byReason } = completenessSummary(content, getForm(versionId, agencyType));
  return { total, answered, explained, empty, byReason };
};

/** Campaign and organisation of a submission, checked for existence and recipiency. */
async function target(db: Db, campaignId: string, organisationId: string): Promise<Target> {
  const t = await findTarget(db, campaignId, organisationId);
  if (!t) throw campaignNotFound();
  if (!t.isRecipient) throw notARecipient();
  return t;
}

/** Readers: admins and experts everything; a focal point its organisation and children. */
export async function assertReadable(db: Db, user: AuthUser, organisationId: string): Promise<void> {
  const ids = await readableOrganisationIds(db, user);
  if (ids && !ids.includes(organisationId)) throw submissionNotFound();
}

/** Writers: only a focal point of exactly that organisation (children are read-only for consolidation). */
function assertWritable(user: AuthUser, organisationId: string): void {
  if (!hasRole(user, 'focal_point') || user.organisationId !== organisationId) throw notYourOrganisation();
}

export async function currentContent(db: DbOrTx, sub: SubmissionRow): Promise<Content> {
  return (await findRevision(db, sub.id, sub.revision))?.content ?? { answers: {} };
}

export async function getSubmission(
  db: Db,
  actor: Actor,
  campaignId: string,
  organisationId: string,
): Promise<SubmissionView> {
  await assertReadable(db, actor.user, organisationId);
  const t = await target(db, campaignId, organisationId);
  const sub = await findSubmission(db, campaignId, organisationId);
  const content = sub ? await currentContent(db, sub) : { answers: {} };
  const validation = getValidator(t.questionnaireVersion, t.agencyType, 'complete').validate(content);
  const status = sub?.status ?? 'not_started';
  return {
    campaignId,
    organisationId,
    agencyType: t.agencyType,
    questionnaireVersion: t.questionnaireVersion,
    status,
    revision: sub?.revision ?? 0,
    content,
    completeness: sub?.completeness ?? countsOf(content, t.questionnaireVersion, t.agencyType),
    readiness: readiness(content, getForm(t.questionnaireVersion, t.agencyType), validation.issues),
    issues: validation.issues.map((i) => issueView(i, actor.lang)),
    comments: sub ? (await listComments(db, sub.id)).map((c) => ({ ...c, createdAt: c.createdAt.toISOString() })) : [],
    inCorrection: sub?.inCorrection ?? false,
    corrections: sub
      ? (await listCorrections(db, sub.id)).map((c) => ({ ...c, createdAt: c.createdAt.toISOString() }))
      : [],
    acknowledgements: sub?.acknowledgements ?? null,
    lastSavedAt: sub?.lastSavedAt.toISOString() ?? null,
    submittedAt: sub?.submittedAt?.toISOString() ?? null,
    acceptedAt: sub?.acceptedAt?.toISOString() ?? null,
    deadline: t.deadline,
    campaignStatus: t.campaignStatus,
    editable:
      (t.campaignStatus === 'open' || t.inCorrection) &&
      ['not_started', 'draft', 'returned'].includes(status) &&
      hasRole(actor.user, 'focal_point') &&
      actor.user.organisationId === organisationId,
  };
}

/** The target of a write: an active organisation in an open campaign; remembered as the form hint. */
async function openTarget(db: Db, campaignId: string, organisationId: string): Promise<Target> {
  const t = await target(db, campaignId, organisationId);
  if (!t.organisationActive) throw organisationInactive();
  if (t.campaignStatus !== 'open' && !t.inCorrection) throw campaignNotOpen();
  rememberForm(db, campaignId, organisationId, t);
  return t;
}

export interface SaveOptions {
  /** The revision the caller has seen (an import's If-Match): refused with 409 when the draft is elsewhere now. */
  expected?: number;
  /** Answer "no changes" instead of writing a revision identical to the current one. */
  skipUnchanged?: boolean;
  /** How the caller resolved conflicting items: its own value or the current one. */
  resolutions?: Record<string, 'mine' | 'theirs'>;
}

export interface SaveResult {
  revision: number;
  status: string;
  /** Everything that still blocks submission (complete mode), as GET reports it. */
  issues: IssueView[];
  readiness: Readiness;
  /** Present when the write was merged with changes saved since its base. */
  merged?: { baseRevision: number; theirs: string[]; content: Content };
  /** Nothing changed: no revision was written. */
  unchanged?: boolean;
}

/**
 * Saves a draft revision based on revision `base` (If-Match for PUT; for a workbook the
 * revision recorded in it; 0 for a first save). Used by the API and the Excel import alike
 * (`action` tells them apart in the history). When `base` is still current (the usual
 * case), a save on a known form is one validated atomic write that checks everything
 * itself. Otherwise the account, campaign and organisation are read afresh and decide (and
 * tell why), and the write is merged item by item with what was saved since `base`.
 */
export async function saveDraft(
  db: Db,
  writer: Writer,
  campaignId: string,
  organisationId: string,
  base: number,
  content: Content,
  action: 'save' | 'import' = 'save',
  options: SaveOptions = {},
): Promise<SaveResult> {
  const draft = {
    campaignId,
    organisationId,
    expected: base,
    content,
    action,
    userId: writer.id,
    tokenVersion: writer.tokenVersion,
  };
  const fast = base > 0 && (options.expected ?? base) === base && !options.skipUnchanged;
  const hint = fast ? formHint(db, campaignId, organisationId) : undefined;
  if (hint) {
    const saved = await validateAndWrite(db, hint, draft, writer.lang, { hinted: true });
    if (saved) return saved;
  }
  assertWritable(await writer.account(), organisationId);
  const form = await openTarget(db, campaignId, organisationId);
  const validation = getValidator(form.questionnaireVersion, form.agencyType, 'draft').validate(content);
  if (!validation.valid)
    throw invalidContent(validation.issues.filter((i) => isBlocking(i, 'draft')).map((i) => issueView(i, writer.lang)));
  // A concurrent writer may land between the read and the write: merge again against it.
  for (let attempt = 0; attempt < 5; attempt++) {
    const plan = await planWrite(db, campaignId, organisationId, base, content, options.resolutions);
    if (options.expected !== undefined && plan.currentRevision !== options.expected)
      throw staleVersion(plan.currentRevision);
    if (plan.conflicts.length)
      throw editConflict({
        currentVersion: plan.currentRevision,
        baseVersion: base,
        conflicts: plan.conflicts,
        merged: plan.merged,
      });
    if (options.skipUnchanged && sameContent(plan.merged, plan.currentContent)) {
      const issues = getValidator(form.questionnaireVersion, form.agencyType, 'complete').validate(plan.merged).issues;
      return {
        revision: plan.currentRevision,
        status: plan.current?.status ?? 'not_started',
        issues: issues.map((i) => issueView(i, writer.lang)),
        readiness: readiness(plan.merged, getForm(form.questionnaireVersion, form.agencyType), issues),
        unchanged: true,
      };
    }
    const saved = await validateAndWrite(
      db,
      form,
      { ...draft, expected: plan.currentRevision, content: plan.merged },
      writer.lang,
      { hinted: false },
    );
    if (saved)
      return plan.currentRevision === base
        ? saved
        : { ...saved, merged: { baseRevision: base, theirs: plan.theirs, content: plan.merged } };
  }
  throw staleVersion((await findSubmission(db, campaignId, organisationId))?.revision ?? 0);
}

/** One conflicting item: its value at the base, now (with who saved it and when) and in the write. */
export interface ConflictView {
  itemId: string;
  base: unknown;
  current: unknown;
  incoming: unknown;
  changedAt: string | null;
  changedBy: string | null;
  changedByName: string | null;
  changedInRevision: number | null;
}

export interface WritePlan {
  current: SubmissionRow | undefined;
  currentRevision: number;
  currentContent: Content;
  merged: Content;
  theirs: string[];
  conflicts: ConflictView[];
}

/**
 * What a write based on `base` would store now: the current draft merged item by item with
 * the write. Refuses a base the draft never had and a draft that can no longer change.
 */
export async function planWrite(
  db: DbOrTx,
  campaignId: string,
  organisationId: string,
  base: number,
  incoming: Content,
  resolutions: Record<string, 'mine' | 'theirs'> = {},
): Promise<WritePlan> {
  const current = await findSubmission(db, campaignId, organisationId);
  const currentRevision = current?.revision ?? 0;
  if (current && ['submitted', 'accepted'].includes(current.status))
    throw submissionLocked(current.status, current.revision);
  if (base > currentRevision || base < 0) throw staleVersion(currentRevision);
  if (!current)
    return { current, currentRevision, currentContent: { answers: {} }, merged: incoming, theirs: [], conflicts: [] };
  // Up to the revision read above: one saved meanwhile makes the write miss and the merge run again.
  const later =
    base === currentRevision
      ? []
      : (await listRevisionsAfter(db, current.id, base)).filter((r) => r.revision <= currentRevision);
  const baseContent =
    base === 0 ? { answers: {} } : ((await findRevision(db, current.id, base))?.content as Content | undefined);
  if (!baseContent) throw staleVersion(currentRevision);
  const now = later.length ? (later.at(-1)!.content as Content) : await currentContent(db, current);
  const { merged, conflicts, theirs } = mergeContents(baseContent, now, incoming);
  const open: ConflictView[] = [];
  for (const itemId of conflicts) {
    const choice = resolutions[itemId];
    if (choice === 'mine') {
      if (incoming.answers[itemId] === undefined) delete merged.answers[itemId];
      else merged.answers[itemId] = incoming.answers[itemId];
    }
    if (choice) continue;
    // Who changed it last: the latest revision after the base whose value differs from the one before it.
    let changed: (typeof later)[number] | undefined;
    let previous: unknown = baseContent.answers[itemId];
    for (const r of later) {
      const value = (r.content as Content).answers[itemId];
      if (!sameValue(value, previous)) changed = r;
      previous = value;
    }
    open.push({
      itemId,
      base: baseContent.answers[itemId] ?? null,
      current: now.answers[itemId] ?? null,
      incoming: incoming.answers[itemId] ?? null,
      changedAt: changed?.savedAt.toISOString() ?? null,
      changedBy: changed?.savedBy ?? null,
      changedByName: changed?.savedByName ?? null,
      changedInRevision: changed?.revision ?? null,
    });
  }
  return { current, currentRevision, currentContent: now, merged, theirs, conflicts: open };
}

/** What a save writes, but the form and what follows from it. */
type Draft = Omit<Parameters<typeof saveDraftRevision>[1], keyof FormHint | 'completeness' | 'savedAt'> & {
  content: Content;
};

/**
 * Undefined when the write was refused, or when content is invalid on a hinted form (the
 * hint may be stale); throws on invalid content only for a form read afresh.
 */
async function validateAndWrite(db: Db, form: FormHint, draft: Draft, lang: Lang, { hinted }: { hinted: boolean }) {
  const { questionnaireVersion, agencyType } = form;
  // One complete-mode pass: what refuses the save (structural problems) and what the page must show.
  const validation = getValidator(questionnaireVersion, agencyType, 'complete').validate(draft.content);
  const refused = validation.issues.filter(blocksDraft);
  if (refused.length) {
    if (hinted) return undefined;
    throw invalidContent(refused.map((i) => issueView(i, lang)));
  }
  const ready = readiness(draft.content, getForm(questionnaireVersion, agencyType), validation.issues);
  const v = {
    ...draft,
    questionnaireVersion,
    agencyType,
    // The board shows the same completeness as the form: what submission will accept.
    completeness: {
      ...countsOf(draft.content, questionnaireVersion, agencyType),
      ready: ready.ready,
      required: ready.required,
    },
    savedAt: new Date(),
  };
  const saved =
    draft.expected === 0
      ? await db.transaction(async (tx) => {
          const row = await insertFirstRevision(tx, {
            campaignId: v.campaignId,
            organisationId: v.organisationId,
            questionnaireVersion,
            agencyType,
            completeness: v.completeness,
            userId: v.userId,
          });
          if (row)
            await insertRevision(tx, {
              submissionId: row.id,
              revision: row.revision,
              action: v.action,
              status: row.status,
              content: v.content,
              savedBy: v.userId,
              savedAt: v.savedAt,
            });
          return row;
        })
      : await saveDraftRevision(db, v);
  return (
    saved && {
      revision: saved.revision,
      status: saved.status,
      issues: validation.issues.map((i) => issueView(i, lang)),
      readiness: ready,
    }
  );
}

/** What a state change tells the organisation's focal points. */
const noticeOf: Partial<Record<Transition['action'], Parameters<typeof notifySubmission>[1]>> = {
  return: 'submission_returned',
  accept: 'submission_accepted',
  reopen: 'submission_reopened',
};

interface Transition {
  from: SubmissionStatus[];
  to: SubmissionStatus;
  action: 'submit' | 'withdraw' | 'return' | 'accept' | 'reopen';
  patch?: Partial<SubmissionRow>;
  /** Recorded with the state change in the audit log (a reopening's reason). */
  auditAfter?: Record<string, unknown>;
}

/** Moves a submission between states under the same optimistic-concurrency rule as saves. */
async function transition(
  db: Db,
  actor: Actor,
  campaignId: string,
  organisationId: string,
  expectedRevision: number,
  tr: Transition,
  after?: (tx: DbOrTx, row: SubmissionRow) => Promise<void>,
) {
  return db.transaction(async (tx) => {
    const existing = await findSubmission(tx, campaignId, organisationId);
    if (!existing) throw submissionNotFound();
    if (existing.revision !== expectedRevision) throw staleVersion(existing.revision);
    if (!tr.from.includes(existing.status)) throw wrongState(existing.status, tr.action);
    const row = await bumpRevision(tx, existing.id, expectedRevision, tr.from, {
      status: tr.to,
      updatedBy: actor.user.id,
      ...tr.patch,
    });
    if (!row) throw staleVersion(existing.revision);
    const content = await currentContent(tx, existing);
    await insertRevision(tx, {
      submissionId: row.id,
      revision: row.revision,
      action: tr.action,
      status: row.status,
      content,
      savedBy: actor.user.id,
    });
    if (after) await after(tx, row);
    const notice = noticeOf[tr.action];
    if (notice) await notifySubmission(tx, notice, row, tr.auditAfter?.reason as string | undefined);
    await audit(
      tx,
      actor,
      `submission.${tr.action}`,
      { type: 'submission', id: row.id },
      {
        before: { status: existing.status, revision: existing.revision },
        after: { status: row.status, revision: row.revision, campaignId, organisationId, ...tr.auditAfter },
      },
    );
    return { revision: row.revision, status: row.status };
  });
}

export async function submit(
  db: Db,
  actor: Actor,
  campaignId: string,
  organisationId: string,
  expectedRevision: number,
  acknowledgements: Record<string, string>,
) {
  assertWritable(actor.user, organisationId);
  const t = await openTarget(db, campaignId, organisationId);
  const existing = await findSubmission(db, campaignId, organisationId);
  if (!existing) throw incomplete([]);
  const content = await currentContent(db, existing);
  const result = getValidator(t.questionnaireVersion, t.agencyType, 'complete').validate(content);
  const blocking = result.issues.filter((i) => isBlocking(i, 'complete'));
  if (blocking.length) throw incomplete(blocking.map((i) => issueView(i, actor.lang)));
  const unacknowledged = result.issues.filter((i) => i.severity === 'warning' && !acknowledgements[issueKey(i)]);
  if (unacknowledged.length) throw warningsNotAcknowledged(unacknowledged.map((i) => issueView(i, actor.lang)));
  const keep = Object.fromEntries(
    result.issues.filter((i) => i.severity === 'warning').map((i) => [issueKey(i), acknowledgements[issueKey(i)]!]),
  );
  // The first submission time decides timeliness: a return for correction does not make it late.
  return transition(db, actor, campaignId, organisationId, expectedRevision, {
    from: ['draft', 'returned'],
    to: 'submitted',
    action: 'submit',
    patch: { submittedAt: existing.submittedAt ?? new Date(), acknowledgements: keep },
  });
}

export async function withdraw(
  db: Db,
  actor: Actor,
  campaignId: string,
  organisationId: string,
  expectedRevision: number,
) {
  assertWritable(actor.user, organisationId);
  const t = await openTarget(db, campaignId, organisationId);
  if (new Date() > deadlineEnd(t.deadline)) throw deadlinePassed();
  return transition(db, actor, campaignId, organisationId, expectedRevision, {
    from: ['submitted'],
    to: 'draft',
    action: 'withdraw',
    patch: { submittedAt: null },
  });
}

export async function returnForCorrection(
  db: Db,
  actor: Actor,
  campaignId: string,
  organisationId: string,
  expectedRevision: number,
  comments: { itemId: string; comment: string }[],
) {
  const t = await target(db, campaignId, organisationId);
  const form = getForm(t.questionnaireVersion, t.agencyType);
  const unknown = comments.filter((c) => !form.index.has(c.itemId)).map((c) => c.itemId);
  if (unknown.length) throw unknownCommentItems(unknown);
  return transition(
    db,
    actor,
    campaignId,
    organisationId,
    expectedRevision,
    { from: ['submitted'], to: 'returned', action: 'return' },
    async (tx, row) =>
      insertComments(
        tx,
        comments.map((c) => ({
          submissionId: row.id,
          itemId: c.itemId,
          comment: c.comment,
          revision: row.revision,
          authorId: actor.user.id,
        })),
      ),
  );
}

export async function accept(
  db: Db,
  actor: Actor,
  campaignId: string,
  organisationId: string,
  expectedRevision: number,
) {
  await target(db, campaignId, organisationId);
  return transition(db, actor, campaignId, organisationId, expectedRevision, {
    from: ['submitted'],
    to: 'accepted',
    action: 'accept',
    patch: { acceptedAt: new Date(), inCorrection: false },
  });
}

export interface Reopening {
  reason: string;
  comments: { itemId: string; comment: string }[];
  /** The quality finding that asked for the correction. */
  finding?: { id: number; code: string };
}

/**
 * Correction after acceptance: an expert reopens an accepted submission (at its current, accepted
 * revision) with a reason and item comments. It becomes `returned` and editable by its focal point
 * even in a closed campaign; the accepted revision stays readable in the history, the reopening is
 * recorded (submission_corrections) and audited. Accepted again, it is what assessments draw on.
 */
export async function reopenForCorrection(
  db: Db,
  actor: Actor,
  campaignId: string,
  organisationId: string,
  expectedRevision: number,
  r: Reopening,
) {
  const t = await target(db, campaignId, organisationId);
  const sub = await findSubmission(db, campaignId, organisationId);
  const form = getForm(t.questionnaireVersion, sub?.agencyType ?? t.agencyType);
  const unknown = r.comments.filter((c) => !form.index.has(c.itemId)).map((c) => c.itemId);
  if (unknown.length) throw unknownCommentItems(unknown);
  return transition(
    db,
    actor,
    campaignId,
    organisationId,
    expectedRevision,
    {
      from: ['accepted'],
      to: 'returned',
      action: 'reopen',
      patch: { inCorrection: true },
      auditAfter: { reason: r.reason, acceptedRevision: expectedRevision, findingId: r.finding?.id ?? null },
    },
    async (tx, row) => {
      await insertComments(
        tx,
        r.comments.map((c) => ({
          submissionId: row.id,
          itemId: c.itemId,
          comment: c.comment,
          revision: row.revision,
          authorId: actor.user.id,
        })),
      );
      await insertCorrection(tx, {
        submissionId: row.id,
        acceptedRevision: expectedRevision,
        revision: row.revision,
        reason: r.reason,
        findingId: r.finding?.id ?? null,
        findingCode: r.finding?.code ?? null,
        requestedBy: actor.user.id,
      });
    },
  );
}
