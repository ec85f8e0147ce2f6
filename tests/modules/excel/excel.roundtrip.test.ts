// The workbook is read by item id, never by position, and every import is merged against
// the revision recorded in it: regression tests for the accidents of issue 15 (an
// out-of-date workbook, an inserted row, a long list), the preview that comes before an
// import, and the answers that help (formats, whose file, download names, tabs).
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getForm } from '../../../src/domain/questionnaire/forms.js';
import { generateAnswersFor } from '../../../src/synthetic/answers.js';
import { setUpCollection, VERSION, type Collection } from '../../helpers/collection.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { fillTemplate, loadWorkbook, multipart } from './fill.js';
import { writeZip } from './zip.js';

let t: TestApp;
let year = 2050;
const TYPE = 'mvd';
const form = getForm(VERSION, TYPE);
const content = generateAnswersFor(VERSION, TYPE, { seed: 15, missingRate: 0 });
const money = 's2.q7.money_laundering_cases';
const investigation = 's2.q13.risks_investigation';
const publicOrder = 's2.q13.risks_public_order';
const countries = 's1.q5.partner_countries';

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const template = async (c: Collection, query = '') => {
  const res = await t.request(c.focal, { method: 'GET', url: `${c.url}/template.xlsx${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload;
};
const upload = (
  c: Collection,
  bytes: Buffer,
  ifMatch: number | null,
  opts: { dryRun?: boolean; filename?: string; resolutions?: object } = {},
) => {
  const { payload, headers } = multipart(
    bytes,
    opts.filename,
    undefined,
    opts.resolutions && { resolutions: JSON.stringify(opts.resolutions) },
  );
  return t.request(c.focal, {
    method: 'POST',
    url: `${c.url}/import${opts.dryRun ? '?dryRun=true' : ''}`,
    payload,
    headers: { ...headers, ...(ifMatch === null ? {} : { 'if-match': `"${ifMatch}"` }) },
  });
};
const current = async (c: Collection) => (await t.request(c.focal, { method: 'GET', url: c.url })).json();
const put = (c: Collection, answers: object, etag: number, token = c.focal) =>
  t.request(token, {
    method: 'PUT',
    url: c.url,
    payload: { content: { answers } },
    headers: { 'if-match': `"${etag}"` },
  });
const save = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

/** Sheet and row whose column A holds `key`. */
function rowOf(wb: ExcelJS.Workbook, key: string): { ws: ExcelJS.Worksheet; row: number } {
  for (const ws of wb.worksheets) {
    let found = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(1).value === key) found = n;
    });
    if (found) return { ws, row: found };
  }
  throw new Error(`no row ${key}`);
}

/** A draft at revision 1 holding the whole synthetic content, and a colleague. */
async function filled() {
  const c = await setUpCollection(t, TYPE, (year += 1));
  const colleague = await t.user(['focal_point'], c.organisationId);
  expect((await put(c, content.answers, 0)).statusCode).toBe(200);
  return { c, colleague };
}

describe('case 1: an out-of-date workbook', () => {
  it('keeps what was saved online since the workbook was made, and applies what the workbook changed', async () => {
    const { c, colleague } = await filled();
    const wb = await loadWorkbook(await template(c)); // made at revision 1
    expect((await put(c, { ...content.answers, [money]: { value: 777 } }, 1, colleague.token)).statusCode).toBe(200);
    const { ws, row } = rowOf(wb, investigation);
    ws.getCell(`D${row}`).value = 'typed in Excel';
    const res = await upload(c, await save(wb), 2); // what the web page sends: the revision it shows
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ revision: 3, baseRevision: 1 });
    const answers = (await current(c)).content.answers;
    expect(answers[money]).toEqual({ value: 777 });
    expect(answers[investigation]).toEqual({ value: 'typed in Excel' });
  });

  it('an item changed online and in the workbook is a conflict: listed in the preview, 409 on import, resolvable per item', async () => {
    const { c, colleague } = await filled();
    const wb = await loadWorkbook(await template(c));
    expect((await put(c, { ...content.answers, [money]: { value: 777 } }, 1, colleague.token)).statusCode).toBe(200);
    const { ws, row } = rowOf(wb, money);
    ws.getCell(`D${row}`).value = 12345;
    const bytes = await save(wb);
    const preview = await upload(c, bytes, null, { dryRun: true });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ canImport: false, currentRevision: 2, baseRevision: 1 });
    expect(preview.json().conflicts).toEqual([
      expect.objectContaining({
        itemId: money,
        base: content.answers[money],
        current: { value: 777 },
        incoming: { value: 12345 },
        changedBy: colleague.id,
        sheet: ws.name,
        cell: `E${row}`,
      }),
    ]);
    const refused = await upload(c, bytes, 2);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('submission.conflict');
    expect((await current(c)).revision).toBe(2);
    const mine = await upload(c, bytes, 2, { resolutions: { [money]: 'mine' } });
    expect(mine.statusCode, mine.body).toBe(200);
    expect((await current(c)).content.answers[money]).toEqual({ value: 12345 });
  });
});

describe('case 2: rows inserted, deleted or moved', () => {
  it('an inserted blank row above an item does not shift any answer', async () => {
    const { c } = await filled();
    const wb = await loadWorkbook(await template(c));
    const { ws, row } = rowOf(wb, publicOrder);
    ws.spliceRows(row, 0, []);
    ws.spliceRows(5, 0, [], []);
    // A deleted spare row of a list is no loss either.
    const list = rowOf(wb, `${countries}#end`);
    list.ws.spliceRows(list.row - 1, 1);
    const res = await upload(c, await save(wb), 1);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().unchanged).toBe(true);
    expect((await current(c)).content).toEqual(content);
  });

  it('a moved row is read by its item id', async () => {
    const { c } = await filled();
    const wb = await loadWorkbook(await template(c));
    const a = rowOf(wb, investigation);
    const b = rowOf(wb, publicOrder);
    // Swap the two rows as cut and paste would: keys travel with their values.
    const [ra, rb] = [a.ws.getRow(a.row), b.ws.getRow(b.row)];
    const [va, vb] = [ra.values, rb.values];
    ra.values = vb as ExcelJS.CellValue[];
    rb.values = va as ExcelJS.CellValue[];
    const res = await upload(c, await save(wb), 1);
    expect(res.statusCode, res.body).toBe(200);
    expect((await current(c)).content).toEqual(content);
  });

  it('a value typed on a row no item claims gives one message naming the sheet and the rows', async () => {
    const { c } = await filled();
    const wb = await loadWorkbook(await template(c));
    const { ws, row } = rowOf(wb, publicOrder);
    ws.spliceRows(row, 0, [], []);
    ws.getCell(`D${row}`).value = 'lost?';
    ws.getCell(`E${row + 1}`).value = 'lost too';
    const res = await upload(c, await save(wb), 1);
    expect(res.statusCode).toBe(422);
    const problems = res
      .json()
      .error.details.problems.filter((p: { code: string }) => p.code === 'excel.rows_unmatched');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ sheet: ws.name, blocks: 'import' });
    expect(problems[0].message.ru).toContain(`${row}, ${row + 1}`);
    expect(problems[0].message.ru).toContain(ws.name);
  });

  it('a deleted item row is reported, not read as empty', async () => {
    const { c } = await filled();
    const wb = await loadWorkbook(await template(c));
    const { ws, row } = rowOf(wb, publicOrder);
    ws.spliceRows(row, 1);
    const res = await upload(c, await save(wb), 1);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.problems).toContainEqual(
      expect.objectContaining({ itemId: publicOrder, code: 'excel.row_missing' }),
    );
  });
});

describe('case 3: lists longer than the rows offered', () => {
  it('rows inserted inside a list are read, countries by name or code', async () => {
    const c = await setUpCollection(t, TYPE, (year += 1));
    const wb = await loadWorkbook(await template(c));
    const head = rowOf(wb, `${countries}#head`);
    const end = rowOf(wb, `${countries}#end`);
    const offered = end.row - head.row - 1;
    head.ws.spliceRows(end.row, 0, ...Array.from({ length: 5 }, () => []));
    const typed = [
      'Россия',
      'Ресей',
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
      'Армения',
      'Монголия',
    ];
    expect(typed.length).toBeGreaterThan(offered);
    typed.forEach((country, i) => {
      head.ws.getCell(`D${head.row + 1 + i}`).value = `Partner ${i + 1}`;
      head.ws.getCell(`E${head.row + 1 + i}`).value = country;
    });
    const res = await upload(c, await save(wb), 0);
    expect(res.statusCode, res.body).toBe(200);
    const list = (await current(c)).content.answers[countries].value;
    expect(list).toHaveLength(typed.length);
    expect(list.slice(0, 5).map((e: { country: string }) => e.country)).toEqual(['RUS', 'RUS', 'KGZ', 'DEU', 'UZB']);
    expect(list[14]).toEqual({ name: 'Partner 15', country: 'MNG' });
  });

  it('an unknown country is located; an invalid code is refused by the API too', async () => {
    const c = await setUpCollection(t, TYPE, (year += 1));
    const wb = await loadWorkbook(await template(c));
    const head = rowOf(wb, `${countries}#head`);
    head.ws.getCell(`D${head.row + 1}`).value = 'Partner';
    head.ws.getCell(`E${head.row + 1}`).value = 'Атлантида';
    const res = await upload(c, await save(wb), 0);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.problems).toContainEqual(
      expect.objectContaining({ code: 'excel.country_unknown', sheet: head.ws.name, cell: `E${head.row + 1}` }),
    );
    const api = await put(c, { [countries]: { value: [{ name: 'X', country: 'XXX' }] } }, 0);
    expect(api.statusCode).toBe(422);
    expect(api.json().error.details.issues[0].code).toBe('entity.country_invalid');
  });
});

describe('preview, then import exactly what was previewed', () => {
  it('lists old -> new per item, problems with what they block, empty items by cell; stores nothing', async () => {
    const c = await setUpCollection(t, TYPE, (year += 1));
    const partial = { answers: Object.fromEntries(Object.entries(content.answers).slice(0, 10)) };
    const bytes = await fillTemplate(await template(c), partial, form);
    const res = await upload(c, bytes, null, { dryRun: true });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(res.headers.etag).toBe('"0"');
    expect(p).toMatchObject({ baseRevision: 0, currentRevision: 0, canImport: true, unchanged: false });
    expect(p.changes.map((x: { itemId: string }) => x.itemId).sort()).toEqual(Object.keys(partial.answers).sort());
    expect(p.changes[0]).toMatchObject({
      change: 'added',
      before: null,
      sheet: expect.any(String),
      cell: expect.stringMatching(/^[A-Z]+\d+$/),
    });
    expect(p.empty).toHaveLength(form.items.length - 10);
    expect(p.empty[0]).toMatchObject({
      itemId: expect.any(String),
      sheet: expect.any(String),
      cell: expect.stringMatching(/^E\d+$/),
    });
    expect((await current(c)).revision).toBe(0);
    // The draft moves between preview and confirm: 409, nothing stored.
    expect((await put(c, { [money]: { value: 1 } }, 0)).statusCode).toBe(200);
    const moved = await upload(c, bytes, p.currentRevision);
    expect(moved.statusCode).toBe(409);
    expect(moved.json().error.code).toBe('version.stale');
    const again = (await upload(c, bytes, null, { dryRun: true })).json();
    const ok = await upload(c, bytes, again.currentRevision);
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await current(c)).content.answers[money]).toEqual({ value: 1 });
  });

  it('a problem that blocks the import is marked so in the preview', async () => {
    const c = await setUpCollection(t, TYPE, (year += 1));
    const wb = await loadWorkbook(await template(c));
    const { ws, row } = rowOf(wb, money);
    ws.getCell(`D${row}`).value = 'двенадцать';
    const p = (await upload(c, await save(wb), null, { dryRun: true })).json();
    expect(p.canImport).toBe(false);
    expect(p.problems).toContainEqual(
      expect.objectContaining({ itemId: money, code: 'excel.not_number', blocks: 'import', cell: `D${row}` }),
    );
  });
});

describe('answers that help', () => {
  it('case 7: a blank workbook on a submission not started yet creates nothing', async () => {
    const c = await setUpCollection(t, TYPE, (year += 1));
    const bytes = await template(c);
    expect((await upload(c, bytes, null, { dryRun: true })).json()).toMatchObject({ unchanged: true, changes: [] });
    const res = await upload(c, bytes, 0);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ unchanged: true, revision: 0 });
    expect((await current(c)).status).toBe('not_started');
  });

  it('.ods and .xls say how to save as .xlsx', async () => {
    const c = await setUpCollection(t, TYPE, (year += 1));
    const ods = writeZip([
      { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet') },
      { name: 'content.xml', data: Buffer.from('<x/>') },
    ]);
    const r1 = await upload(c, ods, 0, { filename: 'data.ods' });
    expect(r1.statusCode).toBe(415);
    expect(r1.json().error).toMatchObject({ code: 'excel.not_xlsx', details: { format: 'ods' } });
    expect(r1.json().error.message).toContain('.xlsx');
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]);
    const r2 = await upload(c, ole, 0, { filename: 'old.xls' });
    expect(r2.statusCode).toBe(415);
    expect(r2.json().error.details.format).toBe('xls');
  });

  it("another organisation's workbook names the organisation and year it was made for", async () => {
    const a = await setUpCollection(t, TYPE, (year += 1));
    const b = await setUpCollection(t, TYPE, (year += 1));
    const res = await upload(b, await template(a), 0);
    expect(res.statusCode).toBe(422);
    const org = (await t.request(a.admin, { method: 'GET', url: `/api/v1/organisations/${a.organisationId}` })).json();
    expect(res.json().error.details).toMatchObject({
      field: 'organisationId',
      fileOrganisationName: org.nameRu ?? org.name?.ru,
      fileReportingYear: String(year - 1),
    });
    expect(res.json().error.message).toContain(String(year - 1));
  });

  it('downloads have a readable name with an RFC 6266 filename*', async () => {
    const c = await setUpCollection(t, TYPE, (year += 1));
    const res = await t.request(c.focal, { method: 'GET', url: `${c.url}/template.xlsx?lang=kk` });
    const header = String(res.headers['content-disposition']);
    expect(header).toMatch(/^attachment; filename="[^"]+\.xlsx"; filename\*=UTF-8''.+/);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(header)![1]!;
    expect(decodeURIComponent(encoded)).toMatch(new RegExp(` - ${year} - kk\\.xlsx$`));
  });

  it('tabs are in the chosen language, at most 31 characters, cut at a word boundary, and unique', async () => {
    const c = await setUpCollection(t, 'mtszn', (year += 1));
    for (const lang of ['kk', 'ru'] as const) {
      const wb = await loadWorkbook(await template(c, `?lang=${lang}`));
      const tabs = wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name);
      const sections = getForm(VERSION, 'mtszn').sections;
      expect(new Set(tabs).size).toBe(tabs.length);
      sections.forEach((s, i) => {
        const tab = tabs[i + 1]!;
        expect(tab.length).toBeLessThanOrEqual(31);
        expect(`${s.number}. ${s.title[lang]}`.startsWith(tab.replace(/ \(\d\)$/, ''))).toBe(true);
        const full = `${s.number}. ${s.title[lang]}`;
        if (full.length > tab.length) expect(full[tab.replace(/ \(\d\)$/, '').length]).toMatch(/[\s,.;]/);
      });
      const ws = wb.worksheets[1]!;
      expect(String(ws.getCell('B2').value)).toContain(String(year));
      expect(String(ws.getCell(lang === 'kk' ? 'B2' : 'C2').value) + String(ws.getCell('B2').value)).toContain(
        `01.01.${year} – 31.12.${year}`,
      );
      // The instructions name both programs' menus, in the chosen language only.
      const instructions = wb.worksheets[0]!.getColumn(1).values.map(String).join('\n');
      expect(instructions).toContain('LibreOffice Calc');
      expect(instructions).toContain(lang === 'kk' ? 'Есепті жыл' : 'Отчетный год');
      // The appendix's "reporting period" row (issue 20), from the campaign's year.
      expect(instructions).toContain(
        lang === 'kk'
          ? `Есепті кезең: 01.01.${year} – 31.12.${year}`
          : `Отчетный период: 01.01.${year} – 31.12.${year}`,
      );
      expect(instructions).toContain(lang === 'kk' ? 'Мәліметтерді ұсыну мерзімі' : 'Срок представления сведений');
    }
    // The order's notes, each section's respondents and the labelled breakdown total are on the sheets.
    const wb = await loadWorkbook(await template(c));
    const mtszn = getForm(VERSION, 'mtszn');
    const texts = wb.worksheets.flatMap((w) => {
      const out: string[] = [];
      w.eachRow((r) => out.push(String(r.getCell(3).value ?? '')));
      return out;
    });
    const noted = mtszn.items.find((i) => i.note) ?? mtszn.sections.flatMap((x) => x.questions).find((q) => q.note)!;
    expect(texts).toContain(`Примечание: ${noted.note!.ru}`);
    const withRespondents = mtszn.sections.find((x) => x.respondents);
    if (withRespondents) expect(texts).toContain(`Отвечают: ${withRespondents.respondents!.ru}`);
    const breakdown = mtszn.items.find((i) => i.kind === 'breakdown')!;
    expect(texts).toContain(`${breakdown.label.ru} — Всего`);
  });
});
