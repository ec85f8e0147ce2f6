import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderReportXlsx, sheetName } from '../../src/reports/xlsx/report.js';
import { sampleViewModel } from './sample-view-model.js';

describe('report XLSX', () => {
  it('has one sheet per table with headers, figures, formats and "<10"', async () => {
    const vm = sampleViewModel('ru');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderReportXlsx(vm)) as unknown as ExcelJS.Buffer);
    const names = wb.worksheets.map((w) => w.name);
    for (const n of ['about', 'participation', 'regions', 'citizenship', 'recommendations', 'risk_register', 'heat_map', 'quality_findings', 'missing_reasons']) {
      expect(names).toContain(n);
    }

    const reg = wb.getWorksheet('risk_register')!;
    expect(reg.getCell('A1').value).toBe('Реестр ранжированных рисков');
    expect(reg.getCell('B2').value).toBe('Риск');
    const top = vm.annexes.riskRegister[0];
    expect(reg.getCell('A3').value).toBe(1);
    expect(reg.getCell('B3').value).toBe(top.title);
    expect(reg.getCell('E3').value).toBe(top.score);
    expect(reg.getCell('E3').numFmt).toBe('0.0');
    expect(reg.rowCount).toBe(2 + vm.annexes.riskRegister.length);

    const quality = wb.getWorksheet('quality_findings')!;
    // A hidden count stays an empty number cell; its mark is the cell's comment.
    expect(quality.getCell('C5').value).toBeNull();
    expect(quality.getCell('C5').note).toBe('<10');
    expect(quality.getCell('C5').numFmt).toBe('#,##0');
    expect(quality.getCell('D3').value).toBe(0.93);
    expect(quality.getCell('D3').numFmt).toBe('0.0%');

    const regions = wb.getWorksheet('regions')!;
    expect(regions.rowCount).toBe(2 + 20);
  });

  it('makes valid unique sheet names', () => {
    const used = new Set<string>();
    const long = 'victims_citizenship_special_social_services';
    const a = sheetName(long, used);
    const b = sheetName(long, used);
    expect(a.length).toBeLessThanOrEqual(31);
    expect(b.length).toBeLessThanOrEqual(31);
    expect(a).not.toBe(b);
    expect(sheetName('a/b:c', used)).toBe('a_b_c');
  });
});
