import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { costWorkbook, readCostWorkbook } from './cost-workbook.ts';

const NOTES = ['=HYPERLINK("http://evil","x")', '+1+1', '@SUM(A1)', '-2+3', "'=marked", "'plain", '设备采购'];

describe('cost workbook', () => {
  it('writes notes a spreadsheet would read as formulas as marked text, amounts as numbers, and reads both back exactly', async () => {
    const rows = NOTES.map((note, i) => ({
      period: i === 0 ? '-2027年Q1' : '2027年Q1',
      amount: -12.5 + i,
      note,
    }));
    const bytes = await costWorkbook('zh', rows);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('C2').value).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(ws.getCell('A2').value).toBe("'-2027年Q1");
    expect(ws.getCell('B2').value).toBe(-12.5);
    ws.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));

    const read = await readCostWorkbook(bytes);
    if (!read.ok) throw new Error(read.problem.message);
    expect(read.rows.map((r) => r.note)).toEqual(NOTES);
    expect(read.rows.map((r) => r.amount)).toEqual(rows.map((r) => r.amount));
    expect(read.rows[0]!.period).toBe('-2027年Q1');
  });
});
