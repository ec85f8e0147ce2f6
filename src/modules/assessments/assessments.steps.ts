// Steps 1 and 2 as stored, reproducible runs: load the snapshot, run the pure step,
// save its rows and a run record (input hash, parameters, result summary, result
// hash) in one transaction. Quality and structuring read the same snapshot and do
// not depend on each other, so they can run in either order.
import { createHash } from 'node:crypto';
import type { Db, Tx } from '../../db/client.js';
import type { Actor } from '../../shared/context.js';
import { runQuality } from '../../pipeline/quality/run.js';
import { defaultQualityParameters } from '../../pipeline/quality/types.js';
import { audit } from '../audit/audit.repository.js';
import { sha256 } from './assessments.hash.js';
import { inputHash, loadPipelineInput } from './assessments.input.js';
import {
  deleteFacts,
  FACT_BATCH,
  insertFacts,
  insertRun,
  listRuns,
  replaceFindings,
  type RunRow,
} from './assessments.repository.js';
import type { RunView } from './assessments.schemas.js';
import { loadAssessment, loadDraft } from './assessments.load.js';
import type { Fact } from '../../pipeline/facts.js';
import { emptySummary, factLine, orderedSubmissions, submissionStructurer } from '../../pipeline/structuring.js';

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

async function audited(tx: Tx, actor: Actor, step: 'quality' | 'structuring', run: RunRow): Promise<void> {
  await audit(
    tx,
    actor,
    `assessment.${step}_run`,
    { type: 'assessment', id: run.assessmentId },
    { after: { runId: run.id, inputHash: run.inputHash, resultHash: run.resultHash } },
  );
}

export async function runQualityStep(db: Db, actor: Actor, id: string): Promise<RunView> {
  return db.transaction(async (tx) => {
    const a = await loadDraft(tx, id);
    const startedAt = new Date();
    const input = await loadPipelineInput(tx, a);
    const parameters = { ...defaultQualityParameters, includeSubmitted: a.includeSubmitted };
    const { findings, completeness, summary } = runQuality(input, defaultQualityParameters);
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
    return toRunView(run);
  });
}

/**
 * Facts are produced per submission and written in batches, so memory stays bounded
 * by a batch whatever the national scale; the result hash is computed over the same
 * canonical stream (one JSON line per fact).
 */
export async function runStructuringStep(db: Db, actor: Actor, id: string): Promise<RunView> {
  return db.transaction(async (tx) => {
    const a = await loadDraft(tx, id);
    const startedAt = new Date();
    const input = await loadPipelineInput(tx, a);
    const parameters = { includeSubmitted: a.includeSubmitted };
    const summary = emptySummary();
    const hash = createHash('sha256');
    const structureOne = submissionStructurer(input);
    await deleteFacts(tx, id);
    let batch: Fact[] = [];
    for (const s of orderedSubmissions(input)) {
      structureOne(s, (f) => batch.push(f), summary);
      if (batch.length < FACT_BATCH) continue;
      for (const f of batch) hash.update(factLine(f));
      await insertFacts(tx, id, batch);
      batch = [];
    }
    for (const f of batch) hash.update(factLine(f));
    await insertFacts(tx, id, batch);
    const run = await insertRun(tx, {
      assessmentId: id,
      step: 'structuring',
      inputHash: inputHash('structuring', input, parameters),
      parameters,
      result: { summary },
      resultHash: hash.digest('hex'),
      startedAt,
      createdBy: actor.user.id,
    });
    await audited(tx, actor, 'structuring', run);
    return toRunView(run);
  });
}

export async function getRuns(db: Db, actor: Actor, id: string): Promise<RunView[]> {
  await loadAssessment(db, id, { readableBy: actor.user });
  return (await listRuns(db, id)).map(toRunView);
}
