import { createHash, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { assessmentRuns, auditLog } from '../../../src/db/schema.js';
import { regions } from '../../../src/domain/reference.js';
import { conclusionKeys } from '../../../src/reports/report.view-model.js';
import { loadTexts } from '../../../src/reports/texts.js';
import { pdfText } from '../../helpers/pdf-text.js';
import { formatNumber } from '../../../src/reports/format.js';
import { DISCLOSURE_CELLS } from '../../../src/reports/xlsx/report.js';
import { auditWorkbook } from '../../../src/reports/xlsx/audit.js';
import { createTestApp, type TestApp } from '../../helpers/test-app.js';
import { YEARS, assessmentStatus, createReportAssessment, type ReportFixture } from './fixture.js';
import { withoutDraftMarker } from '../../../src/reports/build/drafts.js';

const KAZAKH_LETTERS = ['Ә', 'Ғ', 'Қ', 'Ң', 'Ө', 'Ұ', 'Ү', 'Һ', 'І', 'ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'і'];
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The person-count cells of each row of a report workbook as printed: numbers formatted, hidden cells as their mark. */
async function keyedRows(xlsx: Buffer): Promise<{ sheet: string; cells: string }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
  const rows = new Map<string, { sheet: string; cells: string[] }>();
  wb.getWorksheet(DISCLOSURE_CELLS)!.eachRow((r, n) => {
    if (n === 1) return;
    const [sheet, address] = [String(r.getCell(1).value), String(r.getCell(2).value)];
    const cell = wb.getWorksheet(sheet)!.getCell(address);
    const id = `${sheet}!${cell.row}`;
    if (!rows.has(id)) rows.set(id, { sheet, cells: [] });
    rows
      .get(id)!
      .cells.push(cell.value === null ? String(cell.note) : formatNumber(Number(cell.value)).replace(/\s/g, ' '));
  });
  return [...rows.values()].map((r) => ({ sheet: r.sheet, cells: r.cells.join(' ') }));
}

let t: TestApp;
let expert: string;
let admin: string;
let secretariat: string;
let focal: string;
let fx: ReportFixture;

beforeAll(async () => {
  t = await createTestApp();
  expert = (await t.coordinator()).token;
  admin = (await t.user(['admin'])).token;
  secretariat = (await t.user(['secretariat'])).token;
  focal = (await t.user(['focal_point'], await t.organisation('ngo', 'almaty'))).token;
  fx = await createReportAssessment(t);
}, 120_000);
afterAll(() => t?.close());

const url = (p = '') => `/api/v1/assessments/${fx.assessmentId}${p}`;
// Kazakh text with every Kazakh-specific letter, to check it survives into the PDF.
const KK_TEXT = 'Әлеуметтік желілер арқылы арбау өсті. Ғаламтор, Қызылорда, Ңң, Өскемен, Ұлытау, Үкімет, Һ, Іле.';

/** Runs the queued jobs (as an instance's runner would) and reads this one. */
async function waitForJob(token: string, id: string) {
  await t.runJobs();
  return (await t.request(token, { method: 'GET', url: `/api/v1/jobs/${id}` })).json();
}

/** POST .../finalise with If-Match: the assessment's current version unless given. */
async function finalise(token: string, assessmentId = fx.assessmentId, ifMatch?: string | null) {
  const version = (await t.request(token, { method: 'GET', url: `/api/v1/assessments/${assessmentId}` })).headers.etag;
  const match = ifMatch === undefined ? String(version) : ifMatch;
  return t.request(token, {
    method: 'POST',
    url: `/api/v1/assessments/${assessmentId}/finalise`,
    headers: match === null ? {} : { 'if-match': match },
  });
}

describe('narrative', () => {
  it('lists every chapter at revision 0 before anything is written', async () => {
    const res = await t.request(expert, { method: 'GET', url: url('/narrative') });
    expect(res.statusCode).toBe(200);
    const chapters = res.json().chapters as { chapter: string; revision: number }[];
    expect(chapters.map((c) => c.chapter)).toEqual(
      expect.arrayContaining([
        'description',
        'recommendations',
        'profile.mvd',
        ...conclusionKeys.map((k) => `conclusions.${k}`),
      ]),
    );
    expect(chapters.every((c) => c.revision === 0)).toBe(true);
  });

  it('saves revisions with If-Match: 428 without, 409 when stale, audited', async () => {
    const put = (ifMatch: string | undefined, body: object, chapter = 'conclusions.nature') =>
      t.request(expert, {
        method: 'PUT',
        url: url(`/narrative/${chapter}`),
        payload: body,
        headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
      });
    expect((await put(undefined, { textKk: 'a', textRu: 'b' })).statusCode).toBe(428);
    const first = await put('"0"', { textKk: KK_TEXT, textRu: 'Вербовка через социальные сети выросла.' });
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('"1"');
    const stale = await put('"0"', { textKk: 'x', textRu: 'y' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.currentVersion).toBe(1);
    expect(
      (
        await put('"1"', {
          textKk: `${KK_TEXT}\n\nЕкінші абзац.`,
          textRu: 'Вербовка через социальные сети выросла.\n\nВторой абзац.',
        })
      ).statusCode,
    ).toBe(200);
    expect((await put('"0"', { textKk: 'a', textRu: 'b' }, 'no_such_chapter')).statusCode).toBe(404);
    expect((await put('"0"', { textKk: 'a' })).statusCode).toBe(400);

    const revisions = (
      await t.request(admin, { method: 'GET', url: url('/narrative/conclusions.nature/revisions') })
    ).json();
    expect(revisions.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
    const audit = await t.app.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'narrative.save'), eq(auditLog.objectId, fx.assessmentId)));
    expect(audit).toHaveLength(2);
  });

  it('serialises concurrent saves of one revision: exactly one wins', async () => {
    const body = { textKk: 'Сипаттама', textRu: 'Описание' };
    const results = await Promise.all(
      [0, 1, 2].map(() =>
        t.request(expert, {
          method: 'PUT',
          url: url('/narrative/description'),
          payload: body,
          headers: { 'if-match': '"0"' },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
  });
});

describe('preview', () => {
  it('renders a draft kk PDF with the chapter headings, Kazakh letters, the top risk and the narrative', async () => {
    const res = await t.request(expert, { method: 'GET', url: url('/preview.pdf?lang=kk') });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(res.rawPayload);
    const kk = loadTexts('kk');
    for (const title of [...Object.values(kk.chapters), ...conclusionKeys.map((k) => kk.conclusionHeadings[k])])
      expect(text).toContain(title);
    for (const letter of KAZAKH_LETTERS) expect(text).toContain(letter);
    expect(text).toContain(fx.topRisk.title.kk.slice(0, 25));
    expect(text).toContain('Әлеуметтік желілер арқылы арбау өсті.');
  });
});

/** Accepts every required chapter of an assessment: its generated draft without the marker line. */
async function acceptDrafts(assessmentId: string, only?: (chapter: string) => boolean) {
  const drafts = (
    await t.request(expert, { method: 'GET', url: `/api/v1/assessments/${assessmentId}/narrative/drafts` })
  ).json() as Draft[];
  for (const d of drafts.filter((x) => !x.accepted && (!only || only(x.chapter)))) {
    const res = await t.request(expert, {
      method: 'PUT',
      url: `/api/v1/assessments/${assessmentId}/narrative/${d.chapter}`,
      payload: { textKk: withoutDraftMarker(d.textKk), textRu: withoutDraftMarker(d.textRu) },
      headers: { 'if-match': `"${d.revision}"` },
    });
    expect(res.statusCode, d.chapter).toBe(200);
  }
}
interface Draft {
  chapter: string;
  textKk: string;
  textRu: string;
  revision: number;
  accepted: boolean;
}

describe('analysis drafts and their acceptance', () => {
  it('offers a deterministic kk and ru draft of the description and every §14 point, marked as generated', async () => {
    const first = (await t.request(expert, { method: 'GET', url: url('/narrative/drafts') })).json() as Draft[];
    expect(first.map((d) => d.chapter)).toEqual(['description', ...conclusionKeys.map((k) => `conclusions.${k}`)]);
    for (const d of first) {
      expect(d.textRu.split('\n\n')[0]).toMatch(/^\[Проект — сформирован автоматически/);
      expect(d.textKk.split('\n\n')[0]).toMatch(/^\[Жоба — /);
      expect(d.textRu.split('\n\n').length).toBeGreaterThan(2);
    }
    // The description and the nature point were written by the narrative tests above.
    expect(
      first
        .filter((d) => d.accepted)
        .map((d) => d.chapter)
        .sort(),
    ).toEqual(['conclusions.nature', 'description']);
    expect((await t.request(expert, { method: 'GET', url: url('/narrative/drafts') })).json()).toEqual(first);
    expect((await t.request(secretariat, { method: 'GET', url: url('/narrative/drafts') })).statusCode).toBe(403);
  });

  it('refuses finalisation while a chapter lacks an accepted text, listing what is missing', async () => {
    const drafts = (await t.request(expert, { method: 'GET', url: url('/narrative/drafts') })).json() as Draft[];
    // Saving the draft as it is, marker and all, does not accept it.
    const sources = drafts.find((d) => d.chapter === 'conclusions.sources')!;
    expect(
      (
        await t.request(expert, {
          method: 'PUT',
          url: url('/narrative/conclusions.sources'),
          payload: { textKk: sources.textKk, textRu: sources.textRu },
          headers: { 'if-match': '"0"' },
        })
      ).statusCode,
    ).toBe(200);
    const res = await finalise(expert);
    expect(res.statusCode).toBe(409);
    const error = res.json().error;
    expect(error.code).toBe('report.narrative_missing');
    expect(error.details.missing).toEqual(conclusionKeys.filter((k) => k !== 'nature').map((k) => `conclusions.${k}`));
    expect(error.message).toContain('2.1.');
    expect(error.message).not.toContain('2.2.');
    expect(await assessmentStatus(t, fx.assessmentId)).toBe('draft');
    await acceptDrafts(fx.assessmentId);
    const after = (await t.request(expert, { method: 'GET', url: url('/narrative/drafts') })).json() as Draft[];
    expect(after.every((d) => d.accepted)).toBe(true);
  }, 60_000);
});

describe('finalisation', () => {
  it('refuses an assessment without a ranking run', async () => {
    const unranked = await createReportAssessment(t, { ranked: false, load: false });
    const res = await finalise(expert, unranked.assessmentId);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('report.ranking_missing');
  }, 60_000);

  it('ends a job whose data cannot be rendered as failed, leaving the assessment a draft', async () => {
    const broken = await createReportAssessment(t, { ranked: false, load: false });
    await t.app.database.db.insert(assessmentRuns).values({
      assessmentId: broken.assessmentId,
      step: 'ranking',
      inputHash: 'x',
      parameters: {},
      result: { riskRegisterVersion: '2024-v1', risks: 'not a list' },
      resultHash: 'x',
      startedAt: new Date(),
    });
    // Its ranking cannot be read, so no drafts either: the experts' own texts are accepted texts.
    for (const chapter of ['description', ...conclusionKeys.map((k) => `conclusions.${k}`)])
      await t.request(expert, {
        method: 'PUT',
        url: `/api/v1/assessments/${broken.assessmentId}/narrative/${chapter}`,
        payload: { textKk: 'Мәтін.', textRu: 'Текст.' },
        headers: { 'if-match': '"0"' },
      });
    const res = await finalise(expert, broken.assessmentId);
    expect(res.statusCode).toBe(202);
    const job = await waitForJob(admin, res.json().id);
    expect(job.status).toBe('failed');
    expect(job.message).toBeTruthy();
    expect(job.finishedAt).not.toBeNull();
    expect(await assessmentStatus(t, broken.assessmentId)).toBe('draft');
    expect(
      (await t.request(expert, { method: 'GET', url: `/api/v1/assessments/${broken.assessmentId}/files` })).json(),
    ).toEqual([]);
  }, 60_000);

  let files: { name: string; sha256: string; size: number; contentType: string }[] = [];

  it('runs as a job, stores every output and makes the assessment immutable', async () => {
    expect((await t.request(secretariat, { method: 'GET', url: url('/files') })).statusCode).toBe(404);
    // Finalisation changes the versioned assessment: If-Match like every versioned write.
    const without = await finalise(expert, fx.assessmentId, null);
    expect(without.statusCode).toBe(428);
    const stale = await finalise(expert, fx.assessmentId, '"999"');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version.stale');
    const res = await finalise(expert);
    expect(res.statusCode).toBe(202);
    expect(res.headers.location).toBe(`/api/v1/jobs/${res.json().id}`);
    const job = res.json();
    expect(job.status).toBe('queued');
    const active = (await t.request(expert, { method: 'GET', url: url('/jobs?active=true') })).json();
    expect(active.map((j: { id: string }) => j.id)).toEqual([job.id]);
    const twice = await finalise(expert);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('report.finalise_in_progress');
    expect((await t.request(focal, { method: 'GET', url: `/api/v1/jobs/${job.id}` })).statusCode).toBe(404);
    const done = await waitForJob(expert, job.id);
    expect(done.status, JSON.stringify(done)).toBe('succeeded');
    expect(done.progress).toBe(1);
    // The result links what the job produced.
    expect(done.result.filesUrl).toBe(url('/files'));
    expect((await t.request(expert, { method: 'GET', url: url('/jobs?active=true') })).json()).toEqual([]);
    expect(await assessmentStatus(t, fx.assessmentId)).toBe('finalised');

    files = (await t.request(secretariat, { method: 'GET', url: url('/files') })).json();
    const names = files.map((f) => f.name);
    for (const n of [
      'report-kk.pdf',
      'report-ru.pdf',
      'report-kk.xlsx',
      'report-ru.xlsx',
      'profile-mvd-kk.pdf',
      'profile-mvd-ru.pdf',
      'profile-border_service-ru.pdf',
    ]) {
      expect(names).toContain(n);
    }
    // The raw fact table is restricted to the expert group and administrators: never listed
    // to the secretariat, never served to it under any name, and every download is audited.
    expect(names.some((n) => n.includes('facts'))).toBe(false);
    expect(files.every((f) => !(f as { restricted?: boolean }).restricted)).toBe(true);
    for (const name of ['facts-restricted.arrow', 'facts.arrow']) {
      expect((await t.request(secretariat, { method: 'GET', url: url(`/files/${name}`) })).statusCode).toBe(404);
    }
    const expertFiles = (await t.request(expert, { method: 'GET', url: url('/files') })).json() as {
      name: string;
      restricted: boolean;
    }[];
    expect(expertFiles.filter((f) => f.restricted).map((f) => f.name)).toEqual(['facts-restricted.arrow']);
    const downloads = () =>
      t.app.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'assessment.restricted_file_download'), eq(auditLog.objectId, fx.assessmentId)));
    expect(await downloads()).toHaveLength(0);
    expect((await t.request(expert, { method: 'GET', url: url('/files/facts-restricted.arrow') })).statusCode).toBe(
      200,
    );
    expect((await t.request(admin, { method: 'GET', url: url('/files/facts-restricted.arrow') })).statusCode).toBe(200);
    expect(await downloads()).toHaveLength(2);
    const put = await t.request(expert, {
      method: 'PUT',
      url: url('/narrative/description'),
      payload: { textKk: 'a', textRu: 'b' },
      headers: { 'if-match': '"1"' },
    });
    expect(put.statusCode).toBe(409);
    expect(put.json().error.code).toBe('assessment.finalised');
    expect((await finalise(expert)).statusCode).toBe(409);
    const audit = await t.app.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'assessment.finalise'), eq(auditLog.objectId, fx.assessmentId)));
    expect(audit).toHaveLength(1);
  }, 120_000);

  it('lets the secretariat download byte-identical files with their sha256 as ETag', async () => {
    for (const f of files) {
      const res = await t.request(secretariat, { method: 'GET', url: url(`/files/${f.name}`) });
      expect(res.statusCode).toBe(200);
      expect(sha256(res.rawPayload)).toBe(f.sha256);
      expect(res.rawPayload.length).toBe(f.size);
      expect(res.headers.etag).toBe(`"${f.sha256}"`);
      expect(res.headers['content-type']).toBe(f.contentType);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="${f.name}"`);
    }
    const again = await t.request(secretariat, {
      method: 'GET',
      url: url('/files/report-ru.pdf'),
      headers: { 'if-none-match': `"${files.find((f) => f.name === 'report-ru.pdf')!.sha256}"` },
    });
    expect(again.statusCode).toBe(304);
    expect((await t.request(secretariat, { method: 'GET', url: url('/files/nothing.pdf') })).statusCode).toBe(404);
  });

  it('streams every published file in one ZIP ("download all"), byte-identical, never the restricted table', async () => {
    for (const who of [secretariat, expert]) {
      const res = await t.request(who, { method: 'GET', url: url('/files.zip') });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/zip');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="assessment-\d{4}-\d{4}\.zip"$/);
      const entries = unzipSync(new Uint8Array(res.rawPayload));
      expect(Object.keys(entries).sort()).toEqual(files.map((f) => f.name).sort());
      for (const f of files) expect(sha256(Buffer.from(entries[f.name]!))).toBe(f.sha256);
    }
    expect((await t.request(focal, { method: 'GET', url: url('/files.zip') })).statusCode).toBe(403);
    expect(
      (await t.request(secretariat, { method: 'GET', url: `/api/v1/assessments/${randomUUID()}/files.zip` }))
        .statusCode,
    ).toBe(404);
  });

  it('stores a ru PDF with the ru headings and the top-ranked risk, and kk profiles with Kazakh letters', async () => {
    const ru = loadTexts('ru');
    const text = await pdfText(
      (await t.request(secretariat, { method: 'GET', url: url('/files/report-ru.pdf') })).rawPayload,
    );
    for (const title of [...Object.values(ru.chapters), ...conclusionKeys.map((k) => ru.conclusionHeadings[k])])
      expect(text).toContain(title);
    expect(text).toContain(fx.topRisk.title.ru.slice(0, 25));
    expect(text).toContain(ru.suppressed);
    const profile = await pdfText(
      (await t.request(secretariat, { method: 'GET', url: url('/files/profile-mvd-kk.pdf') })).rawPayload,
    );
    expect(profile).toContain(loadTexts('kk').profile.documentTitle);
    for (const letter of ['Қ', 'ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'і']) expect(profile).toContain(letter);
  });

  it('stores an XLSX whose regional figures equal the facts, with small counts suppressed', async () => {
    const res = await t.request(admin, { method: 'GET', url: url('/files/report-ru.xlsx') });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheets = wb.worksheets.map((w) => w.name);
    for (const s of [
      'about',
      'tables',
      'codes',
      'participation',
      'regions',
      'citizenship',
      'key_indicators',
      'risk_register',
      'heat_map',
      'quality_findings',
      'missing_reasons',
    ])
      expect(sheets).toContain(s);

    const expected = new Map<string, number[]>();
    for (const f of fx.facts) {
      // The regional table carries the police's count (2.8), never a sum over subjects.
      if (f.itemId !== 's2.q8.victims_total' || f.value === null) continue;
      const v = expected.get(f.region) ?? [0, 0, 0];
      v[YEARS.indexOf(f.year as 2022)] += f.value;
      expected.set(f.region, v);
    }
    const participation = wb.getWorksheet('participation')!;
    const rowOf = (label: string | RegExp) =>
      participation
        .getRows(2, participation.rowCount - 1)!
        .find((r) =>
          typeof label === 'string' ? r.getCell(1).value === label : label.test(String(r.getCell(1).value)),
        )!;
    const x = loadTexts('ru').description;
    expect(rowOf(x.responseRate).getCell(2).value).toBeCloseTo(
      fx.participation.participating / fx.participation.requested,
      3,
    );
    expect(rowOf(x.timeliness).getCell(2).value).toBeCloseTo(fx.participation.timely / fx.participation.submissions, 3);
    // The response of each year beside "ever answered".
    expect(rowOf(new RegExp(`за ${YEARS[0]} год \\(\\d+ из \\d+\\)$`))).toBeDefined();

    const ws = wb.getWorksheet('regions')!;
    let shown = 0;
    let hidden = 0;
    for (const code of ['almaty', 'astana', 'turkistan', 'abai']) {
      const name = regions.find((r) => r.code === code)!.name.ru;
      let row = -1;
      // The region's code is in column A, its name beside it.
      ws.eachRow((r, n) => {
        if (r.getCell(1).value === code) row = n;
      });
      expect(row, name).toBeGreaterThan(1);
      expect(ws.getRow(row).getCell(3).value).toBe(name);
      const values = expected.get(code) ?? [0, 0, 0];
      values.forEach((v, i) => {
        const cell = ws.getRow(row).getCell(5 + i);
        if (cell.value === null) {
          expect(['<10', 'x']).toContain(cell.note);
          hidden++;
        } else {
          shown++;
          expect(cell.value).toBe(v);
          expect(v === 0 || v >= 10).toBe(true);
        }
      });
    }
    expect(shown).toBeGreaterThan(0);

    const risks = wb.getWorksheet('risk_register')!;
    expect(risks.getRow(2).getCell(3).value).toBe(fx.topRisk.title.ru);
    // Every victim count in the citizenship table is 0, at least 10, or hidden.
    wb.getWorksheet('citizenship')!.eachRow((r, n) => {
      if (n < 2) return;
      for (let c = 3; c <= r.cellCount; c++) {
        const v = r.getCell(c).value;
        if (typeof v === 'number') expect(v === 0 || v >= 10, `citizenship row ${n}`).toBe(true);
      }
    });
    expect(hidden + shown).toBe(12);
  });

  it('stores the disclosure audit with the run and prints it in the methodology annex', async () => {
    const [run] = await t.app.database.db
      .select()
      .from(assessmentRuns)
      .where(and(eq(assessmentRuns.assessmentId, fx.assessmentId), eq(assessmentRuns.step, 'disclosure')));
    const summary = (run.result as { summary: { primary: number; secondary: number; exposed: number; ms: number } })
      .summary;
    expect(summary.exposed).toBe(0);
    expect(summary.primary).toBeGreaterThan(0);
    expect(summary.secondary).toBeGreaterThan(0);
    expect(run.parameters).toEqual({ threshold: 10, rule: { kind: 'label-range' } });
    const text = await pdfText(
      (await t.request(secretariat, { method: 'GET', url: url('/files/report-ru.pdf') })).rawPayload,
    );
    expect(text).toContain(`ячеек «<10» — ${summary.primary}, ячеек «x» — ${summary.secondary}, раскрыто — 0`);
  });

  it('audits the stored XLSX and PDF as an attacker would: nothing exposed, no small count shown anywhere', async () => {
    for (const lang of ['kk', 'ru'] as const) {
      const xlsx = (await t.request(secretariat, { method: 'GET', url: url(`/files/report-${lang}.xlsx`) })).rawPayload;
      const { audit, read } = await auditWorkbook(xlsx);
      expect(audit.exposed).toEqual([]);
      expect(read.smallShown).toEqual([]);
      expect(audit.primary).toBeGreaterThan(0);
      // Every PDF prints each person-count row of the workbook exactly as published: marks, never the hidden values.
      const rows = await keyedRows(xlsx);
      const pdfs = new Map<string, string>();
      const pdf = async (name: string) => {
        if (!pdfs.has(name))
          pdfs.set(
            name,
            await pdfText((await t.request(secretariat, { method: 'GET', url: url(`/files/${name}`) })).rawPayload),
          );
        return pdfs.get(name)!;
      };
      let checked = 0;
      for (const row of rows) {
        const agency = /^v_[a-z]+_(.+)$/.exec(row.sheet)?.[1];
        const names = [
          `report-${lang}.pdf`,
          ...(agency && files.some((f) => f.name === `profile-${agency}-${lang}.pdf`)
            ? [`profile-${agency}-${lang}.pdf`]
            : []),
        ];
        for (const name of names) {
          expect(await pdf(name), `${row.sheet} ${row.cells} in ${name}`).toContain(row.cells);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(100);
    }
  }, 120_000);
});
