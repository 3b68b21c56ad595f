import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type {
  DerivedMatchRequest,
  MatchAnswer,
  MatchInitiative,
  MatchOptions,
  OpenPool,
  PoolList,
  PoolStepRequest,
  PoolView,
  ProviderClassesView,
  ProviderDirectory,
  ProviderDirectoryQuery,
  ProviderGrade,
  ProviderProfileView,
  SaveProviderProfile,
  SupplyDemandView,
  GradingModelView,
} from '../../../../src/contracts/providers.ts';
import type { LocalizedText } from '../../../../src/core/shared/text.ts';
import { useTranslation } from 'react-i18next';
import { api, ApiError, upload } from '../../api/client.ts';

export type {
  FactorScore,
  MatchAnswer,
  MatchEntry,
  MatchFilters,
  MatchInitiative,
  Membership,
  OpenPool,
  PoolList,
  PoolStepRequest,
  PoolView,
  ProfileFields,
  ProviderDirectoryQuery,
  ProviderGrade,
  ProviderProduct,
  ProviderProfileView,
  ProviderSummary,
  SupplyDemandView,
  WhyNot,
} from '../../../../src/contracts/providers.ts';

const noRetryOn4xx = (count: number, error: Error) =>
  count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500);

/** The query string of the directory's filters (and of its Excel export). */
export function directoryQueryString(query: ProviderDirectoryQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query) as [string, string | undefined][])
    if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const useProviders = (query: ProviderDirectoryQuery = {}) =>
  useQuery({
    queryKey: ['providers', 'directory', query],
    queryFn: () => api<ProviderDirectory>(`/api/providers${directoryQueryString(query)}`),
    placeholderData: keepPreviousData,
  });

export const useProvider = (id: string) =>
  useQuery({
    queryKey: ['providers', 'one', id],
    queryFn: () => api<ProviderProfileView>(`/api/providers/${encodeURIComponent(id)}`),
    retry: noRetryOn4xx,
  });

/** A provider's grade; asked only when the caller may see it (its own, or a pool member's), so no 403 is logged. */
export const useProviderGrade = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ['providers', 'grade', id],
    queryFn: () => api<ProviderGrade>(`/api/providers/${encodeURIComponent(id)}/grade`),
    enabled,
    retry: noRetryOn4xx,
  });

/** The grading model a provider answers on its profile, and which of its questions are computed. */
export const useGradingModel = () =>
  useQuery({
    queryKey: ['providers', 'grading-model'],
    queryFn: () => api<GradingModelView>('/api/providers/grading-model'),
    staleTime: 600_000,
  });

export const useOwnProfile = (enabled = true) =>
  useQuery({
    queryKey: ['providers', 'own'],
    queryFn: () => api<ProviderProfileView>('/api/provider-profile'),
    enabled,
  });

function useProfileSaved() {
  const client = useQueryClient();
  return (view: ProviderProfileView) => {
    client.setQueryData(['providers', 'own'], view);
    void client.invalidateQueries({ queryKey: ['providers'], predicate: (q) => q.queryKey[1] !== 'own' });
  };
}

export function useSaveProfile() {
  const saved = useProfileSaved();
  return useMutation({
    mutationFn: (body: SaveProviderProfile) =>
      api<ProviderProfileView>('/api/provider-profile', { method: 'PUT', body }),
    onSuccess: saved,
  });
}

export function useImportProfile() {
  const saved = useProfileSaved();
  return useMutation({
    mutationFn: ({ file, version }: { file: File; version: number }) =>
      upload<ProviderProfileView>(
        `/api/provider-profile/import?fileName=${encodeURIComponent(file.name)}&version=${version}`,
        file,
      ),
    onSuccess: saved,
  });
}

/** What a match is for: a free initiative, a plan's initiative, or a project. */
export type MatchSource =
  | { kind: 'initiative'; initiative: MatchInitiative }
  | { kind: 'plan'; planId: string; initiativeId: string }
  | { kind: 'project'; projectId: string };

export interface MatchAsk {
  options: MatchOptions;
  whyNot?: string | undefined;
  /** for a plan initiative or a project: what its record does not say */
  derived?: Omit<DerivedMatchRequest, 'options' | 'whyNot'>;
}

export function matchPath(source: MatchSource): string {
  if (source.kind === 'initiative') return '/api/providers/match';
  if (source.kind === 'plan')
    return `/api/plans/${encodeURIComponent(source.planId)}/initiatives/${encodeURIComponent(source.initiativeId)}/providers`;
  return `/api/projects/${encodeURIComponent(source.projectId)}/providers`;
}

export const useMatch = (source: MatchSource, ask: MatchAsk) =>
  useQuery({
    queryKey: ['providers', 'match', source, ask],
    queryFn: () =>
      api<MatchAnswer>(matchPath(source), {
        method: 'POST',
        body:
          source.kind === 'initiative'
            ? { initiative: source.initiative, options: ask.options, whyNot: ask.whyNot }
            : { ...ask.derived, options: ask.options, whyNot: ask.whyNot },
      }),
    placeholderData: keepPreviousData,
    retry: noRetryOn4xx,
  });

export const usePools = () =>
  useQuery({ queryKey: ['pools', 'list'], queryFn: async () => (await api<PoolList>('/api/pools')).pools });

export const usePool = (id: string) =>
  useQuery({
    queryKey: ['pools', 'one', id],
    queryFn: () => api<PoolView>(`/api/pools/${encodeURIComponent(id)}`),
    retry: noRetryOn4xx,
  });

export function useOpenPool() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenPool) => api<PoolView>('/api/pools', { method: 'POST', body }),
    onSuccess: (pool) => {
      client.setQueryData(['pools', 'one', pool.id], pool);
      void client.invalidateQueries({ queryKey: ['pools', 'list'] });
    },
  });
}

export function usePoolStep(poolId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PoolStepRequest) =>
      api<PoolView>(`/api/pools/${encodeURIComponent(poolId)}/steps`, { method: 'POST', body }),
    onSuccess: (pool) => {
      client.setQueryData(['pools', 'one', pool.id], pool);
      void client.invalidateQueries({ queryKey: ['pools', 'list'] });
      void client.invalidateQueries({ queryKey: ['providers'] });
    },
  });
}

export const useSupplyDemand = (poolId: string | undefined) =>
  useQuery({
    queryKey: ['providers', 'supply-demand', poolId ?? ''],
    queryFn: () =>
      api<SupplyDemandView>(`/api/supply-demand${poolId ? `?poolId=${encodeURIComponent(poolId)}` : ''}`),
    placeholderData: keepPreviousData,
  });

const STATIC = { staleTime: 5 * 60_000 };

/** Scenario names of every loaded atlas pack, by code (the profile, matching and supply pages name scenarios). */
export function useScenarioNames(): Map<string, LocalizedText> {
  const packs = useQuery({
    queryKey: ['atlas', 'packs'],
    queryFn: async () => {
      const payload = await api<unknown>('/api/atlas/packs');
      const list = Array.isArray(payload) ? payload : (payload as { packs?: unknown[] }).packs;
      return (list ?? []) as { id: string }[];
    },
    ...STATIC,
  });
  const lists = useQueries({
    queries: (packs.data ?? []).map((p) => ({
      queryKey: ['atlas', 'scenarios', p.id, {}],
      queryFn: async () => {
        const payload = await api<unknown>(`/api/atlas/packs/${encodeURIComponent(p.id)}/scenarios`);
        const list = Array.isArray(payload) ? payload : (payload as { scenarios?: unknown[] }).scenarios;
        return (list ?? []) as { code: string; name: LocalizedText }[];
      },
      ...STATIC,
    })),
  });
  const stamp = lists.map((l) => l.dataUpdatedAt).join(',');
  return useMemo(() => {
    const names = new Map<string, LocalizedText>();
    for (const l of lists) for (const s of l.data ?? []) if (!names.has(s.code)) names.set(s.code, s.name);
    return names;
  }, [stamp]);
}

/** The provider classes, types and pilot categories of the server's loaded pack (GET /api/providers/classes). */
export const useProviderClasses = () =>
  useQuery({
    queryKey: ['provider-classes'],
    queryFn: () => api<ProviderClassesView>('/api/providers/classes'),
    staleTime: Infinity,
    retry: noRetryOn4xx,
  });

export interface ClassNames {
  /** the pack's type ids, in the pack's order (empty while loading) */
  typeIds: string[];
  categoryIds: string[];
  /** a type's name in the reader's language, or its id for a type the pack does not know (or while loading) */
  typeName: (id: string) => string;
  categoryName: (id: string) => string;
}

/** The pack's type and category names in the page's language. */
export function useClassNames(): ClassNames {
  const { i18n } = useTranslation();
  const { data } = useProviderClasses();
  const en = i18n.language.startsWith('en');
  return useMemo(() => {
    const types = new Map<string, LocalizedText>();
    for (const c of data?.classes ?? []) for (const t of c.types) types.set(t.id, t.name);
    const categories = new Map<string, LocalizedText>((data?.categories ?? []).map((c) => [c.id, c.name]));
    const pick = (names: Map<string, LocalizedText>) => (id: string) => {
      const name = names.get(id);
      return name ? (en ? name.en : name.zh) : id;
    };
    return {
      typeIds: [...types.keys()],
      categoryIds: [...categories.keys()],
      typeName: pick(types),
      categoryName: pick(categories),
    };
  }, [data, en]);
}
