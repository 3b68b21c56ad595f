import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ImportedLedger,
  ImportLedger,
  LedgerUploadPreview,
  KpiCatalogueView,
  KpiPeriod,
  KpiValueRows,
  KpiValues,
  LedgerImportList,
} from '../../../../src/contracts/evaluation.ts';
import { api, upload } from '../../api/client.ts';

export type {
  KpiCatalogueView,
  KpiPeriod,
  KpiSeries,
  KpiValueRows,
  KpiValueView,
  LedgerKind,
  LedgerMapping,
  LedgerProblem,
  LedgerUploadPreview,
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

/** Sends a ledger file as the raw body (not multipart); answers its preview. */
export function uploadLedger(file: File): Promise<LedgerUploadPreview> {
  return upload<LedgerUploadPreview>(`/api/ledgers/uploads?fileName=${encodeURIComponent(file.name)}`, file);
}

export function useImportLedger() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportLedger) => api<ImportedLedger>('/api/ledgers/imports', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['evaluation'] }),
  });
}

export function useDeleteImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api<undefined>(`/api/ledgers/imports/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['evaluation'] }),
  });
}
