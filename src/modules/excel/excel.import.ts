// Reading a filled template back: meta and part map from the hidden sheet, every row
// located by the key in its column A (never by its position, so inserted, deleted or
// moved rows and rows added inside tables read right), then each item's cells into the
// answer envelope (questionnaires/answers.md). Problems are collected per cell, never
// thrown one by one, so the respondent sees them all at once.
import ExcelJS from 'exceljs';
import { countryCode } from '../../domain/countries.js';
import type { Form } from '../../domain/questionnaire/forms.js';
import { UNKNOWN_CATEGORY, type Item } from '../../domain/questionnaire/model.js';
import type { Issue } from '../../domain/questionnaire/validation.js';
import type { Bilingual } from '../../shared/lang.js';
import type { Content } from '../submissions/submissions.schemas.js';
import { corrupt, notTemplate, templateOutdated, type Problem } from './excel.errors.js';
import {
  LISTS_SHEET,
  MAP_SHEET,
  META_KEYS,
  TEMPLATE_FORMAT,
  TEMPLATE_FORMAT_VERSION,
  UNKNOWN_LABEL,
  isGridPart,
  rowKey,
  type MapEntry,
  type TemplateMeta,
} from './excel.layout.js';
import { plain, snapNumber, toCode, toNumber, toText, toYesNo, type Plain } from './excel.values.js';
import { inspectXlsx } from './excel.zip.js';

const COLUMN = /^[A-Z]{1,2}$/;
/** Largest maxRows/maxEntries a questionnaire may declare is far below this. */
const MAX_GRID_ROWS = 5000;
/** Columns where the template has inputs; a value there on a row no item claims is reported. */
const INPUT_COLUMNS = ['D', 'E', 'F', 'G', 'H', 'I', 'J'];

export interface ParsedWorkbook {
  workbook: ExcelJS.Workbook;
  meta: TemplateMeta;
  map: MapEntry[];
}

/** Checks the bytes (limits, encryption, zip bomb), parses them, reads the hidden sheet. */
export async function parseTemplate(bytes: Buffer, fileName?: string): Promise<ParsedWorkbook> {
  inspectXlsx(bytes, fileName);
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
    const [itemId, part, column, rowKeyText] = [4, 5, 6, 7].map((c) => toText(plain(row.getCell(c).value)));
    if (itemId && part && column && rowKeyText)
      map.push({ itemId, part, column: column.toUpperCase(), key: rowKeyText });
  });
  if (raw.format !== TEMPLATE_FORMAT) throw notTemplate();
  if (Number(raw.formatVersion) !== TEMPLATE_FORMAT_VERSION) throw templateOutdated();
  // A hand-edited map must not make us read outside a sane grid (or throw inside exceljs).
  if (META_KEYS.some((k) => raw[k] === undefined) || map.some((e) => !COLUMN.test(e.column) || e.key.length > 300))
    throw notTemplate();
  const meta: TemplateMeta = {
    format: raw.format,
    formatVersion: Number(raw.formatVersion),
    questionnaireVersion: raw.questionnaireVersion!,
    contentHash: raw.contentHash!,
    campaignId: raw.campaignId!.toLowerCase(),
    organisationId: raw.organisationId!.toLowerCase(),
    agencyType: raw.agencyType!,
    revision: Number(raw.revision),
    reportingYear: raw.reportingYear!,
    lang: raw.lang === 'kk' ? 'kk' : 'ru',
    organisationName: raw.organisationName!,
  };
  if (!Number.isInteger(meta.revision) || meta.revision < 0) throw notTemplate();
  return { workbook, meta, map };
}

const msg = (kk: string, ru: string): Bilingual => ({ kk, ru });

interface At {
  sheet: string;
  row: number;
}

/** Where every column A key is, and which rows no key claims. */
function indexRows(workbook: ExcelJS.Workbook) {
  const byKey = new Map<string, At[]>();
  const sheets: ExcelJS.Worksheet[] = workbook.worksheets.filter((w) => w.name !== MAP_SHEET && w.name !== LISTS_SHEET);
  for (const ws of sheets)
    ws.eachRow((row, n) => {
      const key = toText(plain(row.getCell(1).value));
      if (!key) return;
      const list = byKey.get(key) ?? [];
      list.push({ sheet: ws.name, row: n });
      byKey.set(key, list);
    });
  return { byKey, sheets };
}

export interface ImportResult {
  content: Content;
  problems: Problem[];
  /** Path of an answer (as validator issues give it) -> its cell. */
  locate: (path: string) => { sheet: string; cell: string } | undefined;
  /** Where each item starts (its reason cell, where an empty item is answered or explained). */
  itemCell: (itemId: string) => { sheet: string; cell: string } | undefined;
}

/** Maps the workbook's cells to content for the form; collects per-cell problems. */
export function readContent(parsed: ParsedWorkbook, form: Form): ImportResult {
  const { workbook, map } = parsed;
  const problems: Problem[] = [];
  const { byKey, sheets } = indexRows(workbook);
  const claimed = new Map<string, Set<number>>(sheets.map((w) => [w.name, new Set<number>()]));
  const claim = (at: At) => claimed.get(at.sheet)?.add(at.row);
  for (const list of byKey.values()) for (const at of list) claim(at); // keyed rows are never "unmatched"

  const byItem = new Map<string, Map<string, MapEntry>>();
  for (const e of map) {
    if (!form.index.has(e.itemId)) {
      problems.push({
        sheet: null,
        cell: null,
        itemId: e.itemId,
        code: 'excel.item_unknown',
        message: msg('Бұл тармақ ұйымның сауалнамасында жоқ.', 'Этого пункта нет в опроснике организации.'),
      });
      continue;
    }
    if (!byItem.has(e.itemId)) byItem.set(e.itemId, new Map());
    byItem.get(e.itemId)!.set(e.part, e);
  }

  /** The one row holding `key`; a problem when it was deleted or copied. */
  const reported = new Set<string>();
  const rowOf = (itemId: string, key: string): At | undefined => {
    const found = byKey.get(key) ?? [];
    if (found.length === 1) return found[0];
    if (reported.has(key)) return undefined;
    reported.add(key);
    if (found.length === 0)
      problems.push({
        sheet: null,
        cell: null,
        itemId,
        code: 'excel.row_missing',
        message: msg(
          `«${key}» жолы табылмады: ол жойылған немесе оның A бағаны өзгертілген. Жаңа үлгіні жүктеп алыңыз немесе жолды қалпына келтіріңіз.`,
          `Строка «${key}» не найдена: она удалена или изменен ее столбец A. Верните строку или скачайте новый шаблон.`,
        ),
      });
    else
      problems.push({
        sheet: found[0]!.sheet,
        cell: null,
        itemId,
        code: 'excel.row_duplicate',
        message: msg(
          `«${key}» жолы бірнеше рет кездеседі (${found.map((f) => `«${f.sheet}» ${f.row}`).join(', ')}): артығын жойыңыз.`,
          `Строка «${key}» встречается несколько раз (${found.map((f) => `«${f.sheet}», строка ${f.row}`).join('; ')}): удалите лишние.`,
        ),
      });
    return undefined;
  };

  /** The data rows of a grid: every row between its head and end rows, inserted ones included. */
  const gridRows = (itemId: string): { sheet: string; rows: number[] } | undefined => {
    const head = rowOf(itemId, rowKey.head(itemId));
    const end = rowOf(itemId, rowKey.end(itemId));
    if (!head || !end) return undefined;
    if (end.sheet !== head.sheet || end.row <= head.row) {
      problems.push({
        sheet: head.sheet,
        cell: null,
        itemId,
        code: 'excel.row_missing',
        message: msg(
          'Кестенің соңғы жолы («↑») басынан жоғары жылжытылған.',
          'Последняя строка таблицы («↑») перемещена выше ее заголовка.',
        ),
      });
      return undefined;
    }
    const rows: number[] = [];
    for (let r = head.row + 1; r < end.row && rows.length < MAX_GRID_ROWS; r++) {
      rows.push(r);
      claim({ sheet: head.sheet, row: r });
    }
    return { sheet: head.sheet, rows };
  };

  const cells = new Map<string, { sheet: string; cell: string }>();
  const grids = new Map<string, { sheet: string; rows: number[] }>();
  const cellOf = (e: MapEntry | undefined): { sheet: string; cell: string } | undefined => {
    if (!e) return undefined;
    const id = `${e.itemId}#${e.part}`;
    if (!cells.has(id)) {
      const at = rowOf(e.itemId, e.key);
      if (!at) return undefined;
      cells.set(id, { sheet: at.sheet, cell: `${e.column}${at.row}` });
    }
    return cells.get(id);
  };
  const valueAt = (at: { sheet: string; cell: string } | undefined): Plain =>
    at ? plain(workbook.getWorksheet(at.sheet)!.getCell(at.cell).value) : null;
  const read = (e: MapEntry | undefined): Plain => valueAt(cellOf(e));
  const problemAt = (
    at: { sheet: string; cell: string } | undefined,
    itemId: string,
    code: string,
    message: Bilingual,
  ) => problems.push({ sheet: at?.sheet ?? null, cell: at?.cell ?? null, itemId, code, message });
  const notNumber = msg('Сан күтілген.', 'Ожидается число.');
  const number = (at: { sheet: string; cell: string } | undefined, itemId: string, v: Plain): number | undefined => {
    const n = toNumber(v);
    if (n === undefined) problemAt(at, itemId, 'excel.not_number', notNumber);
    return n === undefined ? undefined : snapNumber(n);
  };

  const answers: Record<string, unknown> = {};
  const ctx: Reader = { read, cellOf, valueAt, number, problemAt, form, gridRows, grids };
  for (const item of form.items) {
    const parts = byItem.get(item.id);
    if (!parts) continue;
    const value = readValue(item, parts, ctx);
    const reasonE = parts.get('reason');
    const commentE = parts.get('comment');
    const reasonRaw = read(reasonE);
    const comment = toText(read(commentE));
    if (reasonRaw !== null) {
      const code = toCode(reasonRaw, form.missingReasons);
      if (!code)
        problemAt(
          cellOf(reasonE),
          item.id,
          'excel.reason_unknown',
          msg('Деректердің болмау себебін тізімнен таңдаңыз.', 'Выберите причину отсутствия данных из списка.'),
        );
      else if (value !== undefined)
        problemAt(
          cellOf(reasonE),
          item.id,
          'excel.value_and_reason',
          msg(
            'Не жауап, не деректердің болмау себебі көрсетіледі, екеуі бірге емес.',
            'Укажите либо ответ, либо причину отсутствия данных, но не оба.',
          ),
        );
      else answers[item.id] = comment ? { missingReason: code, missingComment: comment } : { missingReason: code };
    } else if (comment) {
      problemAt(
        cellOf(commentE),
        item.id,
        'excel.comment_without_reason',
        msg(
          'Түсініктеме тек деректердің болмау себебімен бірге толтырылады.',
          'Комментарий заполняется только вместе с причиной отсутствия данных.',
        ),
      );
    } else if (value !== undefined) answers[item.id] = { value };
  }

  // Values typed on rows no item claims (column A empty, outside every table) would be lost: say where.
  for (const ws of sheets) {
    const own = claimed.get(ws.name)!;
    const stray: number[] = [];
    ws.eachRow((row, n) => {
      if (!own.has(n) && INPUT_COLUMNS.some((c) => plain(row.getCell(c).value) !== null)) stray.push(n);
    });
    if (stray.length)
      problems.push({
        sheet: ws.name,
        cell: null,
        itemId: null,
        code: 'excel.rows_unmatched',
        message: msg(
          `«${ws.name}» парағындағы ${stray.join(', ')} жолдары ешбір тармаққа жатпайды (A бағаны бос): мәндерді тармақтың жолына көшіріңіз немесе жолдарды жойыңыз.`,
          `Строки ${stray.join(', ')} листа «${ws.name}» не относятся ни к одному пункту (столбец A пуст): перенесите значения в строку пункта или удалите эти строки.`,
        ),
      });
  }

  const at = (id: string, part: string) => {
    const e = byItem.get(id)?.get(part);
    return e ? cells.get(`${id}#${part}`) : undefined;
  };
  const locate = (path: string) => {
    const m =
      /^([^.[]+(?:\.[a-z0-9_]+)*?)(?:\.(total|description|missingReason|missingComment|byCategory)|\.byCategory\.([a-z0-9_]+)|\[(\d+)\](?:\.([a-z0-9_]+))?)?$/.exec(
        path,
      );
    const id = m?.[1] ?? path;
    if (m?.[2]) {
      const part = { missingReason: 'reason', missingComment: 'comment', byCategory: 'total' }[m[2]] ?? m[2];
      return at(id, part) ?? at(id, 'value');
    }
    if (m?.[3]) return at(id, `cat:${m[3]}`);
    if (m?.[4]) {
      const grid = grids.get(`${id}[${m[4]}]`);
      const parts = [...(byItem.get(id)?.values() ?? [])].filter((e) => isGridPart(e.part));
      const e = (m[5] ? parts.find((p) => p.part === `col:${m[5]}`) : undefined) ?? parts[0];
      return grid && e ? { sheet: grid.sheet, cell: `${e.column}${grid.rows[0]}` } : undefined;
    }
    const entry = answers[id] as { missingReason?: string } | undefined;
    return (
      (entry?.missingReason ? at(id, 'reason') : undefined) ?? at(id, 'value') ?? at(id, 'total') ?? at(id, 'reason')
    );
  };
  const itemCell = (id: string) => at(id, 'reason') ?? at(id, 'value') ?? at(id, 'total');
  return { content: { answers }, problems, locate, itemCell };
}

type Cell = { sheet: string; cell: string };

interface Reader {
  read: (e: MapEntry | undefined) => Plain;
  cellOf: (e: MapEntry | undefined) => Cell | undefined;
  valueAt: (at: Cell | undefined) => Plain;
  number: (at: Cell | undefined, itemId: string, v: Plain) => number | undefined;
  problemAt: (at: Cell | undefined, itemId: string, code: string, message: Bilingual) => void;
  form: Form;
  gridRows: (itemId: string) => { sheet: string; rows: number[] } | undefined;
  /** `id[n]` (a stored grid row) -> its sheet row, for locating issues. */
  grids: Map<string, { sheet: string; rows: number[] }>;
}

/** The item's value as filled, or undefined when its value cells are all empty. */
function readValue(
  item: Item,
  parts: Map<string, MapEntry>,
  { read, cellOf, valueAt, number, problemAt, form, gridRows, grids }: Reader,
): unknown {
  const valueE = parts.get('value');
  switch (item.kind) {
    case 'count':
    case 'amount': {
      const v = read(valueE);
      return v === null ? undefined : number(cellOf(valueE), item.id, v);
    }
    case 'text': {
      return toText(read(valueE));
    }
    case 'yes_no': {
      const v = read(valueE);
      const descE = parts.get('description');
      const description = toText(read(descE));
      if (v === null) {
        if (description)
          problemAt(
            cellOf(descE),
            item.id,
            'excel.description_without_answer',
            msg('Алдымен «Иә» немесе «Жоқ» таңдаңыз.', 'Сначала выберите «Да» или «Нет».'),
          );
        return undefined;
      }
      const answer = toYesNo(v);
      if (!answer) {
        problemAt(
          cellOf(valueE),
          item.id,
          'excel.yes_no_invalid',
          msg('«Иә» немесе «Жоқ» таңдаңыз.', 'Выберите «Да» или «Нет».'),
        );
        return undefined;
      }
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
        const n = number(cellOf(e), item.id, v);
        if (n !== undefined) byCategory[part.slice(4)] = n;
      }
      if (total === null) {
        if (any)
          problemAt(
            cellOf(totalE),
            item.id,
            'excel.total_required',
            msg('«Барлығы» жолын толтырыңыз.', 'Заполните строку «Всего».'),
          );
        return undefined;
      }
      const t = number(cellOf(totalE), item.id, total);
      return t === undefined ? undefined : { total: t, byCategory };
    }
    case 'table':
    case 'entity_list': {
      const columns = [...parts.values()].filter((e) => isGridPart(e.part));
      const grid = columns.length ? gridRows(item.id) : undefined;
      if (!grid) return undefined;
      const out: Record<string, unknown>[] = [];
      for (const r of grid.rows) {
        const row: Record<string, unknown> = {};
        for (const e of columns) {
          const at = { sheet: grid.sheet, cell: `${e.column}${r}` };
          const v = valueAt(at);
          if (v === null) continue;
          const id = e.part.slice(4);
          const kind = item.kind === 'table' ? item.columns.find((c) => c.id === id) : undefined;
          if (kind?.kind === 'count' || kind?.kind === 'amount') {
            const n = number(at, item.id, v);
            if (n !== undefined) row[id] = n;
          } else if (kind?.kind === 'choice') {
            const options = [
              ...(form.dimensionByCode.get(kind.dimension)?.categories ?? []),
              { code: UNKNOWN_CATEGORY, label: UNKNOWN_LABEL },
            ];
            const code = toCode(v, options);
            if (!code) problemAt(at, item.id, 'excel.choice_unknown', msg('Тізімнен таңдаңыз.', 'Выберите из списка.'));
            else row[id] = code;
          } else if (item.kind === 'entity_list' && id === 'country') {
            const code = countryCode(String(v));
            if (!code)
              problemAt(
                at,
                item.id,
                'excel.country_unknown',
                msg(
                  `«${String(v)}» елі танылмады: тізімнен таңдаңыз немесе ISO кодын жазыңыз (мысалы, KAZ).`,
                  `Страна «${String(v)}» не распознана: выберите из списка или впишите код ISO (например, KAZ).`,
                ),
              );
            else row[id] = code;
          } else row[id] = toText(v);
        }
        if (Object.keys(row).length) {
          grids.set(`${item.id}[${out.length}]`, { sheet: grid.sheet, rows: [r] });
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
  return {
    sheet: at?.sheet ?? null,
    cell: at?.cell ?? null,
    itemId: i.itemId || null,
    code: i.code,
    message: i.message,
  };
}
