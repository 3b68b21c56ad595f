import type { IndicatorSystem } from '../../core/diagnosis/model-schema.ts';
import type { ItemKind, IndicatorSystemSummary, Section } from '../../contracts/diagnosis.ts';
import { notFound } from '../../server/app-error.ts';

/** The indicator systems (指标体系) loaded on this server, by id (the wire's `modelId`). */
export type IndicatorSystemCatalog = ReadonlyMap<string, IndicatorSystem>;

/**
 * What the assessment API needs to know about an indicator system: its form sections and items, how to check one
 * answer, and how to turn stored answers into the engine's Assessment.
 */
export interface IndicatorSystemIndex {
  /** the indicator system itself (`model` on the wire and in the packs) */
  model: IndicatorSystem;
  sections: Section[];
  /** item id → its kind and section */
  items: Map<string, { kind: ItemKind; section: string }>;
  summary: IndicatorSystemSummary;
}

const cache = new WeakMap<IndicatorSystem, IndicatorSystemIndex>();

export function indicatorSystemIndex(model: IndicatorSystem): IndicatorSystemIndex {
  const hit = cache.get(model);
  if (hit) return hit;
  const sections = formSections(model);
  const items = new Map<string, { kind: ItemKind; section: string }>();
  for (const s of sections) for (const it of s.items) items.set(it.id, { kind: it.kind, section: s.id });
  const index: IndicatorSystemIndex = { model, sections, items, summary: summarise(model, items.size) };
  cache.set(model, index);
  return index;
}

function formSections(model: IndicatorSystem): Section[] {
  if (model.family === 'points') {
    const dims: Section[] = model.dimensions.map((d) => ({
      id: d.id,
      name: d.name,
      kind: 'dimension',
      items: d.indicators.flatMap((ind) =>
        ind.questions.map((q) => ({ id: q.id, kind: 'question' as const })),
      ),
    }));
    const groups: Section[] = model.sceneGroups.map((g) => ({
      id: g.id,
      name: g.name,
      kind: 'scenes',
      items: model.scenes.filter((s) => s.group === g.id).map((s) => ({ id: s.id, kind: 'scene' as const })),
    }));
    return [...dims, ...groups.filter((g) => g.items.length > 0)];
  }
  if (model.family === 'staged')
    return model.areas.map((a) => ({
      id: a.id,
      name: a.name,
      kind: 'area',
      items: a.subdomains.flatMap((s) =>
        s.requirements.map((r) => ({ id: r.id, kind: 'requirement' as const })),
      ),
    }));
  return model.parts.map((p) => ({
    id: p.id,
    name: p.name,
    kind: 'part',
    items: p.groups.flatMap((g) => g.items.map((it) => ({ id: it.id, kind: 'check' as const }))),
  }));
}

function summarise(model: IndicatorSystem, itemCount: number): IndicatorSystemSummary {
  const m = model.meta;
  const levels =
    model.family === 'points'
      ? model.levels.map((l) => ({ id: l.id, name: l.name }))
      : model.family === 'staged'
        ? model.rules.levels.map((l) => ({ id: l.id, name: l.name }))
        : [];
  const dimensions =
    model.family === 'points'
      ? model.dimensions.map((d) => ({ id: d.id, name: d.name }))
      : model.family === 'staged'
        ? model.areas.map((a) => ({ id: a.id, name: a.name }))
        : model.parts.map((p) => ({ id: p.id, name: p.name }));
  return {
    id: m.id,
    version: m.version,
    title: m.title,
    description: m.description ?? null,
    family: model.family,
    atlas: m.atlas,
    levels,
    dimensions,
    weightTables:
      model.family === 'staged' && model.rules.aggregate === 'weighted' ? model.rules.weightTables : [],
    itemCount,
  };
}

/** The indicator system `id` of the catalog, indexed; 404 naming those available when it is not loaded. */
export function indicatorSystemOf(systems: IndicatorSystemCatalog, id: string): IndicatorSystemIndex {
  const system = systems.get(id);
  if (!system) throw notFound(`Model ${id}`, { available: [...systems.keys()] });
  return indicatorSystemIndex(system);
}
