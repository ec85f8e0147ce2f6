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

/**
 * The hidden map resolved to cells: each part's column on the row whose column A holds its
 * key; a grid column from the first row after its `#head` row, `rows` rows down to `#end`.
 */
export function mapRows(wb: ExcelJS.Workbook): MapRow[] {
  const where = new Map<string, { sheet: string; row: number }>();
  for (const ws of wb.worksheets)
    if (!ws.name.startsWith('_'))
      ws.eachRow((row, n) => {
        const key = row.getCell(1).value;
        if (typeof key === 'string' && key) where.set(key, { sheet: ws.name, row: n });
      });
  const rows: MapRow[] = [];
  wb.getWorksheet('_map')!.eachRow((row, n) => {
    if (n === 1 || !row.getCell(4).value) return;
    const [itemId, part, column, key] = [4, 5, 6, 7].map((c) => String(row.getCell(c).value));
    if (part!.startsWith('col:')) {
      const head = where.get(`${itemId}#head`)!;
      const end = where.get(`${itemId}#end`)!;
      rows.push({
        itemId: itemId!,
        part: part!,
        sheet: head.sheet,
        cell: `${column}${head.row + 1}`,
        rows: end.row - head.row - 1,
      });
    } else {
      const at = where.get(key!)!;
      rows.push({ itemId: itemId!, part: part!, sheet: at.sheet, cell: `${column}${at.row}`, rows: 1 });
    }
  });
  return rows;
}

const down = (cell: string, n: number) => cell.replace(/\d+$/, (r) => String(Number(r) + n));

export async function fillTemplate(bytes: Buffer, content: SubmissionContent, form: Form): Promise<Buffer> {
  const wb = await loadWorkbook(bytes);
  // A list longer than the rows offered: insert rows above its end row, as a respondent would.
  const grids = new Map(
    mapRows(wb)
      .filter((m) => m.part.startsWith('col:'))
      .map((m) => [m.itemId, m]),
  );
  for (const [itemId, m] of grids) {
    const v = (content.answers[itemId] as { value?: unknown } | undefined)?.value;
    const extra = Array.isArray(v) ? v.length - m.rows : 0;
    if (extra > 0) {
      const end = mapRows(wb).find((r) => r.itemId === itemId && r.part === m.part)!;
      const endRow = Number(/\d+$/.exec(end.cell)![0]) + end.rows;
      wb.getWorksheet(end.sheet)!.spliceRows(endRow, 0, ...Array.from({ length: extra }, () => []));
    }
  }
  for (const m of mapRows(wb)) {
    const entry = content.answers[m.itemId] as
      // biome-ignore lint/suspicious/noExplicitAny: answers of any item kind are written to cells
      { value?: any; missingReason?: string; missingComment?: string } | undefined;
    if (!entry) continue;
    const ws = wb.getWorksheet(m.sheet)!;
    const set = (v: unknown, offset = 0) => (ws.getCell(down(m.cell, offset)).value = v as ExcelJS.CellValue);
    const v = entry.value;
    if (m.part === 'reason' && entry.missingReason)
      set(form.missingReasons.find((r) => r.code === entry.missingReason)!.label.ru);
    else if (m.part === 'comment' && entry.missingComment) set(entry.missingComment);
    else if (v === undefined) continue;
    else if (m.part === 'value') set(typeof v === 'object' && 'answer' in v ? (v.answer === 'yes' ? 'Да' : 'Нет') : v);
    else if (m.part === 'description' && v.description) set(v.description);
    else if (m.part === 'total') set(v.total);
    else if (m.part.startsWith('cat:') && v.byCategory[m.part.slice(4)] !== undefined)
      set(v.byCategory[m.part.slice(4)]);
    else if (m.part.startsWith('col:'))
      (v as Record<string, unknown>[]).forEach(
        (row, i) => row[m.part.slice(4)] !== undefined && set(row[m.part.slice(4)], i),
      );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Sets one cell of an item's part (first row for grids). */
export async function editCell(
  bytes: Buffer,
  itemId: string,
  part: string,
  value: ExcelJS.CellValue,
): Promise<{ bytes: Buffer; sheet: string; cell: string }> {
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
export function multipart(
  bytes: Buffer,
  filename = 'filled.xlsx',
  type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  fields: Record<string, string> = {},
) {
  const boundary = `----ctip${Math.random().toString(16).slice(2)}`;
  const before = Object.entries(fields)
    .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join('');
  const head = Buffer.from(
    `${before}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
