import { milestoneProblems } from '../../core/delivery/validate.ts';
import type { UpdateMilestone } from '../../contracts/delivery.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { notFound } from '../../server/app-error.ts';
import { changedSince, requireVersion, StaleSave } from '../../server/versioned-save.ts';
import type { DeliveryDeps, Writer } from './deps.ts';
import { requireInvitedRight } from './invited-rights.ts';
import { refused, windowOf } from './project-facts.ts';
import { projectWrites, type ProjectBundle } from './repository.ts';
import { saveProjectChange } from './save-project-change.ts';

/** Renames, moves or marks done (or reopens) a milestone, at the project version edited. */
export function updateMilestone(
  deps: DeliveryDeps,
  tenant: TenantId,
  writer: Writer,
  id: string,
  milestoneId: string,
  body: UpdateMilestone,
): Promise<ProjectBundle> {
  requireInvitedRight(deps.pack, writer, { kind: 'milestones' });
  const version = requireVersion(body.version, 'project');
  return saveProjectChange(deps, tenant, id, async ({ project, milestones }, tx) => {
    const milestone = milestones.find((m) => m.id === milestoneId);
    if (!milestone) throw notFound('Milestone');
    const part = `milestones.${milestoneId}`;
    const changed = changedSince(project.fieldVersions, version);
    if (version > project.version || changed.includes(part)) throw new StaleSave(project.version, changed);
    const edited = {
      title: body.title ?? milestone.title,
      due: body.due ?? milestone.due,
      doneOn: body.doneOn === undefined ? milestone.doneOn : body.doneOn,
    };
    const problems = milestoneProblems(windowOf(project), edited);
    if (problems.length > 0) throw refused('invalid_milestone', problems);
    await projectWrites.updateMilestone(tx, tenant, project.id, milestoneId, edited);
    return { parts: [part] };
  });
}
