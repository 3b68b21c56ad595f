import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreatePlan,
  PlanComparison,
  PlanOptions,
  PlanSummary,
  PlanView,
  RiskInput,
  SolveRequest,
  UpdatePlan,
} from '../../../../src/contracts/planning.ts';
import type { PlanDocumentView, SavePlanDocument } from '../../../../src/contracts/plan-document.ts';
import { api } from '../../api/client.ts';

export type {
  AssessedRisk,
  InitiativeView,
  Origin,
  PlanCandidate,
  PlanComparison,
  PlanOptions,
  PlanProblem,
  PlanSettings,
  PlanSummary,
  PlanView,
  RiskInput,
} from '../../../../src/contracts/planning.ts';

const path = (id: string) => `/api/plans/${encodeURIComponent(id)}`;

export const usePlanOptions = (pack?: string) =>
  useQuery({
    queryKey: ['plans', 'options', pack ?? ''],
    queryFn: () => api<PlanOptions>(`/api/plans/options${pack ? `?pack=${encodeURIComponent(pack)}` : ''}`),
    staleTime: 60_000,
  });

export const usePlans = () =>
  useQuery({
    queryKey: ['plans', 'list'],
    queryFn: async () => (await api<{ plans: PlanSummary[] }>('/api/plans')).plans,
  });

export const usePlan = (id: string) =>
  useQuery({
    queryKey: ['plans', 'one', id],
    queryFn: () => api<PlanView>(path(id)),
    retry: (count, error) => count < 2 && !('status' in error && error.status === 404),
  });

export const useComparison = (id: string) =>
  useQuery({ queryKey: ['plans', 'compare', id], queryFn: () => api<PlanComparison>(`${path(id)}/compare`) });

/** Every plan mutation answers with the whole plan; keep the cache in step and refresh lists and comparisons. */
function usePlanMutation<V>(request: (variables: V) => Promise<PlanView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (plan) => {
      client.setQueryData(['plans', 'one', plan.id], plan);
      void client.invalidateQueries({ queryKey: ['plans', 'list'] });
      void client.invalidateQueries({ queryKey: ['plans', 'compare'] });
    },
  });
}

export const useCreatePlan = () =>
  usePlanMutation((body: CreatePlan) => api<PlanView>('/api/plans', { method: 'POST', body }));

/**
 * PATCH of the plan at the version edited: the title, the settings and the initiatives changed (by id; those left
 * out are kept). 409 stale_version when someone else changed one of them since (see useVersionedSave).
 */
export const useUpdatePlan = (id: string) =>
  usePlanMutation((body: UpdatePlan & { version: number }) =>
    api<PlanView>(path(id), { method: 'PATCH', body }),
  );

/** Puts a plan read elsewhere (the current one of a 409 stale_version) in the cache: the tabs show it. */
export function useReplacePlan() {
  const client = useQueryClient();
  return (plan: PlanView) => {
    client.setQueryData(['plans', 'one', plan.id], plan);
    void client.invalidateQueries({ queryKey: ['plans', 'document', plan.id] });
    void client.invalidateQueries({ queryKey: ['plans', 'list'] });
  };
}

export const useSolvePlan = (id: string) =>
  usePlanMutation((body: z.infer<typeof SolveRequest>) =>
    api<PlanView>(`${path(id)}/solve`, { method: 'POST', body }),
  );

export const useCopyPlan = (id: string) =>
  usePlanMutation((body: { title?: string }) => api<PlanView>(`${path(id)}/copy`, { method: 'POST', body }));

export function useDeletePlan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(path(id), { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['plans'] }),
  });
}

export const useSaveRisk = (id: string) =>
  usePlanMutation(({ riskId, risk, version }: { riskId?: string; risk: RiskInput; version: number }) =>
    riskId === undefined
      ? api<PlanView>(`${path(id)}/risks`, { method: 'POST', body: risk })
      : api<PlanView>(`${path(id)}/risks/${encodeURIComponent(riskId)}`, {
          method: 'PUT',
          body: { ...risk, version },
        }),
  );

export const useDeleteRisk = (id: string) =>
  usePlanMutation((riskId: string) =>
    api<PlanView>(`${path(id)}/risks/${encodeURIComponent(riskId)}`, { method: 'DELETE' }),
  );

export type { PlanDocumentSectionView, PlanDocumentView } from '../../../../src/contracts/plan-document.ts';

/**
 * The plan document's sections (pre-filled and edited texts) in the given language; `version` (the plan's updatedAt
 * and solvedAt) refetches them after the plan or its roadmap changed.
 */
export const usePlanDocument = (id: string, lang: 'zh' | 'en', version: string) =>
  useQuery({
    queryKey: ['plans', 'document', id, lang, version],
    queryFn: () => api<PlanDocumentView>(`${path(id)}/document?lang=${lang}`),
  });

/**
 * Saves the sections of one language changed since the view of `version` (a section left out keeps its stored text,
 * one sent empty or pre-filled is reset). The other language's edits are unchanged by the save, so only this
 * language's view is replaced in the cache. 409 stale_version when someone else changed one of these sections since.
 */
export function useSavePlanDocument(id: string, lang: 'zh' | 'en') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ edits, version }: SavePlanDocument & { version: number }) =>
      api<PlanDocumentView>(`${path(id)}/document?lang=${lang}`, { method: 'PUT', body: { edits, version } }),
    onSuccess: (view) => {
      client.setQueriesData({ queryKey: ['plans', 'document', id, lang] }, view);
    },
  });
}

/** Where the plan document downloads from (the browser follows the link; the server names the file). */
export const planDocumentUrl = (id: string, format: 'docx' | 'pdf', lang: 'zh' | 'en') =>
  `${path(id)}/document.${format}?lang=${lang}`;
