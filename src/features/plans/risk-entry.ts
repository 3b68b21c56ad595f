/** A risk as the register stores it, and the check every register passes before it is stored. */
import { riskEntryProblems, type RiskEntry } from '../../core/planning/risk.ts';
import type { RiskInput } from '../../contracts/planning.ts';
import { badRequest } from '../../server/app-error.ts';
import type { StoredPlan } from './stored-plan.ts';

export function riskEntry(id: string, input: RiskInput): RiskEntry {
  return {
    id,
    title: input.title,
    likelihood: input.likelihood,
    impact: input.impact,
    mitigation: input.mitigation,
    ...(input.initiativeId ? { initiativeId: input.initiativeId } : {}),
    ...(input.exposure === undefined ? {} : { exposure: input.exposure }),
  };
}

/** The register to store, or 400 naming every problem (a bad score, an initiative the plan does not have). */
export function checkedRisks(plan: StoredPlan, risks: RiskEntry[]): RiskEntry[] {
  const problems = risks.flatMap(riskEntryProblems);
  if (problems.length > 0) throw badRequest(problems.join('; '), { problems });
  const unknown = risks.filter(
    (r) => r.initiativeId !== undefined && !plan.initiatives.some((i) => i.id === r.initiativeId),
  );
  if (unknown.length > 0)
    throw badRequest(`Unknown initiative ${unknown.map((r) => r.initiativeId).join(', ')}`);
  return risks;
}
