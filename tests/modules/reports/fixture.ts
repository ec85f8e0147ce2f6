// An assessment ready for reporting, inserted directly from the synthetic national dataset.
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { assessmentCampaigns, assessmentRuns, assessments, facts, qualityFindings } from '../../../src/db/schema.js';
import type { Participation } from '../../../src/reports/build/inputs.js';
import type { NumericFact } from '../../../src/pipeline/facts.js';
import {
  SYNTHETIC_REGISTER,
  datasetFacts,
  datasetParticipation,
  syntheticDataset,
  syntheticRanking,
  syntheticRegister,
} from '../../../src/synthetic/assessment.js';
import { loadNationalDataset } from '../../../src/synthetic/load.js';
import type { RankingResult } from '../../../src/pipeline/results.js';
import { createRng } from '../../../src/synthetic/random.js';
import type { TestApp } from '../../helpers/test-app.js';

export const YEARS: [number, number, number] = [2022, 2023, 2024];
const REGIONS = ['almaty', 'astana', 'turkistan'];

export interface ReportFixture {
  assessmentId: string;
  facts: NumericFact[];
  ranking: RankingResult;
  topRisk: { code: string; title: { kk: string; ru: string } };
  participation: Participation;
}

const dbOf = (app: FastifyInstance) => app.database.db;

/**
 * The synthetic national dataset of three regions loaded as organisations, campaigns and
 * accepted submissions (src/synthetic/load.ts), an assessment linked to its campaigns,
 * its structured facts, quality findings and (unless ranked: false) a ranking run.
 * Only one dataset per database: its organisation and campaign ids are seeded.
 */
export async function createReportAssessment(
  t: TestApp,
  opts: { threshold?: number; ranked?: boolean; load?: boolean } = {},
): Promise<ReportFixture> {
  const db = dbOf(t.app);
  const data = syntheticDataset({ seed: 'reports-test', regions: REGIONS, startYear: YEARS[0] });
  if (opts.load !== false) await loadNationalDataset(db, data);
  const [a] = await db
    .insert(assessments)
    .values({
      titleKk: 'Тәуекелдерді бағалау 2022–2024',
      titleRu: 'Оценка рисков 2022–2024',
      startYear: YEARS[0],
      endYear: YEARS[2],
      coordinatingBody: 'mvd',
      suppressionThreshold: opts.threshold ?? 10,
      riskRegisterVersion: SYNTHETIC_REGISTER,
      references: [{ title: 'UNODC Global Report on Trafficking in Persons', year: 2024 }],
    })
    .returning();
  await db.insert(assessmentCampaigns).values(data.campaigns.map((c) => ({ assessmentId: a.id, campaignId: c.id })));
  const rows = datasetFacts(data);
  for (let i = 0; i < rows.length; i += 1000)
    await db.insert(facts).values(rows.slice(i, i + 1000).map((f) => ({ ...f, assessmentId: a.id })));

  const now = new Date();
  const [quality] = await db
    .insert(assessmentRuns)
    .values({
      assessmentId: a.id,
      step: 'quality',
      inputHash: 'q',
      parameters: {},
      result: {},
      resultHash: 'q',
      startedAt: now,
    })
    .returning();
  await db.insert(qualityFindings).values([
    {
      assessmentId: a.id,
      runId: quality.id,
      severity: 'warning',
      code: 'consistency.sum',
      messageKk: 'Сома сәйкес емес',
      messageRu: 'Сумма не сходится',
    },
    {
      assessmentId: a.id,
      runId: quality.id,
      severity: 'warning',
      code: 'consistency.sum',
      messageKk: 'Сома сәйкес емес',
      messageRu: 'Сумма не сходится',
    },
    {
      assessmentId: a.id,
      runId: quality.id,
      severity: 'info',
      code: 'outlier.temporal',
      messageKk: 'Ауытқу',
      messageRu: 'Выброс',
    },
  ]);
  const register = syntheticRegister();
  const ranking = syntheticRanking(register, 5, createRng('fixture-ranking'));
  if (opts.ranked !== false) {
    await db.insert(assessmentRuns).values({
      assessmentId: a.id,
      step: 'ranking',
      inputHash: 'r',
      parameters: {},
      result: ranking,
      resultHash: 'r',
      startedAt: now,
    });
  }
  const top = ranking.risks.find((r) => r.position === 1)!;
  return {
    assessmentId: a.id,
    facts: rows,
    ranking,
    topRisk: { code: top.riskCode, title: register.find((r) => r.code === top.riskCode)!.title },
    participation: datasetParticipation(data),
  };
}

export async function assessmentStatus(t: TestApp, id: string): Promise<string> {
  const [row] = await dbOf(t.app)
    .select({ status: assessments.status })
    .from(assessments)
    .where(eq(assessments.id, id));
  return row.status;
}
