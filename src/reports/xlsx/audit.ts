// The disclosure audit of a written report workbook, as an analyst holding only the file
// would run it: values and marks from the table sheets, the structure from the
// workbook's disclosure sheets (src/reports/xlsx/report.ts), then the LP attacker.
import ExcelJS from 'exceljs';
import type { AuditResult, DisclosureOptions, Mark } from '../../pipeline/disclosure/audit.js';
import type { KeyRelation } from '../../pipeline/disclosure/linked.js';
import { auditPublishedCells, type PublishedCell } from '../build/disclosure.js';
import { secondaryMark } from '../disclosure-texts.js';
import { DISCLOSURE_CELLS, DISCLOSURE_RELATIONS } from './report.js';

export interface WorkbookCells {
  threshold: number;
  cells: PublishedCell[];
  relations: KeyRelation[];
  /** Shown values 1..threshold-1 of person-count cells (must be none). */
  smallShown: { sheet: string; cell: string; key: string; value: number }[];
}

const noteText = (note: ExcelJS.Cell['note']): string | null => {
  if (note === undefined || note === null) return null;
  if (typeof note === 'string') return note;
  return note.texts?.map((t) => t.text).join('') ?? null;
};

export async function readWorkbookCells(content: Buffer): Promise<WorkbookCells> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ArrayBuffer);
  const keyed = wb.getWorksheet(DISCLOSURE_CELLS);
  const rel = wb.getWorksheet(DISCLOSURE_RELATIONS);
  if (!keyed || !rel) throw new Error('workbook has no disclosure sheets');
  const threshold = Number(keyed.getCell('E1').value);
  if (!Number.isInteger(threshold) || threshold < 2)
    throw new Error('workbook: no suppression threshold in its disclosure sheet');
  const byKey = new Map<string, PublishedCell>();
  const smallShown: WorkbookCells['smallShown'] = [];
  keyed.eachRow((row, n) => {
    if (n === 1) return;
    const [sheet, address, key] = [1, 2, 3].map((c) => String(row.getCell(c).value));
    const cell = wb.getWorksheet(sheet)?.getCell(address);
    if (!cell) throw new Error(`workbook: ${sheet}!${address} (${key}) is missing`);
    let published: PublishedCell;
    if (cell.value === null || cell.value === undefined || cell.value === '') {
      const mark = noteText(cell.note);
      const kind: Mark = mark === secondaryMark() ? 'secondary' : mark === `<${threshold}` ? 'primary' : null;
      if (!kind) throw new Error(`workbook: ${sheet}!${address} (${key}) is empty without a mark`);
      published = { key, value: null, mark: kind };
    } else {
      const value = Number(cell.value);
      if (!Number.isInteger(value)) throw new Error(`workbook: ${sheet}!${address} (${key}) is not a count`);
      if (value >= 1 && value < threshold) smallShown.push({ sheet, cell: address, key, value });
      published = { key, value, mark: null };
    }
    const seen = byKey.get(key);
    if (seen && (seen.value !== published.value || seen.mark !== published.mark))
      throw new Error(`workbook: ${key} reads differently in ${sheet}!${address}`);
    byKey.set(key, published);
  });
  const relations: KeyRelation[] = [];
  rel.eachRow((row, n) => {
    if (n === 1) return;
    relations.push({
      total: String(row.getCell(1).value),
      exact: Number(row.getCell(2).value) === 1,
      parts: JSON.parse(String(row.getCell(3).value)) as string[],
    });
  });
  return { threshold, cells: [...byKey.values()], relations, smallShown };
}

/** The LP attacker on a workbook, with the cells it read (threshold from the workbook). */
export async function auditWorkbook(
  content: Buffer,
  rule?: DisclosureOptions['rule'],
): Promise<{ audit: AuditResult; read: WorkbookCells }> {
  const read = await readWorkbookCells(content);
  return {
    audit: auditPublishedCells(read.cells, read.relations, { threshold: read.threshold, ...(rule ? { rule } : {}) }),
    read,
  };
}
