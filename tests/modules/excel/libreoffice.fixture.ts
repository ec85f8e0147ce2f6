// The LibreOffice fixture: a template pre-filled with synthetic answers (fixed ids and
// seed), with a few cells typed the way people type them ("12" as text, "Да" alone),
// which tests/fixtures/excel/resave-with-libreoffice.sh re-saves with LibreOffice Calc into
// tests/fixtures/excel/. The test swaps the fixed ids for its own campaign and
// organisation inside the XML (replaceInZip), so the rest stays byte-for-byte as
// LibreOffice wrote it. Re-run the script when the questionnaire data changes.
import ExcelJS from 'exceljs';
import { getForm } from '../../../src/domain/questionnaire/forms.js';
import type { SubmissionContent } from '../../../src/domain/questionnaire/content.js';
import { buildTemplate } from '../../../src/modules/excel/excel.template.js';
import { generateAnswersFor } from '../../../src/synthetic/answers.js';
import { fillTemplate, mapRows } from './fill.js';

/**
 * The content hash recorded in both fixtures' `_map`. Issue 20 added agency types to the version's
 * respondent mapping (the mtszn and mvd forms did not change), which moved the hash; LibreOffice is
 * not installed where that was done, so the tests swap this hash for the current one like the ids.
 * Re-saving the fixtures with the script makes this the current hash again.
 */
export const FIXTURE_CONTENT_HASH = '4a131a0c6d046e150c08a11badce6080f55c0c704eb58766a5216a8375acda0e';

export const FIXTURE = {
  version: '2024-10-order-849-410',
  agencyType: 'mtszn',
  seed: 849,
  campaignId: '0f0f0f0f-0000-4000-8000-00000000c0de',
  organisationId: '0e0e0e0e-0000-4000-8000-0000000000e0',
  file: 'tests/fixtures/excel/template-mtszn-libreoffice.xlsx',
} as const;

/** A blank template typed into with rows inserted (a list outgrowing its rows, a blank row above an item), then re-saved. */
export const ROWS_FIXTURE = {
  version: FIXTURE.version,
  agencyType: 'mvd',
  seed: 410,
  campaignId: FIXTURE.campaignId,
  organisationId: FIXTURE.organisationId,
  file: 'tests/fixtures/excel/template-mvd-rows-libreoffice.xlsx',
} as const;

const PARTNERS = [
  'Россия',
  'Қытай',
  'KGZ',
  'Германия (DEU)',
  'uz',
  'Турция',
  'Китай',
  'Қазақстан',
  'Франция',
  'Италия',
  'Индия',
  'Польша',
  'Грузия',
];

/** What the rows fixture holds: synthetic answers, and a partner-country list longer than the rows the template offers. */
export function rowsFixtureContent(): SubmissionContent {
  const content = generateAnswersFor(ROWS_FIXTURE.version, ROWS_FIXTURE.agencyType, {
    seed: ROWS_FIXTURE.seed,
    missingRate: 0.15,
  });
  const codes = ['RUS', 'CHN', 'KGZ', 'DEU', 'UZB', 'TUR', 'CHN', 'KAZ', 'FRA', 'ITA', 'IND', 'POL', 'GEO'];
  content.answers['s1.q5.partner_countries'] = {
    value: codes.map((country, i) => ({ name: `Партнер ${i + 1}`, country })),
  };
  return content;
}

export async function rowsFixtureTemplate(): Promise<Buffer> {
  const form = getForm(ROWS_FIXTURE.version, ROWS_FIXTURE.agencyType);
  const blank = await buildTemplate({
    form,
    campaignId: ROWS_FIXTURE.campaignId,
    organisationId: ROWS_FIXTURE.organisationId,
    organisationName: { kk: 'Ұйым', ru: 'Организация' },
    reportingYear: 2026,
    lang: 'kk',
    revision: 0,
    content: { answers: {} },
  });
  // Typed as people type countries: names in either language, codes, the drop-down's text.
  const typed = rowsFixtureContent();
  const list = typed.answers['s1.q5.partner_countries'] as { value: { name: string; country: string }[] };
  const withNames = {
    answers: {
      ...typed.answers,
      's1.q5.partner_countries': { value: list.value.map((e, i) => ({ ...e, country: PARTNERS[i]! })) },
    },
  };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await fillTemplate(blank, withNames as SubmissionContent, form)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(2)!;
  let row = 0;
  ws.eachRow((r, n) => {
    if (r.getCell(1).value === 's2.q13.risks_public_order') row = n;
  });
  ws.spliceRows(row, 0, [], []);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const fixtureContent = (): SubmissionContent =>
  generateAnswersFor(FIXTURE.version, FIXTURE.agencyType, { seed: FIXTURE.seed, missingRate: 0.15 });

/** The template before LibreOffice: pre-filled, then some answers retyped by hand. */
export async function fixtureTemplate(): Promise<Buffer> {
  const content = fixtureContent();
  const form = getForm(FIXTURE.version, FIXTURE.agencyType);
  const bytes = await buildTemplate({
    form,
    campaignId: FIXTURE.campaignId,
    organisationId: FIXTURE.organisationId,
    organisationName: { kk: 'Ұйым', ru: 'Организация' },
    reportingYear: 2026,
    lang: 'ru',
    revision: 0,
    content,
  });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  let counts = 0;
  let yeses = 0;
  mapRows(wb).forEach(({ itemId, part, sheet, cell }) => {
    const entry = content.answers[itemId!] as { value?: unknown } | undefined;
    if (!entry || !('value' in entry) || part !== 'value') return;
    const target = wb.getWorksheet(sheet!)!.getCell(cell!);
    const kind = form.index.get(itemId!)!.item.kind;
    if (kind === 'count' && counts < 3) {
      target.value = ` ${String(entry.value)} `;
      counts++;
    }
    if (kind === 'yes_no' && (entry.value as { answer: string }).answer === 'yes' && yeses < 3) {
      target.value = yeses % 2 ? 'Иә' : 'да';
      yeses++;
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
