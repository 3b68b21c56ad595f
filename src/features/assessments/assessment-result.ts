import type { AtlasCatalog } from '../../core/atlas/types.ts';
import type { DiagnosisResult } from '../../core/diagnosis/result.ts';
import { diagnose } from '../../core/diagnosis/diagnose.ts';
import type { AnswerValue as EngineAnswer, Assessment } from '../../core/diagnosis/assessment.ts';
import type { AnswerValue, AssessmentProfile, Comparison, Text } from '../../contracts/diagnosis.ts';
import type { IndicatorSystemIndex } from './indicator-system-index.ts';

/** Stored answer rows as the result needs them. */
export interface StoredAnswer {
  itemId: string;
  value: unknown;
  verification: string | null;
  verifiedValue: unknown;
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
  index: IndicatorSystemIndex,
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
export function countableItems(index: IndicatorSystemIndex, profile: AssessmentProfile): Set<string> {
  const model = index.model;
  const out = new Set(index.items.keys());
  if (model.family === 'staged' && profile.notApplicable)
    for (const a of model.areas)
      for (const s of a.subdomains)
        if (profile.notApplicable.includes(s.id)) for (const r of s.requirements) out.delete(r.id);
  return out;
}

/** Diagnose stored answers: the assessor's corrections count; unanswered items score as lowest. */
export function scoreAnswers(
  index: IndicatorSystemIndex,
  rows: readonly StoredAnswer[],
  profile: AssessmentProfile,
): DiagnosisResult {
  const answers = new Map<string, AnswerValue | null>(rows.map((r) => [r.itemId, effectiveValue(r)]));
  return diagnose(index.model, toAssessment(index, answers, profile)).result;
}

/** How many countable items have an answer, out of how many. */
export function progress(
  index: IndicatorSystemIndex,
  rows: readonly { itemId: string; value: unknown; verification: string | null; verifiedValue: unknown }[],
  profile: AssessmentProfile,
): { answered: number; total: number } {
  const countable = countableItems(index, profile);
  const answered = rows.filter((r) => countable.has(r.itemId) && effectiveValue(r) !== null).length;
  return { answered, total: countable.size };
}

/** Names of every atlas scenario code the result points to (gaps and next-level changes). */
export function scenarioNames(
  atlases: AtlasCatalog,
  atlasId: string,
  result: DiagnosisResult,
): Record<string, Text> {
  const codes = new Set<string>();
  for (const g of result.gaps) for (const c of g.scenarios) codes.add(c);
  if (result.nextLevel?.reachable)
    for (const ch of result.nextLevel.changes) for (const c of ch.scenarios) codes.add(c);
  const atlas = atlases.get(atlasId);
  const out: Record<string, Text> = {};
  if (!atlas) return out;
  const byCode = new Map(atlas.scenarios.map((s) => [s.code, s.name]));
  for (const c of codes) {
    const name = byCode.get(c);
    if (name) out[c] = name;
  }
  return out;
}

/** Per-dimension deltas and level before/after against an earlier result of the same model. */
export function compareResults(
  previous: { id: string; title: string; submittedAt: Date | null; result: DiagnosisResult },
  current: DiagnosisResult,
): Comparison {
  const before = new Map(previous.result.dimensions.map((d) => [d.id, d.score]));
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    previous: {
      id: previous.id,
      title: previous.title,
      submittedAt: previous.submittedAt?.toISOString() ?? null,
    },
    scoreBefore: previous.result.score,
    scoreAfter: current.score,
    levelBefore: previous.result.level,
    levelAfter: current.level,
    dimensions: current.dimensions.map((d) => {
      const b = before.get(d.id) ?? 0;
      return { id: d.id, name: d.name, before: b, after: d.score, delta: round(d.score - b) };
    }),
  };
}
