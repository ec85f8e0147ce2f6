// Kazakh and Russian texts of validation issues. A message starts with a reference to
// the place ("Вопрос 3 раздела 2 («...»), строка 1, столбец «...»") followed by the problem.
import type { Bilingual } from '../../shared/lang.js';
import type { LocatedItem } from './loader.js';

const MAX_LABEL = 90;

function clip(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > MAX_LABEL ? `${t.slice(0, MAX_LABEL - 1).trimEnd()}…` : t;
}

/** "Вопрос 3 раздела 2 («label»)" / "2-бөлімнің 3-сұрағы («label»)". */
export function itemRef(loc: LocatedItem): Bilingual {
  const { item, question, section } = loc;
  const single = question.items.length === 1 && item.label.ru === question.text.ru;
  const label = single ? question.text : item.label;
  return {
    kk: `${section.number}-бөлімнің ${question.number}-сұрағы («${clip(label.kk)}»)`,
    ru: `Вопрос ${question.number} раздела ${section.number} («${clip(label.ru)}»)`,
  };
}

/** Reference for an answer key that is not in the form. */
export function unknownRef(itemId: string): Bilingual {
  return { kk: `«${itemId}» тармағы`, ru: `Пункт «${itemId}»` };
}

/** Narrows a reference: appends ", строка 2" etc. */
export function refDetail(ref: Bilingual, detail: Bilingual): Bilingual {
  return { kk: `${ref.kk}, ${detail.kk}`, ru: `${ref.ru}, ${detail.ru}` };
}

export const details = {
  row: (n: number): Bilingual => ({ kk: `${n}-жол`, ru: `строка ${n}` }),
  cell: (n: number, col: Bilingual): Bilingual => ({
    kk: `${n}-жол, «${clip(col.kk)}» бағаны`,
    ru: `строка ${n}, столбец «${clip(col.ru)}»`,
  }),
  category: (cat: Bilingual): Bilingual => ({ kk: `«${clip(cat.kk)}» санаты`, ru: `категория «${clip(cat.ru)}»` }),
  total: (): Bilingual => ({ kk: 'жиыны', ru: 'итог' }),
  description: (): Bilingual => ({ kk: 'сипаттамасы', ru: 'описание' }),
  entry: (n: number): Bilingual => ({ kk: `${n}-жазба`, ru: `запись ${n}` }),
  comment: (): Bilingual => ({ kk: 'түсініктеме', ru: 'комментарий' }),
};

/** Message parameters; a bilingual value is resolved to the message's language. */
export type MessageParams = Record<string, string | number | Bilingual>;
type Flat = Record<string, string | number>;
type Text = (ref: Bilingual, p: MessageParams) => Bilingual;

function pick(p: MessageParams, lang: 'kk' | 'ru'): Flat {
  const out: Flat = {};
  for (const [k, v] of Object.entries(p)) out[k] = typeof v === 'object' ? v[lang] : v;
  return out;
}

const t =
  (kk: (r: string, p: Flat) => string, ru: (r: string, p: Flat) => string): Text =>
  (ref, p) => ({ kk: kk(ref.kk, pick(p, 'kk')), ru: ru(ref.ru, pick(p, 'ru')) });

/** Issue code -> message builder. */
export const messageTexts = {
  'content.invalid': t(
    () => 'Сауалнама мазмұны { "answers": { ... } } түріндегі объект болуы тиіс.',
    () => 'Содержимое анкеты должно быть объектом вида { "answers": { ... } }.',
  ),
  'item.unknown': t(
    (r) => `${r} сіздің ұйымыңыздың сауалнама нысанында жоқ.`,
    (r) => `${r} отсутствует в форме анкеты вашей организации.`,
  ),
  'answer.missing': t(
    (r) => `${r} толтырылмаған: мәнді немесе деректердің болмау себебін көрсетіңіз.`,
    (r) => `${r} не заполнен: укажите значение или причину отсутствия данных.`,
  ),
  'answer.invalid': t(
    (r) => `${r}: жауапта не мән (value), не деректердің болмау себебі (missingReason) болуы тиіс.`,
    (r) => `${r}: ответ должен содержать либо значение (value), либо причину отсутствия данных (missingReason).`,
  ),
  'answer.conflict': t(
    (r) => `${r}: мән мен деректердің болмау себебін бір мезгілде көрсетуге болмайды.`,
    (r) => `${r}: нельзя одновременно указывать значение и причину отсутствия данных.`,
  ),
  'reason.unknown': t(
    (r, p) => `${r}: «${p.code}» деректердің болмау себебі белгісіз.`,
    (r, p) => `${r}: неизвестная причина отсутствия данных «${p.code}».`,
  ),
  'reason.comment_required': t(
    (r, p) => `${r}: «${p.reason}» себебі үшін түсініктеме жазу қажет.`,
    (r, p) => `${r}: для причины «${p.reason}» необходимо написать комментарий.`,
  ),
  'reason.comment_invalid': t(
    (r) => `${r}: түсініктеме мәтін болуы тиіс және тек себеппен бірге беріледі.`,
    (r) => `${r}: комментарий должен быть текстом и указывается только вместе с причиной.`,
  ),
  'yes_no.invalid': t(
    (r) => `${r}: жауап «Иә» (yes) немесе «Жоқ» (no) болуы тиіс, сипаттамасы мәтін түрінде беріледі.`,
    (r) => `${r}: ответ должен быть «Да» (yes) или «Нет» (no), описание указывается текстом.`,
  ),
  'yes_no.description_required': t(
    (r) => `${r}: «Иә» деп жауап берілсе, сипаттама жазу қажет.`,
    (r) => `${r}: при ответе «Да» необходимо привести описание.`,
  ),
  'text.type': t(
    (r) => `${r}: мәтін күтіледі.`,
    (r) => `${r}: ожидается текст.`,
  ),
  'text.empty': t(
    (r) => `${r}: мәтін бос болмауы тиіс.`,
    (r) => `${r}: текст не может быть пустым.`,
  ),
  'text.too_long': t(
    (r, p) => `${r}: мәтін ${p.max} таңбадан аспауы тиіс (қазір ${p.length}).`,
    (r, p) => `${r}: текст не должен превышать ${p.max} символов (сейчас ${p.length}).`,
  ),
  'text.invalid_chars': t(
    (r) => `${r}: мәтінде рұқсат етілмеген таңбалар бар (NUL немесе жұпсыз суррогат); мәтінді қайта енгізіңіз.`,
    (r) => `${r}: текст содержит недопустимые символы (NUL или непарный суррогат); введите текст заново.`,
  ),
  'count.type': t(
    (r) => `${r}: сан күтіледі.`,
    (r) => `${r}: ожидается число.`,
  ),
  'count.not_integer': t(
    (r) => `${r}: саны бүтін сан болуы тиіс.`,
    (r) => `${r}: количество должно быть целым числом.`,
  ),
  'count.negative': t(
    (r) => `${r}: саны теріс болмауы тиіс.`,
    (r) => `${r}: количество не может быть отрицательным.`,
  ),
  'count.too_large': t(
    (r, p) => `${r}: саны ${p.max} аспауы тиіс.`,
    (r, p) => `${r}: количество не может превышать ${p.max}.`,
  ),
  'amount.type': t(
    (r) => `${r}: сома сан түрінде көрсетілуі тиіс.`,
    (r) => `${r}: сумма должна быть указана числом.`,
  ),
  'amount.negative': t(
    (r) => `${r}: сома теріс болмауы тиіс.`,
    (r) => `${r}: сумма не может быть отрицательной.`,
  ),
  'amount.precision': t(
    (r) => `${r}: сома үтірден кейін екі таңбадан артық болмауы тиіс.`,
    (r) => `${r}: сумма указывается не более чем с двумя знаками после запятой.`,
  ),
  'amount.too_large': t(
    (r, p) => `${r}: сома ${p.max} аспауы тиіс.`,
    (r, p) => `${r}: сумма не может превышать ${p.max}.`,
  ),
  'breakdown.invalid': t(
    (r) => `${r}: жиыны (total) және санаттар бойынша бөлінісі (byCategory) күтіледі.`,
    (r) => `${r}: ожидаются итог (total) и распределение по категориям (byCategory).`,
  ),
  'breakdown.category_unknown': t(
    (r, p) => `${r}: «${p.code}» санаты «${p.dimension}» анықтамалығына кірмейді.`,
    (r, p) => `${r}: категория «${p.code}» не входит в справочник «${p.dimension}».`,
  ),
  'breakdown.sum': t(
    (r, p) => `${r}: санаттар бойынша сома (${p.sum}) жиынға (${p.total}) тең емес.`,
    (r, p) => `${r}: сумма по категориям (${p.sum}) не равна итогу (${p.total}).`,
  ),
  'table.invalid': t(
    (r) => `${r}: кесте (жолдар тізімі) күтіледі.`,
    (r) => `${r}: ожидается таблица (список строк).`,
  ),
  'table.too_many_rows': t(
    (r, p) => `${r}: кестеде ${p.max} жолдан аспауы тиіс (қазір ${p.length}).`,
    (r, p) => `${r}: в таблице должно быть не более ${p.max} строк (сейчас ${p.length}).`,
  ),
  'table.row_invalid': t(
    (r) => `${r}: жол бағандар мәндері бар объект болуы тиіс.`,
    (r) => `${r}: строка должна быть объектом со значениями столбцов.`,
  ),
  'table.column_unknown': t(
    (r, p) => `${r}: «${p.column}» бағаны кестеде жоқ.`,
    (r, p) => `${r}: столбца «${p.column}» в таблице нет.`,
  ),
  'table.cell_missing': t(
    (r) => `${r}: баған толтырылмаған.`,
    (r) => `${r}: столбец не заполнен.`,
  ),
  'choice.unknown': t(
    (r, p) => `${r}: «${p.code}» мәні «${p.dimension}» анықтамалығына кірмейді.`,
    (r, p) => `${r}: значение «${p.code}» не входит в справочник «${p.dimension}».`,
  ),
  'entity_list.invalid': t(
    (r) => `${r}: жазбалар тізімі күтіледі.`,
    (r) => `${r}: ожидается список записей.`,
  ),
  'entity_list.too_many': t(
    (r, p) => `${r}: тізімде ${p.max} жазбадан аспауы тиіс (қазір ${p.length}).`,
    (r, p) => `${r}: в списке должно быть не более ${p.max} записей (сейчас ${p.length}).`,
  ),
  'entity.invalid': t(
    (r) => `${r}: жазбада тек атауы (name), ел коды (country) және ескертпе (note) болуы мүмкін.`,
    (r) => `${r}: запись может содержать только наименование (name), код страны (country) и примечание (note).`,
  ),
  'entity.name_required': t(
    (r) => `${r}: атауын көрсету қажет.`,
    (r) => `${r}: необходимо указать наименование.`,
  ),
  'entity.country_invalid': t(
    (r, p) =>
      `${r}: «${p.code}» — ISO 3166-1 тізіміндегі елдің alpha-3 коды емес (мысалы, KAZ); елді тізімнен таңдаңыз.`,
    (r, p) =>
      `${r}: «${p.code}» — не код alpha-3 страны из перечня ISO 3166-1 (например, KAZ); выберите страну из списка.`,
  ),
  // Rule messages come from the data and already name the question and say what must hold;
  // the figures follow in words, never as a formula ("6 ≤ 4").
  'rule.violated': t(
    (_r, p) => `${p.message}. Қазір көрсетілгені: ${p.left} және ${p.right}, айырмасы — ${p.difference}.`,
    (_r, p) => `${p.message}. Сейчас указано: ${p.left} и ${p.right}, разница — ${p.difference}.`,
  ),
} satisfies Record<string, Text>;

export type IssueCode = keyof typeof messageTexts;

export function message(code: IssueCode, ref: Bilingual, params: MessageParams = {}): Bilingual {
  return messageTexts[code](ref, params);
}
