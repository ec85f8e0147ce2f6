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
    for (const n of [
      'about',
      'tables',
      'codes',
      'participation',
      'regions',
      'citizenship',
      'recommendations',
      'risk_register',
      'heat_map',
      'quality_findings',
      'missing_reasons',
    ]) {
      expect(names).toContain(n);
    }

    // Header in row 1, the risk's stable code beside its title, nothing but data below.
    const reg = wb.getWorksheet('risk_register')!;
    expect(reg.getCell('A1').value).toBe('code');
    expect(reg.getCell('C1').value).toBe('Риск');
    const top = vm.annexes.riskRegister[0];
    expect(reg.getCell('A2').value).toBe(top.id);
    expect(reg.getCell('B2').value).toBe(1);
    expect(reg.getCell('C2').value).toBe(top.title);
    // Stored as shown in the PDF (one decimal), not with every binary digit.
    expect(reg.getCell('F2').value).toBe(Math.round(top.score * 10) / 10);
    expect(reg.getCell('F2').numFmt).toBe('0.0');
    expect(reg.rowCount).toBe(1 + vm.annexes.riskRegister.length);

    // Captions and notes are on the index sheet, column codes on the codes sheet.
    const index = wb.getWorksheet('tables')!;
    const regRow = index.getRows(2, index.rowCount - 1)!.find((r) => r.getCell(1).value === 'risk_register')!;
    expect(regRow.getCell(3).value).toBe('Реестр ранжированных рисков');
    expect(String(regRow.getCell(4).value)).toContain('медиан');
    const codes = wb.getWorksheet('codes')!;
    expect(
      codes
        .getRows(2, codes.rowCount - 1)!
        .some(
          (r) => r.getCell(1).value === 'risk_register' && r.getCell(2).value === 'F' && r.getCell(3).value === 'score',
        ),
    ).toBe(true);

    const quality = wb.getWorksheet('quality_findings')!;
    // A hidden count stays an empty number cell; its mark is the cell's comment.
    expect(quality.getCell('C4').value).toBeNull();
    expect(quality.getCell('C4').note).toBe('<10');
    expect(quality.getCell('C4').numFmt).toBe('#,##0');
    expect(quality.getCell('D2').value).toBe(0.93);
    expect(quality.getCell('D2').numFmt).toBe('0.0%');

    const regions = wb.getWorksheet('regions')!;
    expect(regions.rowCount).toBeLessThanOrEqual(1 + 21);
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
