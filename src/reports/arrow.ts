// The assessment's fact table as Apache Arrow IPC (file format) and as CSV, for
// analysts' tools. One row per item/dimension/category value of a submission.
import { Float64, Table, Utf8, makeVector, tableToIPC, vectorFromArray } from 'apache-arrow';

export interface FactRow {
  assessment_id: string;
  year: number;
  organisation_id: string;
  agency_type: string;
  region: string;
  item_id: string;
  /** Dimension code of a breakdown ("total" style rows leave it empty). */
  dimension: string;
  category: string;
  /** Null when missing; see missing_reason. */
  value: number | null;
  missing_reason: string | null;
}

export const factColumns = [
  'assessment_id', 'year', 'organisation_id', 'agency_type', 'region', 'item_id', 'dimension', 'category', 'value', 'missing_reason',
] as const satisfies readonly (keyof FactRow)[];

/** Arrow IPC file bytes; value is float64 and missing_reason a nullable utf8 column. */
export function factsToArrow(rows: FactRow[]): Uint8Array {
  const text = (key: Exclude<keyof FactRow, 'year' | 'value'>) => vectorFromArray(rows.map((r) => r[key]), new Utf8());
  const table = new Table({
    assessment_id: text('assessment_id'),
    year: makeVector(Int32Array.from(rows, (r) => r.year)),
    organisation_id: text('organisation_id'),
    agency_type: text('agency_type'),
    region: text('region'),
    item_id: text('item_id'),
    dimension: text('dimension'),
    category: text('category'),
    value: vectorFromArray(rows.map((r) => r.value), new Float64()),
    missing_reason: text('missing_reason'),
  });
  return tableToIPC(table, 'file');
}

function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with a header row; nulls are empty fields. */
export function factsToCsv(rows: FactRow[]): string {
  const lines = [factColumns.join(',')];
  for (const r of rows) lines.push(factColumns.map((c) => csvField(r[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
