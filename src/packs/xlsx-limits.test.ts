import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  deflatePart,
  longSharedString,
  manyCellsSheet,
  replaceParts,
  sheetPath,
  spacesSheet,
  writeZip,
} from '../../tests/support/crafted-xlsx.ts';
import { useTempDir } from '../../tests/support/temp-dir.ts';
import { ANSWER_SHEET_LIMITS } from '../contracts/diagnosis.ts';
import { loadIndicatorSystemById } from './model-load.ts';
import { readAnswerFile } from './model-answers-read.ts';
import { SHEET } from './model-sheet-layout.ts';
import { answerTemplate } from './model-sheet-template.ts';
import { readAnswerFileInWorker } from './parse-in-worker.ts';
import { checkWorkbookLimits, scanXml } from './xlsx-limits.ts';
import type { IndicatorSystem } from '../core/diagnosis/model-schema.ts';

const MB = 1024 * 1024;
const matching = (re: RegExp): unknown => expect.stringMatching(re) as unknown;
const small = { ...ANSWER_SHEET_LIMITS, rows: 50, cells: 200, cellChars: 100, partBytes: 64 * 1024 };

describe('scanXml', () => {
  it('counts rows and cells (not <col> or <cols>) and finds the longest text with its row', () => {
    const xml =
      '<worksheet><cols><col min="1"/></cols><sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"/></row>' +
      `<row r="7"><c r="A7" t="inlineStr"><is><t>${'a&amp;'.repeat(30)}</t></is></c></row></sheetData></worksheet>`;
    expect(scanXml(xml, 50)).toEqual({ rows: 2, cells: 3, longest: { chars: 60, row: 7 } });
    expect(scanXml(xml, 200).longest.chars).toBe(0);
  });
});

describe('checkWorkbookLimits', () => {
  let template: Buffer;
  let answers: string;
  beforeAll(async () => {
    const loaded = await loadIndicatorSystemById('packs/models', 'sme-digital-level-2024');
    if (!loaded.ok) throw new Error('model does not load');
    template = Buffer.from(await answerTemplate(loaded.model).xlsx.writeBuffer());
    answers = await sheetPath(template, SHEET.answers);
  });

  it('passes a blank template, within every limit by far', () => {
    expect(checkWorkbookLimits(template)).toBeNull();
  });

  it('refuses too many rows or cells of a sheet, naming the sheet and the limit', async () => {
    const rows = await replaceParts(template, { [answers]: deflatePart(manyCellsSheet(60, 1)) });
    expect(checkWorkbookLimits(rows, small)).toMatchObject({
      limit: 'rows',
      sheet: SHEET.answers,
      message: matching(/60 rows, over the limit of 50 rows/),
    });
    const cells = await replaceParts(template, { [answers]: deflatePart(manyCellsSheet(10, 30)) });
    expect(checkWorkbookLimits(cells, small)).toMatchObject({ limit: 'cells', sheet: SHEET.answers });
  });

  it('refuses an overlong cell in a sheet (with its row) or in the shared strings', async () => {
    const xml = manyCellsSheet(3, 1).replace('<v>3</v>', `<v>${'9'.repeat(150)}</v>`);
    const cell = await replaceParts(template, { [answers]: deflatePart(xml) });
    expect(checkWorkbookLimits(cell, small)).toMatchObject({
      limit: 'cellChars',
      row: 3,
      sheet: SHEET.answers,
    });
    const shared = await replaceParts(template, {
      'xl/sharedStrings.xml': deflatePart(longSharedString(101)),
    });
    expect(checkWorkbookLimits(shared, small)).toMatchObject({
      limit: 'cellChars',
      sheet: '',
      message: matching(/shared strings hold a text of 101 characters/),
    });
  });

  it('refuses a part by its declared size, and by its real size when the header lies', async () => {
    const bomb = await spacesSheet(2 * MB);
    const declared = await replaceParts(template, { [answers]: bomb });
    expect(checkWorkbookLimits(declared, small)).toMatchObject({
      limit: 'partBytes',
      sheet: SHEET.answers,
      message: matching(/declares 2 MB uncompressed/),
    });
    const liar = await replaceParts(template, { [answers]: { ...bomb, declaredSize: 100 } });
    expect(checkWorkbookLimits(liar, small)).toMatchObject({
      limit: 'partBytes',
      message: matching(/claims 100 bytes/),
    });
  });

  it('refuses too many files, too many bytes in all, and a damaged zip', () => {
    const part = deflatePart('<x/>');
    const many = writeZip(Array.from({ length: 11 }, (_, i): [string, typeof part] => [`f${i}.xml`, part]));
    expect(checkWorkbookLimits(many, { ...small, entries: 10 })).toMatchObject({ limit: 'entries' });
    const big = writeZip([['media/a.png', { ...part, declaredSize: 70 * MB }]]);
    expect(checkWorkbookLimits(big)).toMatchObject({ limit: 'totalBytes' });
    expect(checkWorkbookLimits(many.subarray(0, many.length - 30))).toMatchObject({ limit: undefined });
    expect(checkWorkbookLimits(Buffer.from('PK not really a zip'))).toMatchObject({ limit: undefined });
  });
});

describe('reading an answer file in a worker thread', () => {
  const dir = useTempDir('tupu-answers-');
  let model: IndicatorSystem;
  beforeAll(async () => {
    const loaded = await loadIndicatorSystemById('packs/models', 'sme-digital-level-2024');
    if (!loaded.ok) throw new Error('model does not load');
    model = loaded.model;
  });

  it('reads a template as readAnswerFile does in the calling thread', async () => {
    const path = join(dir, 'answers.xlsx');
    await answerTemplate(model).xlsx.writeFile(path);
    const inThread = await readAnswerFileInWorker(path, model, 'answers.xlsx');
    expect(inThread).toEqual(await readAnswerFile(path, model, 'answers.xlsx'));
    expect(inThread.problems).toEqual([]);
  });

  it('refuses, naming the limit, a file that needs more time than the thread may take', async () => {
    const path = join(dir, 'answers.xlsx');
    await answerTemplate(model).xlsx.writeFile(path);
    // 1 ms: no workbook unzips and parses that fast, however idle the machine (50 ms was not always too little)
    const read = await readAnswerFileInWorker(path, model, 'answers.xlsx', {
      ...ANSWER_SHEET_LIMITS,
      workerSeconds: 0.001,
    });
    expect(read.assessment).toBeNull();
    expect(read.problems).toMatchObject([{ limit: 'workerSeconds', message: matching(/0\.001 s/) }]);
  });

  it('refuses a .json file of too many answers', async () => {
    const path = join(dir, 'answers.json');
    const answers = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`q${i}`, 1]));
    await writeFile(path, JSON.stringify({ model: model.meta.id, answers }));
    const read = await readAnswerFile(path, model, 'answers.json', { ...ANSWER_SHEET_LIMITS, answers: 10 });
    expect(read.problems).toMatchObject([{ limit: 'answers', message: matching(/11 answers/) }]);
  });
});
