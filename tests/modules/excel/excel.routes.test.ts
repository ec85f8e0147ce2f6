// Excel round trip through the real app: template download, programmatic fill,
// import as a draft revision (If-Match), every refusal (nothing stored), a workbook
// re-saved by LibreOffice Calc, and the campaign export read back.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getForm } from '../../../src/domain/questionnaire/forms.js';
import { getVersion } from '../../../src/domain/questionnaire/loader.js';
import { generateAnswersFor } from '../../../src/synthetic/answers.js';
import { setUpCollection, VERSION, type Collection } from '../../helpers/collection.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { editCell, editMeta, fillTemplate, loadWorkbook, mapRows, multipart } from './fill.js';
import {
  FIXTURE,
  FIXTURE_CONTENT_HASH,
  ROWS_FIXTURE,
  fixtureContent,
  rowsFixtureContent,
} from './libreoffice.fixture.js';
import { readZip, replaceInZip, writeZip } from './zip.js';

const TYPE = 'mtszn';
let t: TestApp;
let c: Collection;
let other: Collection;
let form: ReturnType<typeof getForm>;

beforeAll(async () => {
  t = await createTestApp();
  c = await setUpCollection(t, TYPE, 2024);
  other = await setUpCollection(t, TYPE, 2025);
  form = getForm(VERSION, TYPE);
});
afterAll(() => t?.close());

const template = async (col: Collection, token = col.focal) => {
  const res = await t.request(token, { method: 'GET', url: `${col.url}/template.xlsx` });
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload;
};
const upload = (col: Collection, bytes: Buffer, ifMatch: string | null, filename?: string) => {
  const { payload, headers } = multipart(bytes, filename);
  return t.request(col.focal, {
    method: 'POST',
    url: `${col.url}/import`,
    payload,
    headers: { ...headers, ...(ifMatch === null ? {} : { 'if-match': ifMatch }) },
  });
};
const current = async (col: Collection) => (await t.request(col.focal, { method: 'GET', url: col.url })).json();

describe('template', () => {
  it('has a sheet per section, locked labels, typed inputs and a hidden map', async () => {
    const res = await t.request(c.focal, { method: 'GET', url: `${c.url}/template.xlsx` });
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = await loadWorkbook(res.rawPayload);
    const visible = wb.worksheets.filter((w) => w.state === 'visible');
    expect(visible).toHaveLength(form.sections.length + 1); // instructions first
    expect(visible.slice(1).map((w) => w.getCell('A1').value)).toEqual(form.sections.map((s) => String(s.number)));
    expect(wb.getWorksheet('_map')!.state).toBe('hidden');
    const map = mapRows(wb);
    expect(new Set(map.map((m) => m.itemId))).toEqual(new Set(form.items.map((i) => i.id)));
    const count = map.find((m) => form.index.get(m.itemId)!.item.kind === 'count' && m.part === 'value')!;
    const cell = wb.getWorksheet(count.sheet)!.getCell(count.cell);
    expect(cell.protection?.locked).toBe(false);
    expect(cell.dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual' });
    const label = wb.getWorksheet(count.sheet)!.getCell(count.cell.replace(/^D/, 'B'));
    expect(label.value).toBe(form.index.get(count.itemId)!.item.label.kk);
    expect(label.protection?.locked).not.toBe(false);
    expect(
      (wb.getWorksheet(count.sheet) as unknown as { sheetProtection: { sheet: boolean; hashValue?: string } })
        .sheetProtection,
    ).toMatchObject({ sheet: true });
    const yesNo = map.find((m) => form.index.get(m.itemId)!.item.kind === 'yes_no' && m.part === 'value')!;
    expect(wb.getWorksheet(yesNo.sheet)!.getCell(yesNo.cell).dataValidation.formulae[0]).toContain('Иә / Да');
    const breakdown = map.find((m) => m.part === 'total')!;
    const checks = wb
      .getWorksheet(breakdown.sheet)!
      .getColumn(5)
      .values.filter((v) => typeof v === 'object' && v && 'formula' in v);
    expect(checks.length).toBeGreaterThan(0);
  });

  it("shows the order's note and the project's hint on rows of their own, the hint marked as not the order's text", async () => {
    const res = await t.request(c.focal, { method: 'GET', url: `${c.url}/template.xlsx` });
    const wb = await loadWorkbook(res.rawPayload);
    const rowsB = wb.worksheets.flatMap((ws) =>
      ws.getColumn(2).values.map((v, r) => ({ ws, r, text: typeof v === 'string' ? v : '' })),
    );
    const questions = form.sections.flatMap((s) => s.questions);
    const notes = questions.filter((q) => q.note);
    const hinted = questions.flatMap((q) => q.items).filter((i) => i.hint);
    expect(notes.length).toBeGreaterThan(0);
    expect(hinted.length).toBeGreaterThan(0);
    for (const q of notes)
      expect(
        rowsB.some((x) => x.text === `Ескерту: ${q.note!.kk}`),
        q.id,
      ).toBe(true);
    for (const i of hinted) {
      const row = rowsB.find((x) => x.text === `Платформаның түсіндірмесі (бұйрық мәтіні емес): ${i.hint!.kk}`);
      expect(row, i.id).toBeDefined();
      const noteRow = rowsB.find((x) => x.text.startsWith('Ескерту: '))!;
      expect(row!.ws.getCell(`B${row!.r}`).font).toMatchObject({ size: 9 });
      expect(row!.ws.getCell(`B${row!.r}`).font).not.toEqual(noteRow.ws.getCell(`B${noteRow.r}`).font);
      expect(row!.ws.getCell(`C${row!.r}`).value).toBe(`Пояснение платформы (не текст приказа): ${i.hint!.ru}`);
    }
    // No project hint is presented as the order's note.
    for (const i of hinted) expect(rowsB.some((x) => x.text === `Ескерту: ${i.hint!.kk}`)).toBe(false);
  });

  it('is refused to a focal point of another organisation', async () => {
    const res = await t.request(other.focal, { method: 'GET', url: `${c.url}/template.xlsx` });
    expect(res.statusCode).toBe(404);
  });
});

describe('round trip', () => {
  it('template -> fill -> import gives a draft equal to what was filled', async () => {
    const content = generateAnswersFor(VERSION, TYPE, { seed: 5, missingRate: 0.2 });
    const filled = await fillTemplate(await template(c), content, form);
    const res = await upload(c, filled, '"0"');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({ revision: 1, status: 'draft' });
    const sub = await current(c);
    expect(sub.content).toEqual(content);
    const history = (await t.request(c.focal, { method: 'GET', url: `${c.url}/revisions` })).json();
    expect(history[0]).toMatchObject({ revision: 1, action: 'import' });
  });

  it('case 7: a template pre-filled with the draft imports back unchanged, and writes no revision', async () => {
    const before = await current(c);
    const bytes = await template(c);
    const res = await upload(c, bytes, `"${before.revision}"`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ unchanged: true, revision: before.revision, changes: [] });
    const after = await current(c);
    expect(after.revision).toBe(before.revision);
    expect(after.content).toEqual(before.content);
  });

  it('honours If-Match like a draft save', async () => {
    const bytes = await template(c);
    const rev = (await current(c)).revision;
    expect((await upload(c, bytes, null)).statusCode).toBe(428);
    const stale = await upload(c, bytes, `"${rev - 1}"`);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version.stale');
    expect((await current(c)).revision).toBe(rev);
  });

  it('imports a breakdown that does not add up, flagging it at its cell as blocking the submission', async () => {
    const rev = (await current(c)).revision;
    const item = form.items.find((i) => i.kind === 'breakdown')!.id;
    // Answered whatever the draft had: no reason, no comment, total 5, unknown 9.
    const withTotal = await editCell(await template(c), item, 'total', 5);
    let bytes = (await editCell(withTotal.bytes, item, 'cat:unknown', 9)).bytes;
    bytes = (await editCell(bytes, item, 'reason', null)).bytes;
    bytes = (await editCell(bytes, item, 'comment', null)).bytes;
    const res = await upload(c, bytes, `"${rev}"`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().problems).toContainEqual(
      expect.objectContaining({
        itemId: item,
        code: 'breakdown.sum',
        sheet: withTotal.sheet,
        cell: withTotal.cell,
        blocks: 'submission',
      }),
    );
    expect((await current(c)).content.answers[item].value).toMatchObject({ total: 5 });
  });

  it('accepts the template after LibreOffice Calc re-saved it (committed fixture)', async () => {
    const l = await setUpCollection(t, FIXTURE.agencyType, 2026);
    // Only the ids change (and, as a user unhiding sheets would, the sheets' state); the XML is LibreOffice's.
    const bytes = replaceInZip(readFileSync(FIXTURE.file), {
      [FIXTURE.campaignId]: l.campaignId,
      [FIXTURE.organisationId]: l.organisationId,
      [FIXTURE_CONTENT_HASH]: getVersion(FIXTURE.version).contentHash,
      'state="hidden"': 'state="visible"',
    });
    expect(readZip(bytes).some((e) => e.data.includes(l.organisationId))).toBe(true);
    const res = await upload(l, bytes, '"0"');
    expect(res.statusCode, res.body).toBe(200);
    expect((await current(l)).content).toEqual(fixtureContent());
  });
});

describe('LibreOffice Calc, rows inserted (committed fixture)', () => {
  it('reads a list grown by inserted rows, countries typed by name, and answers below an inserted row', async () => {
    const l = await setUpCollection(t, ROWS_FIXTURE.agencyType, 2027);
    const bytes = replaceInZip(readFileSync(ROWS_FIXTURE.file), {
      [ROWS_FIXTURE.campaignId]: l.campaignId,
      [ROWS_FIXTURE.organisationId]: l.organisationId,
      [FIXTURE_CONTENT_HASH]: getVersion(ROWS_FIXTURE.version).contentHash,
    });
    const res = await upload(l, bytes, '"0"');
    expect(res.statusCode, res.body).toBe(200);
    expect((await current(l)).content).toEqual(rowsFixtureContent());
  });
});

describe('refusals (nothing stored)', () => {
  let rev: number;
  let good: Buffer;
  beforeAll(async () => {
    rev = (await current(c)).revision;
    good = await template(c);
  });
  const refused = async (bytes: Buffer, status: number, code: string, filename?: string) => {
    const res = await upload(c, bytes, `"${rev}"`, filename);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.code).toBe(code);
    expect((await current(c)).revision).toBe(rev);
    return res.json().error;
  };

  it('a file that is not a workbook', async () => {
    await refused(Buffer.from('organisation;count\nx;1\n'), 415, 'excel.not_xlsx', 'data.csv');
    await refused(writeZip([{ name: 'hello.txt', data: Buffer.from('hi') }]), 415, 'excel.not_xlsx');
  });

  it('an encrypted workbook or legacy .xls (OLE compound file)', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]);
    await refused(ole, 422, 'excel.encrypted');
  });

  it('a corrupt workbook', async () => {
    await refused(good.subarray(0, Math.floor(good.length / 2)), 422, 'excel.corrupt');
    const flipped = Buffer.from(good);
    for (let i = 200; i < 400; i++) flipped[i] = flipped[i]! ^ 0xff;
    await refused(flipped, 422, 'excel.corrupt');
  });

  it('a zip bomb, by declared sizes and by lying sizes', async () => {
    const base = [
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
    ];
    const bomb = writeZip([...base, { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(80 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect((await refused(bomb, 413, 'excel.too_large')).details.limit).toBe('uncompressed');
    const liar = writeZip([
      ...base,
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20 * 1024 * 1024), declaredSize: 1000 },
    ]);
    await refused(liar, 413, 'excel.too_large');
  });

  it('too many entries or cells', async () => {
    const base = [
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
    ];
    const many = writeZip([
      ...base,
      ...Array.from({ length: 600 }, (_, i) => ({ name: `xl/media/x${i}.xml`, data: Buffer.from('x') })),
    ]);
    expect((await refused(many, 413, 'excel.too_large')).details.limit).toBe('entries');
    const cells = `<worksheet><sheetData><row r="1">${'<c t="n"><v>1</v></c>'.repeat(250_000)}</row></sheetData></worksheet>`;
    const big = writeZip([...base, { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(cells) }]);
    expect((await refused(big, 413, 'excel.too_large')).details.limit).toBe('cells');
  });

  it('a file over the upload size limit (413 excel.too_large, as documented)', async () => {
    for (const bytes of [
      Buffer.alloc(6 * 1024 * 1024, 1),
      Buffer.concat([good, Buffer.alloc(5 * 1024 * 1024 + 1 - good.length)]),
    ]) {
      expect((await refused(bytes, 413, 'excel.too_large')).details.limit).toBe('upload');
    }
  });

  it('a workbook that is not the template', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Лист1').getCell('A1').value = 42;
    await refused(Buffer.from(await wb.xlsx.writeBuffer()), 422, 'excel.not_template');
  });

  it("another organisation's, another campaign's or another version's workbook", async () => {
    const otherTemplate = await template(other);
    const e1 = await refused(otherTemplate, 422, 'excel.wrong_target');
    expect(e1.details.field).toBe('organisationId');
    const e2 = await refused(await editMeta(good, 'campaignId', other.campaignId), 422, 'excel.wrong_target');
    expect(e2.details.field).toBe('campaignId');
    const e3 = await refused(await editMeta(good, 'questionnaireVersion', '2020-01-old'), 422, 'excel.wrong_target');
    expect(e3.details.field).toBe('questionnaireVersion');
  });

  it('cell problems are listed with sheet, cell, item id and kk/ru text', async () => {
    const count = form.items.find((i) => i.kind === 'count')!.id;
    const edited = await editCell(good, count, 'value', 'двенадцать');
    const e = await refused(edited.bytes, 422, 'excel.invalid');
    expect(e.details.problems).toContainEqual(
      expect.objectContaining({
        sheet: edited.sheet,
        cell: edited.cell,
        itemId: count,
        code: 'excel.not_number',
        message: { kk: expect.any(String), ru: expect.any(String) },
      }),
    );

    const negative = await editCell(good, count, 'value', -3);
    const e2 = await refused(negative.bytes, 422, 'excel.invalid');
    expect(e2.details.problems).toContainEqual(
      expect.objectContaining({ sheet: negative.sheet, cell: negative.cell, itemId: count, code: 'count.negative' }),
    );

    const withValue = await editCell(good, count, 'value', 3);
    const both = await editCell(withValue.bytes, count, 'reason', form.missingReasons[0]!.label.kk);
    const e3 = await refused(both.bytes, 422, 'excel.invalid');
    expect(e3.details.problems).toContainEqual(
      expect.objectContaining({ cell: both.cell, itemId: count, code: 'excel.value_and_reason' }),
    );

    const yesNo = form.items.find((i) => i.kind === 'yes_no')!.id;
    const maybe = await editCell(good, yesNo, 'value', 'Может быть');
    const e4 = await refused(maybe.bytes, 422, 'excel.invalid');
    expect(e4.details.problems).toContainEqual(
      expect.objectContaining({ cell: maybe.cell, itemId: yesNo, code: 'excel.yes_no_invalid' }),
    );
  });
});

describe('export', () => {
  it('is refused to focal points and for an unknown campaign', async () => {
    expect(
      (await t.request(c.focal, { method: 'GET', url: `/api/v1/campaigns/${c.campaignId}/export.xlsx` })).statusCode,
    ).toBe(403);
    expect(
      (
        await t.request(c.admin, {
          method: 'GET',
          url: '/api/v1/campaigns/00000000-0000-4000-8000-000000000000/export.xlsx',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('has statuses, a sheet per section with the answers, and missing reasons', async () => {
    const sub = await current(c);
    const res = await t.request(c.expert, { method: 'GET', url: `/api/v1/campaigns/${c.campaignId}/export.xlsx` });
    expect(res.statusCode).toBe(200);
    const wb = await loadWorkbook(res.rawPayload);
    const version = form.version;
    expect(wb.worksheets).toHaveLength(version.sections.length + 2);
    const statuses = wb.worksheets[0]!;
    // Row 4 = first organisation; the empty submittedAt cell is left out.
    expect(statuses.getRow(4).values).toEqual([
      undefined,
      c.organisationId,
      expect.any(String),
      TYPE,
      'almaty',
      'draft',
      sub.revision,
    ]);

    for (const section of form.sections) {
      const ws = wb.worksheets.find((w) => w.name.startsWith(`${section.number}. `))!;
      const keys = ws.getRow(1).values as unknown[];
      const row = ws.getRow(4).values as unknown[];
      expect(row[1]).toBe(c.organisationId);
      for (const item of section.questions.flatMap((q) => q.items)) {
        const entry = sub.content.answers[item.id];
        if (!entry || !('value' in entry)) continue;
        if (item.kind === 'count' || item.kind === 'amount' || item.kind === 'text')
          expect(row[keys.indexOf(item.id)], item.id).toEqual(entry.value);
        if (item.kind === 'breakdown') {
          expect(row[keys.indexOf(`${item.id}.total`)], item.id).toBe(entry.value.total);
          for (const [code, n] of Object.entries(entry.value.byCategory))
            expect(row[keys.indexOf(`${item.id}.${code}`)]).toBe(n);
        }
        if (item.kind === 'yes_no') expect(row[keys.indexOf(item.id)]).toBe(entry.value.answer);
      }
    }
    const unanswered = wb.worksheets.find((w) => w.name.startsWith('2. '))!;
    expect(unanswered.rowCount).toBe(3);

    const missing = wb.worksheets.at(-1)!;
    const explained = Object.entries(sub.content.answers).filter(
      ([, e]) => (e as { missingReason?: string }).missingReason,
    );
    expect(explained.length).toBeGreaterThan(0);
    expect(missing.rowCount - 3).toBe(explained.length);
    const found = new Map<string, unknown>();
    missing.eachRow((r, n) => n > 3 && found.set(String(r.getCell(5).value), r.getCell(6).value));
    for (const [id, e] of explained) expect(found.get(id)).toBe((e as { missingReason: string }).missingReason);
  });
});
