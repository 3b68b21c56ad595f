import type { AtlasCatalog } from '../../core/atlas/types.ts';
import type { DiagnosisResult } from '../../core/diagnosis/result.ts';
import type { Comparison, Text } from '../../contracts/diagnosis.ts';
import type { Db } from '../../db/client.ts';
import { compareResults, progress, scenarioNames, scoreAnswers } from './assessment-result.ts';
import type { LoadedAssessment } from './load-assessment.ts';
import { findPreviousSubmitted, listAnswers } from './repositories/assessments.ts';

export interface Diagnosis {
  live: boolean;
  result: DiagnosisResult;
  scenarios: Record<string, Text>;
  atlas: string;
  answered: number;
  total: number;
  comparison: Comparison | null;
}

/** The result of a submitted assessment as frozen, else scored live from its answers. */
export function currentResult(
  loaded: LoadedAssessment,
  answers: Parameters<typeof scoreAnswers>[1],
): { live: boolean; result: DiagnosisResult } {
  const { row, index, profile } = loaded;
  const frozen = row.status === 'submitted' ? (row.result as DiagnosisResult | null) : null;
  return { live: frozen === null, result: frozen ?? scoreAnswers(index, answers, profile) };
}

/**
 * The diagnosis: live for drafts, frozen for submitted; the atlas scenarios its gaps point to, progress, and the
 * comparison with the tenant's previous submitted assessment of the same indicator system.
 */
export async function diagnoseAssessment(
  db: Db,
  atlases: AtlasCatalog,
  loaded: LoadedAssessment,
): Promise<Diagnosis> {
  const { row, index, profile, scope } = loaded;
  const answers = await listAnswers(db, scope.tenant, row.id);
  const { live, result } = currentResult(loaded, answers);
  const previous = await findPreviousSubmitted(db, scope.tenant, row.modelId, row.id, row.submittedAt);
  const comparison =
    previous && previous.result
      ? compareResults(
          {
            id: previous.id,
            title: previous.title,
            submittedAt: previous.submittedAt,
            result: previous.result as DiagnosisResult,
          },
          result,
        )
      : null;
  return {
    live,
    result,
    scenarios: scenarioNames(atlases, index.model.meta.atlas, result),
    atlas: index.model.meta.atlas,
    ...progress(index, answers, profile),
    comparison,
  };
}
