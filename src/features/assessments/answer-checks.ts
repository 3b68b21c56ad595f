/**
 * Answers and profiles checked against the indicator system, before anything is stored: the autosave, the
 * assessor's correction and the sheet import all come through here.
 */
import { readConformance } from '../../core/diagnosis/checklist-diagnose.ts';
import { readPointsAnswers } from '../../core/diagnosis/points-answers.ts';
import { describeControlCharacter, findControlCharacterIn } from '../../core/shared/control-characters.ts';
import type { AnswerProblem, AnswerValue, AssessmentProfile } from '../../contracts/diagnosis.ts';
import { AppError } from '../../server/app-error.ts';
import type { IndicatorSystemIndex } from './indicator-system-index.ts';

/**
 * Check one answer against the model; returns the problem or null. A null value (clearing) is always fine. Answers
 * read from an imported file come here unchecked by the API's schema, so a control character anywhere in the value
 * (a text, an option, a key of a ratio's fields) is refused here, naming where; PostgreSQL would refuse a NUL.
 */
export function checkAnswer(
  index: IndicatorSystemIndex,
  itemId: string,
  value: AnswerValue | null,
): string | null {
  const item = index.items.get(itemId);
  if (!item) return `unknown item ${JSON.stringify(itemId)} (not in model ${index.model.meta.id})`;
  if (value === null) return null;
  const control = findControlCharacterIn(value, 'answer');
  if (control) return describeControlCharacter(control);
  const model = index.model;
  if (model.family === 'points') {
    if (item.kind === 'scene') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > model.sceneMax)
        return `scene level must be an integer 0–${model.sceneMax}, got ${JSON.stringify(value)}`;
      return null;
    }
    const { problems } = readPointsAnswers(model, { answers: { [itemId]: value }, scenes: {} });
    const own = problems.find((p) => p.itemId === itemId);
    return own ? own.message : null;
  }
  if (model.family === 'staged') {
    const grades = model.rules.grades.map((g) => g.value);
    if (typeof value !== 'number' || !grades.includes(value))
      return `grade must be one of ${grades.join(' / ')}, got ${JSON.stringify(value)}`;
    return null;
  }
  if (readConformance(model, value) === null)
    return `unknown answer ${JSON.stringify(value)}; allowed: met, partly, not, na`;
  return null;
}

/** Check a batch of answers; every problem is returned. */
export function checkAnswers(
  index: IndicatorSystemIndex,
  answers: Record<string, AnswerValue | null>,
): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  for (const [itemId, value] of Object.entries(answers)) {
    const message = checkAnswer(index, itemId, value);
    if (message !== null) problems.push({ itemId, message });
  }
  return problems;
}

/**
 * Check a profile against the model, each value against what the model allows: `weightTable` one of the model's
 * weight tables, `notApplicable` sub-domains that can be tailored out (staged models only; the other families have
 * neither). Every problem names its field, and shows the value escaped.
 */
export function checkProfile(index: IndicatorSystemIndex, profile: AssessmentProfile): string[] {
  const model = index.model;
  const problems: string[] = [];
  const tables = index.summary.weightTables.map((t) => t.id);
  if (profile.weightTable !== undefined && !tables.includes(profile.weightTable))
    problems.push(
      tables.length > 0
        ? `weightTable: unknown weight table ${JSON.stringify(profile.weightTable)}; allowed: ${tables.join(', ')}`
        : `weightTable: model ${model.meta.id} has no weight tables, got ${JSON.stringify(profile.weightTable)}`,
    );
  const notApplicable = profile.notApplicable ?? [];
  if (model.family !== 'staged') {
    if (notApplicable.length > 0)
      problems.push(
        `notApplicable: model ${model.meta.id} has no sub-domains to tailor out, got ${JSON.stringify(notApplicable)}`,
      );
    return problems;
  }
  const subs = new Map(model.areas.flatMap((a) => a.subdomains.map((s) => [s.id, s] as const)));
  for (const id of notApplicable) {
    const s = subs.get(id);
    if (!s) problems.push(`notApplicable: unknown sub-domain ${JSON.stringify(id)}`);
    else if (!s.tailorable) problems.push(`notApplicable: sub-domain ${id} cannot be tailored out`);
  }
  return problems;
}

/** 400 invalid_answers naming the first problem (all in details.problems): nothing was saved. */
export function invalidAnswers(problems: { itemId: string; message: string }[]): AppError {
  const first = problems[0];
  const head = first ? `${first.itemId}: ${first.message}` : 'invalid answers';
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new AppError(400, 'invalid_answers', `${head}${more}; nothing was saved`, { problems });
}
