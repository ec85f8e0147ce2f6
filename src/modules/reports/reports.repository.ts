// Database access of the reports module: assessment rows, facts, findings, participation,
// narrative revisions and stored report files. Takes a DbOrTx handle.
import type { SubmissionStatus } from '../../domain/states.js';
import { and, count, desc, eq, inArray, isNotNull, isNull, max, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { DbOrTx } from '../../db/client.js';
import type { AuditResult } from '../../pipeline/disclosure/audit.js';
import {
  assessmentCampaigns,
  assessmentRuns,
  assessments,
  campaignRecipients,
  campaigns,
  facts,
  narrativeRevisions,
  qualityFindings,
  reportFiles,
  submissions,
} from '../../db/schema.js';
import type { FindingCount, Participation, TextAnswer } from '../../reports/build/inputs.js';

export type NarrativeRow = typeof narrativeRevisions.$inferSelect;

export async function latestAssessmentId(db: DbOrTx): Promise<string | undefined> {
  const [row] = await db.select({ id: assessments.id }).from(assessments).orderBy(desc(assessments.createdAt)).limit(1);
  return row?.id;
}

export async function hasRankingRun(db: DbOrTx, assessmentId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: count() })
    .from(assessmentRuns)
    .where(and(eq(assessmentRuns.assessmentId, assessmentId), eq(assessmentRuns.step, 'ranking')));
  return (row?.n ?? 0) > 0;
}

export async function markFinalised(db: DbOrTx, id: string, userId: string | null, at: Date): Promise<void> {
  await db
    .update(assessments)
    .set({
      status: 'finalised',
      finalisedBy: userId,
      finalisedAt: at,
      updatedAt: at,
      version: sql`${assessments.version} + 1`,
    })
    .where(eq(assessments.id, id));
}

// ---------------------------------------------------------------- data for the report

export async function findingCounts(db: DbOrTx, assessmentId: string): Promise<FindingCount[]> {
  const rows = await db
    .select({ severity: qualityFindings.severity, code: qualityFindings.code, count: count() })
    .from(qualityFindings)
    .where(eq(qualityFindings.assessmentId, assessmentId))
    .groupBy(qualityFindings.severity, qualityFindings.code);
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

export async function campaignsOf(db: DbOrTx, assessmentId: string) {
  return db
    .select({
      id: campaigns.id,
      reportingYear: campaigns.reportingYear,
      questionnaireVersion: campaigns.questionnaireVersion,
      deadline: campaigns.deadline,
      requestDate: campaigns.requestDate,
      requestingBody: campaigns.requestingBody,
      outgoingNumber: campaigns.outgoingNumber,
      outgoingDate: campaigns.outgoingDate,
    })
    .from(assessmentCampaigns)
    .innerJoin(campaigns, eq(campaigns.id, assessmentCampaigns.campaignId))
    .where(eq(assessmentCampaigns.assessmentId, assessmentId));
}

/** Recipients, participating organisations and timely submissions over the assessment's campaigns. */
export async function participation(
  db: DbOrTx,
  campaignIds: string[],
  includeSubmitted: boolean,
): Promise<Participation> {
  if (campaignIds.length === 0) return { requested: 0, participating: 0, submissions: 0, timely: 0 };
  const [req] = await db
    .select({ n: sql<number>`count(distinct ${campaignRecipients.organisationId})` })
    .from(campaignRecipients)
    .where(inArray(campaignRecipients.campaignId, campaignIds));
  const statuses: SubmissionStatus[] = includeSubmitted ? ['accepted', 'submitted'] : ['accepted'];
  const rows = await db
    .select({
      organisationId: submissions.organisationId,
      submittedAt: submissions.submittedAt,
      deadline: campaigns.deadline,
    })
    .from(submissions)
    .innerJoin(campaigns, eq(campaigns.id, submissions.campaignId))
    .where(
      and(
        inArray(submissions.campaignId, campaignIds),
        inArray(submissions.status, statuses),
        isNotNull(submissions.submittedAt),
      ),
    );
  // A submission is timely when submitted by the end of its campaign's deadline day.
  const timely = rows.filter((r) => r.submittedAt! <= new Date(`${r.deadline}T23:59:59.999Z`)).length;
  return {
    requested: Number(req?.n ?? 0),
    participating: new Set(rows.map((r) => r.organisationId)).size,
    submissions: rows.length,
    timely,
  };
}

/** The disclosure audit of a finalisation, stored as a run of step `disclosure`. */
export async function insertDisclosureRun(
  db: DbOrTx,
  run: { assessmentId: string; createdBy: string | null; startedAt: Date; inputHash: string; audit: AuditResult },
): Promise<void> {
  const { exposed, ...summary } = run.audit;
  const result = { summary: { ...summary, exposed: exposed.length }, exposed };
  await db.insert(assessmentRuns).values({
    assessmentId: run.assessmentId,
    step: 'disclosure',
    inputHash: run.inputHash,
    parameters: { threshold: run.audit.threshold, rule: run.audit.rule },
    result,
    resultHash: createHash('sha256').update(JSON.stringify(result)).digest('hex'),
    startedAt: run.startedAt,
    createdBy: run.createdBy,
  });
}

export async function latestDisclosureRun(db: DbOrTx, assessmentId: string) {
  const [row] = await db
    .select()
    .from(assessmentRuns)
    .where(and(eq(assessmentRuns.assessmentId, assessmentId), eq(assessmentRuns.step, 'disclosure')))
    .orderBy(desc(assessmentRuns.finishedAt))
    .limit(1);
  return row;
}

// ---------------------------------------------------------------- narrative

export async function currentNarratives(db: DbOrTx, assessmentId: string): Promise<NarrativeRow[]> {
  // Narratives are small (a few dozen chapters x revisions): pick the latest per chapter here.
  const rows = await db
    .select()
    .from(narrativeRevisions)
    .where(eq(narrativeRevisions.assessmentId, assessmentId))
    .orderBy(narrativeRevisions.chapter, desc(narrativeRevisions.revision));
  return rows.filter((r, i) => i === 0 || rows[i - 1].chapter !== r.chapter);
}

export async function chapterRevisions(db: DbOrTx, assessmentId: string, chapter: string): Promise<NarrativeRow[]> {
  return db
    .select()
    .from(narrativeRevisions)
    .where(and(eq(narrativeRevisions.assessmentId, assessmentId), eq(narrativeRevisions.chapter, chapter)))
    .orderBy(desc(narrativeRevisions.revision));
}

export async function currentRevision(db: DbOrTx, assessmentId: string, chapter: string): Promise<number> {
  const [row] = await db
    .select({ n: max(narrativeRevisions.revision) })
    .from(narrativeRevisions)
    .where(and(eq(narrativeRevisions.assessmentId, assessmentId), eq(narrativeRevisions.chapter, chapter)));
  return row?.n ?? 0;
}

export async function insertNarrative(
  db: DbOrTx,
  values: typeof narrativeRevisions.$inferInsert,
): Promise<NarrativeRow> {
  const [row] = await db.insert(narrativeRevisions).values(values).returning();
  return row;
}

// ---------------------------------------------------------------- files

export async function replaceFiles(
  db: DbOrTx,
  assessmentId: string,
  files: { name: string; contentType: string; sha256: string; content: Buffer }[],
): Promise<void> {
  await db.delete(reportFiles).where(eq(reportFiles.assessmentId, assessmentId));
  for (const f of files)
    await db.insert(reportFiles).values({
      assessmentId,
      name: f.name,
      contentType: f.contentType,
      sha256: f.sha256,
      size: f.content.length,
      content: f.content,
    });
}

export async function listFiles(db: DbOrTx, assessmentId: string) {
  return db
    .select({
      name: reportFiles.name,
      contentType: reportFiles.contentType,
      size: reportFiles.size,
      sha256: reportFiles.sha256,
      createdAt: reportFiles.createdAt,
    })
    .from(reportFiles)
    .where(eq(reportFiles.assessmentId, assessmentId))
    .orderBy(reportFiles.name);
}

export async function findFile(db: DbOrTx, assessmentId: string, name: string) {
  const [row] = await db
    .select()
    .from(reportFiles)
    .where(and(eq(reportFiles.assessmentId, assessmentId), eq(reportFiles.name, name)));
  return row;
}

// ---------------------------------------------------------------- analysis drafts

/** Answered free texts (text items and descriptions of yes answers) of an assessment, for the drafts' theme counts. */
export async function loadTextAnswers(db: DbOrTx, assessmentId: string): Promise<TextAnswer[]> {
  const rows = await db
    .select({
      year: facts.year,
      itemId: facts.itemId,
      agencyType: facts.agencyType,
      region: facts.region,
      text: facts.textValue,
    })
    .from(facts)
    .where(
      and(
        eq(facts.assessmentId, assessmentId),
        isNotNull(facts.textValue),
        isNull(facts.missingReason),
        isNull(facts.dimension),
      ),
    )
    .orderBy(facts.id);
  return rows.map((r) => ({ ...r, text: r.text ?? '' }));
}

/** Per reporting year: recipients of the year's campaigns and the submissions drawn on. */
export async function participationByYear(
  db: DbOrTx,
  campaignIds: string[],
  includeSubmitted: boolean,
): Promise<NonNullable<Participation['byYear']>> {
  if (campaignIds.length === 0) return [];
  const statuses: SubmissionStatus[] = includeSubmitted ? ['accepted', 'submitted'] : ['accepted'];
  const requested = await db
    .select({ year: campaigns.reportingYear, n: sql<number>`count(distinct ${campaignRecipients.organisationId})` })
    .from(campaignRecipients)
    .innerJoin(campaigns, eq(campaigns.id, campaignRecipients.campaignId))
    .where(inArray(campaignRecipients.campaignId, campaignIds))
    .groupBy(campaigns.reportingYear);
  const submitted = await db
    .select({ year: campaigns.reportingYear, n: sql<number>`count(distinct ${submissions.organisationId})` })
    .from(submissions)
    .innerJoin(campaigns, eq(campaigns.id, submissions.campaignId))
    .where(
      and(
        inArray(submissions.campaignId, campaignIds),
        inArray(submissions.status, statuses),
        isNotNull(submissions.submittedAt),
      ),
    )
    .groupBy(campaigns.reportingYear);
  const sub = new Map(submitted.map((r) => [r.year, Number(r.n)]));
  return requested
    .map((r) => ({ year: r.year, requested: Number(r.n), submitted: sub.get(r.year) ?? 0 }))
    .sort((a, b) => a.year - b.year);
}
