// What the template and the import agree on: the row keys in column A (every row the
// import reads names its item there, so rows may be inserted, deleted or moved), the
// hidden map sheet (item id + part -> column and row key), the meta keys, and the words
// accepted for yes/no and reasons.
import type { Section } from '../../domain/questionnaire/model.js';
import type { Bilingual, Lang } from '../../shared/lang.js';

export const TEMPLATE_FORMAT = 'ctip-excel-template';
/** 2: rows located by their key in column A (1 had fixed cell addresses). */
export const TEMPLATE_FORMAT_VERSION = 2;
/** Hidden sheet: meta in columns A:B, the map in columns D:G (header in row 1). */
export const MAP_SHEET = '_map';
/** Hidden sheet holding drop-down lists. */
export const LISTS_SHEET = '_lists';

export interface TemplateMeta {
  format: string;
  formatVersion: number;
  questionnaireVersion: string;
  contentHash: string;
  campaignId: string;
  organisationId: string;
  agencyType: string;
  /** Draft revision the template was pre-filled from: the base its import is merged against. */
  revision: number;
  reportingYear: string;
  lang: Lang;
  /** Whose workbook this is, to name it when it is uploaded to another organisation. */
  organisationName: string;
}
export const META_KEYS = [
  'format',
  'formatVersion',
  'questionnaireVersion',
  'contentHash',
  'campaignId',
  'organisationId',
  'agencyType',
  'revision',
  'reportingYear',
  'lang',
  'organisationName',
] as const;

/**
 * Parts of an item: `value`, `reason`, `comment` (missing-data comment), `description`
 * (yes/no), `total` and `cat:<code>` (breakdown), `col:<id>` (table/entity column). A part
 * is the cell in `column` of the row whose column A holds `key`; a grid column's cells are
 * every row between the grid's `#head` and `#end` rows, whatever their column A says.
 */
export interface MapEntry {
  itemId: string;
  part: string;
  column: string;
  key: string;
}

/** Column A keys: the item's own row, and its sub-rows. */
export const rowKey = {
  item: (itemId: string) => itemId,
  description: (itemId: string) => `${itemId}#description`,
  category: (itemId: string, code: string) => `${itemId}#cat:${code}`,
  sum: (itemId: string) => `${itemId}#sum`,
  head: (itemId: string) => `${itemId}#head`,
  row: (itemId: string) => `${itemId}#row`,
  end: (itemId: string) => `${itemId}#end`,
};
export const isGridPart = (part: string) => part.startsWith('col:');

export const YES: Bilingual = { kk: 'Иә', ru: 'Да' };
export const NO: Bilingual = { kk: 'Жоқ', ru: 'Нет' };
export const yesNoOption = (w: Bilingual) => `${w.kk} / ${w.ru}`;
export const UNKNOWN_LABEL: Bilingual = { kk: 'Белгісіз', ru: 'Неизвестно' };
export const ENTITY_COLUMNS = [
  { id: 'name', label: { kk: 'Атауы', ru: 'Наименование' } },
  { id: 'country', label: { kk: 'Ел (тізімнен немесе атауы)', ru: 'Страна (из списка или название)' } },
  { id: 'note', label: { kk: 'Ескерту', ru: 'Примечание' } },
] as const;

/** "Label kk / label ru", the text of a drop-down option. */
export const bothLabels = (l: Bilingual) => `${l.kk} / ${l.ru}`;

const SHEET_NAME_MAX = 31;

/** A sheet name: at most 31 characters, none of []:*?/\\ , cut at a word boundary. */
export function cutName(text: string, max = SHEET_NAME_MAX): string {
  const clean = text
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return (space > max / 2 ? cut.slice(0, space) : clean.slice(0, max)).replace(/[\s,.;«(-]+$/, '');
}

/** Sheet names of the form's sections in `lang`, each cut at a word boundary and unique within the workbook. */
export function sheetNames(sections: readonly Section[], lang: Lang, taken: readonly string[] = []): string[] {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  return sections.map((section) => {
    let name = cutName(`${section.number}. ${section.title[lang]}`);
    for (let n = 2; used.has(name.toLowerCase()); n++)
      name = `${cutName(`${section.number}. ${section.title[lang]}`, SHEET_NAME_MAX - 4)} (${n})`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** Spare rows offered for tables and entity lists beyond the pre-filled ones (more may be inserted). */
export const SPARE_ROWS = 10;
