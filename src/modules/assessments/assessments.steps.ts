// Steps 1 and 2 as durable jobs (src/modules/jobs): a request enqueues the step (202 with the
// job); the handler loads one snapshot of the inputs, runs the pure step outside any write
// transaction while reporting progress, then writes its rows (COPY), the run record (input
// hash, parameters, result summary, result hash) and the audit entry in one transaction that
// also marks the job succeeded. Quality and structuring read the same snapshot and do not
// depend on each other, so they can run in either order.
import { createHash } from 'node:crypto';
import { type Db, readSnapshot, type Tx } from '../../db/client.js';
import { CopyData, TextChunks } from '../../db/copy.js';
import type { Actor } from '../../shared/context.js';
import { runQuality } from '../../pipeline/quality/run.js';
import { defaultQualityParameters } from '../../pipeline/quality/types.js';
import type { PipelineInput } from '../../pipeline/quality/types.js';
import type { Fact } from '../../pipeline/facts.js';
import { emptySummary, orderedSubmissions, submissionStructurer } from '../../pipeline/structuring.js';
import { audit } from '../audit/audit.repository.js';
import { registerJobMessages } from '../jobs/jobs.messages.js';
import { type JobContext, registerJobHandler } from '../jobs/jobs.registry.js';
import type { JobView } from '../jobs/jobs.schemas.js';
import { actorPayload, enqueueJob, jobActor, jobView } from '../jobs/jobs.service.js';
import { sha256 } from './assessments.hash.js';
import { inputHash, loadPipelineInput, withContents } from './assessments.input.js';
import {
  copyFacts,
  deleteFacts,
  factCopyFields,
  insertRun,
  listRuns,
  replaceFindings,
  type RunRow,
} from './assessments.repository.js';
import type { RunView } from './assessments.schemas.js';
import { loadAssessment, loadDraft } from './assessments.load.js';
import type { AssessmentRow } from './assessments.repository.js';

export const QUALITY_JOB = 'assessment.quality';
export const STRUCTURING_JOB = 'assessment.structuring';

export function toRunView(r: RunRow): RunView {
  const result = r.result as { summary?: unknown };
  return {
    id: r.id,
    step: r.step,
    inputHash: r.inputHash,
    parameters: r.parameters,
    summary: result.summary ?? result,
    resultHash: r.resultHash,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt.toISOString(),
    createdBy: r.createdBy,
  };
}

/**
 * Enqueues a step of a draft assessment (404, 409 finalised before anything is queued). One
 * active job per step and assessment: asking again returns the queued or running one.
 */
export async function requestStep(db: Db, actor: Actor, assessmentId: string, kind: string): Promise<JobView> {
  return db.transaction(async (tx) => {
    await loadAssessment(tx, assessmentId, { writable: true });
    const { job } = await enqueueJob(tx, {
      kind,
      assessmentId,
      payload: actorPayload(actor),
      dedupeKey: `${kind}:${assessmentId}`,
      createdBy: actor.user.id,
    });
    return jobView(job);
  });
}

/** One consistent snapshot of the step's inputs (repeatable read), read without writing. */
async function loadSnapshot(db: Db, id: string): Promise<{ a: AssessmentRow; input: PipelineInput }> {
  return readSnapshot(db, async (tx) => {
    const a = await loadAssessment(tx, id, { writable: true });
    return { a, input: await loadPipelineInput(tx, a) };
  });
}

/** Lets timers (heartbeat) and other requests run between chunks of CPU work. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

async function audited(tx: Tx, actor: Actor, step: 'quality' | 'structuring', run: RunRow): Promise<void> {
  await audit(
    tx,
    actor,
    `assessment.${step}_run`,
    { type: 'assessment', id: run.assessmentId },
    { after: { runId: run.id, inputHash: run.inputHash, resultHash: run.resultHash } },
  );
}

async function qualityJob(ctx: JobContext) {
  const id = ctx.job.assessmentId!;
  const actor = jobActor(ctx.job);
  ctx.progress(0.02, 'quality.loading');
  const startedAt = new Date();
  const { a, input } = await loadSnapshot(ctx.db, id);
  ctx.progress(0.3, 'quality.checking');
  await breathe();
  const parameters = { ...defaultQualityParameters, includeSubmitted: a.includeSubmitted };
  const { findings, completeness, summary } = runQuality(input, defaultQualityParameters);
  ctx.progress(0.8, 'quality.writing');
  return ctx.complete(async (tx) => {
    await loadDraft(tx, id);
    const run = await insertRun(tx, {
      assessmentId: id,
      step: 'quality',
      inputHash: inputHash('quality', input, parameters),
      parameters,
      result: { summary, completeness },
      resultHash: sha256({ summary, completeness, findings }),
      startedAt,
      createdBy: actor.user.id,
    });
    await replaceFindings(tx, id, run.id, findings);
    await audited(tx, actor, 'quality', run);
    return { runId: run.id, step: 'quality', findings: findings.length };
  });
}

/** Submissions whose content is read (and let go) at a time while structuring. */
export const CONTENT_BATCH = 250;

/**
 * The facts as COPY text and the structuring result hash: sha256 over each fact's COPY fields
 * without the assessment id (factCopyFields), so the same submissions give the same hash in any
 * assessment. The hash is fed in ~1 MB pieces: one call per fact costs more than the rest.
 */
class FactStream {
  readonly data = new CopyData();
  private readonly hash = createHash('sha256');
  private readonly hashed = new TextChunks((c) => this.hash.update(c));
  private readonly prefix: string;

  constructor(assessmentId: string) {
    this.prefix = `${assessmentId}\t`;
  }

  add(f: Fact): void {
    const fields = factCopyFields(f);
    this.data.add(this.prefix + fields);
    this.hashed.write(fields);
  }

  digest(): string {
    this.hashed.flush();
    return this.hash.digest('hex');
  }
}

/**
 * Reads the snapshot (repeatable read, no writes) and produces the facts as COPY lines per
 * submission: the submissions' content is read in batches in the canonical order, so a national
 * dataset's answers are never held at once; the result hash is computed over the canonical stream
 * (one JSON line per fact).
 */
async function structureSnapshot(ctx: JobContext, id: string) {
  return readSnapshot(ctx.db, async (tx) => {
    const a = await loadAssessment(tx, id, { writable: true });
    const input = await loadPipelineInput(tx, a, { content: false });
    const summary = emptySummary();
    const structureOne = submissionStructurer(input);
    const facts = new FactStream(id);
    const sink = (f: Fact) => facts.add(f);
    const ordered = orderedSubmissions(input);
    for (let i = 0; i < ordered.length; i += CONTENT_BATCH) {
      for (const s of await withContents(tx, ordered.slice(i, i + CONTENT_BATCH))) structureOne(s, sink, summary);
      const done = Math.min(i + CONTENT_BATCH, ordered.length);
      ctx.progress(0.05 + (0.65 * done) / ordered.length, 'structuring.submissions', {
        done,
        total: ordered.length,
      });
      await breathe();
    }
    return { a, input, summary, data: facts.data, resultHash: facts.digest() };
  });
}

/** Structuring: the facts of the snapshot, written with one COPY in the final transaction. */
async function structuringJob(ctx: JobContext) {
  const id = ctx.job.assessmentId!;
  const actor = jobActor(ctx.job);
  ctx.progress(0.02, 'structuring.loading');
  const startedAt = new Date();
  const { a, input, summary, data, resultHash } = await structureSnapshot(ctx, id);
  const parameters = { includeSubmitted: a.includeSubmitted };
  ctx.progress(0.7, 'structuring.writing', { facts: data.rows });
  return ctx.complete(async (tx) => {
    await loadDraft(tx, id);
    await deleteFacts(tx, id);
    await copyFacts(tx, data);
    const run = await insertRun(tx, {
      assessmentId: id,
      step: 'structuring',
      inputHash: inputHash('structuring', input, parameters),
      parameters,
      result: { summary },
      resultHash,
      startedAt,
      createdBy: actor.user.id,
    });
    await audited(tx, actor, 'structuring', run);
    return { runId: run.id, step: 'structuring', facts: data.rows };
  });
}

registerJobMessages({
  'quality.loading': { kk: 'Ұсынылған мәліметтер жүктелуде', ru: 'Загрузка представленных сведений' },
  'quality.checking': { kk: 'Деректердің сапасы мен толықтығы тексерілуде', ru: 'Проверка качества и полноты данных' },
  'quality.writing': { kk: 'Ескертулер сақталуда', ru: 'Сохранение замечаний' },
  'structuring.loading': { kk: 'Ұсынылған мәліметтер жүктелуде', ru: 'Загрузка представленных сведений' },
  'structuring.submissions': {
    kk: 'Деректерді құрылымдау: {total} мәліметтің {done}',
    ru: 'Структурирование данных: {done} из {total} сведений',
  },
  'structuring.writing': { kk: '{facts} көрсеткіш жазылуда', ru: 'Запись показателей: {facts}' },
});
registerJobHandler(QUALITY_JOB, qualityJob);
registerJobHandler(STRUCTURING_JOB, structuringJob);

export async function getRuns(db: Db, actor: Actor, id: string): Promise<RunView[]> {
  await loadAssessment(db, id, { readableBy: actor.user });
  return (await listRuns(db, id)).map(toRunView);
}
