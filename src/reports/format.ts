// Number, date and cell formatting shared by the PDF and XLSX renderers
// (Kazakh and Russian both use a decimal comma and a space as thousands separator).
import { secondaryMark } from './disclosure-texts.js';
import {
  isSuppressed,
  type NumberFormat,
  type SuppressedCell,
  type TableCell,
  type TableColumn,
} from './report.view-model.js';

const decimals: Record<NumberFormat, number> = { integer: 0, decimal1: 1, decimal2: 2, decimal3: 3, percent: 1 };

export function formatNumber(value: number, format: NumberFormat = 'integer'): string {
  const shown = format === 'percent' ? value * 100 : value;
  const [int, frac] = Math.abs(shown).toFixed(decimals[format]).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  const sign = shown < 0 && Number(shown.toFixed(decimals[format])) !== 0 ? '−' : '';
  return `${sign}${grouped}${frac ? `,${frac}` : ''}${format === 'percent' ? '%' : ''}`;
}

/** The mark of a hidden count: the "<10" label for primary cells, the secondary mark ("x") otherwise. */
export function markOf(cell: SuppressedCell, suppressedLabel: string): string {
  return cell.mark === 'secondary' ? secondaryMark() : suppressedLabel;
}

/** Display text of a cell: hidden counts become their mark, null becomes an en dash. */
export function formatCell(cell: TableCell, column: TableColumn, suppressedLabel: string): string {
  if (cell === null) return '–';
  if (isSuppressed(cell)) return markOf(cell, suppressedLabel);
  if (typeof cell === 'number') return formatNumber(cell, column.format);
  return cell;
}

/** dd.mm.yyyy of an ISO timestamp (UTC). */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
}
