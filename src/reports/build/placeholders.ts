// The questionnaire's "other ... (describe)" items (1.1 other risks, 1.3 other measures)
// reach the risk register as placeholders. They belong in the report only when some
// subject actually described one; otherwise they are dropped, and the remaining risks
// keep consecutive ranks.
import type { RankedRisk } from '../report.view-model.js';
import type { FactIndex } from './facts.js';

const OTHER_RISKS = { item: 's1.q1.other_risks', risk: 'risk.other_risks' };
/** The register's title of measure.other_measures (question 1.3's "other measures" item). */
const OTHER_MEASURES = { item: 's1.q3.other_measures', titleRu: 'Иные меры (опишите)' };

/** Whether any subject answered a free-text item (a fact row without a missing-data reason). */
export const answered = (index: FactIndex, item: string): boolean =>
  index.item(item).some((f) => f.missingReason === null && index.yearIndex(f.year) >= 0);

/** Register risks that are unanswered placeholders. */
export function droppedRisks(index: FactIndex): Set<string> {
  return new Set(answered(index, OTHER_RISKS.item) ? [] : [OTHER_RISKS.risk]);
}

/** Whether a measure title is the unanswered "other measures (describe)" placeholder. */
export function isUnansweredMeasure(index: FactIndex, title: { ru: string }): boolean {
  return title.ru === OTHER_MEASURES.titleRu && !answered(index, OTHER_MEASURES.item);
}

/** The ranked risks without dropped placeholders, ranks closed up (ties kept). */
export function withoutPlaceholders(risks: RankedRisk[], dropped: Set<string>): RankedRisk[] {
  const gone = risks.filter((r) => dropped.has(r.id)).map((r) => r.rank);
  return risks
    .filter((r) => !dropped.has(r.id))
    .map((r) => ({ ...r, rank: r.rank - gone.filter((g) => g < r.rank).length }));
}
