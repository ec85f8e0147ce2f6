// Published count tables (categories by the three years, with totals): primary and
// secondary small-cell suppression via src/pipeline/suppression.ts. Raw tables (for
// the platform) show every figure.
import type { Lang } from '../../shared/lang.js';
import { suppressTable } from '../../pipeline/suppression.js';
import type { ReportTable, TableCell, TableColumn } from '../report.view-model.js';
import { loadTexts } from '../texts.js';
import { captions } from './captions.js';
import type { YearValues } from './facts.js';

export interface Privacy {
  /** True for anything published (PDF, XLSX, profiles). */
  publish: boolean;
  threshold: number;
}

export interface CountRow {
  label: string;
  values: YearValues;
  /** Stable code of the row (category, region...), carried to the table's rowCodes. */
  code?: string;
}

export interface CountTableSpec {
  id: string;
  caption: string;
  firstLabel: string;
  rows: CountRow[];
  years: readonly number[];
  lang: Lang;
  /** Victim counts are suppressed when published; activity counts are not. */
  victims: boolean;
  /** Adds the trend column (third year against the first). */
  trend?: boolean;
  /** Keeps rows that are zero in every year (e.g. all 20 regions); dropped otherwise. */
  keepZeroRows?: boolean;
  note?: string;
}

const SUPPRESSED = { suppressed: true } as const;

export function trendOf(values: readonly TableCell[], lang: Lang): string {
  const t = loadTexts(lang).trend;
  const [a, , c] = values;
  if (typeof a !== 'number' || typeof c !== 'number' || (a === 0 && c === 0)) return t.none;
  if (c > a * 1.1) return t.up;
  if (c < a * 0.9) return t.down;
  return t.stable;
}

/** Hides a single published count between 1 and threshold - 1 (no totals to protect). */
export function primaryOnly(value: number, privacy: Privacy): TableCell {
  return privacy.publish && value >= 1 && value < privacy.threshold ? SUPPRESSED : value;
}

/** A categories x years table with row totals and a total row; suppressed when published and `victims`. */
export function countTable(spec: CountTableSpec, privacy: Privacy): ReportTable {
  const c = captions();
  const t = loadTexts(spec.lang);
  const rows = spec.keepZeroRows ? spec.rows : spec.rows.filter((r) => r.values.some((v) => v !== 0));
  const cells = rows.map((r) => [...r.values]);
  const rowTotals = cells.map((r) => r.reduce((a, b) => a + b, 0));
  const columnTotals = [0, 1, 2].map((y) => cells.reduce((a, r) => a + r[y], 0));
  const grandTotal = rowTotals.reduce((a, b) => a + b, 0);

  let body: TableCell[][] = cells.map((r, i) => [...r, rowTotals[i]]);
  let totalRow: TableCell[] = [...columnTotals, grandTotal];
  if (privacy.publish && spec.victims && rows.length > 0) {
    const label = t.suppressed;
    const s = suppressTable({ cells, rowTotals, columnTotals, grandTotal }, { threshold: privacy.threshold, primaryLabel: label, secondaryLabel: label });
    const show = (p: { value: number; suppressed: boolean }): TableCell => (p.suppressed ? SUPPRESSED : p.value);
    body = s.cells.map((r, i) => [...r.map(show), show(s.rowTotals[i])]);
    totalRow = [...s.columnTotals.map(show), show(s.grandTotal)];
  }
  const columns: TableColumn[] = [
    { key: 'category', label: spec.firstLabel, align: 'left', width: 2.5 },
    ...spec.years.map((y): TableColumn => ({ key: `y${y}`, label: String(y), align: 'right', format: 'integer' })),
    { key: 'total', label: c.total[spec.lang], align: 'right', format: 'integer' },
  ];
  if (spec.trend) columns.push({ key: 'trend', label: t.trend.label, align: 'left', width: 1.4 });
  const withTrend = (label: string, r: TableCell[]): TableCell[] => (spec.trend ? [label, ...r, trendOf(r.slice(0, 3), spec.lang)] : [label, ...r]);
  return {
    id: spec.id,
    caption: spec.caption,
    columns,
    rows: [...rows.map((r, i) => withTrend(r.label, body[i])), ...(rows.length ? [withTrend(c.total[spec.lang], totalRow)] : [])],
    ...(spec.note ? { note: spec.note } : {}),
    rowCodes: [...rows.map((r) => r.code ?? null), ...(rows.length ? ['total'] : [])],
  };
}
