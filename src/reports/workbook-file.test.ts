import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreCellText } from '../core/shared/neutralise.ts';
import { neutraliseWorkbook, workbookBytes, writeWorkbookFile } from './workbook-file.ts';

const ATTACKS = ['=HYPERLINK("http://evil","x")', '+1+1', '@SUM(A1)', '-2+3', '\tTAB', '\nLF', "'=quoted"];

/** The workbook the bytes hold, as a spreadsheet program would open it. */
async function reopen(bytes: Buffer | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as ArrayBuffer);
  return wb;
}

/** A workbook with every kind of cell an export writes: hostile text, numbers, dates, rich text, a link, a merge. */
function hostileBook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据 Data');
  ws.columns = [{ header: '名称 Name' }, { header: '数 Number' }];
  for (const a of ATTACKS) ws.addRow([a, -2]);
  ws.addRow(['明远精密机械', -3.5, new Date(Date.UTC(2026, 0, 2)), true, 'a=1']);
  ws.addRow([{ richText: [{ text: '' }, { text: '=1+', font: { bold: true } }, { text: '2' }] }]);
  ws.addRow([{ text: '@evil', hyperlink: 'https://example.cn' }]);
  ws.addRow(['=merged', null]);
  ws.mergeCells(`A${ws.rowCount}:B${ws.rowCount}`);
  ws.addRow([{ formula: 'SUM(B2:B3)', result: -4 }]);
  return wb;
}

describe('workbookBytes', () => {
  it('writes every hostile text as text behind an apostrophe, which restoreCellText takes off again', async () => {
    const ws = (await reopen(await workbookBytes(hostileBook()))).worksheets[0]!;
    ATTACKS.forEach((a, i) => {
      const cell = ws.getCell(i + 2, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(`'${a}`);
      expect(restoreCellText(cell.text)).toBe(a);
    });
  });

  it('keeps numbers (negative ones too), dates, booleans and harmless text exactly as they were', async () => {
    const ws = (await reopen(await workbookBytes(hostileBook()))).worksheets[0]!;
    expect(ws.getCell(2, 2).value).toBe(-2);
    const row = ws.getRow(ATTACKS.length + 2);
    expect(row.getCell(1).value).toBe('明远精密机械');
    expect(row.getCell(2).value).toBe(-3.5);
    expect(row.getCell(3).value).toEqual(new Date(Date.UTC(2026, 0, 2)));
    expect(row.getCell(4).value).toBe(true);
    expect(row.getCell(5).value).toBe('a=1');
    expect(ws.getCell(1, 1).value).toBe('名称 Name');
  });

  it('marks rich text in its first run, a hyperlink in its text, a merged cell once', async () => {
    const ws = (await reopen(await workbookBytes(hostileBook()))).worksheets[0]!;
    const at = ATTACKS.length + 3;
    expect(ws.getCell(at, 1).text).toBe("'=1+2");
    expect(ws.getCell(at + 1, 1).value).toEqual({ text: "'@evil", hyperlink: 'https://example.cn' });
    expect(ws.getCell(at + 2, 1).value).toBe("'=merged");
    expect(ws.getCell(at + 2, 2).value).toBe("'=merged");
  });

  it('leaves a formula the product writes itself a formula', async () => {
    const ws = (await reopen(await workbookBytes(hostileBook()))).worksheets[0]!;
    expect(ws.getCell(ATTACKS.length + 6, 1).formula).toBe('SUM(B2:B3)');
  });

  it('marks a workbook once, however often it is written', async () => {
    const wb = hostileBook();
    await workbookBytes(wb);
    neutraliseWorkbook(wb);
    const ws = (await reopen(await workbookBytes(wb))).worksheets[0]!;
    expect(ws.getCell(2, 1).value).toBe(`'${ATTACKS[0]}`);
  });

  it('writes the same to a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tupu-workbook-'));
    try {
      const path = join(dir, 'book.xlsx');
      await writeWorkbookFile(hostileBook(), path);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path);
      expect(wb.worksheets[0]!.getCell(3, 1).value).toBe("'+1+1");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
