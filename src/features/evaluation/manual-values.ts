/**
 * PUT/DELETE /api/kpis/:id/manual-values/:period: a KPI value typed in for a period where the ledgers cannot give
 * it — stored marked manual, with who entered it, when and why; the computed value stays beside it.
 */
import type { KpiValueView, SaveManualValue } from '../../contracts/evaluation.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { notFound } from '../../server/app-error.ts';
import type { EvaluationDeps } from './deps.ts';
import { kpiSeries } from './kpi-values.ts';
import { periodBounds, previousPeriod } from '../../core/kpi/periods.ts';
import { deleteManualValue, listManualValues, loadRows, saveManualValue } from './repository.ts';
import { findKpi, periodFor } from './value-rows.ts';

async function valueOf(deps: EvaluationDeps, tenant: TenantId, kpiId: string, period: string) {
  const kpi = findKpi(deps, kpiId);
  const kind = periodFor(kpi, period);
  const bounds = periodBounds(period);
  const rows = await loadRows(deps.db, tenant, {
    from: periodBounds(previousPeriod(period)).from,
    to: bounds.to,
  });
  const manual = await listManualValues(deps.db, tenant, kpiId);
  const series = kpiSeries(deps, kpi, kind, rows, manual, bounds);
  return series.values.find((v) => v.period === period);
}

export async function enterManualValue(
  deps: EvaluationDeps,
  tenant: TenantId,
  userId: string,
  kpiId: string,
  period: string,
  input: SaveManualValue,
): Promise<KpiValueView> {
  periodFor(findKpi(deps, kpiId), period);
  await saveManualValue(
    deps.db,
    tenant,
    {
      kpiId,
      period,
      value: input.value,
      note: input.note,
      enteredBy: userId,
      at: deps.now(),
    },
    deps.audit,
  );
  return (await valueOf(deps, tenant, kpiId, period))!;
}

/** Removes the manual value; the computed one (if any) is in force again. */
export async function removeManualValue(
  deps: EvaluationDeps,
  tenant: TenantId,
  kpiId: string,
  period: string,
): Promise<void> {
  periodFor(findKpi(deps, kpiId), period);
  if (!(await deleteManualValue(deps.db, tenant, kpiId, period, deps.audit)))
    throw notFound(`Manual value of ${kpiId} for ${period}`);
}
