import type { AtlasCatalog } from '../../core/atlas/types.ts';
import type { DiagnosisResult } from '../../core/diagnosis/result.ts';
import { diagnose } from '../../core/diagnosis/diagnose.ts';
import type { AnswerValue, AssessmentProfile, Comparison, Text } from '../../contracts/diagnosis.ts';
import { countableItems, effectiveValue, toAssessment, type ModelIndex } from './assessment-items.ts';

/** Stored answer rows as the result needs them. */
export interface StoredAnswer {
  itemId: string;
  value: unknown;
  verification: string | null;
  verifiedValue: unknown;
}

/** Diagnose stored answers: the assessor's corrections count; unanswered items score as lowest. */
export function scoreAnswers(
  index: ModelIndex,
  rows: readonly StoredAnswer[],
  profile: AssessmentProfile,
): DiagnosisResult {
  const answers = new Map<string, AnswerValue | null>(rows.map((r) => [r.itemId, effectiveValue(r)]));
  return diagnose(index.model, toAssessment(index, answers, profile)).result;
}

/** How many countable items have an answer, out of how many. */
export function progress(
  index: ModelIndex,
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
