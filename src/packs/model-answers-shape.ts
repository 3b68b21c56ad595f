import type { AnswerValue, Assessment } from '../core/diagnosis/assessment.ts';
import type { IndicatorSystem } from '../core/diagnosis/model-schema.ts';

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
