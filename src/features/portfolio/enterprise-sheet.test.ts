import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ENTERPRISE_SHEET } from '../../contracts/portfolio.ts';
import { workbookBytes } from '../../reports/workbook-file.ts';
import { enterpriseTemplate, readEnterpriseSheet } from './enterprise-sheet.ts';

const NAMES = ['=HYPERLINK("http://evil","x")', '+1+1', '@SUM(A1)', '-2+3', "'=marked", '明远精密机械'];

describe('enterprise sheet', () => {
  it('reads back exactly the names of a sheet Tupu wrote, though a spreadsheet would read them as formulas', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await enterpriseTemplate('zh')) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(ENTERPRISE_SHEET.zh.sheet)!;
    for (const name of NAMES) ws.addRow([name, '330100']);
    const bytes = await workbookBytes(wb);
    const written = new ExcelJS.Workbook();
    await written.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(written.getWorksheet(ENTERPRISE_SHEET.zh.sheet)!.getCell('A2').value).toBe(`'${NAMES[0]}`);

    const read = await readEnterpriseSheet(bytes);
    if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('; '));
    expect(read.rows.map((r) => r.name)).toEqual(NAMES);
  });
});
