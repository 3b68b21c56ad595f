import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  KpiCatalogueView,
  KpiPeriod,
  KpiValueRows,
  KpiValues,
  LedgerImportList,
} from '../../../../src/contracts/evaluation.ts';
import { api } from '../../api/client.ts';

export type {
  KpiCatalogueView,
  KpiPeriod,
  KpiSeries,
  KpiValueRows,
  KpiValueView,
} from '../../../../src/contracts/evaluation.ts';

/** The KPI catalogue in force: KPIs and the data fields a ledger column can map onto. */
export const useKpiCatalogue = () =>
  useQuery({
    queryKey: ['evaluation', 'catalogue'],
    queryFn: () => api<KpiCatalogueView>('/api/kpis'),
    staleTime: 5 * 60_000,
  });

/** Every KPI's values per period, computed from the stored ledger rows. */
export const useKpiValues = (period: KpiPeriod) =>
  useQuery({
    queryKey: ['evaluation', 'values', period],
    queryFn: () => api<KpiValues>(`/api/kpis/values?period=${encodeURIComponent(period)}`),
    placeholderData: keepPreviousData,
  });

/** The ledger rows behind one KPI value, a page at a time. */
export const useValueRows = (kpiId: string, period: string | null, offset: number, limit: number) =>
  useQuery({
    queryKey: ['evaluation', 'rows', kpiId, period, offset, limit],
    enabled: period !== null,
    queryFn: () =>
      api<KpiValueRows>(
        `/api/kpis/${encodeURIComponent(kpiId)}/values/${encodeURIComponent(period ?? '')}/rows?offset=${offset}&limit=${limit}`,
      ),
    placeholderData: keepPreviousData,
  });

export const useLedgerImports = () =>
  useQuery({
    queryKey: ['evaluation', 'imports'],
    queryFn: () => api<LedgerImportList>('/api/ledgers/imports'),
  });
