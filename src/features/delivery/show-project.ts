import type { TenantId } from '../../server/access/tenant.ts';
import { notFound } from '../../server/app-error.ts';
import type { DeliveryDeps } from './deps.ts';
import type { ProjectBundle } from './repository.ts';

/** The tenant's project with everything beneath it, or 404. */
export async function showProject(
  { repo }: Pick<DeliveryDeps, 'repo'>,
  tenant: TenantId,
  id: string,
): Promise<ProjectBundle> {
  return found(await repo.findProject(tenant, id));
}

export function found(bundle: ProjectBundle | undefined): ProjectBundle {
  if (!bundle) throw notFound('Project');
  return bundle;
}
