import { describe, expect, it } from 'vitest';
import { diagnose } from '../core/diagnosis/diagnose.ts';
import type { IndicatorSystem } from '../core/diagnosis/model-schema.ts';
import { gradingAssessment, workOutcomes, type FinishedProject } from '../core/providers/work-outcomes.ts';
import { indicatorSystemTexts } from '../core/diagnosis/model-texts.ts';
import { listIndicatorSystemPacks, loadIndicatorSystemById } from './model-load.ts';
import { validatePacks } from './pack-validators.ts';
import { formatProblem } from './yaml-source.ts';

async function model(): Promise<IndicatorSystem> {
  const r = await loadIndicatorSystemById('packs/grading', 'provider-grading-2024');
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return r.model;
}

const finished = (n: number, late: number, over: number, rating: number): FinishedProject[] =>
  Array.from({ length: n }, (_, i) => ({
    projectId: `p${i}`,
    plannedFinish: '2024-06-30',
    actualFinish: i < late ? '2024-07-15' : '2024-06-20',
    budget: 50,
    actualCost: i < over ? 60 : 45,
    satisfaction: rating,
  }));

/** the best answer of every typed question */
const best = {
  服务企业数量: 'E',
  细分行业服务企业: 'D',
  标杆案例: ['B', 'C', 'D'],
  小快轻准产品: 'D',
  覆盖场景数: 'D',
  交付模式: ['B', 'C', 'D', 'E'],
  专职服务人员: 'D',
  资质认证: ['B', 'C', 'D'],
  本地服务: 'C',
};

describe('provider grading, scored by the diagnosis engine', () => {
  it('loads and validates as a model pack, with English for every text', async () => {
    const r = await validatePacks('packs/grading');
    expect(r.problems.map(formatProblem)).toEqual([]);
    expect(r.summaries).toEqual(['model provider-grading-2024@1.0.0 (points) 12 questions, 0 scenes']);
    const texts = indicatorSystemTexts(await model());
    expect(texts.filter((t) => t.text.en === undefined).map((t) => t.where)).toEqual([]);
    expect(texts.filter((t) => /[\u4e00-\u9fff]/.test(t.text.en ?? '')).map((t) => t.where)).toEqual([]);
  });

  it('is not among the enterprise models (the server offers every pack in packs/models to enterprises)', async () => {
    expect(await listIndicatorSystemPacks('packs/models')).not.toContain('provider-grading-2024');
  });

  it('has the four Xiamen dimensions, 服务企业情况 25, totalling 100', async () => {
    const m = await model();
    if (m.family !== 'points') throw new Error('points family expected');
    expect(m.dimensions.map((d) => [d.id, d.points])).toEqual([
      ['服务企业情况', 25],
      ['产品服务能力', 25],
      ['工作实效评价', 30],
      ['综合服务能力', 20],
    ]);
    expect(m.dimensions.reduce((a, d) => a + d.points, 0)).toBe(100);
  });

  it('grades a provider from typed answers and computed delivery results, with the breakdown', async () => {
    const m = await model();
    const outcomes = workOutcomes(finished(10, 1, 2, 5)); // 90 % on time, 80 % on budget, all rated 5
    const { assessment } = gradingAssessment(best, outcomes, { id: m.meta.id, version: m.meta.version });
    const { result, problems } = diagnose(m, assessment);
    expect(problems).toEqual([]);
    // 按期 90 % → (80,90] 7 points; 预算 80 % → (60,80] 3 points; 满意度 100 % → 12 points
    expect(result.dimensions.find((d) => d.id === '工作实效评价')).toMatchObject({ score: 22, max: 30 });
    expect(result.score).toBe(92);
    expect(result.level?.id).toBe('A级');
    expect(result.gaps.map((g) => g.itemId).sort()).toEqual(['按期完成率', '按预算完成率']);
  });

  it('a provider without finished projects scores 0 on delivery results, with no answer problem', async () => {
    const m = await model();
    const { assessment } = gradingAssessment(best, workOutcomes([]), { id: m.meta.id });
    const { result, problems } = diagnose(m, assessment);
    expect(problems).toEqual([]);
    expect(result.dimensions.find((d) => d.id === '工作实效评价')?.score).toBe(0);
    expect(result.score).toBe(70);
    expect(result.level?.id).toBe('C级');
  });

  it('poor delivery lowers the grade, whatever was typed for the delivery questions', async () => {
    const m = await model();
    const outcomes = workOutcomes(finished(4, 3, 3, 2)); // 25 % on time, 25 % on budget, satisfaction 25 %
    const { assessment, overridden } = gradingAssessment({ ...best, 按期完成率: 100 }, outcomes, {
      id: m.meta.id,
    });
    expect(overridden).toEqual(['按期完成率']);
    const { result } = diagnose(m, assessment);
    expect(result.dimensions.find((d) => d.id === '工作实效评价')?.score).toBe(0);
    expect(result.level?.id).toBe('C级');
  });
});
