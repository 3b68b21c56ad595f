/** Replaces a risk edited at `version` (409 stale_version when someone changed or removed it since; 404 for no such risk). */
import type { RiskInput, SaveRisk } from '../../contracts/planning.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { notFound } from '../../server/app-error.ts';
import { changedSince, partsToWrite, requireVersion, StaleSave } from '../../server/versioned-save.ts';
import { loadPlan } from './load-plan.ts';
import type { PlanChange, PlanRecord, PlanRepository } from './repository.ts';
import { checkedRisks, riskEntry } from './risk-entry.ts';
import { savePlanChange } from './save-plan-change.ts';
import { readPlan, type StoredPlan } from './stored-plan.ts';

export async function replaceRisk(
  repo: Pick<PlanRepository, 'changePlan' | 'findPlan'>,
  tenant: TenantId,
  planId: string,
  riskId: string,
  save: SaveRisk,
): Promise<StoredPlan> {
  await loadPlan(repo, tenant, planId);
  const { version: sent, ...risk } = save;
  const version = requireVersion(sent, 'plan');
  return savePlanChange(repo, tenant, planId, (record) => riskReplace(record, riskId, risk, version));
}

export function riskReplace(
  record: PlanRecord,
  riskId: string,
  input: RiskInput,
  version: number,
): PlanChange {
  const plan = readPlan(record);
  const part = `risks.${riskId}`;
  const old = plan.risks.find((r) => r.id === riskId);
  if (!old) {
    if (changedSince(record.fieldVersions, version).includes(part))
      throw new StaleSave(record.version, changedSince(record.fieldVersions, version));
    throw notFound('Risk');
  }
  const entry = riskEntry(riskId, input);
  const parts = partsToWrite(new Map([[part, entry]]), new Map([[part, old]]), record, version);
  return {
    patch: {
      risks: checkedRisks(
        plan,
        plan.risks.map((r) => (r.id === riskId ? entry : r)),
      ),
    },
    parts,
    touchesInputs: true,
  };
}
