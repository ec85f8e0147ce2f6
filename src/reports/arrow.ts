// The assessment's fact table as Apache Arrow IPC (file format) and as CSV, for
// analysts' tools. One row per item/dimension/category value of a submission.
import {
  Dictionary,
  Field,
  Float64,
  Int32,
  RecordBatch,
  Schema,
  Struct,
  Table,
  Utf8,
  makeData,
  makeVector,
  tableToIPC,
  vectorFromArray,
  type Vector,
} from 'apache-arrow';
import type { NumericFact } from '../pipeline/facts.js';

export interface ExportFact {
  assessment_id: string;
  year: number;
  organisation_id: string;
  agency_type: string;
  region: string;
  item_id: string;
  /** Dimension code of a breakdown, table column id; null for a plain value. */
  dimension: string | null;
  /** Breakdown category, table row number or entity code; null for a plain value. */
  category: string | null;
  /** Null when missing; see missing_reason. */
  value: number | null;
  missing_reason: string | null;
}

/** A fact in the export's shape: snake_case columns, null for no dimension (text answers travel in /texts). */
export function toExportFact(assessmentId: string, f: NumericFact): ExportFact {
  return {
    assessment_id: assessmentId,
    year: f.year,
    organisation_id: f.organisationId,
    agency_type: f.agencyType,
    region: f.region,
    item_id: f.itemId,
    dimension: f.dimension,
    category: f.category,
    value: f.value,
    missing_reason: f.missingReason,
  };
}

export const factColumns = [
  'assessment_id',
  'year',
  'organisation_id',
  'agency_type',
  'region',
  'item_id',
  'dimension',
  'category',
  'value',
  'missing_reason',
] as const satisfies readonly (keyof ExportFact)[];

type TextColumn = Exclude<(typeof factColumns)[number], 'year' | 'value'>;

/** Field metadata of the Arrow file: labels in kk and ru, unit and where the values come from. */
const fieldMeta: Record<(typeof factColumns)[number], { kk: string; ru: string; unit: string; source: string }> = {
  assessment_id: { kk: 'Бағалау', ru: 'Оценка', unit: 'code', source: 'assessments.id' },
  year: { kk: 'Есепті жыл', ru: 'Отчетный год', unit: 'year', source: 'campaigns.reporting_year' },
  organisation_id: { kk: 'Ұйым', ru: 'Организация', unit: 'code', source: 'organisations.id' },
  agency_type: {
    kk: 'Субъект түрі',
    ru: 'Тип субъекта',
    unit: 'code',
    source: 'reference agency types (GET /api/v1/reference/agency-types)',
  },
  region: { kk: 'Өңір', ru: 'Регион', unit: 'code', source: 'reference regions (GET /api/v1/reference/regions)' },
  item_id: {
    kk: 'Сауалнама көрсеткіші',
    ru: 'Показатель опросника',
    unit: 'code',
    source: 'questionnaire item id (questionnaires/<version>)',
  },
  dimension: {
    kk: 'Бөлініс өлшемі немесе кесте бағаны',
    ru: 'Измерение разбивки или графа таблицы',
    unit: 'code',
    source: 'questionnaire dimensions.json; null for a plain value',
  },
  category: {
    kk: 'Санат, кесте жолы немесе нысан',
    ru: 'Категория, строка таблицы или объект',
    unit: 'code',
    source: 'questionnaire dimensions.json; null for a plain value',
  },
  value: {
    kk: 'Мән',
    ru: 'Значение',
    unit: 'count, or KZT for amount items, 1/0 for yes/no (see item_id)',
    source: 'submission answer of item_id',
  },
  missing_reason: {
    kk: 'Деректердің болмау себебі',
    ru: 'Причина отсутствия данных',
    unit: 'code',
    source: 'questionnaire manifest missingReasons; null when answered',
  },
};

const metadata = (key: (typeof factColumns)[number]) =>
  new Map([
    ['label_kk', fieldMeta[key].kk],
    ['label_ru', fieldMeta[key].ru],
    ['unit', fieldMeta[key].unit],
    ['source', fieldMeta[key].source],
  ]);

type Column = (typeof factColumns)[number];

/** The fact fields behind the export's columns (assessment_id is the export's own). */
const factField: Record<Exclude<Column, 'assessment_id'>, keyof NumericFact> = {
  year: 'year',
  organisation_id: 'organisationId',
  agency_type: 'agencyType',
  region: 'region',
  item_id: 'itemId',
  dimension: 'dimension',
  category: 'category',
  value: 'value',
  missing_reason: 'missingReason',
};

/**
 * Arrow IPC file bytes. Code columns are dictionary-encoded (a few hundred distinct
 * values over millions of rows), nulls stay null, and every field carries its labels,
 * unit and source as metadata.
 */
export const factsToArrow = (rows: readonly ExportFact[]): Uint8Array =>
  arrowOfColumns(rows.length, (key) => rows.map((r) => r[key]));

/** The same file from an assessment's facts, without an export object per fact. */
export const factTableToArrow = (assessmentId: string, facts: readonly NumericFact[]): Uint8Array =>
  arrowOfColumns(facts.length, (key) =>
    key === 'assessment_id' ? new Array<string>(facts.length).fill(assessmentId) : facts.map((f) => f[factField[key]]),
  );

function arrowOfColumns(length: number, column: (key: Column) => (string | number | null)[]): Uint8Array {
  // A fixed dictionary id per column: apache-arrow numbers dictionaries from a process-wide counter,
  // so the same table had other bytes (and another sha256) depending on what the process built before.
  const code = (key: TextColumn) =>
    vectorFromArray(
      column(key) as (string | null)[],
      new Dictionary(new Utf8(), new Int32(), factColumns.indexOf(key)),
    );
  const vectors: Record<Column, Vector> = {
    assessment_id: code('assessment_id'),
    year: makeVector(Int32Array.from(column('year') as number[])),
    organisation_id: code('organisation_id'),
    agency_type: code('agency_type'),
    region: code('region'),
    item_id: code('item_id'),
    dimension: code('dimension'),
    category: code('category'),
    value: vectorFromArray(column('value') as (number | null)[], new Float64()),
    missing_reason: code('missing_reason'),
  };
  const fields = factColumns.map((k) => new Field(k, vectors[k].type, k !== 'year', metadata(k)));
  const schema = new Schema(
    fields,
    new Map([
      ['format', 'ctip facts v2'],
      ['rows', String(length)],
    ]),
  );
  const data = makeData({
    type: new Struct(fields),
    length,
    nullCount: 0,
    children: factColumns.map((k) => vectors[k].data[0]!),
  });
  return tableToIPC(new Table([new RecordBatch(schema, data)]), 'file');
}

function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV header line. */
export const factsCsvHeader = `${factColumns.join(',')}\r\n`;

/** RFC 4180 CSV lines of the rows (no header); nulls are empty fields. */
export function factsCsvRows(rows: readonly ExportFact[]): string {
  let out = '';
  for (const r of rows) out += `${factColumns.map((c) => csvField(r[c])).join(',')}\r\n`;
  return out;
}

/** RFC 4180 CSV with a header row; nulls are empty fields. */
export const factsToCsv = (rows: readonly ExportFact[]): string => factsCsvHeader + factsCsvRows(rows);
