import type { Db } from '../../db/client.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { orStale } from '../../server/versioned-save.ts';
import type { DeliveryDeps } from './deps.ts';
import { presentProject } from './presenter.ts';
import { isoDay } from './project-facts.ts';
import type { ProjectBundle, ProjectChange } from './repository.ts';
import { found } from './show-project.ts';

/**
 * One write of a project under its row lock; 404 for no such project, 409 stale_version (with the project as it is
 * now) when `make` finds a part it writes changed since the version sent. A refusal thrown by `make` rolls back
 * everything it wrote.
 */
export function saveProjectChange(
  { repo, pack, now }: DeliveryDeps,
  tenant: TenantId,
  id: string,
  make: (bundle: ProjectBundle, tx: Db) => Promise<ProjectChange>,
): Promise<ProjectBundle> {
  return orStale(
    'project',
    async () => found(await repo.changeProject(tenant, id, make)),
    async () => presentProject(found(await repo.findProject(tenant, id)), pack, isoDay(now())),
  );
}
