import { z } from 'zod';
import { text } from '../../shared/text.js';
import { bilingual } from '../../shared/lang.js';

export const registerParams = z.object({ version: z.string().min(1).max(50) });
export const assessmentIdParams = z.object({ id: z.uuid() });
export const roundParams = z.object({ id: z.uuid(), round: z.coerce.number().int().min(1).max(1000) });
export const scoresQuery = z.object({ round: z.coerce.number().int().min(1).max(1000).optional() });

const scale = z.number().int().min(1).max(5);

export const scoresBody = z
  .object({
    scores: z
      .array(
        z
          .object({ riskCode: text(100).min(1), likelihood: scale, impact: scale, comment: text(4000).optional() })
          .strict(),
      )
      .min(1)
      .max(1000),
  })
  .strict();
export type ScoresBody = z.infer<typeof scoresBody>;

export const scoreSchema = z.object({
  riskCode: z.string(),
  expertId: z.uuid(),
  round: z.number().int(),
  likelihood: z.number().int(),
  impact: z.number().int(),
  comment: z.string().nullable(),
  updatedAt: z.string(),
});
export const scoresSchema = z.object({
  assessmentId: z.uuid(),
  round: z.number().int(),
  currentRound: z.number().int(),
  scores: z.array(scoreSchema),
});
export type ScoresView = z.infer<typeof scoresSchema>;

export const roundSchema = z.object({
  assessmentId: z.uuid(),
  previousRound: z.number().int(),
  currentRound: z.number().int(),
  /** The assessment's version after the round started (also the ETag). */
  version: z.number().int(),
});
export type RoundView = z.infer<typeof roundSchema>;

const level = z.enum(['low', 'medium', 'high', 'critical']);
const consensus = z.enum(['consensus', 'no_consensus', 'insufficient_experts']);
const aggregate = {
  riskCode: z.string(),
  round: z.number().int(),
  nExperts: z.number().int(),
  medianLikelihood: z.number(),
  medianImpact: z.number(),
  iqrLikelihood: z.number(),
  iqrImpact: z.number(),
  agreementLikelihood: z.number(),
  agreementImpact: z.number(),
  score: z.number(),
  level,
};

export const summarySchema = z.object({
  assessmentId: z.uuid(),
  round: z.number().int(),
  currentRound: z.number().int(),
  nExperts: z.number().int(),
  risks: z.array(z.object({ ...aggregate, title: bilingual, status: consensus, needsAnotherRound: z.boolean() })),
  /** Register risks nobody scored in this round. */
  unscored: z.array(z.string()),
});
export type SummaryView = z.infer<typeof summarySchema>;

const measureRef = z.object({ code: z.string(), title: bilingual });
export const rankingRiskSchema = z.object({
  ...aggregate,
  position: z.number().int(),
  rank: z.number().int(),
  consensus,
  evidence: z.number().nullable(),
  title: bilingual,
  category: z.string(),
  agencyTypes: z.array(z.string()),
  measures: z.array(measureRef),
});
export const rankingRegionSchema = z.object({
  regionCode: z.string(),
  position: z.number().int(),
  rank: z.number().int(),
  evidence: z.number().nullable(),
  name: bilingual,
});

export const rankingSchema = z.object({
  assessmentId: z.uuid(),
  runId: z.uuid(),
  inputHash: z.string(),
  resultHash: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  startedAt: z.string(),
  finishedAt: z.string(),
  /** The stored RankingResult, exactly as stored (src/pipeline/results.ts). */
  result: z.record(z.string(), z.unknown()),
  /** result.risks joined with the register (titles, category, agencies, measures). */
  risks: z.array(rankingRiskSchema),
  regions: z.array(rankingRegionSchema),
});
export type RankingView = z.infer<typeof rankingSchema>;

/** Register 2024-v2 on: the SOP or order lines an entry comes from. */
const refs = z.array(z.object({ doc: z.string(), lines: z.array(z.number()), quote: z.string() })).optional();

export const registerSchema = z.object({
  version: z.string(),
  questionnaireVersion: z.string(),
  status: z.string(),
  title: bilingual,
  contentHash: z.string(),
  sources: z.array(z.object({ doc: z.string(), file: z.string(), lines: z.number() })).optional(),
  categories: z.array(z.object({ code: z.string(), title: bilingual })),
  factors: z.array(
    z.object({ code: z.string(), title: bilingual, items: z.array(z.string()), scope: z.string().optional(), refs }),
  ),
  measures: z.array(
    z.object({
      code: z.string(),
      source: z.string(),
      kind: z.string().optional(),
      title: bilingual,
      items: z.array(z.string()),
      agencyTypes: z.array(z.string()),
      refs,
    }),
  ),
  risks: z.array(
    z.object({
      code: z.string(),
      category: z.string(),
      title: bilingual,
      items: z.array(z.string()),
      evidence: z.string().optional(),
      selectors: z
        .array(z.object({ item: z.string(), dimension: z.string(), categories: z.array(z.string()) }))
        .optional(),
      factors: z.array(z.string()).optional(),
      agencyTypes: z.array(z.string()),
      measures: z.array(z.string()),
      refs,
    }),
  ),
  regionIndicators: z.array(z.object({ code: z.string(), title: bilingual, items: z.array(z.string()) })),
  indicators: z
    .array(
      z.object({
        code: z.string(),
        family: z.string(),
        title: bilingual,
        refs,
        risks: z.array(z.string()),
        agencyTypes: z.array(z.string()),
      }),
    )
    .optional(),
});
