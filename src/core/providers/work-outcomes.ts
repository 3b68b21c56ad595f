import type { AnswerValue, Assessment } from '../diagnosis/assessment.ts';

/** One finished (accepted, 竣工验收) project of a provider, as the projects record it. Money in 万元. */
export interface FinishedProject {
  projectId: string;
  /** planned finish date, YYYY-MM-DD */
  plannedFinish: string;
  /** date of acceptance, YYYY-MM-DD */
  actualFinish: string;
  budget: number;
  actualCost: number;
  /** the enterprise's satisfaction rating at acceptance, 1 … ratingScale; null or absent when not rated */
  satisfaction?: number | null;
}

export interface WorkOutcomeOptions {
  /** highest satisfaction rating (lowest is 1); default 5 */
  ratingScale?: number;
  /** days after the planned finish that still count as on time; default 0 */
  lateToleranceDays?: number;
  /** share over budget that still counts as on budget (0.05 = 5 %); default 0 */
  budgetTolerance?: number;
}

/** The question ids of the grading model that 工作实效 answers, with their ratio fields (provider-grading-2024). */
export interface WorkOutcomeQuestions {
  onTime: { id: string; numerator: string; denominator: string };
  onBudget: { id: string; numerator: string; denominator: string };
  satisfaction: { id: string };
}

export const GRADING_2024_QUESTIONS: WorkOutcomeQuestions = {
  onTime: { id: '按期完成率', numerator: '按期完成的项目数', denominator: '已完成的项目数' },
  onBudget: { id: '按预算完成率', numerator: '未超预算的项目数', denominator: '已完成的项目数' },
  satisfaction: { id: '验收满意度' },
};

/** The grading model's questions 工作实效 answers: computed from finished projects, never typed. */
export const computedQuestionIds = (questions: WorkOutcomeQuestions = GRADING_2024_QUESTIONS): string[] => [
  questions.onTime.id,
  questions.onBudget.id,
  questions.satisfaction.id,
];

export interface WorkOutcomes {
  /** projects counted (those without a problem) */
  finished: number;
  onTime: number;
  onBudget: number;
  /** projects with a rating */
  rated: number;
  /** percentages 0–100; null when nothing to count */
  onTimeRate: number | null;
  onBudgetRate: number | null;
  meanRating: number | null;
  /** mean rating on 0–100: (mean − 1) ÷ (scale − 1) */
  satisfaction: number | null;
  /** projects left out, and why */
  problems: { projectId: string; message: string }[];
  /** the grading model's answers: only those that can be computed */
  answers: Record<string, AnswerValue>;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a YYYY-MM-DD date, or null when it is not a real date. */
function dayNumber(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t / 86_400_000;
}

/**
 * 工作实效 computed from a provider's finished projects, never typed: the on-time rate, the on-budget rate and the
 * satisfaction ratings at acceptance, and the answers they give the grading model. A project with a malformed date,
 * a negative budget or cost, or a rating off the scale is left out of every rate and reported.
 */
export function workOutcomes(
  projects: readonly FinishedProject[],
  options: WorkOutcomeOptions = {},
  questions: WorkOutcomeQuestions = GRADING_2024_QUESTIONS,
): WorkOutcomes {
  const scale = options.ratingScale ?? 5;
  const tolerance = options.lateToleranceDays ?? 0;
  const budgetTolerance = options.budgetTolerance ?? 0;
  const problems: WorkOutcomes['problems'] = [];
  let finished = 0;
  let onTime = 0;
  let onBudget = 0;
  let rated = 0;
  let ratingSum = 0;
  for (const p of projects) {
    const report = (message: string) => problems.push({ projectId: p.projectId, message });
    const planned = dayNumber(p.plannedFinish);
    const actual = dayNumber(p.actualFinish);
    const rating = p.satisfaction ?? null;
    if (planned === null) report(`planned finish "${p.plannedFinish}" is not a date YYYY-MM-DD`);
    else if (actual === null) report(`actual finish "${p.actualFinish}" is not a date YYYY-MM-DD`);
    else if (!(p.budget >= 0) || !Number.isFinite(p.budget)) report(`budget must be ≥ 0, got ${p.budget}`);
    else if (!(p.actualCost >= 0) || !Number.isFinite(p.actualCost))
      report(`actual cost must be ≥ 0, got ${p.actualCost}`);
    else if (rating !== null && !(Number.isInteger(rating) && rating >= 1 && rating <= scale))
      report(`satisfaction must be a whole rating 1–${scale}, got ${rating}`);
    else {
      finished++;
      if (actual - planned <= tolerance) onTime++;
      if (p.actualCost <= p.budget * (1 + budgetTolerance)) onBudget++;
      if (rating !== null) {
        rated++;
        ratingSum += rating;
      }
    }
  }
  const percent = (n: number, d: number) => (d === 0 ? null : (n / d) * 100);
  const meanRating = rated === 0 ? null : ratingSum / rated;
  const satisfaction =
    meanRating === null ? null : scale === 1 ? 100 : ((meanRating - 1) / (scale - 1)) * 100;
  const answers: Record<string, AnswerValue> = {};
  if (finished > 0) {
    answers[questions.onTime.id] = {
      [questions.onTime.numerator]: onTime,
      [questions.onTime.denominator]: finished,
    };
    answers[questions.onBudget.id] = {
      [questions.onBudget.numerator]: onBudget,
      [questions.onBudget.denominator]: finished,
    };
  }
  if (satisfaction !== null) answers[questions.satisfaction.id] = satisfaction;
  return {
    finished,
    onTime,
    onBudget,
    rated,
    onTimeRate: percent(onTime, finished),
    onBudgetRate: percent(onBudget, finished),
    meanRating,
    satisfaction,
    problems,
    answers,
  };
}

/**
 * The grading assessment of one provider: the typed answers (服务企业情况, 产品服务能力, 综合服务能力) with 工作实效 put
 * over them from the computed outcomes. A typed answer to a computed question is dropped and named in `overridden`,
 * so the grade never rests on a typed delivery figure. Score it with `diagnose(model, assessment)`.
 */
export function gradingAssessment(
  typed: Readonly<Record<string, AnswerValue>>,
  outcomes: Pick<WorkOutcomes, 'answers'>,
  model: { id: string; version?: string } = { id: 'provider-grading-2024' },
  questions: WorkOutcomeQuestions = GRADING_2024_QUESTIONS,
): { assessment: Assessment; overridden: string[] } {
  const computed = [questions.onTime.id, questions.onBudget.id, questions.satisfaction.id];
  const answers: Record<string, AnswerValue> = {};
  const overridden: string[] = [];
  for (const [id, v] of Object.entries(typed)) {
    if (computed.includes(id)) overridden.push(id);
    else answers[id] = v;
  }
  Object.assign(answers, outcomes.answers);
  const assessment: Assessment = { model: model.id, answers };
  if (model.version !== undefined) assessment.version = model.version;
  return { assessment, overridden };
}
