/** GET /api/kpis/:id/values/:period/rows: the stored ledger rows behind one KPI value, a page at a time. */
import type { KpiValueRows } from '../../contracts/evaluation.ts';
import type { Kpi } from '../../core/kpi/catalogue-schema.ts';
import { coarserOrEqual, periodBounds, periodKind, previousPeriod } from '../../core/kpi/periods.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { AppError, notFound } from '../../server/app-error.ts';
import type { EvaluationDeps } from './deps.ts';
import { kpiSeries } from './kpi-values.ts';
import { kpiFields } from './presenter.ts';
import { importNames, loadRows } from './repository.ts';

/** The catalogue's KPI of that id (404 otherwise). */
export function findKpi(deps: EvaluationDeps, id: string): Kpi {
  const kpi = deps.catalogue.kpis.find((k) => k.id === id);
  if (!kpi) throw notFound(`KPI ${id}`);
  return kpi;
}

/** The period's granularity, refused when the KPI is not computed that finely. */
export function periodFor(kpi: Kpi, key: string) {
  const kind = periodKind(key);
  if (!kind || !coarserOrEqual(kind, kpi.period))
    throw new AppError(
      400,
      'bad_period',
      `${key}: ${kpi.id} is computed per ${kpi.period} or coarser (a month 2025-01, a quarter 2025-Q1, a year 2025)`,
    );
  return kind;
}

export async function valueRows(
  deps: EvaluationDeps,
  tenant: TenantId,
  kpiId: string,
  period: string,
  page: { offset: number; limit: number },
): Promise<KpiValueRows> {
  const kpi = findKpi(deps, kpiId);
  const kind = periodFor(kpi, period);
  const bounds = periodBounds(period);
  // the period before too: prev() reads it
  const rows = await loadRows(deps.db, tenant, {
    from: periodBounds(previousPeriod(period)).from,
    to: bounds.to,
  });
  const series = kpiSeries(deps, kpi, kind, rows, [], { from: bounds.from, to: bounds.to });
  const behind = series.refs.get(period) ?? [];
  const slice = behind.slice(page.offset, page.offset + page.limit);
  const names = await importNames(deps.db, tenant, [...new Set(slice.map((r) => r.importId))]);
  const fields = kpiFields(deps.catalogue, kpi.formula);
  return {
    kpiId,
    period,
    total: behind.length,
    offset: page.offset,
    limit: page.limit,
    rows: slice.map((r) => ({
      importId: r.importId,
      fileName: names.get(r.importId) ?? '',
      row: r.row,
      date: r.date,
      values: Object.fromEntries(fields.map((f) => [f, r.values[f] ?? null])),
    })),
  };
}
