import type { AnswerProblem, Assessment } from './assessment.ts';
import type { StagedModel } from './model-schema.ts';
import type { DiagnosisResult } from './result.ts';

export function diagnoseStaged(
  model: StagedModel,
  _assessment: Assessment,
): { result: DiagnosisResult; problems: AnswerProblem[] } {
  throw new Error(`staged family not implemented yet (${model.meta.id})`);
}
