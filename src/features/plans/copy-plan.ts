import type { TenantId } from '../../server/access/tenant.ts';
import { loadPlan } from './load-plan.ts';
import { documentToStore } from './plan-document.ts';
import type { PlanRepository } from './repository.ts';
import { readPlan, type StoredPlan } from './stored-plan.ts';

/** A what-if copy of a plan: the same inputs, solution and document edits, titled “…（副本）” unless named. */
export async function copyPlan(
  repo: Pick<PlanRepository, 'findPlan' | 'insertPlan'>,
  tenant: TenantId,
  createdBy: string,
  planId: string,
  title: string | undefined,
): Promise<StoredPlan> {
  const { record } = await loadPlan(repo, tenant, planId);
  const copy = await repo.insertPlan(tenant, {
    title: title ?? `${record.title}（副本）`,
    atlasPackId: record.atlasPackId,
    copiedFrom: record.id,
    assessmentId: record.assessmentId,
    profile: record.profile,
    settings: record.settings,
    initiatives: record.initiatives,
    risks: record.risks,
    solution: record.solution,
    document: documentToStore(record.document),
    createdBy,
  });
  return readPlan(copy);
}
