// What the steps leave for the experts: the completeness report and the findings
// of the latest quality run, the fact table (Arrow / CSV) and the free texts by §14
// heading of the latest structuring; and turning a finding into a return for correction.
import { type Db, readSnapshot } from '../../db/client.js';
import type { Actor } from '../../shared/context.js';
import type { CompletenessReport } from '../../pipeline/quality/completeness.js';
import { factsCsvHeader, factsCsvRows, factTableToArrow, toExportFact } from '../../reports/arrow.js';
import { audit } from '../audit/audit.repository.js';
import { reopenForCorrection, returnForCorrection } from '../submissions/submissions.service.js';
import { factsChangedDuringExport, findingNotFound, findingNotReturnable, stepNotRun } from './assessments.errors.js';
import { headingOf, headings } from './assessments.headings.js';
import {
  findFinding,
  factBatches,
  findSubmissionById,
  latestRun,
  listFacts,
  listFindings,
  listTextFacts,
  type FindingRow,
} from './assessments.repository.js';
import type { FindingsQuery, TextsQuery, TextsView } from './assessments.schemas.js';
import type { SubmissionStatus } from '../../domain/states.js';
import { loadAssessment } from './assessments.load.js';

export async function getCompleteness(db: Db, actor: Actor, id: string): Promise<CompletenessReport> {
  await loadAssessment(db, id, { readableBy: actor.user });
  const run = await latestRun(db, id, 'quality');
  if (!run) throw stepNotRun('quality');
  return (run.result as { completeness: CompletenessReport }).completeness;
}

function findingView(f: FindingRow, submissionStatus: SubmissionStatus | null, lang: 'kk' | 'ru') {
  const messages = { kk: f.messageKk, ru: f.messageRu };
  return {
    id: f.id,
    severity: f.severity,
    code: f.code,
    ruleId: f.ruleId,
    itemId: f.itemId,
    organisationId: f.organisationId,
    submissionId: f.submissionId,
    submissionStatus,
    year: f.year,
    message: messages[lang],
    messages,
    details: f.details,
  };
}

export async function getFindings(db: Db, actor: Actor, id: string, q: FindingsQuery) {
  await loadAssessment(db, id, { readableBy: actor.user });
  if (!(await latestRun(db, id, 'quality'))) throw stepNotRun('quality');
  const { total, rows } = await listFindings(db, id, q);
  return {
    total,
    limit: q.limit,
    offset: q.offset,
    items: rows.map((r) => findingView(r.finding, r.submissionStatus, q.lang ?? actor.lang)),
  };
}

/** Returns the finding's submission for correction with the finding's message as the item comment. */
export async function returnFinding(db: Db, actor: Actor, id: string, findingId: number) {
  await loadAssessment(db, id, { readableBy: actor.user });
  const f = await findFinding(db, id, findingId);
  if (!f) throw findingNotFound();
  if (!f.submissionId) throw findingNotReturnable('no_submission');
  if (!f.itemId) throw findingNotReturnable('no_item');
  const sub = await findSubmissionById(db, f.submissionId);
  if (!sub) throw findingNotReturnable('no_submission');
  if (sub.status !== 'submitted' && sub.status !== 'accepted') throw findingNotReturnable('status', sub.status);
  const comment = actor.lang === 'kk' ? f.messageKk : f.messageRu;
  const comments = [{ itemId: f.itemId, comment }];
  // An accepted submission is reopened for correction, the finding being the reason (issue 20).
  const result =
    sub.status === 'accepted'
      ? await reopenForCorrection(db, actor, sub.campaignId, sub.organisationId, sub.revision, {
          reason: comment,
          comments,
          finding: { id: f.id, code: f.code },
        })
      : await returnForCorrection(db, actor, sub.campaignId, sub.organisationId, sub.revision, comments);
  return { ...result, submissionId: sub.id };
}

/** Raw victim-level data: every export is audited, before its first byte. Returns the expected row count. */
async function auditedFactsExport(db: Db, actor: Actor, id: string, format: 'arrow' | 'csv'): Promise<number> {
  await loadAssessment(db, id, { readableBy: actor.user });
  const run = await latestRun(db, id, 'structuring');
  if (!run) throw stepNotRun('structuring');
  const rows = (run.result as { summary: { facts: number } }).summary.facts;
  await audit(db, actor, 'assessment.facts_export', { type: 'assessment', id }, { after: { format, rows } });
  return rows;
}

/** The fact table as Arrow IPC (dictionary-encoded, built whole: the file format ends with a footer). */
export async function exportFactsArrow(db: Db, actor: Actor, id: string): Promise<Uint8Array> {
  await auditedFactsExport(db, actor, id, 'arrow');
  const rows = await readSnapshot(db, (tx) => listFacts(tx, id));
  return factTableToArrow(id, rows);
}

/**
 * The fact table as CSV, streamed one batch of 10,000 facts at a time: the download starts at
 * once and the server holds one batch, not the table. The rows are not read in one snapshot (that
 * would hold the embedded database's only connection for the whole download): a structuring
 * committed meanwhile changes the count, and the stream then ends in an error instead of a file
 * that mixes two runs.
 */
export async function exportFactsCsv(db: Db, actor: Actor, id: string): Promise<AsyncGenerator<string>> {
  const expected = await auditedFactsExport(db, actor, id, 'csv');
  return (async function* () {
    yield factsCsvHeader;
    let n = 0;
    for await (const batch of factBatches(db, id)) {
      n += batch.length;
      yield factsCsvRows(batch.map((f) => toExportFact(id, f)));
    }
    if (n !== expected) throw factsChangedDuringExport();
  })();
}

export async function getTexts(db: Db, actor: Actor, id: string, q: TextsQuery): Promise<TextsView> {
  await loadAssessment(db, id, { readableBy: actor.user });
  if (!(await latestRun(db, id, 'structuring'))) throw stepNotRun('structuring');
  const byHeading = new Map<string, TextsView['headings'][number]['entries']>(headings.map((h) => [h.code, []]));
  for (const t of await listTextFacts(db, id, q)) {
    const h = headingOf(t.itemId);
    if (h && t.text !== null) byHeading.get(h)!.push({ ...t, text: t.text });
  }
  return {
    headings: headings
      .filter((h) => !q.heading || h.code === q.heading)
      .map((h) => ({ code: h.code, title: h.title, entries: byHeading.get(h.code)! })),
  };
}
