// Campaign export for the expert group, written with exceljs's streaming writer:
// a statuses sheet, one sheet per section (row per organisation answering it, column
// per item / breakdown category), and a sheet of missing-data reasons. Each sheet is
// committed before the next starts and rows come from an async source per sheet, so
// memory stays flat however many organisations the campaign has.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { LoadedVersion } from '../../domain/questionnaire/loader.js';
import { sectionNumbersFor } from '../../domain/questionnaire/forms.js';
import { UNKNOWN_CATEGORY, type Item, type Section } from '../../domain/questionnaire/model.js';
import type { Bilingual } from '../../shared/lang.js';
import { cutName } from './excel.layout.js';

export interface ExportRow {
  organisationId: string;
  name: Bilingual;
  agencyType: string;
  region: string;
  status: string;
  revision: number;
  submittedAt: string | null;
  /** Answers restricted by the filter the rows were asked with. */
  answers: Record<string, unknown>;
}

/** Which answers a pass needs: one section's, only the explained ones, or none. */
export type AnswerFilter = { section: string } | 'missing' | 'none';
export type ExportSource = (filter: AnswerFilter) => AsyncIterable<ExportRow>;

interface Column {
  key: string;
  label: Bilingual;
  get: (value: unknown) => string | number | null;
}

const num = (v: unknown) => (typeof v === 'number' ? v : null);
const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

function columnsOf(item: Item, version: LoadedVersion): Column[] {
  const base = { key: item.id, label: item.label };
  switch (item.kind) {
    case 'count':
    case 'amount':
      return [{ ...base, get: num }];
    case 'text':
      return [{ ...base, get: (v) => (typeof v === 'string' ? v : null) }];
    case 'yes_no':
      return [
        { ...base, get: (v) => (v as { answer?: string } | undefined)?.answer ?? null },
        {
          key: `${item.id}.description`,
          label: { kk: `${item.label.kk}: сипаттама`, ru: `${item.label.ru}: описание` },
          get: (v) => (v as { description?: string } | undefined)?.description ?? null,
        },
      ];
    case 'breakdown': {
      const cats = [
        ...(version.dimensionByCode.get(item.dimension)?.categories ?? []),
        { code: UNKNOWN_CATEGORY, label: { kk: 'Белгісіз', ru: 'Неизвестно' } },
      ];
      const by = (v: unknown) => (v as { byCategory?: Record<string, number> } | undefined)?.byCategory;
      return [
        {
          key: `${item.id}.total`,
          label: { kk: `${item.label.kk}: барлығы`, ru: `${item.label.ru}: всего` },
          get: (v) => num((v as { total?: number } | undefined)?.total),
        },
        // An answered breakdown leaves absent categories at 0 (questionnaires/answers.md).
        ...cats.map((c) => ({
          key: `${item.id}.${c.code}`,
          label: { kk: `${item.label.kk}: ${c.label.kk}`, ru: `${item.label.ru}: ${c.label.ru}` },
          get: (v: unknown) => (v === undefined ? null : (by(v)?.[c.code] ?? 0)),
        })),
      ];
    }
    case 'table':
    case 'entity_list':
      // Repeating rows do not fit one row per organisation: kept as JSON in one cell.
      return [{ ...base, get: json }];
  }
}

const orgHead = [
  { key: 'organisationId', label: { kk: 'Ұйым ID', ru: 'ID организации' } },
  { key: 'name', label: { kk: 'Ұйым', ru: 'Организация' } },
  { key: 'agencyType', label: { kk: 'Түрі', ru: 'Тип' } },
  { key: 'region', label: { kk: 'Өңір', ru: 'Регион' } },
];
const orgCells = (r: ExportRow) => [r.organisationId, r.name.ru, r.agencyType, r.region];

/** Header rows: machine key, Russian label, Kazakh label. */
function header(ws: ExcelJS.Worksheet, cols: { key: string; label: Bilingual }[]) {
  ws.addRow(cols.map((c) => c.key)).commit();
  ws.addRow(cols.map((c) => c.label.ru)).commit();
  ws.addRow(cols.map((c) => c.label.kk)).commit();
}

async function sectionSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  version: LoadedVersion,
  section: Section,
  source: ExportSource,
) {
  const ws = wb.addWorksheet(cutName(`${section.number}. ${section.title.ru}`), {
    views: [{ state: 'frozen', ySplit: 3, xSplit: 2 }],
  });
  const items = section.questions.flatMap((q) => q.items);
  const cols = items.flatMap((i) => columnsOf(i, version).map((c) => ({ ...c, itemId: i.id })));
  header(ws, [...orgHead, ...cols]);
  const answers = new Map<string, number>(); // agency type -> whether it answers the section (1/0), memoised
  for await (const r of source({ section: section.id })) {
    let answersIt = answers.get(r.agencyType);
    if (answersIt === undefined) {
      answersIt = safeSections(version, r.agencyType).includes(section.number) ? 1 : 0;
      answers.set(r.agencyType, answersIt);
    }
    if (!answersIt) continue;
    ws.addRow([
      ...orgCells(r),
      ...cols.map((c) => c.get((r.answers[c.itemId] as { value?: unknown } | undefined)?.value)),
    ]).commit();
  }
  ws.commit();
}

function safeSections(version: LoadedVersion, agencyType: string): number[] {
  try {
    return sectionNumbersFor(version, agencyType);
  } catch {
    return [];
  }
}

/** Writes the campaign export .xlsx to `out`; resolves when the workbook is complete. */
export async function writeCampaignExport(version: LoadedVersion, source: ExportSource, out: Writable): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const statuses = wb.addWorksheet('Статусы - Мәртебелер', { views: [{ state: 'frozen', ySplit: 3 }] });
  header(statuses, [
    ...orgHead,
    { key: 'status', label: { kk: 'Мәртебе', ru: 'Статус' } },
    { key: 'revision', label: { kk: 'Нұсқа', ru: 'Редакция' } },
    { key: 'submittedAt', label: { kk: 'Жіберілді', ru: 'Отправлено' } },
  ]);
  for await (const r of source('none')) statuses.addRow([...orgCells(r), r.status, r.revision, r.submittedAt]).commit();
  statuses.commit();

  for (const section of version.sections) await sectionSheet(wb, version, section, source);

  const reasons = new Map(version.manifest.missingReasons.map((r) => [r.code, r.label]));
  const missing = wb.addWorksheet('Себептер - Причины', { views: [{ state: 'frozen', ySplit: 3 }] });
  header(missing, [
    ...orgHead,
    { key: 'itemId', label: { kk: 'Тармақ', ru: 'Пункт' } },
    { key: 'missingReason', label: { kk: 'Себеп коды', ru: 'Код причины' } },
    { key: 'reasonLabel', label: { kk: 'Себеп', ru: 'Причина' } },
    { key: 'missingComment', label: { kk: 'Түсініктеме', ru: 'Комментарий' } },
  ]);
  for await (const r of source('missing'))
    for (const [itemId, entry] of Object.entries(r.answers)) {
      const e = entry as { missingReason?: string; missingComment?: string };
      if (!e?.missingReason) continue;
      missing
        .addRow([
          ...orgCells(r),
          itemId,
          e.missingReason,
          reasons.get(e.missingReason)?.ru ?? null,
          e.missingComment ?? null,
        ])
        .commit();
    }
  missing.commit();
  await wb.commit();
}
