// The per-organisation template: one sheet per section of the organisation's form (tabs
// and instructions in the chosen language), texts in Kazakh and Russian with the order's
// notes, typed and validated input cells (unlocked) on locked labels, a missing-data
// reason and comment beside every item, breakdowns with a labelled total and a live check
// formula, growable tables, a country drop-down, and the item id of every row in column A
// so the import finds rows by id wherever they moved (hidden map sheet: part -> column).
import ExcelJS from 'exceljs';
import type { Form } from '../../domain/questionnaire/forms.js';
import type { Item, TableColumn } from '../../domain/questionnaire/model.js';
import type { Bilingual, Lang } from '../../shared/lang.js';
import { UNKNOWN_CATEGORY } from '../../domain/questionnaire/model.js';
import { countryOption, countryOptions } from '../../domain/countries.js';
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
  rowKey,
  sheetNames,
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
  reportingYear: number;
  /** The campaign's deadline (Rules §9: the term the request set), printed on the instructions sheet. */
  deadline?: string;
  lang: Lang;
  content: Content;
}

const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('.');

/** "Отчетный период / Есепті кезең" as the appendix's forms print it: the reporting year's first to last day. */
export function reportingPeriodText(year: number): Bilingual {
  const range = `${ddmmyyyy(`${year}-01-01`)} – ${ddmmyyyy(`${year}-12-31`)}`;
  return { kk: `Есепті кезең: ${range}`, ru: `Отчетный период: ${range}` };
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
const errorText = (kk: string, ru: string) =>
  ({ showErrorMessage: true, errorStyle: 'stop', errorTitle: 'Қате / Ошибка', error: `${kk} / ${ru}` }) as const;
const wholeRule: Validation = {
  type: 'whole',
  operator: 'greaterThanOrEqual',
  allowBlank: true,
  formulae: [0],
  ...errorText('0-ден кем емес бүтін сан', 'Целое число не меньше 0'),
};
const amountRule: Validation = {
  type: 'decimal',
  operator: 'greaterThanOrEqual',
  allowBlank: true,
  formulae: [0],
  ...errorText('0-ден кем емес сома, теңге', 'Сумма не меньше 0, тенге'),
};
const yesNoRule: Validation = {
  type: 'list',
  allowBlank: true,
  formulae: [`"${yesNoOption(YES)},${yesNoOption(NO)}"`],
  ...errorText('Тізімнен таңдаңыз', 'Выберите из списка'),
};
const listRule = (range: string): Validation => ({
  type: 'list',
  allowBlank: true,
  formulae: [range],
  ...errorText('Тізімнен таңдаңыз', 'Выберите из списка'),
});
/** Countries: pick from the list or type a name or code (the import resolves it), so no stop on other text. */
const suggestRule = (range: string): Validation => ({
  type: 'list',
  allowBlank: true,
  formulae: [range],
  showErrorMessage: false,
});

/** Drop-down lists on the hidden lists sheet: reasons in column A, countries in B, each dimension of a choice column after. */
function planLists(form: Form, lang: Lang) {
  const columns: { values: string[] }[] = [
    { values: form.missingReasons.map((r) => bothLabels(r.label)) },
    { values: countryOptions(lang).map((c) => c.option) },
  ];
  const rangeOf = new Map<string, string>();
  const range = (i: number, n: number) => `'${LISTS_SHEET}'!$${col(i)}$1:$${col(i)}$${n}`;
  rangeOf.set('reasons', range(1, columns[0]!.values.length));
  rangeOf.set('countries', range(2, columns[1]!.values.length));
  for (const item of form.items)
    if (item.kind === 'table')
      for (const c of item.columns)
        if (c.kind === 'choice' && !rangeOf.has(c.dimension)) {
          const dim = form.dimensionByCode.get(c.dimension);
          columns.push({
            values: [...(dim?.categories ?? []).map((x) => bothLabels(x.label)), bothLabels(UNKNOWN_LABEL)],
          });
          rangeOf.set(c.dimension, range(columns.length, columns.at(-1)!.values.length));
        }
  return { columns, rangeOf };
}

const NOTE_FONT: Partial<ExcelJS.Font> = { italic: true, color: { argb: 'FF505050' } };
/** The project's hints look unlike the order's notes: upright, smaller, lighter, and labelled. */
const HINT_FONT: Partial<ExcelJS.Font> = { size: 9, color: { argb: 'FF808080' } };
const HINT_LABEL: Bilingual = {
  kk: 'Платформаның түсіндірмесі (бұйрық мәтіні емес)',
  ru: 'Пояснение платформы (не текст приказа)',
};
const TOTAL: Bilingual = { kk: 'Барлығы', ru: 'Всего' };

class SheetBuilder {
  row = 1;
  constructor(
    readonly ws: ExcelJS.Worksheet,
    readonly map: MapEntry[],
    readonly lists: ReturnType<typeof planLists>,
    readonly form: Form,
    readonly lang: Lang,
  ) {}

  /** A row's key (column A, small and grey) and its label in both languages. */
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
    fitHeight(this.ws.getRow(r), [
      [text.kk, 50],
      [text.ru, 50],
    ]);
  }

  /** The order's note ("Ескерту" / "Примечание") on a row of its own. */
  note(note: Bilingual | undefined) {
    if (!note) return;
    this.label(this.row, '', { kk: `Ескерту: ${note.kk}`, ru: `Примечание: ${note.ru}` });
    for (const c of ['B', 'C']) this.ws.getCell(`${c}${this.row}`).font = NOTE_FONT;
    this.row++;
  }

  /** The project's own explanation (never the order's text) on a row of its own, labelled as such. */
  hint(hint: Bilingual | undefined) {
    if (!hint) return;
    this.label(this.row, '', { kk: `${HINT_LABEL.kk}: ${hint.kk}`, ru: `${HINT_LABEL.ru}: ${hint.ru}` });
    for (const c of ['B', 'C']) this.ws.getCell(`${c}${this.row}`).font = HINT_FONT;
    this.row++;
  }

  /** An input cell: column `column` of row `r`, whose column A holds `key`. */
  input(
    column: string,
    r: number,
    itemId: string,
    part: string,
    key: string,
    validation?: Validation,
    numFmt?: string,
  ): ExcelJS.Cell {
    this.style(`${column}${r}`, validation, numFmt);
    if (!this.map.some((e) => e.itemId === itemId && e.part === part)) this.map.push({ itemId, part, column, key });
    return this.ws.getCell(`${column}${r}`);
  }

  style(address: string, validation?: Validation, numFmt?: string) {
    const c = this.ws.getCell(address);
    c.protection = { locked: false };
    c.fill = INPUT_FILL;
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    c.alignment = { wrapText: true, vertical: 'top' };
    if (validation) c.dataValidation = validation;
    if (numFmt) c.numFmt = numFmt;
  }

  keyCell(r: number) {
    this.ws.getCell(`A${r}`).font = { color: { argb: 'FF808080' }, size: 8 };
  }

  /** Reason and comment beside an item, pre-filled from its entry. */
  reason(r: number, item: Item, entry: Entry | undefined) {
    const key = rowKey.item(item.id);
    const reason = this.input('E', r, item.id, 'reason', key, listRule(this.lists.rangeOf.get('reasons')!));
    const comment = this.input('F', r, item.id, 'comment', key);
    const known = this.form.missingReasons.find((x) => x.code === entry?.missingReason);
    if (known) reason.value = bothLabels(known.label);
    if (entry?.missingComment) comment.value = entry.missingComment;
  }

  item(item: Item, entry: Entry | undefined) {
    const r = this.row;
    const v = entry && 'value' in entry ? entry.value : undefined;
    const key = rowKey.item(item.id);
    this.label(
      r,
      key,
      item.kind === 'breakdown'
        ? { kk: `${item.label.kk} — ${TOTAL.kk}`, ru: `${item.label.ru} — ${TOTAL.ru}` }
        : item.label,
    );
    this.keyCell(r);
    this.reason(r, item, entry);
    this.row++;
    switch (item.kind) {
      case 'count':
        this.input('D', r, item.id, 'value', key, wholeRule, '0').value = typeof v === 'number' ? v : null;
        break;
      case 'amount':
        this.input('D', r, item.id, 'value', key, amountRule, '#,##0.00').value = typeof v === 'number' ? v : null;
        break;
      case 'text':
        this.input('D', r, item.id, 'value', key).value = typeof v === 'string' ? v : null;
        break;
      case 'yes_no': {
        const yn = v as { answer?: string; description?: string } | undefined;
        this.input('D', r, item.id, 'value', key, yesNoRule).value =
          yn?.answer === 'yes' ? yesNoOption(YES) : yn?.answer === 'no' ? yesNoOption(NO) : null;
        const d = rowKey.description(item.id);
        this.label(this.row, d, { kk: 'Сипаттама («Иә» болса)', ru: 'Описание (при ответе «Да»)' });
        this.keyCell(this.row);
        this.input('D', this.row, item.id, 'description', d).value = yn?.description ?? null;
        this.row++;
        break;
      }
      case 'breakdown':
        this.breakdown(item, r, v as { total?: number; byCategory?: Record<string, number> } | undefined);
        break;
      case 'table':
        this.grid(
          item.id,
          item.columns,
          Math.min(item.maxRows, (Array.isArray(v) ? v.length : 0) + SPARE_ROWS),
          (v as Record<string, unknown>[] | undefined) ?? [],
        );
        break;
      case 'entity_list':
        this.grid(
          item.id,
          ENTITY_COLUMNS.map((c) => ({ ...c, kind: 'text' as const, maxLength: 2000 })),
          Math.min(item.maxEntries, (Array.isArray(v) ? v.length : 0) + SPARE_ROWS),
          (v as Record<string, unknown>[] | undefined) ?? [],
        );
        break;
    }
    this.note(item.note);
    this.hint(item.hint);
  }

  breakdown(
    item: Extract<Item, { kind: 'breakdown' }>,
    r: number,
    v: { total?: number; byCategory?: Record<string, number> } | undefined,
  ) {
    const total = this.input('D', r, item.id, 'total', rowKey.item(item.id), wholeRule, '0');
    total.value = typeof v?.total === 'number' ? v.total : null;
    const dim = this.form.dimensionByCode.get(item.dimension);
    const cats = [...(dim?.categories ?? []), { code: UNKNOWN_CATEGORY, label: UNKNOWN_LABEL }];
    const first = this.row;
    for (const c of cats) {
      const key = rowKey.category(item.id, c.code);
      this.label(this.row, key, c.label);
      this.keyCell(this.row);
      this.input('D', this.row, item.id, `cat:${c.code}`, key, wholeRule, '0').value = v?.byCategory?.[c.code] ?? null;
      this.row++;
    }
    const last = this.row - 1;
    const s = this.row;
    const sum = v ? Object.values(v.byCategory ?? {}).reduce((a, b) => a + b, 0) : 0;
    this.label(
      s,
      rowKey.sum(item.id),
      {
        kk: 'Санаттар сомасы (тексеру: «Барлығы» тең болуы керек)',
        ru: 'Сумма по категориям (проверка: должна быть равна «Всего»)',
      },
      true,
    );
    this.keyCell(s);
    this.ws.getCell(`D${s}`).value = { formula: `SUM(D${first}:D${last})`, result: sum };
    const ok = v === undefined ? '' : v.total === sum ? '✓' : '✗';
    this.ws.getCell(`E${s}`).value = {
      formula: `IF(COUNT(D${r},D${first}:D${last})=0,"",IF(N(D${r})=D${s},"✓","✗"))`,
      result: ok,
    };
    this.ws.getCell(`E${s}`).font = { bold: true, color: { argb: 'FFB00000' } };
    this.row++;
  }

  /** Header row, data rows and an end row: every row between the header and the end belongs to the grid, inserted ones too. */
  grid(itemId: string, columns: readonly TableColumn[], rows: number, values: Record<string, unknown>[]) {
    const head = this.row;
    columns.forEach((c, i) => {
      const cell = this.ws.getCell(`${col(4 + i)}${head}`);
      cell.value = bothLabels(c.label);
      cell.font = { bold: true };
      cell.alignment = { wrapText: true, vertical: 'top' };
      cell.fill = HEAD_FILL;
    });
    this.label(head, rowKey.head(itemId), { kk: 'Кесте жолдары →', ru: 'Строки таблицы →' });
    this.keyCell(head);
    fitHeight(
      this.ws.getRow(head),
      columns.map((c, i) => [bothLabels(c.label), [22, 34, 34, 22][i] ?? 22]),
    );
    for (let n = 0; n < rows; n++) {
      this.ws.getCell(`A${head + 1 + n}`).value = rowKey.row(itemId);
      this.keyCell(head + 1 + n);
    }
    columns.forEach((c, i) => {
      const column = col(4 + i);
      const rule =
        c.kind === 'count'
          ? wholeRule
          : c.kind === 'amount'
            ? amountRule
            : c.kind === 'choice'
              ? listRule(this.lists.rangeOf.get(c.dimension)!)
              : c.id === 'country'
                ? suggestRule(this.lists.rangeOf.get('countries')!)
                : undefined;
      const numFmt = c.kind === 'count' ? '0' : c.kind === 'amount' ? '#,##0.00' : undefined;
      this.map.push({ itemId, part: `col:${c.id}`, column, key: rowKey.row(itemId) });
      for (let n = 0; n < rows; n++) this.style(`${column}${head + 1 + n}`, rule, numFmt);
      values.forEach((row, n) => {
        const raw = row[c.id];
        const cell = this.ws.getCell(`${column}${head + 1 + n}`);
        if (c.kind === 'choice' && typeof raw === 'string') {
          const cat = this.form.dimensionByCode.get(c.dimension)?.categories.find((x) => x.code === raw);
          cell.value = cat ? bothLabels(cat.label) : raw === UNKNOWN_CATEGORY ? bothLabels(UNKNOWN_LABEL) : raw;
        } else if (c.id === 'country' && typeof raw === 'string') cell.value = countryOption(raw, this.lang);
        else if (typeof raw === 'string' || typeof raw === 'number') cell.value = raw;
      });
    });
    const end = head + 1 + rows;
    this.label(end, rowKey.end(itemId), {
      kk: '↑ Жол жетпесе, осы жолдың үстіне жол қосыңыз (Excel: тінтуірдің оң жағы → Вставить; LibreOffice Calc: Строки → Вставить строки выше).',
      ru: '↑ Не хватает строк — вставьте строки над этой строкой (Excel: правая кнопка мыши → Вставить; LibreOffice Calc: Строки → Вставить строки выше).',
    });
    this.keyCell(end);
    for (const c of ['B', 'C']) this.ws.getCell(`${c}${end}`).font = NOTE_FONT;
    this.row = end + 1;
  }
}

const HOW_TO: Bilingual[] = [
  {
    kk: 'Тек сары ұяшықтарды толтырыңыз. Белгілер қазақ және орыс тілдерінде берілген.',
    ru: 'Заполняйте только желтые ячейки. Подписи даны на казахском и русском языках.',
  },
  {
    kk: 'Әр тармаққа жауап беріңіз немесе деректердің болмау себебін тізімнен таңдаңыз («Өзге себеп» үшін түсініктеме жазыңыз).',
    ru: 'По каждому пункту дайте ответ или выберите из списка причину отсутствия данных (для «Иной причины» напишите комментарий).',
  },
  {
    kk: 'Иә/Жоқ сұрақтары: «Иә / Да» немесе «Жоқ / Нет» таңдаңыз; «Иә» болса, сипаттама жазыңыз.',
    ru: 'Вопросы да/нет: выберите «Иә / Да» или «Жоқ / Нет»; при «Да» заполните описание.',
  },
  {
    kk: 'Бөлу кестелері: санаттардың сомасы «Барлығы» жолына тең болуы керек; тексеру ұяшығы ✓ немесе ✗ көрсетеді.',
    ru: 'Таблицы разбивки: сумма категорий должна быть равна строке «Всего»; ячейка проверки показывает ✓ или ✗.',
  },
  {
    kk: 'Ел: тізімнен таңдаңыз немесе атауын (қазақша не орысша) немесе ISO кодын жазыңыз (мысалы, KAZ).',
    ru: 'Страна: выберите из списка или впишите название (на казахском или русском) либо код ISO (например, KAZ).',
  },
  {
    kk: 'Кестеге жол жетпесе, «↑» жолының үстіне жол қосыңыз. Excel: жол нөмірін тінтуірдің оң жағымен басып → «Вставить». LibreOffice Calc: «Лист → Вставить строки → Строки выше».',
    ru: 'Если в таблице не хватает строк, вставьте строки над строкой «↑». Excel: правая кнопка мыши по номеру строки → «Вставить». LibreOffice Calc: «Лист → Вставить строки → Строки выше».',
  },
  {
    kk: 'А бағанын (тармақ коды) өзгертпеңіз: платформа жолдарды сол арқылы табады, сондықтан жол қосу, жою немесе жылжыту деректерді бүлдірмейді. Парақтардың атауын өзгертуге болады.',
    ru: 'Не меняйте столбец A (код пункта): по нему платформа находит строки, поэтому вставка, удаление или перемещение строк не портят данные. Листы можно переименовывать.',
  },
  {
    kk: 'Парақтар құпиясөзсіз қорғалған. Қорғауды алу — Excel: «Рецензирование → Снять защиту листа»; LibreOffice Calc: «Сервис → Защитить лист» белгісін алып тастаңыз.',
    ru: 'Листы защищены без пароля. Снять защиту — Excel: «Рецензирование → Снять защиту листа»; LibreOffice Calc: «Сервис → Защитить лист» (снять отметку).',
  },
  {
    kk: 'Файлды .xlsx пішімінде сақтаңыз (LibreOffice Calc: «Файл → Сохранить как → Excel 2007-365 (.xlsx)»).',
    ru: 'Сохраните файл в формате .xlsx (LibreOffice Calc: «Файл → Сохранить как → Excel 2007-365 (.xlsx)»).',
  },
  {
    kk: 'Толтырылған файлды платформаға жүктеңіз: алдымен өзгерістер көрсетіледі, растағаннан кейін жоба ретінде сақталады; жіберу платформада жасалады.',
    ru: 'Загрузите заполненный файл на платформу: сначала будут показаны изменения, после подтверждения файл сохранится как черновик; отправка выполняется на платформе.',
  },
];

const INSTRUCTIONS_SHEET: Bilingual = { kk: 'Нұсқаулық', ru: 'Инструкция' };

/** First sheet: whose template this is and how to fill it, in the chosen language. */
async function instructions(wb: ExcelJS.Workbook, input: TemplateInput) {
  const { lang } = input;
  const ws = wb.addWorksheet(INSTRUCTIONS_SHEET[lang]);
  ws.columns = [{ width: 110 }];
  const add = (text: string, bold = false) => {
    const row = ws.addRow([text]);
    row.alignment = { wrapText: true, vertical: 'top' };
    if (bold) row.font = { bold: true };
    fitHeight(row, [[text, 110]]);
  };
  add(input.form.version.manifest.title[lang], true);
  add(input.organisationName[lang], true);
  add(lang === 'kk' ? `Есепті жыл: ${input.reportingYear}` : `Отчетный год: ${input.reportingYear}`, true);
  add(reportingPeriodText(input.reportingYear)[lang], true);
  if (input.deadline)
    add(
      lang === 'kk'
        ? `Мәліметтерді ұсыну мерзімі: ${ddmmyyyy(input.deadline)}`
        : `Срок представления сведений: ${ddmmyyyy(input.deadline)}`,
      true,
    );
  add(lang === 'kk' ? `Сауалнама нұсқасы: ${input.form.versionId}` : `Версия опросника: ${input.form.versionId}`);
  add(lang === 'kk' ? `Жоба нұсқасы: ${input.revision}` : `Редакция черновика: ${input.revision}`);
  ws.addRow([]);
  for (const line of HOW_TO) add(line[lang]);
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true });
}

/** The template workbook as .xlsx bytes. */
export async function buildTemplate(input: TemplateInput): Promise<Buffer> {
  const { form, lang } = input;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'CTIP risk assessment';
  const lists = planLists(form, lang);
  const map: MapEntry[] = [];
  const answers = input.content.answers as Record<string, Entry | undefined>;
  await instructions(wb, input);
  const names = sheetNames(form.sections, lang, [INSTRUCTIONS_SHEET[lang], LISTS_SHEET, MAP_SHEET]);
  const period = reportingPeriodText(input.reportingYear);
  const year: Bilingual = {
    kk: `Есепті жыл: ${input.reportingYear} · ${period.kk}`,
    ru: `Отчетный год: ${input.reportingYear} · ${period.ru}`,
  };
  for (const [n, section] of form.sections.entries()) {
    const ws = wb.addWorksheet(names[n]!, {
      views: [{ state: 'frozen', ySplit: 4 }],
      pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    ws.columns = [
      { width: 14 },
      { width: 50 },
      { width: 50 },
      { width: 22 },
      { width: 34 },
      { width: 34 },
      { width: 22 },
    ];
    const b = new SheetBuilder(ws, map, lists, form, lang);
    b.label(1, `${section.number}`, section.title, true);
    b.label(
      2,
      '',
      { kk: `${input.organisationName.kk} · ${year.kk}`, ru: `${input.organisationName.ru} · ${year.ru}` },
      true,
    );
    if (section.respondents)
      b.label(3, '', { kk: `Жауап береді: ${section.respondents.kk}`, ru: `Отвечают: ${section.respondents.ru}` });
    for (const [i, h] of [
      'Мән / Значение',
      'Деректердің болмау себебі / Причина отсутствия данных',
      'Түсініктеме / Комментарий',
    ].entries()) {
      const c = ws.getCell(`${col(4 + i)}4`);
      c.value = h;
      c.font = { bold: true };
      c.fill = HEAD_FILL;
      c.alignment = { wrapText: true };
    }
    b.label(4, '№', { kk: 'Қазақша', ru: 'На русском' }, true, HEAD_FILL);
    b.row = 5;
    for (const q of section.questions) {
      b.label(b.row, q.number, q.text, true, HEAD_FILL);
      b.row++;
      b.note(q.note);
      for (const item of q.items) b.item(item, answers[item.id]);
    }
    // No password: the protection guards labels against slips, not against the respondent,
    // who may insert rows (tables grow) without lifting it.
    await ws.protect('', {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      insertRows: true,
      deleteRows: true,
    });
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
    reportingYear: String(input.reportingYear),
    lang,
    organisationName: input.organisationName[lang],
  };
  const mapSheet = wb.addWorksheet(MAP_SHEET, { state: 'hidden' });
  mapSheet.getRow(1).values = ['key', 'value', '', 'itemId', 'part', 'column', 'rowKey'];
  META_KEYS.forEach((k, i) => {
    mapSheet.getCell(`A${i + 2}`).value = k;
    mapSheet.getCell(`B${i + 2}`).value = String(meta[k]);
  });
  map.forEach((e, i) => {
    const r = mapSheet.getRow(i + 2);
    r.getCell(4).value = e.itemId;
    r.getCell(5).value = e.part;
    r.getCell(6).value = e.column;
    r.getCell(7).value = e.key;
  });
  await mapSheet.protect('', {});
  return Buffer.from(await wb.xlsx.writeBuffer());
}
