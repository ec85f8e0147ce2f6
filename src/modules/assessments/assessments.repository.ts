import { and, asc, count, desc, eq, gt, gte, inArray, isNotNull, isNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { FindingSeverity, RunStep, SubmissionStatus } from '../../domain/states.js';
import type { DbOrTx } from '../../db/client.js';
import { stringPool } from '../../shared/intern.js';
import { type CopyData, copyLine, copyRows, copyValue } from '../../db/copy.js';
import {
  assessmentCampaigns,
  assessmentRuns,
  assessments,
  campaignRecipients,
  campaigns,
  facts,
  organisations,
  qualityFindings,
  submissionRevisions,
  submissions,
} from '../../db/schema.js';
import type { Finding } from '../../pipeline/quality/types.js';
import type { Fact, NumericFact } from '../../pipeline/facts.js';

export type AssessmentRow = typeof assessments.$inferSelect;
export type RunRow = typeof assessmentRuns.$inferSelect;
export type FindingRow = typeof qualityFindings.$inferSelect;

const NONE = '00000000-0000-0000-0000-000000000000';

/** With forUpdate, locks the row until the transaction ends: concurrent runs of a step on one assessment queue up. */
export async function findAssessment(db: DbOrTx, id: string, forUpdate = false): Promise<AssessmentRow | undefined> {
  const q = db.select().from(assessments).where(eq(assessments.id, id)).limit(1);
  return (forUpdate ? await q.for('update') : await q)[0];
}

export async function campaignIdsOf(db: DbOrTx, assessmentIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(assessmentIds.map((id) => [id, []]));
  if (!assessmentIds.length) return out;
  const rows = await db
    .select({ assessmentId: assessmentCampaigns.assessmentId, campaignId: assessmentCampaigns.campaignId })
    .from(assessmentCampaigns)
    .innerJoin(campaigns, eq(campaigns.id, assessmentCampaigns.campaignId))
    .where(inArray(assessmentCampaigns.assessmentId, assessmentIds))
    .orderBy(asc(campaigns.reportingYear), asc(campaigns.id));
  for (const r of rows) out.get(r.assessmentId)!.push(r.campaignId);
  return out;
}

export function listAssessments(db: DbOrTx, onlyFinalised: boolean) {
  return db
    .select()
    .from(assessments)
    .where(onlyFinalised ? eq(assessments.status, 'finalised') : undefined)
    .orderBy(desc(assessments.startYear), desc(assessments.createdAt));
}

export async function insertAssessment(db: DbOrTx, values: typeof assessments.$inferInsert): Promise<AssessmentRow> {
  const [row] = await db.insert(assessments).values(values).returning();
  return row!;
}

export async function updateAssessmentVersioned(
  db: DbOrTx,
  id: string,
  expectedVersion: number,
  patch: Partial<typeof assessments.$inferInsert>,
) {
  const [row] = await db
    .update(assessments)
    .set({ ...patch, version: sql`${assessments.version} + 1`, updatedAt: new Date() })
    .where(and(eq(assessments.id, id), eq(assessments.version, expectedVersion), eq(assessments.status, 'draft')))
    .returning();
  return row;
}

export async function replaceAssessmentCampaigns(
  db: DbOrTx,
  assessmentId: string,
  campaignIds: string[],
): Promise<void> {
  await db.delete(assessmentCampaigns).where(eq(assessmentCampaigns.assessmentId, assessmentId));
  if (campaignIds.length)
    await db.insert(assessmentCampaigns).values(campaignIds.map((campaignId) => ({ assessmentId, campaignId })));
}

/** Campaigns by id (to validate a selection) or, without ids, the non-draft ones of a year range. */
export function findCampaigns(db: DbOrTx, filter: { ids?: string[]; fromYear?: number; toYear?: number }) {
  const conds: SQL[] = [];
  if (filter.ids) conds.push(inArray(campaigns.id, filter.ids.length ? filter.ids : [NONE]));
  // A campaign a correction campaign superseded is drawn into no assessment (one per reporting year).
  else conds.push(ne(campaigns.status, 'draft'), isNull(campaigns.supersededAt));
  if (filter.fromYear !== undefined) conds.push(gte(campaigns.reportingYear, filter.fromYear));
  if (filter.toYear !== undefined) conds.push(lte(campaigns.reportingYear, filter.toYear));
  return db
    .select({
      id: campaigns.id,
      reportingYear: campaigns.reportingYear,
      questionnaireVersion: campaigns.questionnaireVersion,
      deadline: campaigns.deadline,
      supersededAt: campaigns.supersededAt,
    })
    .from(campaigns)
    .where(and(...conds))
    .orderBy(asc(campaigns.reportingYear), asc(campaigns.id));
}

export function recipientsOf(db: DbOrTx, campaignIds: string[]) {
  return db
    .select({ campaignId: campaignRecipients.campaignId, organisationId: campaignRecipients.organisationId })
    .from(campaignRecipients)
    .where(inArray(campaignRecipients.campaignId, campaignIds.length ? campaignIds : [NONE]))
    .orderBy(asc(campaignRecipients.campaignId), asc(campaignRecipients.organisationId));
}

export function organisationsOfCampaigns(db: DbOrTx, campaignIds: string[]) {
  return db
    .selectDistinct({
      id: organisations.id,
      agencyType: organisations.agencyType,
      region: organisations.region,
      nameKk: organisations.nameKk,
      nameRu: organisations.nameRu,
    })
    .from(organisations)
    .innerJoin(campaignRecipients, eq(campaignRecipients.organisationId, organisations.id))
    .where(inArray(campaignRecipients.campaignId, campaignIds.length ? campaignIds : [NONE]))
    .orderBy(asc(organisations.id));
}

/** Drawn-on submissions with the content of their current revision. */
const drawnColumns = {
  id: submissions.id,
  campaignId: submissions.campaignId,
  organisationId: submissions.organisationId,
  questionnaireVersion: submissions.questionnaireVersion,
  agencyType: submissions.agencyType,
  status: submissions.status,
  revision: submissions.revision,
  submittedAt: submissions.submittedAt,
};
const currentRevision = and(
  eq(submissionRevisions.submissionId, submissions.id),
  eq(submissionRevisions.revision, submissions.revision),
);

/** The drawn-on submissions by id, with the content of their current revision or (`content: false`) null. */
export async function drawnSubmissions(
  db: DbOrTx,
  campaignIds: string[],
  statuses: SubmissionStatus[],
  content: boolean,
) {
  const where = and(
    inArray(submissions.campaignId, campaignIds.length ? campaignIds : [NONE]),
    inArray(submissions.status, statuses),
  );
  if (!content)
    return (await db.select(drawnColumns).from(submissions).where(where).orderBy(asc(submissions.id))).map((r) => ({
      ...r,
      content: null as unknown,
    }));
  return db
    .select({ ...drawnColumns, content: submissionRevisions.content })
    .from(submissions)
    .innerJoin(submissionRevisions, currentRevision)
    .where(where)
    .orderBy(asc(submissions.id));
}

/** The content of the submissions' current revisions, keyed by submission id (read in the caller's snapshot). */
export async function submissionContents(db: DbOrTx, ids: readonly string[]): Promise<Map<string, unknown>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: submissions.id, content: submissionRevisions.content })
    .from(submissions)
    .innerJoin(submissionRevisions, currentRevision)
    .where(inArray(submissions.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.content]));
}

export const findSubmissionById = async (db: DbOrTx, id: string) =>
  (
    await db
      .select({
        id: submissions.id,
        campaignId: submissions.campaignId,
        organisationId: submissions.organisationId,
        status: submissions.status,
        revision: submissions.revision,
      })
      .from(submissions)
      .where(eq(submissions.id, id))
      .limit(1)
  )[0];

export async function insertRun(db: DbOrTx, values: typeof assessmentRuns.$inferInsert): Promise<RunRow> {
  const [row] = await db.insert(assessmentRuns).values(values).returning();
  return row!;
}

export function listRuns(db: DbOrTx, assessmentId: string) {
  return db
    .select()
    .from(assessmentRuns)
    .where(eq(assessmentRuns.assessmentId, assessmentId))
    .orderBy(desc(assessmentRuns.finishedAt), desc(assessmentRuns.startedAt));
}

export const latestRun = async (db: DbOrTx, assessmentId: string, step: RunStep): Promise<RunRow | undefined> =>
  (
    await db
      .select()
      .from(assessmentRuns)
      .where(and(eq(assessmentRuns.assessmentId, assessmentId), eq(assessmentRuns.step, step)))
      .orderBy(desc(assessmentRuns.finishedAt), desc(assessmentRuns.startedAt))
      .limit(1)
  )[0];

const FINDING_COLUMNS = [
  'assessment_id',
  'run_id',
  'severity',
  'code',
  'rule_id',
  'item_id',
  'organisation_id',
  'submission_id',
  'year',
  'message_kk',
  'message_ru',
  'details',
];

/** Findings are replaced on every quality run (earlier runs keep only their summary); written with COPY. */
export async function replaceFindings(
  tx: DbOrTx,
  assessmentId: string,
  runId: string,
  findings: readonly Finding[],
): Promise<void> {
  await tx.delete(qualityFindings).where(eq(qualityFindings.assessmentId, assessmentId));
  const lines = findings.map((f) =>
    copyLine([
      assessmentId,
      runId,
      f.severity,
      f.code,
      f.ruleId,
      f.itemId,
      f.organisationId,
      f.submissionId,
      f.year,
      f.message.kk,
      f.message.ru,
      f.details === undefined || f.details === null ? null : JSON.stringify(f.details),
    ]),
  );
  await copyRows(tx, 'quality_findings', FINDING_COLUMNS, lines);
}

function findingConditions(
  assessmentId: string,
  q: { severity?: FindingSeverity; code?: string; organisationId?: string; year?: number; itemId?: string },
): SQL {
  const conds: SQL[] = [eq(qualityFindings.assessmentId, assessmentId)];
  if (q.severity) conds.push(eq(qualityFindings.severity, q.severity));
  if (q.code) conds.push(eq(qualityFindings.code, q.code));
  if (q.organisationId) conds.push(eq(qualityFindings.organisationId, q.organisationId));
  if (q.year !== undefined) conds.push(eq(qualityFindings.year, q.year));
  if (q.itemId) conds.push(eq(qualityFindings.itemId, q.itemId));
  return and(...conds)!;
}

export async function listFindings(
  db: DbOrTx,
  assessmentId: string,
  q: Parameters<typeof findingConditions>[1] & { limit: number; offset: number },
) {
  const where = findingConditions(assessmentId, q);
  const [{ total }] = (await db.select({ total: count() }).from(qualityFindings).where(where)) as [{ total: number }];
  // With the status of the finding's submission: only a submitted one can be returned for correction.
  const rows = await db
    .select({ finding: qualityFindings, submissionStatus: submissions.status })
    .from(qualityFindings)
    .leftJoin(submissions, eq(submissions.id, qualityFindings.submissionId))
    .where(where)
    .orderBy(asc(qualityFindings.id))
    .limit(q.limit)
    .offset(q.offset);
  return { total: Number(total), rows };
}

export const findFinding = async (db: DbOrTx, assessmentId: string, id: number): Promise<FindingRow | undefined> =>
  (
    await db
      .select()
      .from(qualityFindings)
      .where(and(eq(qualityFindings.assessmentId, assessmentId), eq(qualityFindings.id, id)))
      .limit(1)
  )[0];

export async function deleteFacts(db: DbOrTx, assessmentId: string): Promise<void> {
  await db.delete(facts).where(eq(facts.assessmentId, assessmentId));
}

export const FACT_COLUMNS = [
  'assessment_id',
  'year',
  'organisation_id',
  'agency_type',
  'region',
  'item_id',
  'dimension',
  'category',
  'value',
  'text_value',
  'missing_reason',
  'provisional',
];

/**
 * A fact's values after the assessment id, in FACT_COLUMNS order, as COPY text (one line). A line
 * of FACT_COLUMNS is `${assessmentId}\t` + this; the structuring result hash is over these lines.
 */
export const factCopyFields = (f: Fact): string =>
  `${f.year}\t${f.organisationId}\t${copyValue(f.agencyType)}\t${copyValue(f.region)}\t${copyValue(f.itemId)}\t${copyValue(f.dimension)}\t${copyValue(f.category)}\t${copyValue(f.value)}\t${copyValue(f.textValue)}\t${copyValue(f.missingReason)}\t${f.provisional}\n`;

/** A fact as a COPY line of FACT_COLUMNS. */
export const factCopyLine = (assessmentId: string, f: Fact): string => `${assessmentId}\t${factCopyFields(f)}`;

/** Writes fact lines (factCopyLine) with COPY; ids follow the lines' order (the canonical fact order). */
export async function copyFacts(tx: DbOrTx, lines: readonly string[] | CopyData): Promise<void> {
  await copyRows(tx, 'facts', FACT_COLUMNS, lines);
  // Statistics of the new rows at once (autovacuum's analyze comes later): without them the planner
  // read all of an assessment's facts and sorted them for every batch (50 ms each at 10x) instead of
  // walking the primary key. ANALYZE samples ~30,000 rows, so it costs ~0.1 s whatever the size.
  await tx.execute(sql`analyze facts`);
}

/** Facts read per query (keyset by id): the driver's rows of one batch are let go before the next. */
const FACT_BATCH = 10_000;

/**
 * An assessment's facts in their canonical (id) order, one batch per query (keyset by id), their
 * repeated strings shared (stringPool). Several queries: read them in a snapshot (readSnapshot),
 * or check the count against the structuring run's (a structuring committed meanwhile).
 */
export async function* factBatches(
  db: DbOrTx,
  assessmentId: string,
  batchSize = FACT_BATCH,
): AsyncGenerator<NumericFact[]> {
  const intern = stringPool();
  for (let after = 0; ; ) {
    const rows = await db
      .select({
        id: facts.id,
        year: facts.year,
        organisationId: facts.organisationId,
        agencyType: facts.agencyType,
        region: facts.region,
        itemId: facts.itemId,
        dimension: facts.dimension,
        category: facts.category,
        value: facts.value,
        missingReason: facts.missingReason,
      })
      .from(facts)
      .where(and(eq(facts.assessmentId, assessmentId), gt(facts.id, after)))
      .orderBy(asc(facts.id))
      .limit(batchSize);
    yield rows.map((r) => ({
      year: r.year,
      organisationId: intern(r.organisationId),
      agencyType: intern(r.agencyType),
      region: intern(r.region),
      itemId: intern(r.itemId),
      dimension: intern(r.dimension),
      category: intern(r.category),
      value: r.value,
      missingReason: intern(r.missingReason),
    }));
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

export async function countFacts(db: DbOrTx, assessmentId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(facts).where(eq(facts.assessmentId, assessmentId));
  return row?.n ?? 0;
}

/** All of an assessment's facts (factBatches); call it inside a snapshot. */
export async function listFacts(db: DbOrTx, assessmentId: string): Promise<NumericFact[]> {
  const out: NumericFact[] = [];
  for await (const batch of factBatches(db, assessmentId)) for (const f of batch) out.push(f);
  return out;
}

/** Free-text facts (text answers, "yes" descriptions): no dimension, not missing. */
export function listTextFacts(
  db: DbOrTx,
  assessmentId: string,
  q: { year?: number; region?: string; agencyType?: string },
) {
  const conds: SQL[] = [
    eq(facts.assessmentId, assessmentId),
    isNotNull(facts.textValue),
    isNull(facts.missingReason),
    isNull(facts.dimension),
  ];
  if (q.year !== undefined) conds.push(eq(facts.year, q.year));
  if (q.region) conds.push(eq(facts.region, q.region));
  if (q.agencyType) conds.push(eq(facts.agencyType, q.agencyType));
  return db
    .select({
      itemId: facts.itemId,
      year: facts.year,
      organisationId: facts.organisationId,
      agencyType: facts.agencyType,
      region: facts.region,
      text: facts.textValue,
      provisional: facts.provisional,
    })
    .from(facts)
    .where(and(...conds))
    .orderBy(asc(facts.id));
}
