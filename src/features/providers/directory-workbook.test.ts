import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ProviderProfile } from '../../core/providers/profile.ts';
import { directoryWorkbook, readProviderRows } from './directory-workbook.ts';

const provider: ProviderProfile = {
  id: 'p-1',
  name: '=HYPERLINK("http://evil","x")',
  types: [],
  categories: [],
  capabilities: [],
  industries: [],
  regions: [],
  products: [
    {
      id: 'mes',
      name: '+1+1',
      scenarios: [],
      price: { min: -1, max: 3 },
      deployment: ['cloud'],
      pricing: ['subscription'],
      description: '@SUM(A1)',
    },
    {
      id: 'erp',
      name: '-2+3',
      scenarios: [],
      price: { min: 0, max: 1 },
      deployment: [],
      pricing: [],
      description: "'=already marked",
    },
  ],
  references: [],
  certifications: [],
};

describe('provider directory workbook', () => {
  it('writes names and descriptions as marked text and reads the products back exactly', async () => {
    const bytes = await directoryWorkbook([provider]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.getWorksheet('服务商')!.getCell('B2').value).toBe(`'=HYPERLINK("http://evil","x")`);
    const products = wb.getWorksheet('产品')!;
    expect(products.getCell('D2').value).toBe("'+1+1");
    expect(products.getCell('F2').value).toBe(-1);
    for (const ws of wb.worksheets)
      ws.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));

    const read = await readProviderRows(bytes, 'providers.xlsx', 'p-1');
    expect(read.products.map((p) => [p.name, p.description, p.price.min])).toEqual([
      ['+1+1', '@SUM(A1)', -1],
      ['-2+3', "'=already marked", 0],
    ]);
  });
});
