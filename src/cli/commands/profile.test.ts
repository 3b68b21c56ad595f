import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTupu } from '../../../tests/support/cli.ts';
import { deflatedSpaces, writeZip } from '../../../tests/support/crafted-xlsx.ts';
import { useTempDir } from '../../../tests/support/temp-dir.ts';

/** A production ledger saved by Excel on a Chinese Windows: GBK, CRLF, mixed date forms, a full-width number. */
const GBK_LEDGER = 'src/cli/commands/fixtures/profile/gbk-ledger.csv';

interface ProfileJson {
  rows: number;
  columns: {
    name: string;
    type: string;
    nulls: number;
    distinct: number;
    min: number | string | null;
    max: number | string | null;
    violations: { rule: string; dimension: string; checked: number; failed: number; rows: number[] }[];
  }[];
  dimensions: Record<string, number | null>;
  score: number | null;
}

const TIMEOUT = 60_000;

describe('tupu profile', () => {
  const dir = useTempDir('tupu-profile-cli-');
  const profile = (...args: string[]) => {
    const run = runTupu(['profile', ...args]);
    if (run.status !== 0) throw new Error(`exit ${run.status}: ${run.stderr}`);
    return JSON.parse(run.stdout) as ProfileJson;
  };
  const column = (p: ProfileJson, name: string) => p.columns.find((c) => c.name === name)!;

  it(
    'profiles a GBK CSV: Chinese headers decoded, mixed dates typed as dates, thousands separators as numbers',
    () => {
      const p = profile(GBK_LEDGER);
      expect(Object.keys(p)).toEqual(['rows', 'columns', 'dimensions', 'score']);
      expect(Object.keys(p.columns[0]!)).toEqual([
        'name',
        'type',
        'nulls',
        'distinct',
        'min',
        'max',
        'violations',
      ]);
      expect(p.rows).toBe(5);
      expect(p.columns.map((c) => [c.name, c.type, c.nulls, c.distinct, c.min, c.max])).toEqual([
        ['日期', 'date', 0, 5, '2025-01-07', '2025-01-11'],
        ['产品', 'text', 0, 2, '联轴器', '齿轮箱'],
        ['产量（件）', 'integer', 1, 4, 980, 1200],
        ['合格数（件）', 'integer', 0, 5, 0, 1180],
        ['金额（万元）', 'number', 1, 4, 9.8, 12.5],
        ['班组', 'text', 0, 3, '丙班', '甲班'],
      ]);
      expect(column(p, '产量（件）').violations[0]).toMatchObject({
        rule: '产量（件）:required',
        failed: 1,
        rows: [5],
      });
      expect(Object.keys(p.dimensions)).toEqual([
        '规范性',
        '完整性',
        '准确性',
        '一致性',
        '时效性',
        '可访问性',
      ]);
      expect(p.dimensions.完整性).toBe(Math.round(((100 * 4 + 80 * 2) / 6) * 10) / 10);
      expect(p.score).toBeGreaterThan(90);
    },
    TIMEOUT,
  );

  it(
    'reads the same ledger in UTF-8 with a BOM alike, and checks a rules file with row numbers',
    () => {
      const text = new TextDecoder('gb18030').decode(readFileSync(GBK_LEDGER));
      const bom = join(dir, 'bom.csv');
      writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
      const gbk = profile(GBK_LEDGER);
      expect(profile(bom)).toEqual(gbk);
      const rules = join(dir, 'rules.yaml');
      writeFileSync(
        rules,
        [
          'asOf: 2025-01-20',
          'columns:',
          '  产量: { required: true, type: integer, range: { min: 1 } }',
          '  班组: { values: [甲班, 乙班] }',
          '  日期: { freshness: { maxAgeDays: 30 } }',
          'checks:',
          '  - id: good-le-made',
          '    check: 合格数 <= 产量',
          '',
        ].join('\n'),
      );
      const p = profile(GBK_LEDGER, '--rules', rules);
      const rule = (name: string) => p.columns.flatMap((c) => c.violations).find((v) => v.rule === name);
      expect(rule('产量（件）:required')).toMatchObject({ failed: 1, rows: [5] });
      expect(rule('班组:values')).toMatchObject({ failed: 1, rows: [5] });
      expect(rule('good-le-made')).toMatchObject({ checked: 4, failed: 0 });
      expect(rule('日期:freshness')).toMatchObject({ checked: 1, failed: 0 });
      expect(p.dimensions).toMatchObject({ 一致性: 100, 时效性: 100 });
    },
    TIMEOUT,
  );

  it(
    'refuses a malformed CSV naming the row and column, a rules file with its line, an unknown extension',
    () => {
      const bad = join(dir, 'bad.csv');
      writeFileSync(bad, '编号,名称\n1,"没有结束的引号\n2,正常\n');
      const run = runTupu(['profile', bad]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('bad.csv: row 2, column 2: a quoted cell is never closed');
      const rules = join(dir, 'bad-rules.yaml');
      writeFileSync(rules, 'columns:\n  名称:\n    type: money\n');
      const r2 = runTupu(['profile', GBK_LEDGER, '--rules', rules]);
      expect(r2.status).toBe(2);
      expect(r2.stderr).toMatch(/bad-rules\.yaml:3: columns\.名称\.type: Invalid option/);
      const r3 = runTupu(['profile', join(dir, 'ledger.pdf')]);
      expect(r3.status).toBe(2);
      expect(r3.stderr).toContain('profile reads .csv');
      const binary = join(dir, 'binary.csv');
      writeFileSync(binary, Buffer.from([0x61, 0x0a, 0x00, 0x01]));
      expect(runTupu(['profile', binary]).stderr).toContain(
        'row 2: a NUL byte: this is not a text (CSV) file',
      );
    },
    TIMEOUT,
  );

  it(
    'profiles an .xlsx: dates, formulas by their cached values, and writes the profile as a workbook',
    async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('台账');
      ws.addRow(['日期', '销售成本（元）', '存货', '备注']);
      ws.addRow([new Date(Date.UTC(2025, 0, 7)), 1000, { formula: 'B2*2', result: 2000 }, '首批']);
      ws.addRow([new Date(Date.UTC(2025, 1, 7)), 1500.5, { formula: 'B3*2', result: 3001 }, null]);
      ws.addRow(['2025/3/7', 900, 1800, null]);
      const xlsx = join(dir, 'ledger.xlsx');
      await wb.xlsx.writeFile(xlsx);
      const p = profile(xlsx);
      expect(p.columns.map((c) => [c.name, c.type, c.nulls, c.min, c.max])).toEqual([
        ['日期', 'date', 0, '2025-01-07', '2025-03-07'],
        ['销售成本（元）', 'number', 0, 900, 1500.5],
        ['存货', 'integer', 0, 1800, 3001],
        ['备注', 'text', 2, '首批', '首批'],
      ]);
      const out = join(dir, 'profile.xlsx');
      const run = runTupu(['profile', xlsx, '--out', out]);
      expect(run.status, run.stderr).toBe(0);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(out);
      expect(book.worksheets.map((s) => s.name)).toEqual(['概览 Overview', '列 Columns', '规则 Rules']);
      expect(book.getWorksheet('列 Columns')!.getRow(2).getCell(1).value).toBe('日期');
    },
    TIMEOUT,
  );

  it(
    'refuses a zip bomb named .xlsx before inflating it',
    async () => {
      const bomb = join(dir, 'bomb.xlsx');
      writeFileSync(
        bomb,
        writeZip([
          [
            'xl/worksheets/sheet1.xml',
            await deflatedSpaces('<worksheet><sheetData>', 300 * 1024 * 1024, '</sheetData></worksheet>'),
          ],
        ]),
      );
      const run = runTupu(['profile', bomb]);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(
        /xl\/worksheets\/sheet1\.xml inflates \d+× .*a zip bomb, refused before reading/,
      );
    },
    TIMEOUT,
  );
});
