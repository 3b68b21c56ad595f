import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { atlasGraph } from '../../core/atlas/graph-view.ts';
import { neighbours, prerequisites, shortestChain, unlocks } from '../../core/atlas/graph.ts';
import {
  ChainType,
  Kpi,
  Link,
  PackMeta,
  PainPoint,
  Scenario,
  Vocabulary,
} from '../../core/atlas/pack-schema.ts';
import {
  filterScenarios,
  findScenario,
  resolveCategory,
  type ScenarioFilter,
} from '../../core/atlas/query.ts';
import { ELEMENT_LISTS, type Atlas, type AtlasCatalog } from '../../core/atlas/types.ts';
import { LocalizedText } from '../../core/shared/text.ts';
import { badRequest, notFound } from '../../server/app-error.ts';

const Counts = z.object({
  scenarios: z.number().int(),
  links: z.number().int(),
  painPoints: z.number().int(),
  kpis: z.number().int(),
});
export const PackSummary = PackMeta.extend({
  /** ids of the extends chain, root first, this pack last */
  chain: z.array(z.string()),
  counts: Counts,
});
export const PackDetail = z.object({
  meta: PackMeta,
  chain: z.array(PackMeta),
  vocabulary: Vocabulary,
  painPoints: z.array(PainPoint),
  kpis: z.array(Kpi),
});
export const ScenarioDetail = z.object({
  scenario: Scenario,
  /** id of the pack that defines the scenario */
  pack: z.string(),
  incoming: z.array(Link),
  outgoing: z.array(Link),
  /** transitive prerequisites, in doing order */
  prerequisites: z.array(z.string()),
  /** what the scenario transitively unlocks, in doing order */
  unlocks: z.array(z.string()),
});
export const AtlasGraphResponse = z.object({
  categories: z.array(z.object({ id: z.string(), code: z.string(), name: LocalizedText })),
  nodes: z.array(
    z.object({
      id: z.string(),
      name: LocalizedText,
      category: z.number().int(),
      categoryId: z.string(),
      pack: z.string(),
    }),
  ),
  edges: z.array(
    z.object({
      source: z.string(),
      target: z.string(),
      chain: ChainType,
      flow: LocalizedText,
      prerequisite: z.boolean(),
    }),
  ),
});
export const ChainPathResponse = z.object({
  found: z.boolean(),
  /** scenario codes from `from` to `to` (empty when not found) */
  codes: z.array(z.string()),
  links: z.array(Link),
});

const PackParams = z.object({ packId: z.string().describe('atlas pack id, e.g. guide-2024') });
const ScenarioQuery = z.object({
  q: z.string().optional().describe('free text over code, name and description'),
  category: z.string().optional().describe('category id (production) or code (PM)'),
  valueTag: z.string().optional(),
  enterpriseType: z.string().optional(),
  kpi: z.string().optional(),
  painPoint: z.string().optional(),
  element: z.string().optional().describe('substring of an entry of the four lists, e.g. 设备运行数据'),
  list: z.enum(ELEMENT_LISTS).optional().describe('restrict `element` to one list'),
  chain: ChainType.optional().describe('only scenarios with a link of this chain type'),
});
const PathQuery = z.object({
  from: z.string().min(1),
  to: z.string().min(1),
  chain: z
    .string()
    .optional()
    .describe('chain types to walk, comma-separated (tool,data,model); default all'),
});

const tags = ['atlas'];

/** Public read API over the loaded scenario atlases (一图四清单). */
export function atlasRoutes(catalog: AtlasCatalog): FastifyPluginAsyncZod {
  const atlasOf = (packId: string): Atlas => {
    const atlas = catalog.get(packId);
    if (!atlas) throw notFound(`Atlas pack "${packId}"`, { packId, available: [...catalog.keys()] });
    return atlas;
  };
  const scenarioOf = (atlas: Atlas, code: string) => {
    const s = findScenario(atlas, code);
    if (!s) throw notFound(`Scenario ${code} in atlas pack "${atlas.meta.id}"`, { code });
    return s;
  };

  return async (app) => {
    app.get(
      '/api/atlas/packs',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Atlas packs with their counts',
          response: { 200: z.object({ packs: z.array(PackSummary) }) },
        },
      },
      () => ({
        packs: [...catalog.values()].map((a) => ({
          ...a.meta,
          chain: a.chain.map((m) => m.id),
          counts: {
            scenarios: a.scenarios.length,
            links: a.links.length,
            painPoints: a.painPoints.length,
            kpis: a.kpis.length,
          },
        })),
      }),
    );

    app.get(
      '/api/atlas/packs/:packId',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Pack metadata, vocabularies, pain points and KPIs',
          params: PackParams,
          response: { 200: PackDetail },
        },
      },
      (request) => {
        const a = atlasOf(request.params.packId);
        return {
          meta: a.meta,
          chain: a.chain,
          vocabulary: a.vocabulary,
          painPoints: a.painPoints,
          kpis: a.kpis,
        };
      },
    );

    app.get(
      '/api/atlas/packs/:packId/scenarios',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'List or search scenarios; every given criterion must hold',
          params: PackParams,
          querystring: ScenarioQuery,
          response: { 200: z.object({ scenarios: z.array(Scenario) }) },
        },
      },
      (request) => {
        const a = atlasOf(request.params.packId);
        const { q, category, valueTag, enterpriseType, kpi, painPoint, element, list, chain } = request.query;
        const known = (what: string, value: string | undefined, ids: string[]) => {
          if (value !== undefined && !ids.includes(value)) {
            throw badRequest(`unknown ${what} "${value}"`, { [what]: value, known: ids });
          }
        };
        if (category !== undefined && !resolveCategory(a, category)) {
          throw badRequest(`unknown category "${category}"`, {
            category,
            known: a.vocabulary.categories.flatMap((c) => [c.id, c.code]),
          });
        }
        known(
          'valueTag',
          valueTag,
          a.vocabulary.valueTags.map((t) => t.id),
        );
        known(
          'enterpriseType',
          enterpriseType,
          a.vocabulary.enterpriseTypes.map((t) => t.id),
        );
        known(
          'kpi',
          kpi,
          a.kpis.map((k) => k.id),
        );
        known(
          'painPoint',
          painPoint,
          a.painPoints.map((p) => p.id),
        );
        const filter: ScenarioFilter = {
          ...(q ? { q } : {}),
          ...(category ? { category } : {}),
          ...(valueTag ? { valueTag } : {}),
          ...(enterpriseType ? { enterpriseType } : {}),
          ...(kpi ? { kpi } : {}),
          ...(painPoint ? { painPoint } : {}),
          ...(element ? { element } : {}),
          ...(list ? { elementList: list } : {}),
          ...(chain ? { chain } : {}),
        };
        return { scenarios: filterScenarios(a, filter) };
      },
    );

    app.get(
      '/api/atlas/packs/:packId/scenarios/:code',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'A scenario with its neighbours, prerequisites and what it unlocks',
          params: PackParams.extend({ code: z.string().describe('scenario code, e.g. GEN-PM-03') }),
          response: { 200: ScenarioDetail },
        },
      },
      (request) => {
        const a = atlasOf(request.params.packId);
        const scenario = scenarioOf(a, request.params.code);
        const n = neighbours(a, scenario.code);
        return {
          scenario,
          pack: a.origin[scenario.code] ?? a.meta.id,
          incoming: n.incoming,
          outgoing: n.outgoing,
          prerequisites: prerequisites(a, scenario.code),
          unlocks: unlocks(a, scenario.code),
        };
      },
    );

    app.get(
      '/api/atlas/packs/:packId/graph',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary:
            'The atlas as a graph (nodes with category, edges with chain, flow, prerequisite) for ECharts',
          params: PackParams,
          response: { 200: AtlasGraphResponse },
        },
      },
      (request) => atlasGraph(atlasOf(request.params.packId)),
    );

    app.get(
      '/api/atlas/packs/:packId/path',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Shortest chain of links from one scenario to another',
          params: PackParams,
          querystring: PathQuery,
          response: { 200: ChainPathResponse },
        },
      },
      (request) => {
        const a = atlasOf(request.params.packId);
        const { from, to, chain } = request.query;
        scenarioOf(a, from);
        scenarioOf(a, to);
        const chains =
          chain === undefined
            ? undefined
            : chain
                .split(',')
                .map((c) => c.trim())
                .filter(Boolean);
        const bad = chains?.filter((c) => !ChainType.safeParse(c).success) ?? [];
        if (bad.length > 0)
          throw badRequest(`unknown chain type "${bad.join(', ')}"; use tool, data or model`, { chain });
        const path = shortestChain(a, from, to, chains as ChainType[] | undefined);
        return path ? { found: true, ...path } : { found: false, codes: [], links: [] };
      },
    );
  };
}
