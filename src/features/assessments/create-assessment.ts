import type { z } from 'zod';
import type { AssessmentProfile, CreateAssessment } from '../../contracts/diagnosis.ts';
import type { Db } from '../../db/client.ts';
import { badRequest } from '../../server/app-error.ts';
import { checkProfile } from './answer-checks.ts';
import { progress } from './assessment-result.ts';
import {
  indicatorSystemOf,
  type IndicatorSystemCatalog,
  type IndicatorSystemIndex,
} from './indicator-system-index.ts';
import type { Actor } from './load-assessment.ts';
import { insertAssessment, type AssessmentRow } from './repositories/assessments.ts';

/**
 * The profile a new assessment starts with: the one asked for, checked against the indicator system (400 naming every
 * problem), with the system's first weight table when it has some and none was chosen.
 */
export function startingProfile(index: IndicatorSystemIndex, asked: AssessmentProfile): AssessmentProfile {
  const problems = checkProfile(index, asked);
  if (problems.length > 0) throw badRequest(problems.join('; '), { problems });
  const profile: AssessmentProfile = { ...asked };
  if (index.summary.weightTables.length > 0 && profile.weightTable === undefined)
    profile.weightTable = index.summary.weightTables[0]?.id;
  return profile;
}

/** Start an assessment of the tenant against an indicator system (404 when it is not loaded). */
export async function createAssessment(
  db: Db,
  systems: IndicatorSystemCatalog,
  actor: Actor,
  input: z.output<typeof CreateAssessment>,
): Promise<{
  row: AssessmentRow;
  index: IndicatorSystemIndex;
  progress: { answered: number; total: number };
}> {
  const index = indicatorSystemOf(systems, input.modelId);
  const profile = startingProfile(index, input.profile);
  const row = await insertAssessment(
    db,
    actor.tenant,
    {
      modelId: index.model.meta.id,
      modelVersion: index.model.meta.version,
      mode: input.mode,
      title: input.title,
      profile,
      createdBy: actor.userId,
    },
    actor.audit,
  );
  return { row, index, progress: progress(index, [], profile) };
}
