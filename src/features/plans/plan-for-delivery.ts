/**
 * What the delivery feature reads of a plan to make its projects — the calendar, initiatives, solved schedule and
 * risk register — through this use case rather than the plans repository (ESLint's `tupu/no-foreign-repository`).
 */
import type { PlanCandidate } from '../../core/planning/candidates.ts';
import type { ScheduledStart } from '../../core/planning/plan-instance.ts';
import type { PlanStart } from '../../core/planning/plan-calendar.ts';
import type { RiskEntry } from '../../core/planning/risk.ts';
import type { Db } from '../../db/client.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { loadPlan } from './load-plan.ts';
import { planRepository } from './repository.ts';
import { inputKey, instanceInput } from './stored-plan.ts';

export interface PlanForDelivery {
  id: string;
  title: string;
  calendar: { start: PlanStart; periodsPerYear: number; periods: number };
  initiatives: readonly PlanCandidate[];
  /** the optimal schedule of the last solve; null when the plan was never solved or has no schedule */
  schedule: readonly ScheduledStart[] | null;
  /** the plan changed since it was solved */
  stale: boolean;
  risks: readonly RiskEntry[];
}

/** The tenant's plan as delivery needs it, or 404. */
export async function planForDelivery(db: Db, tenant: TenantId, id: string): Promise<PlanForDelivery> {
  const plan = await loadPlan(planRepository(db), tenant, id);
  const { settings, solution } = plan;
  const scheduled = solution && solution.result.schedule.length > 0 ? solution.result.schedule : null;
  return {
    id: plan.record.id,
    title: plan.record.title,
    calendar: { start: settings.start, periodsPerYear: settings.periodsPerYear, periods: settings.periods },
    initiatives: plan.initiatives,
    schedule: scheduled,
    stale: solution !== null && solution.inputKey !== inputKey(instanceInput(plan)),
    risks: plan.risks,
  };
}
