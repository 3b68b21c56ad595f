import { readFile, stat } from 'node:fs/promises';
import type { IndicatorSystem } from '../core/diagnosis/model-schema.ts';
import { assessmentFromJson } from './model-answers-shape.ts';
import { MAX_ANSWER_BYTES, type ReadAnswers } from './model-answers-read.ts';

/** Read a .json answer file for `model`; refuses a missing, oversized or invalid file with a clear message. */
export async function readAnswerJson(
  path: string,
  model: IndicatorSystem,
  display = path,
  scoredAs?: string,
): Promise<ReadAnswers> {
  const fail = (message: string): ReadAnswers => ({
    assessment: null,
    rowOf: new Map(),
    problems: [{ file: display, sheet: '', row: null, question: '', message }],
  });
  let text: string;
  try {
    const size = (await stat(path)).size;
    if (size > MAX_ANSWER_BYTES)
      return fail(
        `file is ${(size / 1024 / 1024).toFixed(1)} MB, over the 20 MB limit for answer files; refused before parsing`,
      );
    text = await readFile(path, 'utf8');
  } catch (err) {
    return fail(`cannot read file: ${err instanceof Error ? err.message : String(err)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return fail(`not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const read = assessmentFromJson(data, model, scoredAs);
  if ('refused' in read) return fail(read.refused);
  return { assessment: read.assessment, rowOf: new Map(), problems: [] };
}
