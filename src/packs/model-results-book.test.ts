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
import { diagnose } from '../core/diagnosis/diagnose.ts';
import type { PointsIndicatorSystem } from '../core/diagnosis/model-schema.ts';
import { flatQuestions } from '../core/diagnosis/points-flat.ts';
import { loadIndicatorSystemById } from './model-load.ts';
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

let model: PointsIndicatorSystem;
let dir: string;
beforeAll(async () => {
  const loaded = await loadIndicatorSystemById('packs/models', SME);
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

/** The distinct values of the Kind column (the second) of the next-level sheet, sorted. */
const kinds = (todo: Map<string, [unknown, string | undefined][]>) =>
  [...new Set([...todo.values()].map((cells) => String(cells[1]?.[0])))].sort();

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
  it('tupu score --out .xlsx writes ratio answers and targets as percentages, options by letter and text', async () => {
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
    expect(shown(gaps.get('信息系统')?.slice(2, 4))).toEqual(['C. 多个业务环节（≥2）', 'E. 全覆盖']);
    // a multiple choice: every option chosen, one a line, with its full text
    expect(gaps.get('网络建设')?.[2]?.[0]).toBe(
      'B. 车间建成工控网络，支持自动化控制应用\nC. 建成应用系统网络，实现大规模设备、人员与信息系统互联',
    );

    // next level: kind (in words, not the engine's code), name, from, to
    const todo = rows(wb, '下一级 Next level');
    expect(shown(todo.get('资金保障')?.slice(1, 5))).toEqual(['题目', '资金保障', '0.08 0%', '0.61 0%']);
    expect(kinds(todo)).toEqual(['场景', '题目']);
    expect(shown(todo.get('信息系统')?.slice(3, 5))).toEqual(['C. 多个业务环节（≥2）', 'E. 全覆盖']);
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

  it('tupu score --lang en writes an English workbook: sheet names, headers, level, dimension and item names', async () => {
    const out = join(dir, 'one-en.xlsx');
    const run = await promisify(execFile)('node', [
      'bin/tupu.js',
      'score',
      '--model',
      SME,
      '--answers',
      await answerFile('one-en.json', ANSWERS),
      '--out',
      out,
      '--lang',
      'en',
    ]);
    const wb = await readBack(out);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Results', 'Errors', 'Gaps', 'Next level']);
    const header = (sheet: string): unknown[] => {
      const values = wb.getWorksheet(sheet)?.getRow(1).values;
      return Array.isArray(values) ? values.filter((v) => v !== undefined) : [];
    };
    expect(header('Results')).toEqual([
      'File',
      'Model',
      'Version',
      'Score',
      'Max',
      '%',
      'Level',
      ...model.dimensions.map((d) => `${d.name.en} (${d.points})`),
      'Next level',
      'Changes',
    ]);
    expect(header('Gaps')).toEqual(['ID', 'Name', 'Current', 'Best', 'Lost', 'Scenarios']);
    expect(header('Next level')).toEqual(['ID', 'Kind', 'Name', 'From', 'To', 'Gain', 'Scenarios']);

    // the same scores as in Chinese; level and next level looked up by id and named in English
    const { scored } = await scoreOne(model, join(dir, 'one-en.json'));
    const next = scored?.result.nextLevel;
    if (!scored?.result.level || !next?.reachable) throw new Error('the answers reach a level and the next');
    const levelEn = (id: string) => model.levels.find((l) => l.id === id)?.name.en;
    const [result] = rows(wb, 'Results').values();
    expect(shown(result?.slice(3, 7))).toEqual([
      42.975,
      100,
      '0.42975 0.0#%',
      levelEn(scored.result.level.id),
    ]);
    expect(result?.at(-2)?.[0]).toBe(levelEn(next.target.id));
    const questionEn = new Map(flatQuestions(model).map((q) => [q.def.id, q.def.name.en]));
    expect(rows(wb, 'Gaps').get('信息系统')?.[1]?.[0]).toBe(questionEn.get('信息系统'));
    // option texts in English
    expect(shown(rows(wb, 'Gaps').get('信息系统')?.slice(2, 4))).toEqual([
      'C. Several business activities (≥ 2)',
      'E. All business activities',
    ]);
    expect(rows(wb, 'Next level').get('资金保障')?.[2]?.[0]).toBe(questionEn.get('资金保障'));
    expect(rows(wb, 'Next level').get('资金保障')?.[1]?.[0]).toBe('Question');
    expect(kinds(rows(wb, 'Next level'))).toEqual(['Question', 'Scene']);
    // nothing Chinese but the ids (first column) and the file name
    const chinese: string[] = [];
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell, c) => {
          if (c > 1 && /[\u4e00-\u9fff]/.test(cell.text))
            chinese.push(`${ws.name}!${cell.address}: ${cell.text}`);
        }),
      );
    expect(chinese).toEqual([]);
    expect(run.stderr).toContain(`${levelEn(scored.result.level.id) ?? '?'} → ${out}`);
  }, 30_000);

  it('tupu score refuses a --lang other than zh or en (exit 2)', async () => {
    const run = promisify(execFile)('node', [
      'bin/tupu.js',
      'score',
      '--model',
      SME,
      '--answers',
      await answerFile('bad-lang.json', ANSWERS),
      '--out',
      join(dir, 'bad.xlsx'),
      '--lang',
      'fr',
    ]);
    const failed = await run.then(
      () => null,
      (e: { code?: number; stderr?: string }) => e,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stderr).toContain('--lang must be zh or en');
  }, 30_000);

  it("says why a checklist has no next level in the workbook's language", async () => {
    const loaded = await loadIndicatorSystemById('packs/models', 'ics-security-2024');
    if (!loaded.ok || loaded.model.family !== 'checklist') throw new Error('ics-security-2024 does not load');
    const ics = loaded.model;
    const { result } = diagnose(ics, { model: 'ics-security-2024', answers: {} });
    const first = (lang: 'zh' | 'en') => ({
      lang,
      wb: resultsWorkbook(ics, [{ file: 'ics.json', result }], [], lang),
    });
    for (const { lang, wb } of [first('zh'), first('en')]) {
      const back = await readBack(await wb.xlsx.writeBuffer());
      const sheet = lang === 'zh' ? '下一级 Next level' : 'Next level';
      expect([...rows(back, sheet).keys()]).toEqual([
        lang === 'zh'
          ? '核查清单不设等级：每一项差距都是需要满足的要求'
          : 'a checklist has no levels: every gap is a requirement to meet',
      ]);
      // checklist items are named by their text, in the workbook's language
      const item = ics.parts[0]!.groups[0]!.items[0]!;
      const gapName = rows(back, lang === 'zh' ? '差距 Gaps' : 'Gaps').get(item.id)?.[1]?.[0];
      expect(gapName).toBe(lang === 'zh' ? item.text.zh : item.text.en);
    }
  });
});
