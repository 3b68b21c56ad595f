/** 企业总览 — how an enterprise's latest assessment and plan and the level distribution are shown. */
import type {
  IndicatorSystemDistribution,
  PortfolioAssessment,
  PortfolioPlan,
} from '../../contracts/portfolio.ts';
import { PLAN_STATUSES } from '../../contracts/planning.ts';
import type { IndicatorSystemCatalog } from '../assessments/indicator-system-index.ts';
import { indicatorSystemIndex } from '../assessments/indicator-system-index.ts';
import type { DiagnosisResult } from '../../core/diagnosis/result.ts';
import type { PortfolioEnterprise } from '../../contracts/portfolio.ts';
import type { LatestAssessmentRow, LatestPlanRow, LevelCountRow, SubmittedResultRow } from './repository.ts';

export type ModelSummaryLookup = (modelId: string) => {
  title: PortfolioAssessment['modelTitle'];
  levelIds: string[];
};

/** Each model's title and level ids, looked up once per model. */
export function modelLookup(models: IndicatorSystemCatalog): ModelSummaryLookup {
  const cache = new Map<string, ReturnType<ModelSummaryLookup>>();
  return (modelId) => {
    const known = cache.get(modelId);
    if (known) return known;
    const model = models.get(modelId);
    const summary = model ? indicatorSystemIndex(model).summary : undefined;
    const found = {
      title: summary?.title ?? null,
      levelIds: summary?.levels.map((l) => l.id) ?? [],
    };
    cache.set(modelId, found);
    return found;
  };
}

export function presentAssessment(
  row: LatestAssessmentRow | undefined,
  lookup: ModelSummaryLookup,
): PortfolioAssessment | null {
  if (!row) return null;
  const submitted = row.status === 'submitted';
  return {
    id: row.id,
    title: row.title,
    modelId: row.modelId,
    modelTitle: lookup(row.modelId).title,
    status: row.status,
    score: submitted ? row.score : null,
    maxScore: submitted ? row.maxScore : null,
    level: submitted && row.levelId !== null ? { id: row.levelId, name: row.levelName ?? row.levelId } : null,
    updatedAt: (row.submittedAt ?? row.createdAt).toISOString(),
  };
}

const planStatus = (s: string | null): PortfolioPlan['status'] =>
  PLAN_STATUSES.find((known) => known === s) ?? null;

export function presentPlan(row: LatestPlanRow | undefined): PortfolioPlan | null {
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    status: planStatus(row.status),
    objective: row.objective,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Level counts grouped by model, models by id, levels in the model's order (no level first). */
export function distributions(
  rows: readonly LevelCountRow[],
  lookup: ModelSummaryLookup,
): IndicatorSystemDistribution[] {
  const byModel = new Map<string, LevelCountRow[]>();
  for (const r of rows) byModel.set(r.modelId, [...(byModel.get(r.modelId) ?? []), r]);
  return [...byModel.keys()].sort().map((modelId) => {
    const { title, levelIds } = lookup(modelId);
    // no level first, then the model's levels bottom-up, then any level the model no longer has
    const rank = (id: string | null) => {
      if (id === null) return -1;
      const at = levelIds.indexOf(id);
      return at < 0 ? levelIds.length : at;
    };
    const levels = [...(byModel.get(modelId) ?? [])]
      .sort((a, b) => rank(a.levelId) - rank(b.levelId) || (a.levelId ?? '').localeCompare(b.levelId ?? ''))
      .map((r) => ({
        level: r.levelId === null ? null : { id: r.levelId, name: r.levelName ?? r.levelId },
        enterprises: r.enterprises,
      }));
    return { modelId, modelTitle: title, levels };
  });
}

/** A dimension's name in both languages, by model and dimension id; undefined when the model is not loaded. */
export type DimensionNames = (modelId: string, dimensionId: string) => { zh: string; en: string } | undefined;

export function dimensionLookup(models: IndicatorSystemCatalog): DimensionNames {
  return (modelId, dimensionId) => {
    const model = models.get(modelId);
    if (!model) return undefined;
    return indicatorSystemIndex(model).summary.dimensions.find((d) => d.id === dimensionId)?.name;
  };
}

/** The latest submitted result's dimension scores, named in both languages (the frozen name when unknown). */
export function presentLatestResult(
  row: SubmittedResultRow | undefined,
  names: DimensionNames,
): PortfolioEnterprise['latestResult'] {
  if (!row || row.result === null) return null;
  const result = row.result as DiagnosisResult;
  return {
    assessmentId: row.id,
    modelId: row.modelId,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    dimensions: result.dimensions.map((d) => ({
      id: d.id,
      name: names(row.modelId, d.id) ?? { zh: d.name, en: d.name },
      score: d.score,
      max: d.max,
    })),
  };
}
