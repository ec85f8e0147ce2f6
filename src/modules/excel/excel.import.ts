// Reading a filled template back: meta and cell map from the hidden sheet, then each
// item's cells into the answer envelope (questionnaires/answers.md). Problems are collected
// per cell, never thrown one by one, so the respondent sees them all at once.
import ExcelJS from 'exceljs';
import type { Form } from '../../domain/questionnaire/forms.js';
import { UNKNOWN_CATEGORY, type Item } from '../../domain/questionnaire/model.js';
import { type Bilingual } from '../../shared/lang.js';
import type { Issue } from '../../domain/questionnaire/validation.js';
import type { Content } from '../submissions/submissions.schemas.js';
import { corrupt, notTemplate, type Problem } from './excel.errors.js';
import { MAP_SHEET, META_KEYS, TEMPLATE_FORMAT, UNKNOWN_LABEL, type MapEntry, type TemplateMeta } from './excel.layout.js';
import { plain, snapNumber, toCode, toNumber, toText, toYesNo, type Plain } from './excel.values.js';
import { inspectXlsx } from './excel.zip.js';

const CELL = /^[A-Z]{1,3}[1-9]\d{0,5}$/;
/** Largest maxRows/maxEntries a questionnaire may declare is far below this. */
const MAX_GRID_ROWS = 5000;

export interface ParsedWorkbook {
  workbook: ExcelJS.Workbook;
  meta: TemplateMeta;
  map: MapEntry[];
}

/** Checks the bytes (limits, encryption, zip bomb), parses them, reads the hidden sheet. */
export async function parseTemplate(bytes: Buffer): Promise<ParsedWorkbook> {
  inspectXlsx(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw corrupt();
  }
  const ws = workbook.getWorksheet(MAP_SHEET);
  if (!ws) throw notTemplate();
  const raw: Record<string, string> = {};
  const map: MapEntry[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const key = toText(plain(row.getCell(1).value));
    const value = toText(plain(row.getCell(2).value));
    if (key && value !== undefined) raw[key] = value;
    const [itemId, part, sheet, cell, rows] = [4, 5, 6, 7, 8].map((c) => plain(row.getCell(c).value));
    if (itemId !== null && part !== null && sheet !== null && cell !== null)
      map.push({ itemId: String(itemId), part: String(part), sheet: String(sheet), cell: String(cell).toUpperCase(), rows: toNumber(rows) ?? 1 });
  });
  // A hand-edited map must not make us read outside a sane grid (or throw inside exceljs).
  if (map.some((e) => !CELL.test(e.cell) || !Number.isInteger(e.rows) || e.rows < 1 || e.rows > MAX_GRID_ROWS)) throw notTemplate();
  if (raw.format !== TEMPLATE_FORMAT || META_KEYS.some((k) => raw[k] === undefined)) throw notTemplate();
  const meta: TemplateMeta = {
    format: raw.format,
    formatVersion: Number(raw.formatVersion),
    questionnaireVersion: raw.questionnaireVersion!,
    contentHash: raw.contentHash!,
    campaignId: raw.campaignId!.toLowerCase(),
    organisationId: raw.organisationId!.toLowerCase(),
    agencyType: raw.agencyType!,
    revision: Number(raw.revision),
  };
  return { workbook, meta, map };
}

const shift = (address: string, n: number) => address.replace(/\d+$/, (r) => String(Number(r) + n));
const msg = (kk: string, ru: string): Bilingual => ({ kk, ru });

export interface ImportResult {
  content: Content;
  problems: Problem[];
  /** Path of an answer (as validator issues give it) -> its cell. */
  locate: (path: string) => { sheet: string; cell: string } | undefined;
}

/** Maps the workbook's cells to content for the form; collects per-cell problems. */
export function readContent(parsed: ParsedWorkbook, form: Form): ImportResult {
  const { workbook, map } = parsed;
  const problems: Problem[] = [];
  const cells = new Map<string, { sheet: string; cell: string }>();
  const byItem = new Map<string, Map<string, MapEntry>>();
  for (const e of map) {
    if (!form.index.has(e.itemId)) {
      problems.push({ sheet: e.sheet, cell: e.cell, itemId: e.itemId, code: 'excel.item_unknown', message: msg('Бұл тармақ ұйымның сауалнамасында жоқ.', 'Этого пункта нет в опроснике организации.') });
      continue;
    }
    if (!byItem.has(e.itemId)) byItem.set(e.itemId, new Map());
    byItem.get(e.itemId)!.set(e.part, e);
  }
  const read = (e: MapEntry | undefined, offset = 0): Plain => {
    if (!e) return null;
    const ws = workbook.getWorksheet(e.sheet);
    if (!ws) return null;
    return plain(ws.getCell(shift(e.cell, offset)).value);
  };
  const problem = (e: MapEntry, code: string, message: Bilingual, offset = 0) =>
    problems.push({ sheet: e.sheet, cell: shift(e.cell, offset), itemId: e.itemId, code, message });
  const notNumber = msg('Сан күтілген.', 'Ожидается число.');
  const number = (e: MapEntry, v: Plain, offset = 0): number | undefined => {
    const n = toNumber(v);
    if (n === undefined) problem(e, 'excel.not_number', notNumber, offset);
    return n === undefined ? undefined : snapNumber(n);
  };
  const sheetsMissing = new Set<string>();
  for (const e of map) if (!workbook.getWorksheet(e.sheet) && !sheetsMissing.has(e.sheet)) sheetsMissing.add(e.sheet);
  for (const s of sheetsMissing)
    problems.push({ sheet: s, cell: null, itemId: null, code: 'excel.sheet_missing', message: msg('Парақ жоқ немесе атауы өзгертілген.', 'Лист отсутствует или переименован.') });

  const answers: Record<string, unknown> = {};
  // Grid rows are compacted (blank rows skipped): stored `id[n]` -> its row offset on the sheet.
  const rowCells = new Map<string, number>();
  for (const item of form.items) {
    const parts = byItem.get(item.id);
    if (!parts) continue;
    for (const e of parts.values()) {
      cells.set(`${item.id}#${e.part}`, { sheet: e.sheet, cell: e.cell });
    }
    const value = readValue(item, parts, { read, number, problem, form, rowCells });
    const reasonE = parts.get('reason');
    const commentE = parts.get('comment');
    const reasonRaw = read(reasonE);
    const comment = toText(read(commentE));
    if (reasonRaw !== null && reasonE) {
      const code = toCode(reasonRaw, form.missingReasons);
      if (!code) problem(reasonE, 'excel.reason_unknown', msg('Деректердің болмау себебін тізімнен таңдаңыз.', 'Выберите причину отсутствия данных из списка.'));
      else if (value !== undefined) problem(reasonE, 'excel.value_and_reason', msg('Не жауап, не деректердің болмау себебі көрсетіледі, екеуі бірге емес.', 'Укажите либо ответ, либо причину отсутствия данных, но не оба.'));
      else answers[item.id] = comment ? { missingReason: code, missingComment: comment } : { missingReason: code };
    } else if (comment && commentE) {
      problem(commentE, 'excel.comment_without_reason', msg('Түсініктеме тек деректердің болмау себебімен бірге толтырылады.', 'Комментарий заполняется только вместе с причиной отсутствия данных.'));
    } else if (value !== undefined) answers[item.id] = { value };
  }

  const locate = (path: string) => {
    const m = /^([^.[]+(?:\.[a-z0-9_]+)*?)(?:\.(total|description|missingReason|missingComment|byCategory)|\.byCategory\.([a-z0-9_]+)|\[(\d+)\](?:\.([a-z0-9_]+))?)?$/.exec(path);
    const id = m?.[1] ?? path;
    const at = (part: string, offset = 0) => {
      const c = cells.get(`${id}#${part}`);
      return c ? { sheet: c.sheet, cell: shift(c.cell, offset) } : undefined;
    };
    if (m?.[2]) {
      const part = { missingReason: 'reason', missingComment: 'comment', byCategory: 'total' }[m[2]] ?? m[2];
      return at(part) ?? at('value');
    }
    if (m?.[3]) return at(`cat:${m[3]}`);
    if (m?.[4]) {
      const rowCell = rowCells.get(`${id}[${m[4]}]`);
      const first = [...(byItem.get(id)?.values() ?? [])].find((e) => e.part.startsWith('col:'))?.part;
      const part = m[5] ? `col:${m[5]}` : first;
      return part ? at(part, rowCell ?? Number(m[4])) : undefined;
    }
    const entry = answers[id] as { missingReason?: string } | undefined;
    return (entry?.missingReason ? at('reason') : undefined) ?? at('value') ?? at('total') ?? at('reason');
  };
  return { content: { answers }, problems, locate };
}

interface Reader {
  read: (e: MapEntry | undefined, offset?: number) => Plain;
  number: (e: MapEntry, v: Plain, offset?: number) => number | undefined;
  problem: (e: MapEntry, code: string, message: Bilingual, offset?: number) => void;
  form: Form;
  rowCells: Map<string, number>;
}

/** The item's value as filled, or undefined when its value cells are all empty. */
function readValue(item: Item, parts: Map<string, MapEntry>, { read, number, problem, form, rowCells }: Reader): unknown {
  const valueE = parts.get('value');
  switch (item.kind) {
    case 'count':
    case 'amount': {
      const v = read(valueE);
      return v === null || !valueE ? undefined : number(valueE, v);
    }
    case 'text': {
      return toText(read(valueE));
    }
    case 'yes_no': {
      const v = read(valueE);
      const descE = parts.get('description');
      const description = toText(read(descE));
      if (v === null || !valueE) {
        if (description && descE) problem(descE, 'excel.description_without_answer', msg('Алдымен «Иә» немесе «Жоқ» таңдаңыз.', 'Сначала выберите «Да» или «Нет».'));
        return undefined;
      }
      const answer = toYesNo(v);
      if (!answer) return problem(valueE, 'excel.yes_no_invalid', msg('«Иә» немесе «Жоқ» таңдаңыз.', 'Выберите «Да» или «Нет».')), undefined;
      return description ? { answer, description } : { answer };
    }
    case 'breakdown': {
      const totalE = parts.get('total');
      const total = read(totalE);
      const byCategory: Record<string, number> = {};
      let any = false;
      for (const [part, e] of parts) {
        if (!part.startsWith('cat:')) continue;
        const v = read(e);
        if (v === null) continue;
        any = true;
        const n = number(e, v);
        if (n !== undefined) byCategory[part.slice(4)] = n;
      }
      if (total === null || !totalE) {
        if (any && totalE) problem(totalE, 'excel.total_required', msg('Жиынын көрсетіңіз.', 'Укажите итог.'));
        return undefined;
      }
      const t = number(totalE, total);
      return t === undefined ? undefined : { total: t, byCategory };
    }
    case 'table':
    case 'entity_list': {
      const columns = [...parts.values()].filter((e) => e.part.startsWith('col:'));
      const rows = Math.max(0, ...columns.map((c) => c.rows));
      const out: Record<string, unknown>[] = [];
      for (let i = 0; i < rows; i++) {
        const row: Record<string, unknown> = {};
        for (const e of columns) {
          const v = read(e, i);
          if (v === null) continue;
          const id = e.part.slice(4);
          const kind = item.kind === 'table' ? item.columns.find((c) => c.id === id) : undefined;
          if (kind?.kind === 'count' || kind?.kind === 'amount') {
            const n = number(e, v, i);
            if (n !== undefined) row[id] = n;
          } else if (kind?.kind === 'choice') {
            const options = [...(form.dimensionByCode.get(kind.dimension)?.categories ?? []), { code: UNKNOWN_CATEGORY, label: UNKNOWN_LABEL }];
            const code = toCode(v, options);
            if (!code) problem(e, 'excel.choice_unknown', msg('Тізімнен таңдаңыз.', 'Выберите из списка.'), i);
            else row[id] = code;
          } else row[id] = id === 'country' ? String(v).toUpperCase() : toText(v);
        }
        if (Object.keys(row).length) {
          rowCells.set(`${item.id}[${out.length}]`, i);
          out.push(row);
        }
      }
      return out.length ? out : undefined;
    }
  }
}

/** A validator issue as a problem at its cell. */
export function issueProblem(i: Issue, locate: ImportResult['locate']): Problem {
  const at = locate(i.path);
  return { sheet: at?.sheet ?? null, cell: at?.cell ?? null, itemId: i.itemId || null, code: i.code, message: i.message };
}
