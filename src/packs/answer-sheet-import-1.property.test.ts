/**
 * Hostile input to the answer-sheet import (issue 18), part 1 of 3 (10,000 generated files in all, each part its own
 * random seed): bytes of every kind (tests/support/answer-sheet-arbitraries.ts) through readAnswerFile, the parser
 * the import runs in its worker thread. Nothing throws, each file is read within a bounded time, and a refusal names
 * the file and what is wrong (with the sheet and row where there is one). Three files of ~10 s rather than one of
 * 30 s: a third of the files get as far as exceljs, ~20 ms each.
 */
import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerFiles,
  checkAnswerFile,
  sheetParts,
  type SheetParts,
} from '../../tests/support/answer-sheet-arbitraries.ts';
import type { IndicatorSystem } from '../core/diagnosis/model-schema.ts';
import { readAnswerFile } from './model-answers-read.ts';
import { loadIndicatorSystemById } from './model-load.ts';

/**
 * The whole run's limit, far above its ~10 s alone: on a machine busy with other work it took over 30 s. Each input
 * has its own bound.
 */
const PROPERTY_TIMEOUT_MS = 180_000;

let model: IndicatorSystem;
let sheet: SheetParts;
let dir: string;
beforeAll(async () => {
  const loaded = await loadIndicatorSystemById('packs/models', 'sme-digital-level-2024');
  if (!loaded.ok) throw new Error('the SME pack does not load');
  model = loaded.model;
  sheet = await sheetParts(model);
  dir = await mkdtemp(join(tmpdir(), 'tupu-hostile-sheet-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the answer-sheet import under hostile files, part 1 of 3', () => {
  it('reads the blank sheet the generated files start from', async () => {
    const path = join(dir, 'blank.xlsx');
    await checkAnswerFile(path, model, sheet.bytes);
    expect((await readAnswerFile(path, model)).problems).toEqual([]);
  });

  it(
    '3,334 generated files: no throw, bounded time, every refusal names the file and what',
    { timeout: PROPERTY_TIMEOUT_MS },
    async () => {
      const path = join(dir, 'answers.xlsx');
      await fc.assert(
        fc.asyncProperty(answerFiles(sheet), (content) => checkAnswerFile(path, model, content)),
        { numRuns: 3_334 },
      );
    },
  );
});
