// Finalisation as a job (jobs table): requested in one transaction, then run in-process
// after the response: protect and audit the published tables, render every output, store
// them with their sha256 and the disclosure audit (a run of step `disclosure`) and mark the
// assessment finalised, all or nothing; exposed cells refuse it. Errors end the job as failed with a message.
import { notifyAssessmentFinalised } from '../notifications/notifications.service.js';
import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, DbOrTx } from '../../db/client.js';
import { DisclosureExposedError } from '../../reports/build/disclosure.js';
import { renderOutputs } from '../../reports/build/outputs.js';
import type { AuthUser } from '../../shared/access.js';
import { hasRole } from '../../shared/access.js';
import type { Actor } from '../../shared/context.js';
import { AppError } from '../../shared/errors.js';
import { audit } from '../audit/audit.repository.js';
import { loadAssessment } from '../assessments/assessments.load.js';
import { requireAcceptedNarrative } from './reports.acceptance.js';
import {
  disclosureExposed,
  finaliseInProgress,
  jobNotFound,
  narrativeChanged,
  rankingMissing,
} from './reports.errors.js';
import { loadAssessmentInput } from './reports.input.js';
import {
  activeJob,
  currentNarratives,
  findJob,
  hasRankingRun,
  insertDisclosureRun,
  insertJob,
  markFinalised,
  replaceFiles,
  updateJob,
  type JobRow,
} from './reports.repository.js';
import type { JobView } from './reports.schemas.js';

export const FINALISE_JOB = 'report.finalise';

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export function jobView(j: JobRow): JobView {
  return {
    id: j.id,
    kind: j.kind,
    assessmentId: j.assessmentId,
    status: j.status,
    progress: j.progress,
    message: j.message,
    error: j.error ?? null,
    createdBy: j.createdBy,
    createdAt: j.createdAt.toISOString(),
    finishedAt: j.finishedAt ? j.finishedAt.toISOString() : null,
  };
}

export async function requestFinalise(db: Db, actor: Actor, assessmentId: string): Promise<JobView> {
  return db.transaction(async (tx) => {
    await loadAssessment(tx, assessmentId, { forUpdate: true, writable: true });
    if (!(await hasRankingRun(tx, assessmentId))) throw rankingMissing();
    await requireAcceptedNarrative(tx, assessmentId);
    const active = await activeJob(tx, assessmentId, FINALISE_JOB);
    if (active) throw finaliseInProgress(active.id);
    const job = await insertJob(tx, {
      kind: FINALISE_JOB,
      assessmentId,
      status: 'queued',
      createdBy: actor.user.id,
      message: 'queued',
    });
    await audit(
      tx,
      actor,
      'assessment.finalise_requested',
      { type: 'assessment', id: assessmentId },
      { after: { jobId: job.id } },
    );
    return jobView(job);
  });
}

/** chapter:revision of the current narrative, to detect edits made while rendering. */
async function narrativeStamp(db: DbOrTx, assessmentId: string): Promise<string> {
  return (await currentNarratives(db, assessmentId))
    .map((n) => `${n.chapter}:${n.revision}`)
    .sort()
    .join(',');
}

export async function runFinalise(
  db: Db,
  actor: Actor,
  jobId: string,
  assessmentId: string,
  log: FastifyBaseLogger,
): Promise<void> {
  try {
    await updateJob(db, jobId, { status: 'running', progress: 0.01, message: 'loading' });
    const at = new Date();
    const stamp = await narrativeStamp(db, assessmentId);
    const input = await loadAssessmentInput(db, assessmentId, at);
    // Stored progress stays below 1 until the files are committed.
    const { files, disclosure } = await renderOutputs(input, (done, total, name) =>
      updateJob(db, jobId, { progress: (0.9 * done) / total, message: name }),
    ).catch((err: unknown) => {
      throw err instanceof DisclosureExposedError
        ? disclosureExposed(err.audit.exposed.map(({ key, lo, hi, need }) => ({ key, lo, hi, need })))
        : err;
    });
    await db.transaction(async (tx) => {
      const a = await loadAssessment(tx, assessmentId, { forUpdate: true, writable: true });
      if ((await narrativeStamp(tx, assessmentId)) !== stamp) throw narrativeChanged();
      const stored = files.map((f) => ({ ...f, sha256: sha256(f.content) }));
      await replaceFiles(tx, assessmentId, stored);
      await insertDisclosureRun(tx, {
        assessmentId,
        createdBy: actor.user.id,
        startedAt: at,
        audit: disclosure,
        inputHash: sha256(Buffer.from(stored.map((f) => f.sha256).join(','))),
      });
      await markFinalised(tx, assessmentId, actor.user.id, at);
      await notifyAssessmentFinalised(tx, { id: assessmentId, title: { kk: a.titleKk, ru: a.titleRu } });
      await audit(
        tx,
        actor,
        'assessment.finalise',
        { type: 'assessment', id: assessmentId },
        {
          before: { status: a.status },
          after: {
            status: 'finalised',
            jobId,
            files: stored.map((f) => ({ name: f.name, sha256: f.sha256, size: f.content.length })),
          },
        },
      );
      await updateJob(tx, jobId, {
        status: 'done',
        progress: 1,
        message: `${stored.length} files`,
        finishedAt: new Date(),
      });
    });
  } catch (err) {
    log.error({ err, jobId, assessmentId }, 'report finalisation failed');
    const error =
      err instanceof AppError
        ? { code: err.code, message: err.text, ...(err.details ? { details: err.details } : {}) }
        : { code: 'internal', message: err instanceof Error ? err.message : String(err) };
    await updateJob(db, jobId, {
      status: 'failed',
      message: err instanceof AppError ? err.text.ru : 'internal error',
      error,
      finishedAt: new Date(),
    }).catch((e: unknown) => log.error({ err: e, jobId }, 'could not mark the job failed'));
  }
}

/** The creator, admins and experts may follow a job; others get 404. */
export async function getJob(db: Db, user: AuthUser, jobId: string): Promise<JobView> {
  const job = await findJob(db, jobId);
  if (!job || (job.createdBy !== user.id && !hasRole(user, 'admin', 'expert'))) throw jobNotFound();
  return jobView(job);
}
