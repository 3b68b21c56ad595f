import type { AnswerProblem, Assessment } from './assessment.ts';
import { diagnoseChecklist } from './checklist-diagnose.ts';
import type { IndicatorSystem } from './model-schema.ts';
import { diagnosePoints } from './points-diagnose.ts';
import type { Change, DiagnosisResult } from './result.ts';
import { diagnoseStaged } from './staged-diagnose.ts';

/**
 * Diagnose one assessment against one indicator system: score, level, dimensions, gaps and the exact path to the next
 * level. Answer problems are returned alongside (bad answers score as lowest); callers decide whether they are fatal.
 */
export function diagnose(
  model: IndicatorSystem,
  assessment: Assessment,
): { result: DiagnosisResult; problems: AnswerProblem[] } {
  const problems: AnswerProblem[] = [];
  if (assessment.model !== model.meta.id)
    problems.push({
      itemId: '(model)',
      message: `answers are for model "${assessment.model}", not "${model.meta.id}"`,
    });
  if (assessment.version !== undefined && assessment.version !== model.meta.version)
    problems.push({
      itemId: '(version)',
      message: `answers are for ${assessment.model} version ${assessment.version}, the pack is version ${model.meta.version}`,
    });
  const out =
    model.family === 'points'
      ? diagnosePoints(model, assessment)
      : model.family === 'staged'
        ? diagnoseStaged(model, assessment)
        : diagnoseChecklist(model, assessment);
  return { result: out.result, problems: [...problems, ...out.problems] };
}

/** The assessment after carrying out a list of changes (e.g. the next-level to-do list). */
export function applyChanges(assessment: Assessment, changes: readonly Change[]): Assessment {
  const answers = { ...assessment.answers };
  const scenes = { ...(assessment.scenes ?? {}) };
  for (const c of changes) {
    if (c.kind === 'scene' && typeof c.to === 'number') scenes[c.itemId] = c.to;
    else if (c.to !== null) answers[c.itemId] = c.to;
  }
  return { ...assessment, answers, ...(assessment.scenes ? { scenes } : {}) };
}
