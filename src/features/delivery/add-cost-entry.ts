import { costEntryProblems } from '../../core/delivery/validate.ts';
import type { AddCostEntry } from '../../contracts/delivery.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import type { DeliveryDeps, Writer } from './deps.ts';
import { requireInvitedRight } from './invited-rights.ts';
import { refused, windowOf } from './project-facts.ts';
import { projectWrites, type ProjectBundle } from './repository.ts';
import { saveProjectChange } from './save-project-change.ts';

/** Books spend against a plan period; a closed period, or one outside the plan, is refused. */
export function addCostEntry(
  deps: DeliveryDeps,
  tenant: TenantId,
  writer: Writer,
  id: string,
  body: AddCostEntry,
): Promise<ProjectBundle> {
  requireInvitedRight(deps.pack, writer, { kind: 'costs' });
  return saveProjectChange(deps, tenant, id, async ({ project }, tx) => {
    const problems = costEntryProblems(windowOf(project), body);
    if (problems.length > 0) throw refused('invalid_cost_entry', problems);
    const c = await projectWrites.addCost(tx, tenant, project.id, {
      period: body.period,
      amount: body.amount,
      note: body.note ?? '',
      enteredBy: writer.userId,
    });
    return { parts: [`costs.${c.id}`] };
  });
}
