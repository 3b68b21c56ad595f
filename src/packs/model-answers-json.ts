import { readFile, stat } from 'node:fs/promises';
import type { AnswerValue, Assessment } from '../core/diagnosis/assessment.ts';
import type { IndicatorSystem } from '../core/diagnosis/model-schema.ts';
import { MAX_ANSWER_BYTES, type ReadAnswers } from './model-answers-read.ts';

/**
 * The JSON answer format, `{ model?, version?, answers, scenes?, weightTable?, notApplicable? }`, as the answers to
 * `model`: the model is the one being scored, so a file may leave `"model"` out; one that names another model is
 * refused (its answers would be scored against the wrong questions). `scoredAs` names where the model was chosen, for
 * the message (e.g. `--model`).
 */
export function assessmentFromJson(
  data: unknown,
  model: IndicatorSystem,
  scoredAs = 'the model being scored',
): { assessment: Assessment } | { refused: string } {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { refused: 'expected an object {model?, answers, scenes?}' };
  const o = data as Record<string, unknown>;
  const id = model.meta.id;
  if (o.model !== undefined && typeof o.model !== 'string')
    return { refused: `"model" must be the id of a model pack (a string), got ${JSON.stringify(o.model)}` };
  if (o.model !== undefined && o.model !== id)
    return {
      refused: `the answers are for model "${o.model}", but ${scoredAs} is "${id}"`,
    };
  if (typeof o.answers !== 'object' || o.answers === null || Array.isArray(o.answers))
    return { refused: 'missing "answers" object' };
  return {
    assessment: {
      model: id,
      answers: o.answers as Record<string, AnswerValue>,
      ...(typeof o.version === 'string' ? { version: o.version } : {}),
      ...(typeof o.scenes === 'object' && o.scenes !== null
        ? { scenes: o.scenes as Record<string, number> }
        : {}),
      ...(typeof o.weightTable === 'string' ? { weightTable: o.weightTable } : {}),
      ...(Array.isArray(o.notApplicable) ? { notApplicable: o.notApplicable.map(String) } : {}),
    },
  };
}

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
