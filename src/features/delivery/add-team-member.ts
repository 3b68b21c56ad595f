import type { AddTeamMember } from '../../contracts/delivery.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import type { DeliveryDeps } from './deps.ts';
import { refused } from './project-facts.ts';
import { projectWrites, type ProjectBundle } from './repository.ts';
import { saveProjectChange } from './save-project-change.ts';

/** Adds a person to the project's team in a role of the delivery pack (CIO, CDO, 项目负责人 …). */
export function addTeamMember(
  deps: DeliveryDeps,
  tenant: TenantId,
  id: string,
  body: AddTeamMember,
): Promise<ProjectBundle> {
  return saveProjectChange(deps, tenant, id, async ({ project }, tx) => {
    if (!deps.pack.roles.some((r) => r.id === body.role))
      throw refused('invalid_team_member', [
        {
          field: 'role',
          message: `“${body.role}” is not a team role of the delivery pack; use one of ${deps.pack.roles.map((r) => r.id).join(', ')}`,
        },
      ]);
    const member = await projectWrites.addTeamMember(tx, tenant, project.id, {
      role: body.role,
      name: body.name,
      userId: body.userId ?? null,
    });
    return { parts: [`team.${member.id}`] };
  });
}
