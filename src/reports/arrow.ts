// The assessment's fact table as Apache Arrow IPC (file format) and as CSV, for
// analysts' tools. One row per item/dimension/category value of a submission.
import { Float64, Table, Utf8, makeVector, tableToIPC, vectorFromArray } from 'apache-arrow';
import type { NumericFact } from '../pipeline/facts.js';

export interface ExportFact {
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

/** A fact in the export's shape: snake_case columns, empty strings for no dimension (text answers travel in /texts). */
export function toExportFact(assessmentId: string, f: NumericFact): ExportFact {
  return {
    assessment_id: assessmentId,
    year: f.year,
    organisation_id: f.organisationId,
    agency_type: f.agencyType,
    region: f.region,
    item_id: f.itemId,
    dimension: f.dimension ?? '',
    category: f.category ?? '',
    value: f.value,
    missing_reason: f.missingReason,
  };
}

export const factColumns = [
  'assessment_id', 'year', 'organisation_id', 'agency_type', 'region', 'item_id', 'dimension', 'category', 'value', 'missing_reason',
] as const satisfies readonly (keyof ExportFact)[];

/** Arrow IPC file bytes; value is float64 and missing_reason a nullable utf8 column. */
export function factsToArrow(rows: ExportFact[]): Uint8Array {
  const text = (key: Exclude<keyof ExportFact, 'year' | 'value'>) => vectorFromArray(rows.map((r) => r[key]), new Utf8());
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
export function factsToCsv(rows: ExportFact[]): string {
  const lines = [factColumns.join(',')];
  for (const r of rows) lines.push(factColumns.map((c) => csvField(r[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
