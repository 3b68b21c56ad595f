import type { IndicatorSystem } from '../diagnosis/model-schema.ts';
import { atLeast, tidy } from '../diagnosis/numbers.ts';
import type { DiagnosisResult } from '../diagnosis/result.ts';
import type { LocalizedText } from '../shared/text.ts';
import type { MemberKind, ModelMapping } from './mapping-schema.ts';

/** One scored item of the source assessment that fed an estimate, with its standing 0–1. */
export interface SourceItem {
  id: string;
  kind: MemberKind;
  name: LocalizedText;
  /** the item's standing in the source result, 0–1 (score / max; scene level / highest level) */
  fraction: number;
}
/** The estimated standing of one item of a mapped model, and what it was estimated from. */
export interface ItemEstimate {
  id: string;
  kind: MemberKind;
  name: LocalizedText;
  /** estimated standing 0–1: the mean over its concepts of the mean of their source items */
  fraction: number;
  /** the concepts (crosswalk rows) that link it to the source, each with the source items that contributed */
  via: { concept: string; name: LocalizedText; from: SourceItem[] }[];
}
/** The estimated standing on one mapped model. Clearly an estimate: never a diagnosis of that model. */
export interface ModelEstimate {
  model: { id: string; version: string };
  title: LocalizedText;
  family: IndicatorSystem['family'];
  /** mean standing over the covered items, 0–1; null when no item is covered */
  fraction: number | null;
  /** the estimate placed on the model's own level ladder; null for checklists or without coverage */
  level: { id: string; name: LocalizedText } | null;
  /**
   * how the level was placed: `staged-s` (S ≈ fraction × number of levels, the model's S intervals), `score` (points:
   * fraction × the total, the minimum scores only — scene-count gates are not applied), `none`
   */
  levelBasis: 'staged-s' | 'score' | 'none';
  /** true when the model's levels also have scene-count gates the estimate leaves out */
  gatesIgnored: boolean;
  coverage: { covered: number; total: number };
  /** the covered items, model order */
  items: ItemEstimate[];
}
export interface CrossModelEstimate {
  source: { id: string; version: string };
  mapping: { id: string; version: string };
  /** one per mapped model other than the source that is loaded, in the mapping's order */
  estimates: ModelEstimate[];
}

const key = (kind: MemberKind, id: string) => `${kind}:${id}`;

/** The items of a model a mapping can name, with their names, in model order. */
export function mappableItems(
  model: IndicatorSystem,
): { id: string; kind: MemberKind; name: LocalizedText }[] {
  if (model.family === 'points')
    return [
      ...model.dimensions.flatMap((d) =>
        d.indicators.map((i) => ({ id: i.id, kind: 'item' as const, name: i.name })),
      ),
      ...model.scenes.map((s) => ({ id: s.id, kind: 'scene' as const, name: s.name })),
    ];
  if (model.family === 'staged')
    return model.areas.flatMap((a) =>
      a.subdomains.map((s) => ({ id: s.id, kind: 'item' as const, name: s.name })),
    );
  return model.parts.flatMap((p) => p.groups.map((g) => ({ id: g.id, kind: 'item' as const, name: g.name })));
}

/** The standing 0–1 of every item the source result scores (items with nothing to score — tailored out, n.a. — left out). */
export function sourceFractions(model: IndicatorSystem, result: DiagnosisResult): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of result.subDimensions)
    if (s.max > 0) out.set(key('item', s.id), Math.min(1, Math.max(0, s.score / s.max)));
  if (model.family === 'points' && model.sceneMax > 0)
    for (const s of result.scenes)
      out.set(key('scene', s.id), Math.min(1, Math.max(0, s.level / model.sceneMax)));
  return out;
}

/**
 * From one assessment's diagnosis result, estimate the standing on every other model the mapping links. Each concept
 * the source takes part in gets the mean standing of its scored source items; each target item gets the mean over its
 * concepts; a model's standing is the mean over its covered items, placed on its own level ladder. Pure; laws (tested):
 * a better source score never lowers an estimate, an item in no concept never changes one, every fraction is in [0, 1].
 */
export function estimateOnModels(
  mapping: ModelMapping,
  source: { model: IndicatorSystem; result: DiagnosisResult },
  models: ReadonlyMap<string, IndicatorSystem>,
): CrossModelEstimate {
  const srcId = source.model.meta.id;
  const fractions = sourceFractions(source.model, source.result);
  const srcNames = new Map(mappableItems(source.model).map((i) => [key(i.kind, i.id), i.name]));
  // concept → its scored source items and their mean
  const conceptValue = new Map<string, { mean: number; from: SourceItem[] }>();
  for (const c of mapping.concepts) {
    const from: SourceItem[] = [];
    for (const m of c.members) {
      if (m.model !== srcId) continue;
      const f = fractions.get(key(m.kind, m.item));
      const name = srcNames.get(key(m.kind, m.item));
      if (f !== undefined && name) from.push({ id: m.item, kind: m.kind, name, fraction: tidy(f) });
    }
    if (from.length > 0)
      conceptValue.set(c.id, { mean: from.reduce((s, x) => s + x.fraction, 0) / from.length, from });
  }
  const estimates: ModelEstimate[] = [];
  for (const targetId of mapping.meta.models) {
    if (targetId === srcId) continue;
    const target = models.get(targetId);
    if (!target) continue;
    const all = mappableItems(target);
    const via = new Map<string, ItemEstimate['via']>();
    for (const c of mapping.concepts) {
      const v = conceptValue.get(c.id);
      if (!v) continue;
      for (const m of c.members) {
        if (m.model !== targetId) continue;
        const k = key(m.kind, m.item);
        const list = via.get(k) ?? [];
        if (!list.some((x) => x.concept === c.id)) list.push({ concept: c.id, name: c.name, from: v.from });
        via.set(k, list);
      }
    }
    const items: ItemEstimate[] = [];
    for (const it of all) {
      const list = via.get(key(it.kind, it.id));
      if (!list) continue;
      const f = list.reduce((s, x) => s + (conceptValue.get(x.concept)?.mean ?? 0), 0) / list.length;
      items.push({ ...it, fraction: tidy(f), via: list });
    }
    const fraction = items.length > 0 ? tidy(items.reduce((s, x) => s + x.fraction, 0) / items.length) : null;
    estimates.push({
      model: { id: target.meta.id, version: target.meta.version },
      title: target.meta.title,
      family: target.family,
      fraction,
      ...placeOnLadder(target, fraction),
      coverage: { covered: items.length, total: all.length },
      items,
    });
  }
  return {
    source: { id: srcId, version: source.model.meta.version },
    mapping: { id: mapping.meta.id, version: mapping.meta.version },
    estimates,
  };
}

/** Where a standing 0–1 falls on a model's own levels (monotonic in the standing). */
export function placeOnLadder(
  model: IndicatorSystem,
  fraction: number | null,
): Pick<ModelEstimate, 'level' | 'levelBasis' | 'gatesIgnored'> {
  if (model.family === 'checklist') return { level: null, levelBasis: 'none', gatesIgnored: false };
  if (model.family === 'staged') {
    const S = fraction === null ? -1 : tidy(fraction * model.rules.levels.length);
    let lv: (typeof model.rules.levels)[number] | undefined;
    for (const l of model.rules.levels) if (S >= 0 && atLeast(S, l.minS)) lv = l;
    return { level: lv ? { id: lv.id, name: lv.name } : null, levelBasis: 'staged-s', gatesIgnored: false };
  }
  const total = model.dimensions.reduce((s, d) => s + d.points, 0);
  const score = fraction === null ? -1 : tidy(fraction * total);
  let lv: (typeof model.levels)[number] | undefined;
  for (const l of model.levels) if (score >= 0 && atLeast(score, l.minScore)) lv = l;
  return {
    level: lv ? { id: lv.id, name: lv.name } : null,
    levelBasis: 'score',
    gatesIgnored: model.levels.some((l) => l.minScenes > 0 || l.minConstrainedScenes > 0),
  };
}
