// The §14 analysis headings and which free-text answers (text items, and the
// descriptions of "yes" answers) the experts read under each, side by side. Codes are
// the report's conclusion keys (src/reports/report.view-model.ts); which item is read
// under which heading is the reviewed mapping reports/analysis-map.json, which the
// report's chapter 2 reads too, so the texts read here and the conclusions written there line up.
import { textPointOf } from '../../reports/build/analysis-map.js';
import type { ConclusionKey } from '../../reports/report.view-model.js';
import type { Bilingual } from '../../shared/lang.js';

export const headings = [
  { code: 'sources', title: { kk: 'Адам саудасы тәуекелдерінің көзі', ru: 'Источник рисков торговли людьми' } },
  { code: 'nature', title: { kk: 'Адам саудасы тәуекелдерінің сипаты', ru: 'Характер рисков торговли людьми' } },
  {
    code: 'likelihood_by_territory',
    title: {
      kk: 'Аумақтар бойынша, оның ішінде шетелден туындау ықтималдығы',
      ru: 'Вероятность по территориям, в том числе из-за рубежа',
    },
  },
  { code: 'consequences', title: { kk: 'Салдары', ru: 'Последствия' } },
  {
    code: 'vulnerable_groups',
    title: { kk: 'Осал санаттар (тәуекел топтары)', ru: 'Уязвимые категории (группы риска)' },
  },
  { code: 'schemes_and_methods', title: { kk: 'Схемалар мен тәсілдер', ru: 'Схемы и способы' } },
  {
    code: 'recruitment_and_control',
    title: {
      kk: 'Арбалау және бақылау әдістері, оның ішінде кәмелетке толмағандарды',
      ru: 'Методы вербовки и контроля, в том числе несовершеннолетних',
    },
  },
  { code: 'causes_and_conditions', title: { kk: 'Себептері мен жағдайлары', ru: 'Причины и условия' } },
  {
    code: 'effective_prevention',
    title: {
      kk: 'Тиімді алдын алу, оның ішінде сұранысты төмендету',
      ru: 'Эффективная профилактика, включая снижение спроса',
    },
  },
] as const satisfies readonly { code: ConclusionKey; title: Bilingual }[];

export type HeadingCode = (typeof headings)[number]['code'];

/** The heading an item's free text is read under, or null. */
export function headingOf(itemId: string): HeadingCode | null {
  return textPointOf(itemId);
}
