// The report's tables as an Excel workbook for analysts: a cover sheet, the index of
// tables (captions and notes) and the codes of every column, then one sheet per table
// (header in row 1, stable row codes beside the labels, numbers as shown; hidden counts
// are empty number cells whose comment is the mark, "<10" or "x"), and very hidden sheets
// naming each count cell's disclosure key and the relations between the keys.
import ExcelJS from 'exceljs';
import { formatDate, markOf } from '../format.js';
import { isSuppressed, type NumberFormat, type ReportTable, type ReportViewModel } from '../report.view-model.js';
import { allReportTables } from '../tables.js';
import { fill, textsFor, type ReportTexts } from '../texts.js';

const NUM_FMT: Record<NumberFormat, string> = {
  integer: '#,##0',
  decimal1: '0.0',
  decimal2: '0.00',
  decimal3: '0.000',
  percent: '0.0%',
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EDF3' } };

/** Excel sheet names: at most 31 characters, none of []:*?/\ , unique (case-insensitive). */
export function sheetName(id: string, used: Set<string>): string {
  const base = id.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}_${n}`;
  used.add(name.toLowerCase());
  return name;
}

/** Disclosure key of each count cell: sheet, address, key. */
type KeyedCells = [string, string, string][];

const DECIMALS: Record<NumberFormat, number> = { integer: 0, decimal1: 1, decimal2: 2, decimal3: 3, percent: 3 };
/** Numbers are stored as shown (8.1, not 8.124348...), so a sum in Excel matches the printed figures. */
const rounded = (v: number, f: NumberFormat | undefined) =>
  f ? Math.round(v * 10 ** DECIMALS[f]) / 10 ** DECIMALS[f] : v;

/**
 * One table per sheet for analysts: the header in row 1 and data from row 2 (nothing
 * else in the data range), the row's stable code in column A when the table has codes.
 * Captions and notes are on the "tables" sheet; column codes on the "codes" sheet.
 */
function addTableSheet(
  wb: ExcelJS.Workbook,
  table: ReportTable,
  name: string,
  t: ReportTexts,
  keyed: KeyedCells,
): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const offset = table.rowCodes ? 1 : 0;
  const header = (col: number, label: string) => {
    const cell = ws.getCell(1, col);
    cell.value = label;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  };
  if (offset) {
    header(1, 'code');
    ws.getColumn(1).width = 24;
  }
  table.columns.forEach((c, i) => {
    header(i + 1 + offset, c.label);
    ws.getColumn(i + 1 + offset).width = Math.round(Math.min(60, Math.max(8, (c.width ?? 1) * 12)));
  });
  table.rows.forEach((row, r) => {
    if (offset) ws.getCell(r + 2, 1).value = table.rowCodes![r] ?? null;
    row.forEach((value, i) => {
      const column = table.columns[i];
      const cell = ws.getCell(r + 2, i + 1 + offset);
      const key = table.cellKeys?.[r]?.[i];
      if (key) keyed.push([name, cell.address, key]);
      if (isSuppressed(value)) {
        // The number column stays numeric: the cell is empty and its mark is the cell's comment.
        cell.value = null;
        cell.note = markOf(value, t.suppressed);
        if (column.format) cell.numFmt = NUM_FMT[column.format];
        return;
      }
      cell.value = typeof value === 'number' ? rounded(value, column.format) : value;
      if (typeof value === 'number' && column.format) cell.numFmt = NUM_FMT[column.format];
      cell.alignment = { horizontal: column.align, vertical: 'top', wrapText: typeof value === 'string' };
    });
  });
}

/** The index of the table sheets (sheet, id, caption, note) and the codes of every column. */
function addIndexSheets(wb: ExcelJS.Workbook, sheets: { name: string; table: ReportTable }[]): void {
  const index = wb.addWorksheet('tables', { views: [{ state: 'frozen', ySplit: 1 }] });
  index.addRow(['sheet', 'table', 'caption', 'note']).font = { bold: true };
  for (const { name, table } of sheets) index.addRow([name, table.id, table.caption, table.note ?? null]);
  [16, 24, 60, 100].forEach((w, i) => (index.getColumn(i + 1).width = w));
  const codes = wb.addWorksheet('codes', { views: [{ state: 'frozen', ySplit: 1 }] });
  codes.addRow(['sheet', 'column', 'code', 'label', 'format']).font = { bold: true };
  for (const { name, table } of sheets) {
    const offset = table.rowCodes ? 1 : 0;
    if (offset) codes.addRow([name, 'A', 'code', 'code', null]);
    table.columns.forEach((c, i) =>
      codes.addRow([name, columnLetter(i + 1 + offset), c.key, c.label, c.format ?? null]),
    );
  }
  [16, 8, 20, 60, 10].forEach((w, i) => (codes.getColumn(i + 1).width = w));
}

const columnLetter = (n: number): string =>
  n <= 26
    ? String.fromCharCode(64 + n)
    : columnLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));

export const DISCLOSURE_CELLS = 'disclosure_cells';
export const DISCLOSURE_RELATIONS = 'disclosure_relations';

/**
 * The structure an analyst reads off the tables, machine-readable: which cell counts what
 * (key) and which keys sum to which. No values: those are in the table sheets, hidden ones
 * empty. `npm run audit:disclosure` audits a workbook from these sheets and its cells.
 */
function addDisclosureSheets(wb: ExcelJS.Workbook, vm: ReportViewModel, keyed: KeyedCells): void {
  const cells = wb.addWorksheet(DISCLOSURE_CELLS, { state: 'veryHidden' });
  cells.addRow(['sheet', 'cell', 'key', 'threshold', vm.meta.suppressionThreshold ?? 10]);
  cells.addRows(keyed);
  const relations = wb.addWorksheet(DISCLOSURE_RELATIONS, { state: 'veryHidden' });
  relations.addRow(['total', 'exact', 'parts']);
  relations.addRows((vm.cellRelations ?? []).map((r) => [r.total, r.exact ? 1 : 0, JSON.stringify(r.parts)]));
}

function addCover(wb: ExcelJS.Workbook, vm: ReportViewModel, t: ReportTexts): void {
  const ws = wb.addWorksheet('about');
  const [from, , to] = vm.meta.years;
  const rows: [string, string][] = [
    [t.titlePage.title, fill(t.titlePage.period, { from, to })],
    [t.titlePage.coordinatingBody, vm.meta.coordinatingBody],
    [t.titlePage.finalisedAt, formatDate(vm.meta.finalisedAt)],
    [t.titlePage.assessmentId, vm.meta.id],
    [t.legalBasisHeading, t.legalBasis],
  ];
  rows.forEach(([k, v], i) => {
    ws.getCell(i + 1, 1).value = k;
    ws.getCell(i + 1, 1).font = { bold: true };
    ws.getCell(i + 1, 2).value = v;
    ws.getCell(i + 1, 2).alignment = { wrapText: true, vertical: 'top' };
  });
  ws.getColumn(1).width = 40;
  ws.getColumn(2).width = 100;
}

export async function renderReportXlsx(vm: ReportViewModel): Promise<Buffer> {
  const t = textsFor(vm.meta);
  const wb = new ExcelJS.Workbook();
  const date = new Date(vm.meta.finalisedAt);
  wb.creator = vm.meta.coordinatingBody;
  wb.created = date;
  wb.modified = date;
  addCover(wb, vm, t);
  const used = new Set(['about', 'tables', 'codes', DISCLOSURE_CELLS, DISCLOSURE_RELATIONS]);
  const sheets = allReportTables(vm, t).map((table) => ({ table, name: sheetName(table.id, used) }));
  addIndexSheets(wb, sheets);
  const keyed: KeyedCells = [];
  for (const { table, name } of sheets) addTableSheet(wb, table, name, t, keyed);
  addDisclosureSheets(wb, vm, keyed);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
