// The stored result of an assessment's ranking step (assessment_runs.result where
// step = 'ranking'): what the report, the web UI and the exports read.
import type { ConsensusStatus, HeatMap, RiskRoundSummary } from './delphi.js';
import type { KendallOutcome } from './kendall.js';

/** A risk's place in the final order: its latest scored round's summary plus its position and evidence. */
export interface RankingRisk extends Omit<RiskRoundSummary, 'status' | 'needsAnotherRound'> {
  /** Position 1..n in the final order, and competition rank. */
  position: number;
  rank: number;
  consensus: ConsensusStatus;
  /** Evidence 0-10 from the facts, null when the data say nothing about this risk. */
  evidence: number | null;
}

export interface RankingRegion {
  regionCode: string;
  position: number;
  rank: number;
  evidence: number | null;
}

export interface RankingResult {
  riskRegisterVersion: string;
  /** The assessment's current Delphi round when the ranking was run. */
  round: number;
  risks: RankingRisk[];
  regions: RankingRegion[];
  heatMap: HeatMap;
  /** Kendall's W over the experts' scores (L x I) of the round. */
  kendall: KendallOutcome;
}
