import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReportXlsx } from '../../../src/reports/xlsx/report.js';
import { buildReportViewModel, profileViewModels } from '../../../src/reports/build/build.js';
import { countTable } from '../../../src/reports/build/privacy.js';
import { protectTables } from '../../../src/reports/build/disclosure.js';
import type { AssessmentInput } from '../../../src/reports/build/inputs.js';
import { syntheticAssessmentInput } from '../../../src/synthetic/assessment.js';
import { agencyTypeCodes, assignableAgencyTypeCodes } from '../../../src/domain/reference.js';
import {
  conclusionKeys,
  isSuppressed,
  type ReportTable,
  type ReportViewModel,
  type TableCell,
} from '../../../src/reports/report.view-model.js';

// National-size counts are large; a high threshold makes the suppression visible.
const THRESHOLD = 20;
let input: AssessmentInput;
let raw: ReportViewModel;
let published: ReportViewModel;

beforeAll(() => {
  input = syntheticAssessmentInput({ seed: 11, threshold: THRESHOLD });
  raw = buildReportViewModel(input, 'ru', { publish: false });
  published = buildReportViewModel(input, 'ru', { publish: true });
}, 60_000);

const table = (vm: ReportViewModel, id: string): ReportTable => {
  const all = [...vm.conclusions.flatMap((c) => c.tables), ...vm.riskProfiles.flatMap((p) => p.victimProfile)];
  const found = all.find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return found;
};

describe('report view model', () => {
  it('has the nine §14 headings with the regional table of the 20 regions and the ranked chart', () => {
    expect(raw.conclusions.map((c) => c.key)).toEqual([...conclusionKeys]);
    const territory = raw.conclusions.find((c) => c.key === 'likelihood_by_territory')!;
    expect(territory.tables[0].rows).toHaveLength(21); // 20 regions + total
    const bars = territory.charts.find((c) => c.kind === 'bar')!;
    expect(bars.kind === 'bar' && bars.bars).toHaveLength(20);
    expect(raw.conclusions.find((c) => c.key === 'nature')!.paragraphs[0]).toContain('трудовая эксплуатация');
  });

  it("gives each region the police's count of recognised victims, not a sum over subjects", () => {
    const regions = table(raw, 'regions');
    const almaty = regions.rows.find((r) => r[1] === 'город Алматы')!;
    const expected = [0, 0, 0];
    for (const f of input.facts)
      if (f.region === 'almaty' && f.itemId === 's2.q8.victims_total' && f.dimension === null && f.value !== null)
        expected[input.years.indexOf(f.year)] += f.value;
    expect(almaty.slice(3, 6)).toEqual(expected);
    expect(almaty[6]).toBe(expected[0] + expected[1] + expected[2]);
    // Police figures only: the note defines the score and its colours, says why the regions add up to less than
    // the national figure, and gives the suppression rule; it does not warn of double counting.
    expect(regions.note).toMatch(/^Балл по данным \(0–10\): среднее региональных показателей/);
    expect(regions.note).toContain('В опубликованных таблицах');
    expect(regions.note).not.toContain('одно лицо может быть указано');
    expect(regions.rows.at(-1)![1]).toBe('Сумма по регионам');
    expect(table(raw, 'citizenship').note).toMatch(
      /^Данные за 2022–2024 годы, по каждому субъекту отдельно\. Графы не суммируются/,
    );
  });

  it("shows each subject's victim count side by side, never added up", () => {
    const bySubject = table(raw, 'victims_by_subject');
    // One row per subject type: social protection alone is answered by the ministry, akimats and service providers.
    expect(bySubject.rows.length).toBeGreaterThanOrEqual(12);
    expect(bySubject.columns.map((c) => c.key)).not.toContain('total');
    const sum = (question: string, agencyType?: string) =>
      input.years.map((y) =>
        input.facts
          .filter(
            (f) =>
              f.year === y &&
              f.itemId === `${question}.victims_total` &&
              f.dimension === null &&
              (!agencyType || f.agencyType === agencyType),
          )
          .reduce((a, f) => a + (f.value ?? 0), 0),
      );
    expect(bySubject.rows[0]).toEqual([expect.stringContaining('МВД'), ...sum('s2.q8'), expect.anything()]);
    expect(bySubject.rows.find((r) => String(r[0]).endsWith('(МИО гор.)'))!.slice(1, 4)).toEqual(
      sum('s3.q1', 'mio_city'),
    );
    expect(bySubject.rows.find((r) => String(r[0]).endsWith('(НКО)'))!.slice(1, 4)).toEqual(sum('s16.q1', 'ngo'));
    // The key indicators carry the police's figure, not a sum over subjects.
    expect(table(raw, 'key_indicators').rows[0].slice(1, 4)).toEqual(sum('s2.q8'));
  });

  it('ranks the register in order and ties recommendations and profiles to competent agencies', () => {
    const ranks = raw.annexes.riskRegister.map((r) => r.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(raw.annexes.heatMap.cells).toHaveLength(25);
    expect(raw.annexes.heatMap.cells.flatMap((c) => c.ranks).sort((a, b) => a - b)).toEqual(
      [...ranks].sort((a, b) => a - b),
    );
    expect(raw.recommendations.length).toBeGreaterThan(0);
    for (const rec of raw.recommendations)
      for (const a of rec.agencies)
        expect(input.register.find((r) => r.code === rec.risks[0].id)!.agencies).toContain(a.code);
    const mvd = raw.riskProfiles.find((p) => p.agency.code === 'mvd')!;
    for (const r of mvd.riskAreas) expect(input.register.find((x) => x.code === r.id)!.agencies).toContain('mvd');
    // The police report age, sex and citizenship (question 2.8); no empty tables for the other dimensions.
    expect(mvd.victimProfile.map((t) => t.id)).toEqual(['v_age_mvd', 'v_sex_mvd', 'v_cit_mvd']);
    // Every subject type with a form has a profile; one without victim data points to the national tables.
    // The legacy undivided local executive body has none: its levels have theirs (see the next test).
    expect(raw.riskProfiles.map((p) => p.agency.code)).toEqual(assignableAgencyTypeCodes);
    const tourism = raw.riskProfiles.find((p) => p.agency.code === 'tourism_operator')!;
    expect(tourism.victimProfile).toEqual([]);
    expect(tourism.victimProfileNote).toContain('2.5');
    // No register risk is within international organisations' competence: the profile says so instead of an empty table.
    const international = raw.riskProfiles.find((p) => p.agency.code === 'international_org')!;
    expect(international.riskAreas).toEqual([]);
    expect(international.riskAreasNote).toContain('главе 3');
    // A profile's measures are its own: not another agency's SOP functions (listed in that agency's profile).
    const mtszn = raw.riskProfiles.find((p) => p.agency.code === 'mtszn')!;
    expect(mtszn.mitigation.length).toBeGreaterThan(0);
    // Raids are the police's, labour inspectors' and border guards'; free medical care is health's (register 2024-v2).
    expect(
      mtszn.mitigation.filter((m) => /^(Проведение рейдов|Обеспечение жертв торговли людьми гарантированным)/.test(m)),
    ).toEqual([]);
    expect(mtszn.sop.functions.flatMap((g) => g.items).join('\n')).toContain('(СОП, стр. 597)');
    expect(mvd.sopIndicators.length).toBeGreaterThan(0);
    expect(profileViewModels(raw)).toHaveLength(raw.riskProfiles.length);
  });

  it("lists the register's measures of МИО / ЖАО at every level, and of NGOs and providers for NGOs providing them", () => {
    // The register names "МИО / ЖАО" and "НКО / КЕҰ" as groups (coversAgencyType), for measures as for risks.
    const of = (code: string) => raw.riskProfiles.find((p) => p.agency.code === code)!.mitigation;
    for (const level of ['mio_oblast', 'mio_city', 'mio_oblast_city']) expect(of(level).length).toBeGreaterThan(0);
    expect(of('ngo').length).toBeGreaterThan(0);
    expect(of('ngo_special_social_services')).toEqual(
      expect.arrayContaining([...of('ngo'), ...of('special_social_services')]),
    );
  });

  it('profiles the legacy local executive body only when the assessment draws on its submissions', () => {
    const fact = input.facts.find((f) => f.agencyType === 'mio_city')!;
    const withLegacy = buildReportViewModel(
      { ...input, facts: [...input.facts, { ...fact, agencyType: 'mio' }] },
      'ru',
      {
        publish: false,
      },
    );
    expect(withLegacy.riskProfiles.map((p) => p.agency.code)).toEqual(agencyTypeCodes);
  });

  it('shows raw figures unpublished and hides every victim count in 1..threshold-1 when published', () => {
    let hidden = 0;
    const victimTables = [
      'regions',
      'citizenship',
      'age',
      'sex',
      'exploitation_form',
      'v_sex_mvd',
      'v_cit_border_service',
    ];
    for (const id of victimTables) {
      const r = table(raw, id);
      const p = table(published, id);
      expect(p.rows.length).toBe(r.rows.length);
      r.rows.forEach((row, i) =>
        row.forEach((cell, j) => {
          if (r.columns[j].format !== 'integer' || typeof cell !== 'number' || r.columns[j].key === 'rank') return;
          const shown = p.rows[i][j];
          if (cell >= 1 && cell < THRESHOLD) expect(isSuppressed(shown), `${id} ${i},${j}`).toBe(true);
          if (isSuppressed(shown)) hidden++;
          else expect(shown).toBe(cell);
        }),
      );
    }
    expect(hidden).toBeGreaterThan(0);
    expect(published.meta.suppressionThreshold).toBe(THRESHOLD);
    expect(table(published, 'citizenship').note).toContain(`«<${THRESHOLD}»`);
    expect(JSON.stringify(raw)).not.toContain('"suppressed":true');
  });
});

describe('published XLSX', () => {
  it('lets the kk and ru files join on the codes beside the labels', async () => {
    const read = async (vm: ReportViewModel) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await renderReportXlsx(vm)) as unknown as ArrayBuffer);
      return wb;
    };
    const [ru, kk] = [await read(published), await read(buildReportViewModel(input, 'kk', { publish: true }))];
    for (const sheet of ['regions', 'citizenship', 'victims_by_subject', 'risks_reported', 'risk_register']) {
      const codes = (wb: ExcelJS.Workbook) => wb.getWorksheet(sheet)!.getColumn(1).values.slice(1);
      expect(codes(kk), sheet).toEqual(codes(ru));
      expect(codes(ru)[0], sheet).toBe('code');
      expect(
        codes(ru)
          .slice(1)
          .every((c) => typeof c === 'string' && c.length > 0),
        sheet,
      ).toBe(true);
    }
    // Same codes, different words.
    expect(kk.getWorksheet('citizenship')!.getCell('B2').value).not.toBe(
      ru.getWorksheet('citizenship')!.getCell('B2').value,
    );
  });

  it('labels hidden counts with the assessment threshold', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderReportXlsx(published)) as unknown as ArrayBuffer);
    const marks: unknown[] = [];
    // Hidden counts are empty cells: visit those too.
    for (const ws of wb.worksheets)
      ws.eachRow((r) =>
        r.eachCell({ includeEmpty: true }, (c) => {
          if (c.note) marks.push(c.note);
        }),
      );
    expect(marks).toContain(`<${THRESHOLD}`);
    expect(marks).not.toContain('<10');
  });
});

describe('count table protection', () => {
  const spec = (rows: [number, number, number][], victims = true) => ({
    id: 't',
    caption: 'c',
    firstLabel: 'k',
    years: [2022, 2023, 2024],
    lang: 'ru' as const,
    victims,
    measure: 'victims_by:test',
    rows: rows.map((values, i) => ({ label: `r${i}`, values, category: `c${i}` })),
  });
  const publish = (rows: [number, number, number][], threshold = 10) => {
    const s = spec(rows);
    const protection = protectTables([countTable(s, { publish: false, threshold })], { threshold });
    expect(protection.audit.exposed).toEqual([]);
    return countTable(s, { publish: true, threshold, marks: protection.marks });
  };
  const mark = (c: TableCell) => (isSuppressed(c) ? c.mark : null);

  it('adds secondary cells, marked apart, so a hidden cell cannot be recovered from the totals', () => {
    const [r0, r1, total] = publish([
      [3, 40, 50],
      [20, 30, 60],
    ]).rows;
    expect(mark(r0[1])).toBe('primary');
    // Row 0 and column 2022 each need a second hidden entry, never labelled "<10".
    expect(r0.slice(2, 5).some((c) => mark(c) === 'secondary')).toBe(true);
    expect([r1[1], total[1]].some((c) => mark(c) === 'secondary')).toBe(true);
  });

  it('hides a small total even when every cell is zero or large', () => {
    const t = publish([
      [0, 0, 4],
      [0, 0, 0],
    ]);
    expect(t.rows).toHaveLength(2); // the all-zero row is dropped
    expect(mark(t.rows[0][3])).toBe('primary');
    expect(mark(t.rows[0][4])).toBe('primary');
  });

  it('respects the assessment threshold and leaves activity counts alone', () => {
    expect(mark(publish([[12, 30, 40]], 15).rows[0][1])).toBe('primary');
    const activity = countTable(spec([[3, 4, 5]], false), { publish: true, threshold: 10 });
    expect(activity.rows[0].slice(1, 5)).toEqual([3, 4, 5, 12]);
    expect(activity.cellKeys).toBeUndefined();
  });

  it('refuses to publish a person count without a protection', () => {
    expect(() => countTable(spec([[3, 40, 50]]), { publish: true, threshold: 10 })).toThrow(
      /without disclosure protection/,
    );
  });
});
