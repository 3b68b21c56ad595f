import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { mkdtemp, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreOne } from '../cli/commands/score.ts';
import type { IndicatorSystem } from '../core/diagnosis/model-schema.ts';
import { formatSheetProblem, readAnswerFile } from './model-answers-read.ts';
import { loadIndicatorSystemById } from './model-load.ts';
import {
  ANSWER_COL,
  answerRows,
  SHEET,
  SHEET_LANGS,
  SHEET_NAMES,
  type SheetLang,
} from './model-sheet-layout.ts';
import { answerTemplate } from './model-sheet-template.ts';
import { workbookBytes, writeWorkbookFile } from '../reports/workbook-file.ts';

let sme: IndicatorSystem;
let ics: IndicatorSystem;
let dir: string;
beforeAll(async () => {
  const a = await loadIndicatorSystemById('packs/models', 'sme-digital-level-2024');
  const b = await loadIndicatorSystemById('packs/models', 'ics-security-2024');
  if (!a.ok || !b.ok) throw new Error('packs do not load');
  sme = a.model;
  ics = b.model;
  dir = await mkdtemp(join(tmpdir(), 'tupu-sheet-'));
});

const FILLED: Record<string, string | number> = {
  网络建设: 'B,C',
  设备数字化: 35,
  设备联网: 25,
  数据采集: 'G,H,N',
  信息系统: 'C',
  网络安全: 'B,C',
  数据安全: 'A',
  规划实施: 'C',
  管理机制: 'B',
  人才建设: 'B',
  资金保障: 8,
  绿色低碳: 'B',
  产品质量: 'C',
  市场表现: 'B',
  价值效益: 'B',
};

/** Write the template, fill it like a person would, save it. */
async function filled(
  name: string,
  edit: (answers: Record<string, string | number>) => void = () => {},
): Promise<string> {
  const wb = answerTemplate(sme);
  const buf = await wb.xlsx.writeBuffer();
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(buf);
  const answers = { ...FILLED };
  edit(answers);
  back.getWorksheet(SHEET.answers)?.eachRow((row, r) => {
    const v = answers[row.getCell(1).text];
    if (r > 1 && v !== undefined) row.getCell(ANSWER_COL).value = v;
  });
  back.getWorksheet(SHEET.scenes)?.eachRow((row, r) => {
    if (r > 1) row.getCell(4 + 4).value = row.getCell(1).text === '决策支持' ? 0 : 2;
  });
  const path = join(dir, name);
  await back.xlsx.writeFile(path);
  return path;
}

describe('answer sheets', () => {
  it('round-trips: template → fill → score', async () => {
    const { scored, problems } = await scoreOne(sme, await filled('ok.xlsx'));
    expect(problems).toEqual([]);
    expect(scored?.result.score).toBe(39.475);
    expect(scored?.result.level?.name).toBe('一级');
    expect(scored?.result.scenes.filter((s) => s.level === 2)).toHaveLength(15);
    const next = scored?.result.nextLevel;
    expect(next?.reachable && next.changeCount).toBe(1);
  });

  it('reads back exactly an answer written by Tupu that a spreadsheet would read as a formula', async () => {
    const hostile: Record<string, string> = {
      信息系统: '=HYPERLINK("http://evil","x")',
      规划实施: '-2+3',
      管理机制: '@SUM(A1)',
      人才建设: "'+1",
    };
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await answerTemplate(sme).xlsx.writeBuffer());
    back.getWorksheet(SHEET.answers)?.eachRow((row, r) => {
      const v = hostile[row.getCell(1).text];
      if (r > 1 && v !== undefined) row.getCell(ANSWER_COL).value = v;
    });
    const path = join(dir, 'hostile.xlsx');
    await writeWorkbookFile(back, path);
    const written = new ExcelJS.Workbook();
    await written.xlsx.readFile(path);
    const cells: string[] = [];
    written.getWorksheet(SHEET.answers)?.eachRow((row) => void cells.push(row.getCell(ANSWER_COL).text));
    expect(cells).toContain("'-2+3");
    const read = await readAnswerFile(path, sme);
    expect(read.problems).toEqual([]);
    for (const [id, v] of Object.entries(hostile)) expect(read.assessment?.answers[id]).toBe(v);
  });

  it('keeps a pack value with quotes inside its dropdown list, never a formula of its own', async () => {
    const model = structuredClone(sme);
    if (model.family !== 'points') throw new Error('the SME model is a points system');
    const q = model.dimensions
      .flatMap((d) => d.indicators.flatMap((i) => i.questions))
      .find((x) => x.type === 'single');
    if (!q || q.type !== 'single') throw new Error('no single-choice question');
    q.options[0]!.id = 'A"&HYPERLINK("http://evil","x")&"';
    const back = new ExcelJS.Workbook();
    await back.xlsx.load((await workbookBytes(answerTemplate(model))) as unknown as ArrayBuffer);
    let formula = '';
    back.getWorksheet(SHEET.answers)?.eachRow((row) => {
      if (row.getCell(1).text === q.id)
        formula = String(row.getCell(ANSWER_COL).dataValidation.formulae?.[0]);
    });
    expect(formula.startsWith('"A""&HYPERLINK(""http://evil"",""x"")&"",B,')).toBe(true);
    expect(formula).toMatch(/^"(?:[^"]|"")*"$/);
  });

  it('names file, sheet, row and question of bad answers', async () => {
    const path = await filled('bad.xlsx', (a) => {
      a.信息系统 = 'Z';
      a.设备联网 = 120;
      delete a.绿色低碳;
    });
    const { scored, problems } = await scoreOne(sme, path, 'bad.xlsx');
    expect(scored).toBeNull();
    expect(problems.map(formatSheetProblem)).toEqual([
      'bad.xlsx, sheet "答题 Answers", row 4, question 设备联网: ratio must be between 0 and 100 %, got 120',
      'bad.xlsx, sheet "答题 Answers", row 6, question 信息系统: unknown option "Z"; allowed: one of A, B, C, D, E',
      'bad.xlsx, sheet "答题 Answers", row 13, question 绿色低碳: missing required answer',
    ]);
  });

  it('refuses a sheet of another model, corrupted, encrypted or oversized files', async () => {
    const icsSheet = join(dir, 'ics.xlsx');
    await answerTemplate(ics).xlsx.writeFile(icsSheet);
    const other = await scoreOne(sme, icsSheet, 'ics.xlsx');
    expect(other.problems[0]?.message).toMatch(
      /answers are for model "ics-security-2024", not "sme-digital-level-2024"/,
    );

    const corrupt = join(dir, 'corrupt.xlsx');
    await writeFile(corrupt, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 7)]));
    expect((await scoreOne(sme, corrupt)).problems[0]?.message).toMatch(/cannot read workbook/);

    const encrypted = join(dir, 'locked.xlsx');
    await writeFile(
      encrypted,
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
    );
    expect((await scoreOne(sme, encrypted)).problems[0]?.message).toMatch(/password-protected/);

    const huge = join(dir, 'huge.xlsx');
    await writeFile(huge, 'PK');
    await truncate(huge, 21 * 1024 * 1024);
    expect((await scoreOne(sme, huge)).problems[0]?.message).toMatch(/over the 20 MB limit/);
  });

  it('tupu score exits non-zero on a bad single file and prints JSON for a good one', async () => {
    const run = promisify(execFile);
    const good = await run('node', [
      'bin/tupu.js',
      'score',
      '--model',
      'sme-digital-level-2024',
      '--answers',
      await filled('cli.xlsx'),
    ]);
    const json = JSON.parse(good.stdout) as { score: number; level: { name: string } };
    expect([json.score, json.level.name]).toEqual([39.475, '一级']);
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ model: 'sme-digital-level-2024', answers: { 信息系统: 'Q' } }));
    const err = await run('node', [
      'bin/tupu.js',
      'score',
      '--model',
      'sme-digital-level-2024',
      '--answers',
      bad,
    ]).catch((e: { code: number; stderr: string }) => e);
    expect('code' in err && err.code).toBe(1);
    expect('stderr' in err && err.stderr).toMatch(/question 信息系统: unknown option "Q"/);

    const enSheet = join(dir, 'cli-en.xlsx');
    await run('node', [
      'bin/tupu.js',
      'model',
      'template',
      '--model',
      'ics-security-2024',
      '--lang',
      'en',
      '--out',
      enSheet,
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(enSheet);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Instructions', 'Answers', SHEET.meta]);
  }, 60_000);
});

const CJK = /[\u4e00-\u9fff]/;
const MODEL_IDS = ['sme-digital-level-2024', 'cmmm-2020', 'dcmm-2018', 'ics-security-2024'] as const;

/**
 * Fill a template of `lang` as a person would in Excel: found by position (not by sheet name), every answer picked from
 * the cell's own dropdown, a number in its bounds, or letters of a multiple-choice question; then saved to a real file.
 */
async function fillByPosition(model: IndicatorSystem, lang: SheetLang, name: string): Promise<string> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(await answerTemplate(model, lang).xlsx.writeBuffer());
  const multi = new Map<string, string[]>();
  if (model.family === 'points')
    for (const d of model.dimensions)
      for (const ind of d.indicators)
        for (const q of ind.questions)
          if (q.type === 'multi')
            multi.set(
              q.id,
              q.options.filter((o) => !o.exclusive).map((o) => o.id),
            );
  back.worksheets[1]?.eachRow((row, r) => {
    if (r === 1) return;
    const cell = row.getCell(ANSWER_COL);
    const dv = cell.dataValidation;
    if (dv.type === 'list') {
      const choices = String(dv.formulae[0]).replace(/^"|"$/g, '').split(',');
      const pick = choices[r % choices.length] ?? '';
      cell.value = /^\d+(\.\d+)?$/.test(pick) ? Number(pick) : pick;
    } else if (dv.type === 'decimal') cell.value = 10 + r;
    else cell.value = (multi.get(row.getCell(1).text) ?? []).slice(0, 1 + (r % 2)).join(',');
  });
  if (model.family === 'points')
    back.worksheets[2]?.eachRow((row, r) => {
      if (r > 1) row.getCell(4 + model.sceneMax).value = r % (model.sceneMax + 1);
    });
  const path = join(dir, name);
  await back.xlsx.writeFile(path);
  return path;
}

describe('answer sheets in Chinese and English', () => {
  const models = new Map<string, IndicatorSystem>();
  beforeAll(async () => {
    for (const id of MODEL_IDS) {
      const loaded = await loadIndicatorSystemById('packs/models', id);
      if (!loaded.ok) throw new Error(`${id} does not load`);
      models.set(id, loaded.model);
    }
  });
  const model = (id: string) => {
    const m = models.get(id);
    if (!m) throw new Error(id);
    return m;
  };

  it.each(MODEL_IDS)('%s: a filled English sheet and the same Chinese sheet diagnose alike', async (id) => {
    const m = model(id);
    const zh = await scoreOne(m, await fillByPosition(m, 'zh', `${id}-zh.xlsx`));
    const en = await scoreOne(m, await fillByPosition(m, 'en', `${id}-en.xlsx`));
    expect(zh.problems).toEqual([]);
    expect(en.problems).toEqual([]);
    expect(en.scored?.result).toEqual(zh.scored?.result);
    // the answers really were read: not everything is a gap
    expect(en.scored?.result.score).toBeGreaterThan(0);
  });

  it.each(MODEL_IDS)(
    '%s: the English sheet is in English (ids aside), the Chinese one in Chinese',
    async (id) => {
      const m = model(id);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await answerTemplate(m, 'en').xlsx.writeBuffer());
      const visible = wb.worksheets.filter((ws) => ws.state === 'visible').map((ws) => ws.name);
      expect(visible.every((n) => Object.values(SHEET_NAMES.en).includes(n))).toBe(true);
      expect(wb.getWorksheet(SHEET_NAMES.en.answers)?.getRow(1).values).toEqual([
        undefined,
        'ID',
        'Group',
        'Name',
        'Question',
        'Options',
        'Answer',
      ]);
      const chinese: string[] = [];
      for (const ws of wb.worksheets.filter((w) => w.state === 'visible'))
        ws.eachRow((row, r) =>
          row.eachCell((c, col) => {
            const idColumn = col === 1 && r > 1 && ws.name !== SHEET_NAMES.en.instructions;
            const officialTitle =
              ws.name === SHEET_NAMES.en.instructions && c.text.startsWith('Official title:');
            // the notApplicable note lists the sub-domain ids to type, each with its English name
            const idList = ws.name === SHEET_NAMES.en.settings && col === 3 && r === 3;
            if (CJK.test(c.text) && !idColumn && !officialTitle && !idList)
              chinese.push(`${ws.name}!${r}:${col} ${c.text}`);
          }),
        );
      expect(chinese).toEqual([]);
      const zhBook = new ExcelJS.Workbook();
      await zhBook.xlsx.load(await answerTemplate(m).xlsx.writeBuffer());
      expect(zhBook.getWorksheet(SHEET.answers)?.getCell(2, 4).text).toMatch(CJK);
    },
  );

  it('checklist dropdowns are the conformance names of the sheet language; both read back as ids', async () => {
    const ics = model('ics-security-2024');
    for (const lang of SHEET_LANGS) {
      const read = await readAnswerFile(await fillByPosition(ics, lang, `ics-ids-${lang}.xlsx`), ics);
      expect(new Set(Object.values(read.assessment?.answers ?? {}))).toEqual(
        new Set(['met', 'partly', 'not', 'na']),
      );
    }
    const en = answerRows(ics, 'en')[0]?.allowed;
    expect(en).toEqual({ list: ['Met', 'Partly met', 'Not met', 'Not applicable'] });
    expect(answerRows(ics, 'zh')[0]?.allowed).toEqual({ list: ['符合', '部分符合', '不符合', '不适用'] });
  });

  it('locates problems in the English sheet by its own name, and finds a renamed answers sheet by position', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await answerTemplate(sme, 'en').xlsx.writeBuffer());
    const ws = wb.getWorksheet(SHEET_NAMES.en.answers);
    ws?.eachRow((row, r) => {
      const v = FILLED[row.getCell(1).text];
      if (r > 1 && v !== undefined)
        row.getCell(ANSWER_COL).value = row.getCell(1).text === '信息系统' ? 'Z' : v;
    });
    if (!ws) throw new Error('no Answers sheet');
    const path = join(dir, 'bad-en.xlsx');
    await wb.xlsx.writeFile(path);
    const bad = await scoreOne(sme, path, 'bad-en.xlsx');
    expect(bad.problems.map(formatSheetProblem)).toContain(
      'bad-en.xlsx, sheet "Answers", row 6, question 信息系统: unknown option "Z"; allowed: one of A, B, C, D, E',
    );
    ws.name = 'My answers';
    await wb.xlsx.writeFile(path);
    const renamed = await scoreOne(sme, path, 'bad-en.xlsx');
    expect(renamed.problems.map(formatSheetProblem)).toContain(
      'bad-en.xlsx, sheet "My answers", row 6, question 信息系统: unknown option "Z"; allowed: one of A, B, C, D, E',
    );
  });
});
