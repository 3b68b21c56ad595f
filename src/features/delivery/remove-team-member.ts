import type { TenantId } from '../../server/access/tenant.ts';
import { notFound } from '../../server/app-error.ts';
import type { DeliveryDeps } from './deps.ts';
import { projectWrites, type ProjectBundle } from './repository.ts';
import { saveProjectChange } from './save-project-change.ts';

export function removeTeamMember(
  deps: DeliveryDeps,
  tenant: TenantId,
  id: string,
  memberId: string,
): Promise<ProjectBundle> {
  return saveProjectChange(deps, tenant, id, async ({ project }, tx) => {
    if (!(await projectWrites.removeTeamMember(tx, tenant, project.id, memberId)))
      throw notFound('Team member');
    return { parts: [`team.${memberId}`] };
  });
}
