import type { AnswerValue as EngineAnswer, Assessment } from '../../core/diagnosis/assessment.ts';
import { readConformance } from '../../core/diagnosis/checklist-diagnose.ts';
import type { IndicatorSystem } from '../../core/diagnosis/model-schema.ts';
import { readPointsAnswers } from '../../core/diagnosis/points-answers.ts';
import { describeControlCharacter, findControlCharacterIn } from '../../core/shared/control-characters.ts';
import type {
  AnswerProblem,
  AnswerValue,
  AssessmentProfile,
  ItemKind,
  IndicatorSystemSummary,
  Section,
} from '../../contracts/diagnosis.ts';

/**
 * What the assessment API needs to know about an indicator system: its form sections and items, how to check one
 * answer, and how to turn stored answers into the engine's Assessment.
 */
export interface ModelIndex {
  model: IndicatorSystem;
  sections: Section[];
  /** item id → its kind and section */
  items: Map<string, { kind: ItemKind; section: string }>;
  summary: IndicatorSystemSummary;
}

const cache = new WeakMap<IndicatorSystem, ModelIndex>();

export function modelIndex(model: IndicatorSystem): ModelIndex {
  const hit = cache.get(model);
  if (hit) return hit;
  const sections = modelSections(model);
  const items = new Map<string, { kind: ItemKind; section: string }>();
  for (const s of sections) for (const it of s.items) items.set(it.id, { kind: it.kind, section: s.id });
  const index: ModelIndex = { model, sections, items, summary: summarise(model, items.size) };
  cache.set(model, index);
  return index;
}

function modelSections(model: IndicatorSystem): Section[] {
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

/**
 * Check one answer against the model; returns the problem or null. A null value (clearing) is always fine. Answers
 * read from an imported file come here unchecked by the API's schema, so a control character anywhere in the value
 * (a text, an option, a key of a ratio's fields) is refused here, naming where; PostgreSQL would refuse a NUL.
 */
export function checkAnswer(index: ModelIndex, itemId: string, value: AnswerValue | null): string | null {
  const item = index.items.get(itemId);
  if (!item) return `unknown item ${JSON.stringify(itemId)} (not in model ${index.model.meta.id})`;
  if (value === null) return null;
  const control = findControlCharacterIn(value, 'answer');
  if (control) return describeControlCharacter(control);
  const model = index.model;
  if (model.family === 'points') {
    if (item.kind === 'scene') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > model.sceneMax)
        return `scene level must be an integer 0–${model.sceneMax}, got ${JSON.stringify(value)}`;
      return null;
    }
    const { problems } = readPointsAnswers(model, { answers: { [itemId]: value }, scenes: {} });
    const own = problems.find((p) => p.itemId === itemId);
    return own ? own.message : null;
  }
  if (model.family === 'staged') {
    const grades = model.rules.grades.map((g) => g.value);
    if (typeof value !== 'number' || !grades.includes(value))
      return `grade must be one of ${grades.join(' / ')}, got ${JSON.stringify(value)}`;
    return null;
  }
  if (readConformance(model, value) === null)
    return `unknown answer ${JSON.stringify(value)}; allowed: met, partly, not, na`;
  return null;
}

/** Check a batch of answers; every problem is returned. */
export function checkAnswers(
  index: ModelIndex,
  answers: Record<string, AnswerValue | null>,
): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  for (const [itemId, value] of Object.entries(answers)) {
    const message = checkAnswer(index, itemId, value);
    if (message !== null) problems.push({ itemId, message });
  }
  return problems;
}

/**
 * Check a profile against the model, each value against what the model allows: `weightTable` one of the model's
 * weight tables, `notApplicable` sub-domains that can be tailored out (staged models only; the other families have
 * neither). Every problem names its field, and shows the value escaped.
 */
export function checkProfile(index: ModelIndex, profile: AssessmentProfile): string[] {
  const model = index.model;
  const problems: string[] = [];
  const tables = index.summary.weightTables.map((t) => t.id);
  if (profile.weightTable !== undefined && !tables.includes(profile.weightTable))
    problems.push(
      tables.length > 0
        ? `weightTable: unknown weight table ${JSON.stringify(profile.weightTable)}; allowed: ${tables.join(', ')}`
        : `weightTable: model ${model.meta.id} has no weight tables, got ${JSON.stringify(profile.weightTable)}`,
    );
  const notApplicable = profile.notApplicable ?? [];
  if (model.family !== 'staged') {
    if (notApplicable.length > 0)
      problems.push(
        `notApplicable: model ${model.meta.id} has no sub-domains to tailor out, got ${JSON.stringify(notApplicable)}`,
      );
    return problems;
  }
  const subs = new Map(model.areas.flatMap((a) => a.subdomains.map((s) => [s.id, s] as const)));
  for (const id of notApplicable) {
    const s = subs.get(id);
    if (!s) problems.push(`notApplicable: unknown sub-domain ${JSON.stringify(id)}`);
    else if (!s.tailorable) problems.push(`notApplicable: sub-domain ${id} cannot be tailored out`);
  }
  return problems;
}

/** The answer that counts for scoring: the assessor's correction when there is one. */
export function effectiveValue(row: {
  value: unknown;
  verification: string | null;
  verifiedValue: unknown;
}): AnswerValue | null {
  const v = row.verification === 'corrected' ? row.verifiedValue : row.value;
  return (v ?? null) as AnswerValue | null;
}

/** The engine's Assessment from stored answers and profile. */
export function toAssessment(
  index: ModelIndex,
  answers: ReadonlyMap<string, AnswerValue | null>,
  profile: AssessmentProfile,
): Assessment {
  const model = index.model;
  const out: Record<string, EngineAnswer> = {};
  const scenes: Record<string, number> = {};
  for (const [id, value] of answers) {
    const item = index.items.get(id);
    if (!item || value === null) continue;
    if (item.kind === 'scene') {
      if (typeof value === 'number') scenes[id] = value;
    } else out[id] = value;
  }
  const assessment: Assessment = { model: model.meta.id, version: model.meta.version, answers: out };
  if (model.family === 'points' && model.scenes.length > 0) {
    for (const s of model.scenes) scenes[s.id] ??= 0;
    assessment.scenes = scenes;
  }
  if (model.family === 'staged') {
    if (profile.weightTable !== undefined) assessment.weightTable = profile.weightTable;
    if (profile.notApplicable) assessment.notApplicable = profile.notApplicable;
  }
  return assessment;
}

/** Items that count towards progress (tailored-out sub-domains excluded). */
export function countableItems(index: ModelIndex, profile: AssessmentProfile): Set<string> {
  const model = index.model;
  const out = new Set(index.items.keys());
  if (model.family === 'staged' && profile.notApplicable)
    for (const a of model.areas)
      for (const s of a.subdomains)
        if (profile.notApplicable.includes(s.id)) for (const r of s.requirements) out.delete(r.id);
  return out;
}
