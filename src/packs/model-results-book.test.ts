import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreOne } from '../cli/commands/score.ts';
import type { Assessment } from '../core/diagnosis/assessment.ts';
import type { PointsModel } from '../core/diagnosis/model-schema.ts';
import { loadModelById } from './model-load.ts';
import { percentCell, resultsWorkbook } from './model-results-book.ts';

const SME = 'sme-digital-level-2024';
/** 设备数字化, 设备联网 and 资金保障 are ratio questions (percent); the others take option letters. */
const ANSWERS: Assessment['answers'] = {
  网络建设: ['B', 'C'],
  设备数字化: 35,
  设备联网: 25,
  数据采集: ['G', 'H', 'N'],
  信息系统: 'C',
  网络安全: ['B', 'C'],
  数据安全: 'A',
  规划实施: 'C',
  管理机制: 'B',
  人才建设: 'B',
  资金保障: 8,
  绿色低碳: 'C',
  产品质量: 'C',
  市场表现: 'B',
  价值效益: 'B',
};

let model: PointsModel;
let dir: string;
beforeAll(async () => {
  const loaded = await loadModelById('packs/models', SME);
  if (!loaded.ok || loaded.model.family !== 'points') throw new Error(`${SME} does not load`);
  model = loaded.model;
  dir = await mkdtemp(join(tmpdir(), 'tupu-results-'));
});

async function answerFile(name: string, answers: Assessment['answers']): Promise<string> {
  const scenes = Object.fromEntries(model.scenes.map((s) => [s.id, s.id === '决策支持' ? 0 : 2]));
  const path = join(dir, name);
  await writeFile(path, JSON.stringify({ model: SME, answers, scenes } satisfies Assessment));
  return path;
}

async function readBack(source: string | ExcelJS.Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  if (typeof source === 'string') await wb.xlsx.readFile(source);
  else await wb.xlsx.load(source);
  return wb;
}

/** The rows of a sheet below its header, keyed by the first cell, as [value, number format] per column. */
function rows(wb: ExcelJS.Workbook, sheet: string): Map<string, [unknown, string | undefined][]> {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  const out = new Map<string, [unknown, string | undefined][]>();
  ws.eachRow((row, r) => {
    if (r === 1) return;
    const cells: [unknown, string | undefined][] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const cell = row.getCell(c);
      cells.push([cell.value, cell.numFmt]);
    }
    out.set(row.getCell(1).text, cells);
  });
  return out;
}

/** Cells as their value, followed by the number format where there is one. */
const shown = (cells: [unknown, string | undefined][] | undefined) =>
  cells?.map(([value, numFmt]) => (numFmt ? `${String(value)} ${numFmt}` : value));

describe('percentCell', () => {
  it('stores a 0–100 percentage as a 0–1 Excel percentage, whole ones without decimals', () => {
    expect(percentCell(35)).toEqual({ value: 0.35, numFmt: '0%' });
    expect(percentCell(60.5)).toEqual({ value: 0.605, numFmt: '0.0#%' });
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (p) => {
        const cell = percentCell(p);
        expect(cell.value * 100).toBeCloseTo(p, 9);
        expect(cell.numFmt).toBe(Number.isInteger(p) ? '0%' : '0.0#%');
      }),
    );
  });
});

describe('results workbook', () => {
  it('tupu score --out .xlsx writes ratio answers and targets as percentages, option letters as text', async () => {
    const out = join(dir, 'one.xlsx');
    await promisify(execFile)('node', [
      'bin/tupu.js',
      'score',
      '--model',
      SME,
      '--answers',
      await answerFile('one.json', ANSWERS),
      '--out',
      out,
    ]);
    const wb = await readBack(out);

    const [result] = rows(wb, '结果 Results').values();
    expect(shown(result?.slice(3, 6))).toEqual([42.975, 100, '0.42975 0.0#%']);

    // gaps: current and best (for a ratio, the smallest percentage with full points)
    const gaps = rows(wb, '差距 Gaps');
    expect(shown(gaps.get('设备数字化')?.slice(2, 4))).toEqual(['0.35 0%', '0.61 0%']);
    expect(shown(gaps.get('资金保障')?.slice(2, 4))).toEqual(['0.08 0%', '0.61 0%']);
    expect(shown(gaps.get('信息系统')?.slice(2, 4))).toEqual(['C', 'E']);

    // next level: kind, name, from, to
    const todo = rows(wb, '下一级 Next level');
    expect(shown(todo.get('资金保障')?.slice(1, 5))).toEqual(['question', '资金保障', '0.08 0%', '0.61 0%']);
    expect(shown(todo.get('信息系统')?.slice(3, 5))).toEqual(['C', 'E']);
  }, 30_000);

  it('formats the percentage of every scored sheet of a folder', async () => {
    const scored = [];
    for (const [name, answers] of [
      ['a.json', ANSWERS],
      ['b.json', { ...ANSWERS, 绿色低碳: 'B' }],
    ] as const) {
      const { scored: s } = await scoreOne(model, await answerFile(name, answers), name);
      if (s) scored.push(s);
    }
    expect(scored).toHaveLength(2);
    const wb = await readBack(await resultsWorkbook(model, scored, []).xlsx.writeBuffer());
    const results = rows(wb, '结果 Results');
    expect([...results.keys()]).toEqual(['a.json', 'b.json']);
    expect([...results.values()].flatMap((r) => shown(r.slice(5, 6)))).toEqual([
      '0.42975 0.0#%',
      '0.39475 0.0#%',
    ]);
    expect(wb.getWorksheet('差距 Gaps')).toBeUndefined();
  });
});
