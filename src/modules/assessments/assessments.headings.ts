// The §14 analysis headings and which free-text answers (text items, and the
// descriptions of "yes" answers) the experts read under each, side by side. Codes are
// the report's conclusion keys (src/reports/report.view-model.ts), so the texts read
// here and the conclusions written there line up.
import type { ConclusionKey } from '../../reports/report.view-model.js';
import type { Bilingual } from '../../shared/lang.js';

export const headings = [
  { code: 'sources', title: { kk: 'Адам саудасының көздері', ru: 'Источники торговли людьми' } },
  { code: 'nature', title: { kk: 'Адам саудасының сипаты', ru: 'Характер торговли людьми' } },
  { code: 'likelihood_by_territory', title: { kk: 'Аумақтар бойынша ықтималдығы', ru: 'Вероятность по территориям' } },
  { code: 'consequences', title: { kk: 'Салдары', ru: 'Последствия' } },
  { code: 'vulnerable_groups', title: { kk: 'Осал топтар', ru: 'Уязвимые группы' } },
  { code: 'schemes_and_methods', title: { kk: 'Схемалар мен әдістер', ru: 'Схемы и методы' } },
  { code: 'recruitment_and_control', title: { kk: 'Тарту және бақылау әдістері', ru: 'Методы вербовки и контроля' } },
  { code: 'causes_and_conditions', title: { kk: 'Себептері мен жағдайлары', ru: 'Причины и условия' } },
  { code: 'effective_prevention', title: { kk: 'Тиімді алдын алу', ru: 'Эффективное предупреждение' } },
] as const satisfies readonly { code: ConclusionKey; title: Bilingual }[];

export type HeadingCode = (typeof headings)[number]['code'];

/** Item id (exact) or question prefix ("s1.q1.") -> heading. Exact ids win over prefixes. */
const table: Record<string, HeadingCode> = {
  's1.q1.': 'causes_and_conditions',
  's1.q2.': 'causes_and_conditions',
  's1.q3.': 'effective_prevention',
  's1.q4.': 'effective_prevention',
  's1.q5.cooperation_results': 'effective_prevention',
  's1.q6.effective_cooperation_measures': 'effective_prevention',
  's1.q10.problem_issues': 'causes_and_conditions',
  's2.q1.most_affected_areas': 'likelihood_by_territory',
  's2.q3.accompanying_offences': 'schemes_and_methods',
  's2.q5.response_measures': 'effective_prevention',
  's2.q6.low_court_rate_reasons': 'causes_and_conditions',
  's2.q7.confiscated_property': 'consequences',
  's2.q13.risks_investigation': 'causes_and_conditions',
  's2.q13.risks_public_order': 'causes_and_conditions',
  's2.q13.risks_reception_centres': 'vulnerable_groups',
  's2.q13.risks_migration_control': 'sources',
  's2.q13.risks_minors': 'vulnerable_groups',
  's4.q1.inspections_response_measures': 'effective_prevention',
  's4.q1.mobile_groups_response_measures': 'effective_prevention',
  's4.q2.work_types': 'nature',
  's4.q2.response_measures': 'effective_prevention',
  's4.q2.residence_and_coercion_place': 'likelihood_by_territory',
  's4.q2.legal_representatives': 'vulnerable_groups',
  's7.q1.response_measures': 'vulnerable_groups',
  's9.q2.signs_sexual_exploitation': 'nature',
  's9.q2.signs_labour_exploitation': 'nature',
  's9.q2.signs_forced_begging': 'nature',
  's9.q2.signs_organ_removal': 'consequences',
  's10.q1.response_measures': 'vulnerable_groups',
  's10.q2.response_measures': 'vulnerable_groups',
  's11.q1.response_measures': 'sources',
  's11.q4.response_measures': 'sources',
  's11.q5.response_measures': 'recruitment_and_control',
  's12.q3.platforms': 'recruitment_and_control',
  's12.q5.social_orders_directions': 'effective_prevention',
  's14.q1.agenda_issues': 'effective_prevention',
  's14.q2.response_measures': 'effective_prevention',
  's14.q4.social_orders_directions': 'effective_prevention',
  's15.q1.response_measures': 'sources',
  's15.q2.checkpoint_vulnerabilities': 'likelihood_by_territory',
  's16.q4.channels_information': 'sources',
  's16.q5.new_forms_methods': 'schemes_and_methods',
};

/** The heading an item's free text is read under, or null. */
export function headingOf(itemId: string): HeadingCode | null {
  if (table[itemId]) return table[itemId]!;
  const prefix = itemId.slice(0, itemId.indexOf('.', itemId.indexOf('.') + 1) + 1);
  return table[prefix] ?? null;
}

export const headingItemPrefixes = Object.keys(table);
