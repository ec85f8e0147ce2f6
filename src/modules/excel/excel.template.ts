// The per-organisation template: one sheet per section of the organisation's form,
// texts in Kazakh and Russian, typed and validated input cells (unlocked) on locked
// labels, a missing-data reason and comment beside every item, breakdowns with a
// live check formula, and a hidden map sheet so the import reads cells by item id.
import ExcelJS from 'exceljs';
import type { Form } from '../../domain/questionnaire/forms.js';
import type { Item, TableColumn } from '../../domain/questionnaire/model.js';
import type { Bilingual } from '../../shared/lang.js';
import { UNKNOWN_CATEGORY } from '../../domain/questionnaire/model.js';
import type { Content } from '../submissions/submissions.schemas.js';
import {
  ENTITY_COLUMNS,
  LISTS_SHEET,
  MAP_SHEET,
  META_KEYS,
  NO,
  SPARE_ROWS,
  TEMPLATE_FORMAT,
  TEMPLATE_FORMAT_VERSION,
  UNKNOWN_LABEL,
  YES,
  bothLabels,
  sheetName,
  yesNoOption,
  type MapEntry,
  type TemplateMeta,
} from './excel.layout.js';

export interface TemplateInput {
  form: Form;
  campaignId: string;
  organisationId: string;
  organisationName: Bilingual;
  revision: number;
  content: Content;
}

type Entry = { value?: unknown; missingReason?: string; missingComment?: string };
type Validation = ExcelJS.DataValidation;

const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8DC' } };
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
/** Wrapped text does not grow rows by itself in every viewer: estimate the height (15 pt per line). */
function fitHeight(row: ExcelJS.Row, texts: [string, number][]) {
  const lines = Math.max(1, ...texts.map(([t, width]) => Math.ceil(t.length / (width - 4))));
  if (lines > 1) row.height = Math.max(row.height ?? 15, 15 * lines);
}
const col = (n: number) => String.fromCharCode(64 + n); // 1 -> A; forms never need more than 26 columns
const errorText = (kk: string, ru: string) => ({ showErrorMessage: true, errorStyle: 'stop', errorTitle: 'Қате / Ошибка', error: `${kk} / ${ru}` }) as const;
const wholeRule: Validation = { type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], ...errorText('0-ден кем емес бүтін сан', 'Целое число не меньше 0') };
const amountRule: Validation = { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], ...errorText('0-ден кем емес сома, теңге', 'Сумма не меньше 0, тенге') };
const yesNoRule: Validation = { type: 'list', allowBlank: true, formulae: [`"${yesNoOption(YES)},${yesNoOption(NO)}"`], ...errorText('Тізімнен таңдаңыз', 'Выберите из списка') };
const listRule = (range: string): Validation => ({ type: 'list', allowBlank: true, formulae: [range], ...errorText('Тізімнен таңдаңыз', 'Выберите из списка') });

/** Drop-down lists on the hidden lists sheet: reasons in column A, each dimension of a choice column after. */
function planLists(form: Form) {
  const columns: { values: string[] }[] = [{ values: form.missingReasons.map((r) => bothLabels(r.label)) }];
  const rangeOf = new Map<string, string>();
  const range = (i: number, n: number) => `'${LISTS_SHEET}'!$${col(i)}$1:$${col(i)}$${n}`;
  rangeOf.set('reasons', range(1, columns[0]!.values.length));
  for (const item of form.items)
    if (item.kind === 'table')
      for (const c of item.columns)
        if (c.kind === 'choice' && !rangeOf.has(c.dimension)) {
          const dim = form.dimensionByCode.get(c.dimension);
          columns.push({ values: [...(dim?.categories ?? []).map((x) => bothLabels(x.label)), bothLabels(UNKNOWN_LABEL)] });
          rangeOf.set(c.dimension, range(columns.length, columns.at(-1)!.values.length));
        }
  return { columns, rangeOf };
}

class SheetBuilder {
  row = 1;
  constructor(
    readonly ws: ExcelJS.Worksheet,
    readonly map: MapEntry[],
    readonly lists: ReturnType<typeof planLists>,
    readonly form: Form,
  ) {}

  label(r: number, a: string, text: Bilingual, bold = false, fill?: ExcelJS.Fill) {
    const cells = [this.ws.getCell(`A${r}`), this.ws.getCell(`B${r}`), this.ws.getCell(`C${r}`)];
    cells[0]!.value = a;
    cells[1]!.value = text.kk;
    cells[2]!.value = text.ru;
    for (const c of cells) {
      c.alignment = { wrapText: true, vertical: 'top' };
      if (bold) c.font = { bold: true };
      if (fill) c.fill = fill;
    }
    fitHeight(this.ws.getRow(r), [[text.kk, 50], [text.ru, 50]]);
  }

  input(address: string, itemId: string, part: string, validation?: Validation, numFmt?: string, rows = 1): ExcelJS.Cell {
    for (let i = 0; i < rows; i++) {
      const c = this.ws.getCell(address.replace(/\d+$/, (n) => String(Number(n) + i)));
      c.protection = { locked: false };
      c.fill = INPUT_FILL;
      c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
      c.alignment = { wrapText: true, vertical: 'top' };
      if (validation) c.dataValidation = validation;
      if (numFmt) c.numFmt = numFmt;
    }
    this.map.push({ itemId, part, sheet: this.ws.name, cell: address, rows });
    return this.ws.getCell(address);
  }

  /** Reason and comment beside an item, pre-filled from its entry. */
  reason(r: number, item: Item, entry: Entry | undefined) {
    const reason = this.input(`E${r}`, item.id, 'reason', listRule(this.lists.rangeOf.get('reasons')!));
    const comment = this.input(`F${r}`, item.id, 'comment');
    const known = this.form.missingReasons.find((x) => x.code === entry?.missingReason);
    if (known) reason.value = bothLabels(known.label);
    if (entry?.missingComment) comment.value = entry.missingComment;
  }

  item(item: Item, entry: Entry | undefined) {
    const r = this.row;
    const v = entry && 'value' in entry ? entry.value : undefined;
    this.label(r, item.id, item.label);
    this.ws.getCell(`A${r}`).font = { color: { argb: 'FF808080' }, size: 8 };
    this.reason(r, item, entry);
    this.row++;
    switch (item.kind) {
      case 'count':
        this.input(`D${r}`, item.id, 'value', wholeRule, '0').value = typeof v === 'number' ? v : null;
        break;
      case 'amount':
        this.input(`D${r}`, item.id, 'value', amountRule, '#,##0.00').value = typeof v === 'number' ? v : null;
        break;
      case 'text':
        this.input(`D${r}`, item.id, 'value').value = typeof v === 'string' ? v : null;
        break;
      case 'yes_no': {
        const yn = v as { answer?: string; description?: string } | undefined;
        this.input(`D${r}`, item.id, 'value', yesNoRule).value = yn?.answer === 'yes' ? yesNoOption(YES) : yn?.answer === 'no' ? yesNoOption(NO) : null;
        this.label(this.row, '', { kk: 'Сипаттама («Иә» болса)', ru: 'Описание (при ответе «Да»)' });
        this.input(`D${this.row}`, item.id, 'description').value = yn?.description ?? null;
        this.row++;
        break;
      }
      case 'breakdown':
        this.breakdown(item, r, v as { total?: number; byCategory?: Record<string, number> } | undefined);
        break;
      case 'table':
        this.grid(item.id, item.columns, Math.min(item.maxRows, (Array.isArray(v) ? v.length : 0) + SPARE_ROWS), (v as Record<string, unknown>[] | undefined) ?? []);
        break;
      case 'entity_list':
        this.grid(item.id, ENTITY_COLUMNS.map((c) => ({ ...c, kind: 'text' as const, maxLength: 2000 })), Math.min(item.maxEntries, (Array.isArray(v) ? v.length : 0) + SPARE_ROWS), (v as Record<string, unknown>[] | undefined) ?? []);
        break;
    }
  }

  breakdown(item: Extract<Item, { kind: 'breakdown' }>, r: number, v: { total?: number; byCategory?: Record<string, number> } | undefined) {
    const total = this.input(`D${r}`, item.id, 'total', wholeRule, '0');
    total.value = typeof v?.total === 'number' ? v.total : null;
    const dim = this.form.dimensionByCode.get(item.dimension);
    const cats = [...(dim?.categories ?? []), { code: UNKNOWN_CATEGORY, label: UNKNOWN_LABEL }];
    const first = this.row;
    for (const c of cats) {
      this.label(this.row, '', c.label);
      this.input(`D${this.row}`, item.id, `cat:${c.code}`, wholeRule, '0').value = v?.byCategory?.[c.code] ?? null;
      this.row++;
    }
    const last = this.row - 1;
    const s = this.row;
    const sum = v ? Object.values(v.byCategory ?? {}).reduce((a, b) => a + b, 0) : 0;
    this.label(s, '', { kk: 'Санаттар сомасы (тексеру)', ru: 'Сумма по категориям (проверка)' }, true);
    this.ws.getCell(`D${s}`).value = { formula: `SUM(D${first}:D${last})`, result: sum };
    const ok = v === undefined ? '' : v.total === sum ? '✓' : '✗';
    this.ws.getCell(`E${s}`).value = {
      formula: `IF(COUNT(D${r},D${first}:D${last})=0,"",IF(N(D${r})=D${s},"✓","✗"))`,
      result: ok,
    };
    this.ws.getCell(`E${s}`).font = { bold: true, color: { argb: 'FFB00000' } };
    this.row++;
  }

  grid(itemId: string, columns: readonly TableColumn[], rows: number, values: Record<string, unknown>[]) {
    const head = this.row;
    columns.forEach((c, i) => {
      const cell = this.ws.getCell(`${col(4 + i)}${head}`);
      cell.value = bothLabels(c.label);
      cell.font = { bold: true };
      cell.alignment = { wrapText: true, vertical: 'top' };
      cell.fill = HEAD_FILL;
    });
    this.label(head, '', { kk: 'Кесте жолдары →', ru: 'Строки таблицы →' });
    fitHeight(this.ws.getRow(head), columns.map((c, i) => [bothLabels(c.label), [22, 34, 34, 22][i] ?? 22]));
    columns.forEach((c, i) => {
      const address = `${col(4 + i)}${head + 1}`;
      const rule = c.kind === 'count' ? wholeRule : c.kind === 'amount' ? amountRule : c.kind === 'choice' ? listRule(this.lists.rangeOf.get(c.dimension)!) : undefined;
      this.input(address, itemId, `col:${c.id}`, rule, c.kind === 'count' ? '0' : c.kind === 'amount' ? '#,##0.00' : undefined, rows);
      values.forEach((row, n) => {
        const raw = row[c.id];
        const cell = this.ws.getCell(`${col(4 + i)}${head + 1 + n}`);
        if (c.kind === 'choice' && typeof raw === 'string') {
          const cat = this.form.dimensionByCode.get(c.dimension)?.categories.find((x) => x.code === raw);
          cell.value = cat ? bothLabels(cat.label) : raw === UNKNOWN_CATEGORY ? bothLabels(UNKNOWN_LABEL) : raw;
        } else if (typeof raw === 'string' || typeof raw === 'number') cell.value = raw;
      });
    });
    this.row = head + 1 + rows;
  }
}

const HOW_TO: Bilingual[] = [
  { kk: 'Тек сары ұяшықтарды толтырыңыз.', ru: 'Заполняйте только желтые ячейки.' },
  {
    kk: 'Әр тармаққа жауап беріңіз немесе деректердің болмау себебін тізімнен таңдаңыз («Өзге себеп» үшін түсініктеме жазыңыз).',
    ru: 'По каждому пункту дайте ответ или выберите из списка причину отсутствия данных (для «Иной причины» напишите комментарий).',
  },
  { kk: 'Иә/Жоқ сұрақтары: «Иә / Да» немесе «Жоқ / Нет» таңдаңыз; «Иә» болса, сипаттама жазыңыз.', ru: 'Вопросы да/нет: выберите «Иә / Да» или «Жоқ / Нет»; при «Да» заполните описание.' },
  { kk: 'Бөлу кестелері: санаттардың сомасы жиынына тең болуы керек; тексеру ұяшығы ✓ немесе ✗ көрсетеді.', ru: 'Таблицы разбивки: сумма категорий должна быть равна итогу; ячейка проверки показывает ✓ или ✗.' },
  {
    kk: 'Парақтардың атауын өзгертпеңіз, жолдарды жоймаңыз: жасырын «_map» парағы ұяшықтарды сауалнамамен байланыстырады.',
    ru: 'Не переименовывайте листы и не удаляйте строки: скрытый лист «_map» связывает ячейки с опросником.',
  },
  { kk: 'Парақтар құпиясөзсіз қорғалған (Рецензирование → Снять защиту листа).', ru: 'Листы защищены без пароля (Рецензирование → Снять защиту листа).' },
  { kk: 'Толтырылған файлды платформаға жүктеңіз: ол жоба ретінде сақталады, жіберу платформада жасалады.', ru: 'Загрузите заполненный файл на платформу: он сохранится как черновик, отправка выполняется на платформе.' },
];

/** First sheet: whose template this is and how to fill it, in both languages. */
async function instructions(wb: ExcelJS.Workbook, input: TemplateInput) {
  const ws = wb.addWorksheet('Нұсқаулық - Инструкция');
  ws.columns = [{ width: 70 }, { width: 70 }];
  const add = (kk: string, ru: string, bold = false) => {
    const row = ws.addRow([kk, ru]);
    row.alignment = { wrapText: true, vertical: 'top' };
    if (bold) row.font = { bold: true };
    fitHeight(row, [[kk, 70], [ru, 70]]);
  };
  add(input.form.version.manifest.title.kk, input.form.version.manifest.title.ru, true);
  add(input.organisationName.kk, input.organisationName.ru, true);
  add(`Сауалнама нұсқасы: ${input.form.versionId}`, `Версия опросника: ${input.form.versionId}`);
  add(`Жоба нұсқасы: ${input.revision}`, `Редакция черновика: ${input.revision}`);
  ws.addRow([]);
  for (const line of HOW_TO) add(line.kk, line.ru);
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true });
}

/** The template workbook as .xlsx bytes. */
export async function buildTemplate(input: TemplateInput): Promise<Buffer> {
  const { form } = input;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CTIP risk assessment';
  const lists = planLists(form);
  const map: MapEntry[] = [];
  const answers = input.content.answers as Record<string, Entry | undefined>;
  await instructions(wb, input);
  for (const section of form.sections) {
    const ws = wb.addWorksheet(sheetName(section), {
      views: [{ state: 'frozen', ySplit: 3 }],
      pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    ws.columns = [{ width: 14 }, { width: 50 }, { width: 50 }, { width: 22 }, { width: 34 }, { width: 34 }, { width: 22 }];
    const b = new SheetBuilder(ws, map, lists, form);
    b.label(1, `${section.number}`, section.title, true);
    b.label(2, '', { kk: `${input.organisationName.kk}`, ru: `${input.organisationName.ru}` });
    for (const [i, h] of ['Мән / Значение', 'Деректердің болмау себебі / Причина отсутствия данных', 'Түсініктеме / Комментарий'].entries()) {
      const c = ws.getCell(`${col(4 + i)}3`);
      c.value = h;
      c.font = { bold: true };
      c.fill = HEAD_FILL;
      c.alignment = { wrapText: true };
    }
    b.label(3, '№', { kk: 'Қазақша', ru: 'На русском' }, true, HEAD_FILL);
    b.row = 4;
    for (const q of section.questions) {
      b.label(b.row, q.number, q.text, true, HEAD_FILL);
      b.row++;
      for (const item of q.items) b.item(item, answers[item.id]);
    }
    // No password: the protection guards labels against slips, not against the respondent.
    await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  }

  const listSheet = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  lists.columns.forEach((c, i) => c.values.forEach((v, r) => (listSheet.getCell(`${col(i + 1)}${r + 1}`).value = v)));

  const meta: TemplateMeta = {
    format: TEMPLATE_FORMAT,
    formatVersion: TEMPLATE_FORMAT_VERSION,
    questionnaireVersion: form.versionId,
    contentHash: form.version.contentHash,
    campaignId: input.campaignId,
    organisationId: input.organisationId,
    agencyType: form.agencyType,
    revision: input.revision,
  };
  const mapSheet = wb.addWorksheet(MAP_SHEET, { state: 'hidden' });
  mapSheet.getRow(1).values = ['key', 'value', '', 'itemId', 'part', 'sheet', 'cell', 'rows'];
  META_KEYS.forEach((k, i) => {
    mapSheet.getCell(`A${i + 2}`).value = k;
    mapSheet.getCell(`B${i + 2}`).value = String(meta[k]);
  });
  map.forEach((e, i) => {
    const r = mapSheet.getRow(i + 2);
    r.getCell(4).value = e.itemId;
    r.getCell(5).value = e.part;
    r.getCell(6).value = e.sheet;
    r.getCell(7).value = e.cell;
    r.getCell(8).value = e.rows;
  });
  await mapSheet.protect('', {});
  return Buffer.from(await wb.xlsx.writeBuffer());
}
