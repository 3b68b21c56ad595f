/** Projects of one or more organisations (of one plan, when given), each with its roll-up and light. */
import { rollupProject } from '../../core/delivery/rollup.ts';
import type { LightThresholds } from '../../core/delivery/status-light.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import type { DeliveryDeps } from './deps.ts';
import type { SummarisedProject } from './presenter.ts';
import { factsOf, isoDay } from './project-facts.ts';
import type { ProjectFactsRows } from './repository.ts';

export async function listProjects(
  { repo, now, pack }: Pick<DeliveryDeps, 'repo' | 'now'> & Partial<Pick<DeliveryDeps, 'pack'>>,
  tenants: readonly TenantId[],
  planId?: string,
): Promise<SummarisedProject[]> {
  return summarise(await repo.listProjectFacts(tenants, planId), isoDay(now()), pack?.light);
}

/** Each project's roll-up from the facts read in bulk (grouped once, not searched per project). */
export function summarise(
  rows: ProjectFactsRows,
  today: string,
  thresholds?: LightThresholds,
): SummarisedProject[] {
  const group = <T extends { projectId: string }>(list: readonly T[]) => {
    const by = new Map<string, T[]>();
    for (const x of list) {
      const l = by.get(x.projectId);
      if (l) l.push(x);
      else by.set(x.projectId, [x]);
    }
    return by;
  };
  const milestones = group(rows.milestones);
  const costs = group(rows.costs);
  const passes = group(rows.passes);
  return rows.projects.map((row) => ({
    row,
    rollup: rollupProject(
      factsOf(row, milestones.get(row.id) ?? [], costs.get(row.id) ?? []),
      today,
      thresholds,
    ),
    passed: passes.get(row.id) ?? [],
  }));
}
