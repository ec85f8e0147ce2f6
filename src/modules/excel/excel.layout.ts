// What the template and the import agree on: the hidden map sheet (item id + part
// -> sheet and cell), the meta keys, and the words accepted for yes/no and reasons.
import type { Section } from '../../domain/questionnaire/model.js';
import type { Bilingual } from '../../shared/lang.js';

export const TEMPLATE_FORMAT = 'ctip-excel-template';
export const TEMPLATE_FORMAT_VERSION = 1;
/** Hidden sheet: meta in columns A:B, the cell map in columns D:H (header in row 1). */
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
  /** Draft revision the template was pre-filled from (informative; If-Match decides). */
  revision: number;
}
export const META_KEYS = ['format', 'formatVersion', 'questionnaireVersion', 'contentHash', 'campaignId', 'organisationId', 'agencyType', 'revision'] as const;

/**
 * Parts of an item: `value`, `reason`, `comment` (missing-data comment), `description`
 * (yes/no), `total` and `cat:<code>` (breakdown), `col:<id>` (table/entity column; `rows`
 * consecutive cells downwards).
 */
export interface MapEntry {
  itemId: string;
  part: string;
  sheet: string;
  cell: string;
  rows: number;
}

export const YES: Bilingual = { kk: 'Иә', ru: 'Да' };
export const NO: Bilingual = { kk: 'Жоқ', ru: 'Нет' };
export const yesNoOption = (w: Bilingual) => `${w.kk} / ${w.ru}`;
export const UNKNOWN_LABEL: Bilingual = { kk: 'Белгісіз', ru: 'Неизвестно' };
export const ENTITY_COLUMNS = [
  { id: 'name', label: { kk: 'Атауы', ru: 'Наименование' } },
  { id: 'country', label: { kk: 'Ел (ISO alpha-3 коды)', ru: 'Страна (код ISO alpha-3)' } },
  { id: 'note', label: { kk: 'Ескерту', ru: 'Примечание' } },
] as const;

/** "Label kk / label ru", the text of a drop-down option. */
export const bothLabels = (l: Bilingual) => `${l.kk} / ${l.ru}`;

/** Excel sheet names: at most 31 characters, none of []:*?/\ . */
export function sheetName(section: Section): string {
  return `${section.number}. ${section.title.ru}`.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim();
}

/** Spare rows offered for tables and entity lists beyond the pre-filled ones. */
export const SPARE_ROWS = 10;
