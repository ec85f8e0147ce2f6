// Published count tables (categories by the three years, with totals). Every person count
// carries a disclosure cell key (src/pipeline/disclosure/linked.ts); when published, each
// keyed cell is shown or hidden as the protection of the whole linked set decided
// (src/reports/build/disclosure.ts). Raw tables (for the platform) show every figure.
import type { Lang } from '../../shared/lang.js';
import { cellKey } from '../../pipeline/disclosure/linked.js';
import type { ReportTable, SuppressedCell, TableCell, TableColumn } from '../report.view-model.js';
import { loadTexts } from '../texts.js';
import { captions } from './captions.js';
import type { YearValues } from './facts.js';

/** The protection's decision per cell key: hidden as primary or secondary; absent keys are shown. */
export type Marks = ReadonlyMap<string, SuppressedCell['mark']>;

export interface Privacy {
  /** True for anything published (PDF, XLSX, profiles). */
  publish: boolean;
  threshold: number;
  /** Required when publishing: the marks of the protected linked set. */
  marks?: Marks;
}

export interface CountRow {
  label: string;
  values: YearValues;
  /** Stable code of the row (category, region...), carried to the table's rowCodes. */
  code?: string;
  /** Category code of the row (breakdown tables); '' when the row is a slice. */
  category?: string;
  /** Slice of the row when it differs from the table's (e.g. `region:<code>`). */
  slice?: string;
}

export interface CountTableSpec {
  id: string;
  caption: string;
  firstLabel: string;
  rows: CountRow[];
  years: readonly number[];
  lang: Lang;
  /** Victim counts are protected when published (and need `measure`); activity counts are not. */
  victims: boolean;
  /** Disclosure measure of a victims table, e.g. `victims_by:age`. */
  measure?: string;
  /** Disclosure slice of the table ('' national, `agency:<code>`); the total row's slice with `totalSlice`. */
  slice?: string;
  totalSlice?: string;
  /** Adds the trend column (third year against the first). */
  trend?: boolean;
  /** Keeps rows that are zero in every year (e.g. all 20 regions); dropped otherwise. */
  keepZeroRows?: boolean;
  note?: string;
}

export function trendOf(values: readonly TableCell[], lang: Lang): string {
  const t = loadTexts(lang).trend;
  const [a, , c] = values;
  if (typeof a !== 'number' || typeof c !== 'number' || (a === 0 && c === 0)) return t.none;
  if (c > a * 1.1) return t.up;
  if (c < a * 0.9) return t.down;
  return t.stable;
}

/** The published form of a person count: its value, or the mark the protection gave its key. */
export function protectedCell(key: string, value: number, privacy: Privacy): TableCell {
  if (!privacy.publish) return value;
  if (!privacy.marks) throw new Error(`report builder: publishing ${key} without disclosure protection`);
  const mark = privacy.marks.get(key);
  return mark ? { suppressed: true, mark } : value;
}

const period = (years: readonly number[], y: number) => (y < years.length ? String(years[y]) : '');

/** A categories x years table with row totals and a total row; person counts protected when published. */
export function countTable(spec: CountTableSpec, privacy: Privacy): ReportTable {
  const c = captions();
  const t = loadTexts(spec.lang);
  const rows = spec.keepZeroRows ? spec.rows : spec.rows.filter((r) => r.values.some((v) => v !== 0));
  const cells = rows.map((r) => [...r.values]);
  const rowTotals = cells.map((r) => r.reduce((a, b) => a + b, 0));
  const columnTotals = [0, 1, 2].map((y) => cells.reduce((a, r) => a + r[y], 0));
  const grandTotal = rowTotals.reduce((a, b) => a + b, 0);
  const raw = [...cells.map((r, i) => [...r, rowTotals[i]]), [...columnTotals, grandTotal]];
  if (spec.victims && !spec.measure)
    throw new Error(`report builder: victims table ${spec.id} has no disclosure measure`);
  const keys: (string | null)[][] | undefined = spec.victims
    ? raw.map((r, i) =>
        r.map((_, y) => {
          const row = rows[i];
          const slice = row ? (row.slice ?? spec.slice ?? '') : (spec.totalSlice ?? spec.slice ?? '');
          return cellKey({
            measure: spec.measure!,
            slice,
            category: row?.category ?? '',
            period: period(spec.years, y),
          });
        }),
      )
    : undefined;
  const shown: TableCell[][] = keys ? raw.map((r, i) => r.map((v, y) => protectedCell(keys[i][y]!, v, privacy))) : raw;
  const columns: TableColumn[] = [
    { key: 'category', label: spec.firstLabel, align: 'left', width: 2.5 },
    ...spec.years.map((y): TableColumn => ({ key: `y${y}`, label: String(y), align: 'right', format: 'integer' })),
    { key: 'total', label: c.total[spec.lang], align: 'right', format: 'integer' },
  ];
  if (spec.trend) columns.push({ key: 'trend', label: t.trend.label, align: 'left', width: 1.4 });
  const withTrend = <T>(label: T, r: T[], trend: T): T[] => (spec.trend ? [label, ...r, trend] : [label, ...r]);
  const labels = [...rows.map((r) => r.label), c.total[spec.lang]];
  const used = rows.length ? labels.length : 0;
  return {
    id: spec.id,
    caption: spec.caption,
    columns,
    rows: shown.slice(0, used).map((r, i) => withTrend<TableCell>(labels[i], r, trendOf(r.slice(0, 3), spec.lang))),
    ...(spec.note ? { note: spec.note } : {}),
    rowCodes: [...rows.map((r) => r.code ?? null), ...(rows.length ? ['total'] : [])],
    ...(keys ? { cellKeys: keys.slice(0, used).map((r) => withTrend<string | null>(null, r, null)) } : {}),
  };
}
