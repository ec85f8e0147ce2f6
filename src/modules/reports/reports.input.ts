// Reads everything the report builder needs about one assessment into an AssessmentInput.
// The ranking and its register join come from the scoring module (getRanking).
import { factBatches, listFacts } from '../assessments/assessments.repository.js';
import { followUpSummary } from '../commission/commission.follow-up.js';
import { latestPublishedBefore } from '../commission/commission.repository.js';
import { listSpecialists } from '../expert-group/expert-group.repository.js';
import { type DbOrTx, readSnapshot } from '../../db/client.js';
import type { NumericFact } from '../../pipeline/facts.js';
import type { RankingResult } from '../../pipeline/results.js';
import type { AssessmentInput, Reference } from '../../reports/build/inputs.js';
import { agencyCodes } from '../../reports/build/register.js';
import { getRanking } from '../scoring/scoring.service.js';
import { loadAssessment } from '../assessments/assessments.load.js';
import {
  campaignsOf,
  currentNarratives,
  findingCounts,
  loadTextAnswers,
  participation,
  participationByYear,
} from './reports.repository.js';

const DEFAULT_VERSION = '2024-10-order-849-410';

function references(raw: unknown): Reference[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((r) => {
    if (typeof r !== 'object' || r === null || typeof (r as Reference).title !== 'string') return [];
    const { title, url, year, id, type } = r as Reference;
    return [
      {
        title,
        ...(typeof url === 'string' ? { url } : {}),
        ...(typeof year === 'number' ? { year } : {}),
        ...(typeof id === 'string' ? { id } : {}),
        ...(typeof type === 'string' ? { type } : {}),
      },
    ];
  });
}

/**
 * `at`: the finalisation time to print (defaults to the assessment's own, or now for a draft). Read
 * in one snapshot: a structuring that commits meanwhile is not half seen.
 */
export function loadAssessmentInput(db: DbOrTx, assessmentId: string, at?: Date): Promise<AssessmentInput> {
  return readSnapshot(db, (tx) => readAssessmentInput(tx, assessmentId, at, listFacts));
}

/**
 * The same read, in the same snapshot, handing the facts to `onFacts` batch by batch as they are
 * read: the input returned has none. The render worker gets them while it loads its renderers, and
 * this thread never holds more than a batch.
 */
export function streamAssessmentInput(
  db: DbOrTx,
  assessmentId: string,
  at: Date,
  onFacts: (batch: NumericFact[]) => void,
): Promise<AssessmentInput> {
  return readSnapshot(db, (tx) =>
    readAssessmentInput(tx, assessmentId, at, async (t, id) => {
      for await (const batch of factBatches(t, id)) onFacts(batch);
      return [];
    }),
  );
}

type ReadFacts = (db: DbOrTx, assessmentId: string) => Promise<NumericFact[]>;

async function readAssessmentInput(
  db: DbOrTx,
  assessmentId: string,
  at: Date | undefined,
  readFacts: ReadFacts,
): Promise<AssessmentInput> {
  const a = await loadAssessment(db, assessmentId);
  const ranking = await getRanking(db, assessmentId);
  const linked = await campaignsOf(db, assessmentId);
  const [factRows, findings, part, byYear, texts, narratives] = [
    await readFacts(db, assessmentId),
    await findingCounts(db, assessmentId),
    await participation(
      db,
      linked.map((c) => c.id),
      a.includeSubmitted,
    ),
    await participationByYear(
      db,
      linked.map((c) => c.id),
      a.includeSubmitted,
    ),
    await loadTextAnswers(db, assessmentId),
    await currentNarratives(db, assessmentId),
  ];
  return {
    id: a.id,
    years: [a.startYear, a.startYear + 1, a.startYear + 2],
    coordinatingBody: a.coordinatingBody,
    finalisedAt: (at ?? a.finalisedAt ?? new Date()).toISOString(),
    suppressionThreshold: a.suppressionThreshold,
    questionnaireVersion: linked[0]?.questionnaireVersion ?? DEFAULT_VERSION,
    references: references(a.references),
    participation: { ...part, byYear },
    requests: linked.map((c) => ({
      year: c.reportingYear,
      requestDate: c.requestDate,
      deadline: c.deadline,
      requestingBody: c.requestingBody ?? null,
      outgoingNumber: c.outgoingNumber ?? null,
      outgoingDate: c.outgoingDate ?? null,
    })),
    facts: factRows,
    texts,
    findings,
    ranking: ranking.result as unknown as RankingResult,
    register: ranking.risks.map((r) => ({
      code: r.riskCode,
      title: r.title,
      agencies: agencyCodes(r.agencyTypes),
      measures: r.measures.map((m) => ({ ...m.title, code: m.code })),
    })),
    narrative: Object.fromEntries(narratives.map((n) => [n.chapter, { kk: n.textKk, ru: n.textRu }])),
    ...(await cycleInputs(db, a.id, a.startYear)),
  };
}

/** §16 specialists of this assessment, and what was done on the previous published assessment's actions. */
async function cycleInputs(db: DbOrTx, assessmentId: string, startYear: number) {
  const participants = (await listSpecialists(db, assessmentId)).map((s) => ({
    kind: s.kind,
    name: s.name,
    field: s.field,
    organisation: s.organisation,
    contribution: s.contribution,
  }));
  const previous = await latestPublishedBefore(db, startYear);
  const actions = previous ? await followUpSummary(db, previous.id) : [];
  return {
    ...(participants.length ? { participants } : {}),
    ...(previous && actions.length ? { followUp: { previous, actions } } : {}),
  };
}
