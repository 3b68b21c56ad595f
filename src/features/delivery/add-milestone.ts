import { milestoneProblems } from '../../core/delivery/validate.ts';
import type { AddMilestone } from '../../contracts/delivery.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import type { DeliveryDeps, Writer } from './deps.ts';
import { requireInvitedRight } from './invited-rights.ts';
import { refused, windowOf } from './project-facts.ts';
import { projectWrites, type ProjectBundle } from './repository.ts';
import { saveProjectChange } from './save-project-change.ts';

/** Adds a milestone; one due after the project's end is refused. */
export function addMilestone(
  deps: DeliveryDeps,
  tenant: TenantId,
  writer: Writer,
  id: string,
  body: AddMilestone,
): Promise<ProjectBundle> {
  requireInvitedRight(deps.pack, writer, { kind: 'milestones' });
  return saveProjectChange(deps, tenant, id, async ({ project }, tx) => {
    const problems = milestoneProblems(windowOf(project), body);
    if (problems.length > 0) throw refused('invalid_milestone', problems);
    const m = await projectWrites.addMilestone(tx, tenant, project.id, { title: body.title, due: body.due });
    return { parts: [`milestones.${m.id}`] };
  });
}
