import type { LocalizedText } from '../shared/text.ts';
import type { IndicatorSystem } from './model-schema.ts';
import { atLeast } from './numbers.ts';

/**
 * The level rule of an indicator system with the assessed enterprise's position against each condition: why a score
 * of 62.15 is still 二级 (a scene gate is not met). The data of the diagnosis report's threshold table (二、等级与门槛)
 * and of the web result page. Pure: the model and the result in.
 */
export type LevelCondition =
  /** points: total score ≥ need */
  | { kind: 'score'; need: number; have: number; met: boolean }
  /** points: ≥ need scenes at scene level ≥ sceneLevel */
  | { kind: 'scenes'; sceneLevel: number; need: number; have: number; met: boolean }
  /** points: ≥ need of those scenes 约束性 */
  | { kind: 'constrained'; sceneLevel: number; need: number; have: number; met: boolean }
  /** staged: the overall score S ≥ need (S counts a level only when it and every level below reach the pass mark) */
  | { kind: 'staged-s'; need: number; have: number; met: boolean; passScore: number };

export interface LevelRuleRow {
  id: string;
  name: LocalizedText;
  conditions: LevelCondition[];
  /** every condition of this level holds */
  holds: boolean;
  /** the level is reached (points: it and every level below hold; staged: S is at or above its lower bound) */
  reached: boolean;
  /** staged: the level's own weighted score, whether it passed and whether it counts in S */
  levelScore?: { score: number; passed: boolean; counted: boolean };
}

/** What the rule reads of a diagnosis result (the engine's DiagnosisResult and the API's result alike). */
export interface LevelRuleResult {
  score: number;
  level: { id: string } | null;
  scenes: readonly { level: number; constrained: boolean }[];
  levelScores: readonly { id: string; score: number; passed: boolean; counted: boolean }[];
}

/** The model's levels bottom-up with the result's position against each condition; [] for a checklist. */
export function levelRule(model: IndicatorSystem, result: LevelRuleResult): LevelRuleRow[] {
  if (model.family === 'points') {
    let climbing = true;
    return model.levels.map((l) => {
      const at = result.scenes.filter((s) => s.level >= l.sceneLevel);
      const constrained = at.filter((s) => s.constrained).length;
      const conditions: LevelCondition[] = [
        { kind: 'score', need: l.minScore, have: result.score, met: atLeast(result.score, l.minScore) },
        {
          kind: 'scenes',
          sceneLevel: l.sceneLevel,
          need: l.minScenes,
          have: at.length,
          met: at.length >= l.minScenes,
        },
        {
          kind: 'constrained',
          sceneLevel: l.sceneLevel,
          need: l.minConstrainedScenes,
          have: constrained,
          met: constrained >= l.minConstrainedScenes,
        },
      ];
      const holds = conditions.every((c) => c.met);
      climbing = climbing && holds;
      return { id: l.id, name: l.name, conditions, holds, reached: climbing };
    });
  }
  if (model.family === 'staged') {
    const pass = model.rules.passScore;
    return model.rules.levels.map((l) => {
      const met = atLeast(result.score, l.minS);
      const ls = result.levelScores.find((x) => x.id === l.id);
      return {
        id: l.id,
        name: l.name,
        conditions: [{ kind: 'staged-s', need: l.minS, have: result.score, met, passScore: pass }],
        holds: met,
        reached: met,
        ...(ls ? { levelScore: { score: ls.score, passed: ls.passed, counted: ls.counted } } : {}),
      };
    });
  }
  return [];
}
