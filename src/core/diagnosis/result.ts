/** The outcome of a Diagnosis, shared by all scoring families; plain JSON. */
export interface DiagnosisResult {
  model: { id: string; version: string };
  family: 'points' | 'staged' | 'checklist';
  /** achieved score; never above maxScore */
  score: number;
  /** the ACHIEVABLE maximum of this assessment (n.a. and tailored-out items excluded) */
  maxScore: number;
  /** score normalised to 0–100 over maxScore */
  percent: number;
  level: LevelRef | null;
  dimensions: DimensionScore[];
  /** the next layer down: indicators (points), sub-domains (staged), groups (checklist) */
  subDimensions: DimensionScore[];
  scenes: SceneResult[];
  /** staged family: the weighted score of each level, bottom-up */
  levelScores: LevelScore[];
  gaps: Gap[];
  nextLevel: NextLevel | null;
}

export interface LevelRef {
  id: string;
  name: string;
}
export interface DimensionScore {
  id: string;
  name: string;
  score: number;
  max: number;
}
export interface SceneResult {
  id: string;
  name: string;
  group: string;
  constrained: boolean;
  level: number;
}
export interface LevelScore {
  id: string;
  name: string;
  score: number;
  passed: boolean;
  /** whether this level's score counts in S (all lower levels passed) */
  counted: boolean;
}
/** An item that does not yet score its best; lostPoints is in the unit of `score`. */
export interface Gap {
  itemId: string;
  name: string;
  current: AnswerShown;
  best: AnswerShown;
  lostPoints: number;
  scenarios: string[];
}
export type AnswerShown = string | string[] | number | null;

/** One answer improvement of the path to the next level (a to-do line). */
export interface Change {
  itemId: string;
  kind: 'question' | 'scene' | 'requirement';
  name: string;
  from: AnswerShown;
  to: AnswerShown;
  /** score gained by this change (0 for a scene, which only feeds the gates) */
  gain: number;
  /** size of the change: options added, bands / grades / scene levels climbed */
  step: number;
  scenarios: string[];
}
/** Why the next level cannot be reached, as data, so that reports can say it in their own language. */
export type Unreachable =
  | { kind: 'score-cap'; reachable: number; needed: number }
  | { kind: 'too-few-scenes' }
  | { kind: 'scenes-cannot-rise' }
  | { kind: 'staged-cap'; minS: number }
  | { kind: 'no-levels' };
export type NextLevel =
  | { reachable: true; target: LevelRef; changes: Change[]; changeCount: number; totalStep: number }
  | {
      reachable: false;
      target: LevelRef | null;
      /** in English (logs, the CLI) */
      reason: string;
      /** absent in results stored before it existed */
      why?: Unreachable;
    };
