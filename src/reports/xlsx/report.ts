// The report's tables as an Excel workbook: a cover sheet, then one sheet per table
// (caption, header row, data with number formats; hidden counts are empty cells whose
// comment is the mark, "<10" or "x"), and a hidden sheet naming each count cell's disclosure key.
import ExcelJS from 'exceljs';
import { formatDate, markOf } from '../format.js';
import { isSuppressed, type NumberFormat, type ReportTable, type ReportViewModel } from '../report.view-model.js';
import { allReportTables } from '../tables.js';
import { fill, textsFor, type ReportTexts } from '../texts.js';

const NUM_FMT: Record<NumberFormat, string> = { integer: '#,##0', decimal1: '0.0', decimal2: '0.00', decimal3: '0.000', percent: '0.0%' };
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

function addTableSheet(wb: ExcelJS.Workbook, table: ReportTable, name: string, t: ReportTexts, keyed: KeyedCells): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  const n = table.columns.length;
  ws.getCell(1, 1).value = table.caption;
  ws.getCell(1, 1).font = { bold: true, size: 12 };
  ws.getCell(1, 1).alignment = { wrapText: true, vertical: 'top' };
  if (n > 1) ws.mergeCells(1, 1, 1, n);
  ws.getRow(1).height = Math.min(15 * Math.ceil(table.caption.length / (12 * n)) + 6, 90);
  table.columns.forEach((c, i) => {
    const cell = ws.getCell(2, i + 1);
    cell.value = c.label;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    ws.getColumn(i + 1).width = Math.round(Math.min(60, Math.max(8, (c.width ?? 1) * 12)));
  });
  table.rows.forEach((row, r) => {
    row.forEach((value, i) => {
      const column = table.columns[i];
      const cell = ws.getCell(r + 3, i + 1);
      const key = table.cellKeys?.[r]?.[i];
      if (key) keyed.push([name, cell.address, key]);
      if (isSuppressed(value)) {
        // The number column stays numeric: the cell is empty and its mark is the cell's comment.
        cell.value = null;
        cell.note = markOf(value, t.suppressed);
        if (column.format) cell.numFmt = NUM_FMT[column.format];
        return;
      }
      cell.value = value;
      if (typeof value === 'number' && column.format) cell.numFmt = NUM_FMT[column.format];
      cell.alignment = { horizontal: column.align, vertical: 'top', wrapText: typeof value === 'string' };
    });
  });
  if (table.note) ws.getCell(table.rows.length + 4, 1).value = table.note;
}

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
  const used = new Set(['about', DISCLOSURE_CELLS, DISCLOSURE_RELATIONS]);
  const keyed: KeyedCells = [];
  for (const table of allReportTables(vm, t)) addTableSheet(wb, table, sheetName(table.id, used), t, keyed);
  addDisclosureSheets(wb, vm, keyed);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
