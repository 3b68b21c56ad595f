/**
 * KPI values per period, computed from the organisation's stored ledger rows by the catalogue's formulas
 * (src/core/kpi/compute.ts), never typed in; a manual value, where one was entered, is shown in force and marked
 * so, beside what the rows give. Each series reads its baseline (T0, the first period with a value) against its
 * latest value in the KPI's direction.
 */
import type { KpiSeries, KpiValuesQuery, KpiValueView } from '../../contracts/evaluation.ts';
import type { Kpi, Period } from '../../core/kpi/catalogue-schema.ts';
import { computeKpi, type LedgerRow } from '../../core/kpi/compute.ts';
import { coarserOrEqual, periodBounds } from '../../core/kpi/periods.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import type { EvaluationDeps } from './deps.ts';
import { unitText } from './presenter.ts';
import { listManualValues, loadRows, type ManualValueRow, type StoredLedgerRow } from './repository.ts';

const lastDay = (month: string) => periodBounds(month).to;

/** The rows to compute from for periods starting at `from` (a month): a year before it too, for prev(). */
export function loadFrom(from: string | undefined): string | undefined {
  if (!from) return undefined;
  return `${Number(from.slice(0, 4)) - 1}-01-01`;
}

/** Computed (and manual) values of one KPI per `period`, those starting within [from, to] (ISO dates). */
export function kpiSeries(
  deps: EvaluationDeps,
  kpi: Kpi,
  period: Period,
  rows: readonly StoredLedgerRow[],
  manual: readonly ManualValueRow[],
  range: { from?: string; to?: string } = {},
): KpiSeries & { refs: Map<string, StoredLedgerRow[]> } {
  const { catalogue } = deps;
  const unit = unitText(catalogue, kpi.unit);
  const ledger: LedgerRow<StoredLedgerRow>[] = rows.map((r) => ({ ref: r, date: r.date, values: r.values }));
  const computed = computeKpi(kpi, catalogue.fields, ledger, period);
  const inRange = (key: string) => {
    const b = periodBounds(key);
    return (!range.from || b.from >= range.from) && (!range.to || b.from <= range.to);
  };
  const byPeriod = new Map<string, KpiValueView>();
  const refs = new Map<string, StoredLedgerRow[]>();
  if (computed.ok)
    for (const v of computed.values) {
      if (!inRange(v.period)) continue;
      refs.set(v.period, v.rows);
      byPeriod.set(v.period, {
        kpiId: kpi.id,
        period: v.period,
        value: v.ok ? v.value : null,
        unit,
        source: 'computed',
        computed: v.ok ? v.value : null,
        reason: v.ok
          ? null
          : {
              kind: v.problem.kind,
              message: v.problem.message,
              ...(v.problem.field ? { field: v.problem.field } : {}),
            },
        rowCount: v.rows.length,
        enteredBy: null,
        enteredAt: null,
        note: null,
      });
    }
  for (const m of manual) {
    if (m.kpiId !== kpi.id || !sameKind(m.period, period) || !inRange(m.period)) continue;
    const base = byPeriod.get(m.period);
    byPeriod.set(m.period, {
      kpiId: kpi.id,
      period: m.period,
      value: m.value,
      unit,
      source: 'manual',
      computed: base?.computed ?? null,
      reason: base?.reason ?? null,
      rowCount: base?.rowCount ?? 0,
      enteredBy: m.enteredByName,
      enteredAt: m.enteredAt.toISOString(),
      note: m.note === '' ? null : m.note,
    });
  }
  const values = [...byPeriod.values()].sort((a, b) => (a.period < b.period ? -1 : 1));
  const valued = values.filter((v) => v.value !== null);
  const first = valued[0];
  const last = valued.length > 1 ? valued[valued.length - 1] : undefined;
  const change = first && last ? last.value! - first.value! : null;
  const sign = kpi.direction === 'up' ? 1 : -1;
  return {
    kpiId: kpi.id,
    name: kpi.name,
    unit,
    direction: kpi.direction,
    period,
    values,
    baseline: first ? { period: first.period, value: first.value! } : null,
    latest: valued.length > 0 ? { period: valued.at(-1)!.period, value: valued.at(-1)!.value! } : null,
    change,
    trend: change === null ? null : change === 0 ? 'unchanged' : sign * change > 0 ? 'better' : 'worse',
    refs,
  };
}

/** A period key of the granularity `period`: 2025-01 month, 2025-Q1 quarter, 2025 year. */
export function sameKind(key: string, period: Period): boolean {
  if (period === 'year') return /^\d{4}$/.test(key);
  if (period === 'quarter') return /^\d{4}-Q[1-4]$/.test(key);
  return /^\d{4}-\d{2}$/.test(key);
}

export async function kpiValues(
  deps: EvaluationDeps,
  tenant: TenantId,
  query: KpiValuesQuery,
): Promise<KpiSeries[]> {
  const from = query.from ? `${query.from}-01` : undefined;
  const to = query.to ? lastDay(query.to) : undefined;
  const rows = await loadRows(deps.db, tenant, { from: loadFrom(query.from), to });
  const manual = await listManualValues(deps.db, tenant);
  return deps.catalogue.kpis.map((kpi) => {
    const period = query.period && coarserOrEqual(query.period, kpi.period) ? query.period : kpi.period;
    const { refs: _refs, ...series } = kpiSeries(deps, kpi, period, rows, manual, { from, to });
    return series;
  });
}
