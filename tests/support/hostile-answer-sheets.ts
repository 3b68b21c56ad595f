/**
 * One part of the answer-sheet import under hostile files (issue 18): 10,000 generated files in all, split over
 * three test files of ~10 s rather than one of 30 s (a third of the files get as far as exceljs, ~20 ms each). Bytes
 * of every kind (answer-sheet-arbitraries.ts) go through readAnswerFile, the parser the import runs in its worker
 * thread: nothing throws, each file is read within a bounded time, and a refusal names the file and what is wrong
 * (with the sheet and row where there is one).
 */
import fc from 'fast-check';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorSystem } from '../../src/core/diagnosis/model-schema.ts';
import { readAnswerFile } from '../../src/packs/model-answers-read.ts';
import { loadIndicatorSystemById } from '../../src/packs/model-load.ts';
import { answerFiles, checkAnswerFile, sheetParts, type SheetParts } from './answer-sheet-arbitraries.ts';

/**
 * The whole run's limit, far above its ~10 s alone: on a machine busy with other work it took over 30 s. Each input
 * has its own bound.
 */
const PROPERTY_TIMEOUT_MS = 180_000;
const TOTAL_FILES = 10_000;
export const PARTS = 3;

/** Part `part` (1-based) of PARTS: its share of TOTAL_FILES (the first part takes the remainder). */
export function describeHostileAnswerSheets(part: number): void {
  const runs = Math.floor(TOTAL_FILES / PARTS) + (part === 1 ? TOTAL_FILES % PARTS : 0);
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

  describe(`the answer-sheet import under hostile files, part ${part} of ${PARTS}`, () => {
    it('reads the blank sheet the generated files start from', async () => {
      const path = join(dir, 'blank.xlsx');
      await checkAnswerFile(path, model, sheet.bytes);
      expect((await readAnswerFile(path, model)).problems).toEqual([]);
    });

    it(
      `${runs.toLocaleString('en')} generated files: no throw, bounded time, every refusal names the file and what`,
      { timeout: PROPERTY_TIMEOUT_MS },
      async () => {
        const path = join(dir, 'answers.xlsx');
        await fc.assert(
          fc.asyncProperty(answerFiles(sheet), (content) => checkAnswerFile(path, model, content)),
          { numRuns: runs },
        );
      },
    );
  });
}
