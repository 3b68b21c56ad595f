import { keepPreviousData, queryOptions, usePrefetchQuery, useQuery } from '@tanstack/react-query';
import type { AtlasGraph } from '../../../../src/core/atlas/graph-view.ts';
import type {
  ChainType,
  Kpi,
  Link,
  PackMeta,
  PainPoint,
  Scenario,
  Vocabulary,
} from '../../../../src/core/atlas/pack-schema.ts';
import { api } from '../../api/client.ts';

export type { AtlasGraph, ChainType, Kpi, Link, PackMeta, PainPoint, Scenario, Vocabulary };

/** The pack the atlas pages open when none is chosen. */
export const DEFAULT_PACK = 'guide-2024';

export interface PackSummary extends PackMeta {
  counts: { scenarios: number; links: number; painPoints: number; kpis: number };
}

export interface PackDetail {
  meta: PackMeta;
  vocabulary: Vocabulary;
  painPoints: PainPoint[];
  kpis: Kpi[];
}

/** Criteria of GET /api/atlas/packs/:packId/scenarios; every given one must hold. */
export interface ScenarioQuery {
  q?: string;
  category?: string;
  valueTag?: string;
  enterpriseType?: string;
  kpi?: string;
  element?: string;
  chain?: string;
}

export interface ScenarioDetail {
  scenario: Scenario;
  /** id of the pack that defines the scenario */
  pack?: string;
  incoming: Link[];
  outgoing: Link[];
  /** transitive prerequisites, doing order */
  prerequisites: string[];
  /** what the scenario (transitively) unlocks, doing order */
  unlocks: string[];
}

const base = (packId: string) => `/api/atlas/packs/${encodeURIComponent(packId)}`;

function queryString(query: ScenarioQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query) as [string, string | undefined][]) {
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Lists come back either bare or wrapped in an object; accept both. */
function listOf<T>(payload: unknown, key: string): T[] {
  if (Array.isArray(payload)) return payload as T[];
  if (payload && typeof payload === 'object' && key in payload) {
    const inner = (payload as Record<string, unknown>)[key];
    if (Array.isArray(inner)) return inner as T[];
  }
  return [];
}

const STATIC = { staleTime: 5 * 60_000 };

export const atlasQueries = {
  packs: () =>
    queryOptions({
      queryKey: ['atlas', 'packs'],
      queryFn: async () => listOf<PackSummary>(await api<unknown>('/api/atlas/packs'), 'packs'),
      ...STATIC,
    }),
  pack: (packId: string) =>
    queryOptions({
      queryKey: ['atlas', 'pack', packId],
      queryFn: () => api<PackDetail>(base(packId)),
      ...STATIC,
    }),
  scenarios: (packId: string, query: ScenarioQuery = {}) =>
    queryOptions({
      queryKey: ['atlas', 'scenarios', packId, query],
      queryFn: async () =>
        listOf<Scenario>(await api<unknown>(`${base(packId)}/scenarios${queryString(query)}`), 'scenarios'),
      ...STATIC,
    }),
  graph: (packId: string) =>
    queryOptions({
      queryKey: ['atlas', 'graph', packId],
      queryFn: () => api<AtlasGraph>(`${base(packId)}/graph`),
      ...STATIC,
    }),
};

export const usePacks = () => useQuery(atlasQueries.packs());
export const usePack = (packId: string) => useQuery(atlasQueries.pack(packId));
export const useAtlasGraph = (packId: string) => useQuery(atlasQueries.graph(packId));
export const useScenarios = (packId: string, query: ScenarioQuery = {}) =>
  useQuery({ ...atlasQueries.scenarios(packId, query), placeholderData: keepPreviousData });

export function useScenario(packId: string, code: string) {
  return useQuery({
    queryKey: ['atlas', 'scenario', packId, code],
    queryFn: () => api<ScenarioDetail>(`${base(packId)}/scenarios/${encodeURIComponent(code)}`),
    retry: (count, error) => count < 2 && !('status' in error && error.status === 404),
    ...STATIC,
  });
}

/**
 * Start loading what every atlas page needs while the page itself is still being rendered, so that the requests do
 * not wait for the page to be committed.
 */
export function usePrefetchAtlas(packId: string): void {
  usePrefetchQuery(atlasQueries.packs());
  usePrefetchQuery(atlasQueries.pack(packId));
  usePrefetchQuery(atlasQueries.graph(packId));
  usePrefetchQuery(atlasQueries.scenarios(packId));
}
