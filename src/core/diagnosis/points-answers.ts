import type { AnswerProblem, Assessment, AnswerValue } from './assessment.ts';
import type {
  MultiQuestion,
  PointsIndicatorSystem,
  QuestionDef,
  RatioQuestion,
  SingleQuestion,
} from './model-schema.ts';
import { flatQuestions } from './points-flat.ts';

/** An answer normalised for scoring: option indices in the pack's order, a ratio in percent. */
export type QuestionAnswer =
  | { type: 'single'; index: number | null }
  | { type: 'multi'; chosen: number[] }
  | { type: 'ratio'; percent: number | null };

export interface PointsAnswers {
  /** one per question, in pack order */
  questions: QuestionAnswer[];
  /** one per scene, in pack order (0 when missing) */
  scenes: number[];
}

/** Read and check the answers of a points-family assessment; every problem is reported, bad answers score 0. */
export function readPointsAnswers(
  model: PointsIndicatorSystem,
  assessment: Pick<Assessment, 'answers' | 'scenes'>,
): { answers: PointsAnswers; problems: AnswerProblem[] } {
  const problems: AnswerProblem[] = [];
  const known = new Set<string>();
  const questions = flatQuestions(model).map(({ def }) => {
    known.add(def.id);
    const raw = assessment.answers[def.id];
    const report = (message: string) => problems.push({ itemId: def.id, message });
    if (raw === undefined || raw === null || raw === '' || (Array.isArray(raw) && raw.length === 0)) {
      if (def.required) report('missing required answer');
      return emptyAnswer(def);
    }
    return readAnswer(def, raw, report);
  });
  for (const id of Object.keys(assessment.answers))
    if (!known.has(id))
      problems.push({ itemId: id, message: `unknown question "${id}" (not in model ${model.meta.id})` });

  const given = assessment.scenes ?? {};
  const sceneIds = new Set(model.scenes.map((s) => s.id));
  const scenes = model.scenes.map((s) => {
    const v = given[s.id];
    if (v === undefined || v === null) {
      problems.push({ itemId: s.id, message: 'missing scene level' });
      return 0;
    }
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > model.sceneMax) {
      problems.push({
        itemId: s.id,
        message: `scene level must be an integer 0–${model.sceneMax}, got ${JSON.stringify(v)}`,
      });
      return 0;
    }
    return v;
  });
  for (const id of Object.keys(given))
    if (!sceneIds.has(id))
      problems.push({ itemId: id, message: `unknown scene "${id}" (not in model ${model.meta.id})` });
  return { answers: { questions, scenes }, problems };
}

function emptyAnswer(def: QuestionDef): QuestionAnswer {
  if (def.type === 'single') return { type: 'single', index: null };
  if (def.type === 'multi') return { type: 'multi', chosen: [] };
  return { type: 'ratio', percent: null };
}

type Report = (message: string) => void;

function readAnswer(def: QuestionDef, raw: AnswerValue, report: Report): QuestionAnswer {
  switch (def.type) {
    case 'single':
      return readSingle(def, raw, report);
    case 'multi':
      return readMulti(def, raw, report);
    case 'ratio':
      return readRatio(def, raw, report);
  }
}

function letters(def: SingleQuestion | MultiQuestion): string {
  return def.options.map((o) => o.id).join(', ');
}

function readSingle(def: SingleQuestion, raw: AnswerValue, report: Report): QuestionAnswer {
  const letter =
    typeof raw === 'string'
      ? raw.trim().toUpperCase()
      : Array.isArray(raw) && raw.length === 1
        ? raw[0]
        : undefined;
  const index =
    letter === undefined ? -1 : def.options.findIndex((o) => o.id === letter.trim().toUpperCase());
  if (index < 0) {
    report(`unknown option ${JSON.stringify(raw)}; allowed: one of ${letters(def)}`);
    return { type: 'single', index: null };
  }
  return { type: 'single', index };
}

function readMulti(def: MultiQuestion, raw: AnswerValue, report: Report): QuestionAnswer {
  let list: string[];
  if (typeof raw === 'string') list = raw.split(/[\s,，、;；]+/).filter((s) => s !== '');
  else if (Array.isArray(raw)) list = raw;
  else {
    report(`expected option letters (e.g. ["B","C"]), got ${JSON.stringify(raw)}`);
    return { type: 'multi', chosen: [] };
  }
  const chosen = new Set<number>();
  for (const l of list) {
    const index = def.options.findIndex((o) => o.id === String(l).trim().toUpperCase());
    if (index < 0) report(`unknown option ${JSON.stringify(l)}; allowed: ${letters(def)}`);
    else chosen.add(index);
  }
  const exclusive = [...chosen].filter((i) => def.options[i]?.exclusive);
  if (exclusive.length > 0 && chosen.size > 1) {
    const ex = exclusive.map((i) => def.options[i]?.id).join(', ');
    report(
      `option ${ex} ("${def.options[exclusive[0] ?? 0]?.text.zh}") cannot be combined with other options`,
    );
    return { type: 'multi', chosen: [] };
  }
  return { type: 'multi', chosen: [...chosen].sort((a, b) => a - b) };
}

function readRatio(def: RatioQuestion, raw: AnswerValue, report: Report): QuestionAnswer {
  let percent: number;
  if (typeof raw === 'number') percent = raw;
  else if (
    typeof raw === 'string' &&
    raw.trim() !== '' &&
    Number.isFinite(Number(raw.trim().replace(/%$/, '')))
  )
    percent = Number(raw.trim().replace(/%$/, ''));
  else if (typeof raw === 'object' && !Array.isArray(raw) && def.fields) {
    const num = raw[def.fields.numerator.zh];
    const den = raw[def.fields.denominator.zh];
    if (typeof num !== 'number' || typeof den !== 'number' || !(den > 0) || num < 0) {
      report(
        `expected ${def.fields.numerator.zh} ≥ 0 and ${def.fields.denominator.zh} > 0, got ${JSON.stringify(raw)}`,
      );
      return { type: 'ratio', percent: null };
    }
    percent = (num / den) * 100;
  } else {
    report(`expected a percentage 0–100, got ${JSON.stringify(raw)}`);
    return { type: 'ratio', percent: null };
  }
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
    report(`ratio must be between 0 and 100 %, got ${Math.round(percent * 100) / 100}`);
    return { type: 'ratio', percent: null };
  }
  return { type: 'ratio', percent };
}
