// Fills a downloaded template programmatically, as a respondent would, through the
// hidden map sheet only (not the template writer's code): reasons by their Russian
// label, yes/no as "Да"/"Нет", choices by code, amounts as typed numbers.
import ExcelJS from 'exceljs';
import type { Form } from '../../../src/domain/questionnaire/forms.js';
import type { SubmissionContent } from '../../../src/domain/questionnaire/content.js';

export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

export interface MapRow {
  itemId: string;
  part: string;
  sheet: string;
  cell: string;
  rows: number;
}

export function mapRows(wb: ExcelJS.Workbook): MapRow[] {
  const rows: MapRow[] = [];
  wb.getWorksheet('_map')!.eachRow((row, n) => {
    if (n > 1 && row.getCell(4).value) rows.push({ itemId: String(row.getCell(4).value), part: String(row.getCell(5).value), sheet: String(row.getCell(6).value), cell: String(row.getCell(7).value), rows: Number(row.getCell(8).value) });
  });
  return rows;
}

const down = (cell: string, n: number) => cell.replace(/\d+$/, (r) => String(Number(r) + n));

export async function fillTemplate(bytes: Buffer, content: SubmissionContent, form: Form): Promise<Buffer> {
  const wb = await loadWorkbook(bytes);
  for (const m of mapRows(wb)) {
    const entry = content.answers[m.itemId] as { value?: any; missingReason?: string; missingComment?: string } | undefined;
    if (!entry) continue;
    const ws = wb.getWorksheet(m.sheet)!;
    const set = (v: unknown, offset = 0) => (ws.getCell(down(m.cell, offset)).value = v as ExcelJS.CellValue);
    const v = entry.value;
    if (m.part === 'reason' && entry.missingReason) set(form.missingReasons.find((r) => r.code === entry.missingReason)!.label.ru);
    else if (m.part === 'comment' && entry.missingComment) set(entry.missingComment);
    else if (v === undefined) continue;
    else if (m.part === 'value') set(typeof v === 'object' && 'answer' in v ? (v.answer === 'yes' ? 'Да' : 'Нет') : v);
    else if (m.part === 'description' && v.description) set(v.description);
    else if (m.part === 'total') set(v.total);
    else if (m.part.startsWith('cat:') && v.byCategory[m.part.slice(4)] !== undefined) set(v.byCategory[m.part.slice(4)]);
    else if (m.part.startsWith('col:')) (v as Record<string, unknown>[]).forEach((row, i) => row[m.part.slice(4)] !== undefined && set(row[m.part.slice(4)], i));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Sets one cell of an item's part (first row for grids). */
export async function editCell(bytes: Buffer, itemId: string, part: string, value: ExcelJS.CellValue): Promise<{ bytes: Buffer; sheet: string; cell: string }> {
  const wb = await loadWorkbook(bytes);
  const m = mapRows(wb).find((r) => r.itemId === itemId && r.part === part)!;
  wb.getWorksheet(m.sheet)!.getCell(m.cell).value = value;
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), sheet: m.sheet, cell: m.cell };
}

/** Rewrites a meta value of the hidden sheet (column A key -> column B). */
export async function editMeta(bytes: Buffer, key: string, value: string): Promise<Buffer> {
  const wb = await loadWorkbook(bytes);
  wb.getWorksheet('_map')!.eachRow((row) => {
    if (row.getCell(1).value === key) row.getCell(2).value = value;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A multipart/form-data body with one file. */
export function multipart(bytes: Buffer, filename = 'filled.xlsx', type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') {
  const boundary = `----ctip${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
