// Finalisation as a durable job (src/modules/jobs): requested in one transaction (If-Match on the
// assessment's version), then run by any instance's runner: protect and audit the published
// tables and render every output in a worker thread (progress per file), and in the job's final transaction store the
// files with their sha256 and the disclosure audit (a run of step `disclosure`) and mark the
// assessment finalised, all or nothing and exactly once (guarded by the job's lease); exposed
// cells refuse it. A failure ends the job as failed with the error's code and text.
import { notifyAssessmentFinalised } from '../notifications/notifications.service.js';
import { createHash } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/client.js';
import { DisclosureExposedError } from '../../reports/build/disclosure.js';
import type { Actor } from '../../shared/context.js';
import { staleVersion } from '../../shared/shared.errors.js';
import { audit } from '../audit/audit.repository.js';
import { loadAssessment } from '../assessments/assessments.load.js';
import { registerJobMessages } from '../jobs/jobs.messages.js';
import { type JobContext, registerJobHandler } from '../jobs/jobs.registry.js';
import type { JobView } from '../jobs/jobs.schemas.js';
import { actorPayload, enqueueJob, jobActor, jobView } from '../jobs/jobs.service.js';
import { requireAcceptedNarrative } from './reports.acceptance.js';
import { disclosureExposed, finaliseInProgress, narrativeChanged, rankingMissing } from './reports.errors.js';
import { streamAssessmentInput } from './reports.input.js';
import { type InputReader, renderHeapMb, renderOutputsInWorker } from './reports.render.js';
import { countFacts } from '../assessments/assessments.repository.js';
import {
  currentNarratives,
  hasRankingRun,
  insertDisclosureRun,
  markFinalised,
  replaceFiles,
} from './reports.repository.js';

export const FINALISE_JOB = 'report.finalise';

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** 428 without If-Match (the route), 409 `version.stale` when the assessment moved on. */
export async function requestFinalise(
  db: Db,
  actor: Actor,
  assessmentId: string,
  expectedVersion: number,
): Promise<JobView> {
  return db.transaction(async (tx) => {
    const a = await loadAssessment(tx, assessmentId, { forUpdate: true, writable: true });
    if (a.version !== expectedVersion) throw staleVersion(a.version);
    if (!(await hasRankingRun(tx, assessmentId))) throw rankingMissing();
    await requireAcceptedNarrative(tx, assessmentId);
    const { job, created } = await enqueueJob(tx, {
      kind: FINALISE_JOB,
      assessmentId,
      payload: actorPayload(actor),
      dedupeKey: `${FINALISE_JOB}:${assessmentId}`,
      createdBy: actor.user.id,
    });
    if (!created) throw finaliseInProgress(job.id);
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

const exposedError = (err: unknown) =>
  err instanceof DisclosureExposedError
    ? disclosureExposed(err.audit.exposed.map(({ key, lo, hi, need }) => ({ key, lo, hi, need })))
    : err;

async function finaliseJob(ctx: JobContext) {
  const { db } = ctx;
  const assessmentId = ctx.job.assessmentId!;
  const actor = jobActor(ctx.job);
  const jobId = ctx.job.id;
  ctx.progress(0.01, 'finalise.loading');
  const at = new Date();
  const stamp = await narrativeStamp(db, assessmentId);
  // Protection, audits and renders run in a worker thread: the server keeps answering meanwhile.
  const progress = (fraction: number, message: string, params?: Record<string, string>) => {
    // After an abort the signal ends the render; progress would throw.
    if (!ctx.signal.aborted) ctx.progress(fraction, message, params);
  };
  // This thread reads the input in one snapshot, a batch of facts at a time, and hands it over.
  const read: InputReader = (onFacts) => streamAssessmentInput(db, assessmentId, at, onFacts);
  const rendered = renderOutputsInWorker(read, progress, ctx.signal, renderHeapMb(await countFacts(db, assessmentId)));
  const { files, disclosure } = await rendered.catch((err: unknown) => {
    throw exposedError(err);
  });
  ctx.progress(0.92, 'finalise.storing');
  return ctx.complete(async (tx) => {
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
    const summary = stored.map((f) => ({ name: f.name, sha256: f.sha256, size: f.content.length }));
    await audit(
      tx,
      actor,
      'assessment.finalise',
      { type: 'assessment', id: assessmentId },
      { before: { status: a.status }, after: { status: 'finalised', jobId, files: summary } },
    );
    return { files: summary, filesUrl: `/api/v1/assessments/${assessmentId}/files` };
  });
}

registerJobMessages({
  'finalise.loading': { kk: 'Бағалау деректері жүктелуде', ru: 'Загрузка данных оценки' },
  'finalise.protecting': { kk: 'Жарияланатын кестелер қорғалуда', ru: 'Защита публикуемых таблиц' },
  'finalise.rendering': { kk: 'Файлдар тексеріліп, қалыптастырылуда', ru: 'Проверка и формирование файлов' },
  'finalise.file': { kk: '{name} файлы қалыптастырылды', ru: 'Сформирован файл {name}' },
  'finalise.retry': {
    kk: 'Файлдар үлкенірек жадпен қайта қалыптастырылуда',
    ru: 'Повторное формирование файлов с большим объёмом памяти',
  },
  'finalise.storing': { kk: 'Файлдар сақталуда', ru: 'Сохранение файлов' },
});
registerJobHandler(FINALISE_JOB, finaliseJob);
