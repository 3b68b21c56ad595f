/**
 * A stored plan read into its typed content, the optimiser's instance made from it, and the key of that instance's
 * inputs (a solution is stale once the key changed).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { toPlanInstanceInput, type PlanCandidate as Candidate } from '../../core/planning/candidates.ts';
import { nextQuarter } from '../../core/planning/plan-calendar.ts';
import type { PlanInstance, PlanInstanceInput } from '../../core/planning/plan-instance.ts';
import type { RiskEntry } from '../../core/planning/risk.ts';
import { parsePlanInstance, type PlanProblem } from '../../core/planning/validate-instance.ts';
import {
  EnterpriseProfile,
  GapRef,
  PlanCandidate,
  PlanSettings,
  PlanSolution,
  RiskInput,
} from '../../contracts/planning.ts';
import type { PlanRecord } from './repository.ts';
import { AppError } from '../../server/app-error.ts';

/** The profile column: the enterprise profile with the chosen pain points and the diagnosis gaps used. */
const StoredProfile = EnterpriseProfile.extend({
  painPoints: z.array(z.string()).default([]),
  gaps: GapRef.array().default([]),
});
const StoredRisk = RiskInput.extend({ id: z.string() });

export interface StoredPlan {
  record: PlanRecord;
  profile: z.infer<typeof EnterpriseProfile>;
  painPoints: string[];
  gaps: z.infer<typeof GapRef>[];
  settings: PlanSettings;
  initiatives: readonly Candidate[];
  risks: RiskEntry[];
  solution: PlanSolution | null;
}

/** The typed content of a plan record (the API writes only valid content; anything else is a server fault). */
export function readPlan(record: PlanRecord): StoredPlan {
  const { painPoints, gaps, ...profile } = StoredProfile.parse(record.profile);
  const solution = record.solution === null ? null : PlanSolution.safeParse(record.solution);
  return {
    record,
    profile,
    painPoints,
    gaps,
    settings: storedSettings(record),
    initiatives: PlanCandidate.array().parse(record.initiatives),
    risks: StoredRisk.array()
      .parse(record.risks)
      .map((r) => ({
        id: r.id,
        title: r.title,
        likelihood: r.likelihood,
        impact: r.impact,
        mitigation: r.mitigation,
        ...(r.initiativeId === undefined ? {} : { initiativeId: r.initiativeId }),
        ...(r.exposure === undefined ? {} : { exposure: r.exposure }),
      })),
    solution: solution?.success ? solution.data : null,
  };
}

/** The settings column; a plan saved before plans had a start starts in the quarter after it was made. */
function storedSettings(record: PlanRecord): PlanSettings {
  const settings = record.settings as Record<string, unknown>;
  if (settings.start !== undefined) return PlanSettings.parse(settings);
  return PlanSettings.parse({ ...settings, start: nextQuarter(new Date(record.createdAt)) });
}

export function instanceInput(
  plan: Pick<StoredPlan, 'profile' | 'initiatives' | 'settings'>,
): PlanInstanceInput {
  return toPlanInstanceInput(plan.profile, plan.initiatives, plan.settings);
}

/**
 * The fingerprint of what the optimiser solves. The start is calendar only (it moves the labels, not what is optimal),
 * so it is left out: a plan moved to another quarter keeps its solution, and plans saved before they had a start keep
 * theirs.
 */
export function inputKey(input: PlanInstanceInput): string {
  const { start: _start, ...solved } = input as PlanInstanceInput & { start?: unknown };
  return createHash('sha256').update(JSON.stringify(solved)).digest('hex').slice(0, 24);
}

/** The plan's instance, or 400 invalid_plan with every problem. */
export function validInstance(plan: Pick<StoredPlan, 'profile' | 'initiatives' | 'settings'>): PlanInstance {
  const parsed = parsePlanInstance(instanceInput(plan));
  if (!parsed.ok) throw invalidPlan(parsed.problems);
  return parsed.instance;
}

export function invalidPlan(problems: readonly PlanProblem[]): AppError {
  return new AppError(
    400,
    'invalid_plan',
    `The plan has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was saved`,
    { problems },
  );
}
