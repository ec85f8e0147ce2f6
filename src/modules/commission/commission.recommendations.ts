// The recommendations of a finalised assessment as the Commission considers them: the report's
// chapter 3 in both languages (the experts' paragraphs and one per severe risk), each with the
// competent agency types of its risk (Rules §17(3), §19).
import type { DbOrTx } from '../../db/client.js';
import { buildReportViewModel } from '../../reports/build/build.js';
import { loadAssessmentInput } from '../reports/reports.input.js';
import type { RecommendationCandidate } from './commission.schemas.js';

export async function recommendationCandidates(db: DbOrTx, assessmentId: string): Promise<RecommendationCandidate[]> {
  const input = await loadAssessmentInput(db, assessmentId);
  // Texts only: the counts are not read, so the unprotected model is enough.
  const kk = buildReportViewModel(input, 'kk', { publish: false }).recommendations;
  const ru = new Map(buildReportViewModel(input, 'ru', { publish: false }).recommendations.map((r) => [r.id, r]));
  return kk.map((r) => ({
    id: r.id,
    text: { kk: r.text, ru: ru.get(r.id)?.text ?? r.text },
    agencyTypes: [...new Set(r.agencies.map((a) => a.code))],
  }));
}
