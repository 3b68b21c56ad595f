import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradingAssessment, workOutcomes, type FinishedProject } from './work-outcomes.ts';

const project = (id: string, over: Partial<FinishedProject> = {}): FinishedProject => ({
  projectId: id,
  plannedFinish: '2024-06-30',
  actualFinish: '2024-06-30',
  budget: 100,
  actualCost: 100,
  satisfaction: 5,
  ...over,
});

describe('workOutcomes', () => {
  it('counts on time, on budget and satisfaction over finished projects', () => {
    const w = workOutcomes([
      project('a'),
      project('b', { actualFinish: '2024-07-01', satisfaction: 3 }),
      project('c', { actualCost: 100.5, satisfaction: null }),
      project('d', { actualFinish: '2024-05-01', actualCost: 80, satisfaction: 4 }),
    ]);
    expect(w).toMatchObject({
      finished: 4,
      onTime: 3,
      onBudget: 3,
      rated: 3,
      onTimeRate: 75,
      onBudgetRate: 75,
      meanRating: 4,
    });
    expect(w.satisfaction).toBe(75);
    expect(w.answers).toEqual({
      按期完成率: { 按期完成的项目数: 3, 已完成的项目数: 4 },
      按预算完成率: { 未超预算的项目数: 3, 已完成的项目数: 4 },
      验收满意度: 75,
    });
    expect(w.problems).toEqual([]);
  });

  it('applies the lateness and budget tolerances and another rating scale', () => {
    const w = workOutcomes(
      [project('a', { actualFinish: '2024-07-07', actualCost: 105, satisfaction: 10 })],
      {
        lateToleranceDays: 7,
        budgetTolerance: 0.05,
        ratingScale: 10,
      },
    );
    expect(w).toMatchObject({ onTimeRate: 100, onBudgetRate: 100, satisfaction: 100 });
    expect(
      workOutcomes([project('a', { actualFinish: '2024-07-08' })], { lateToleranceDays: 7 }).onTimeRate,
    ).toBe(0);
  });

  it('leaves out and reports projects with bad dates, money or ratings', () => {
    const w = workOutcomes([
      project('a', { plannedFinish: '2024-02-30' }),
      project('b', { actualFinish: '30/06/2024' }),
      project('c', { budget: -1 }),
      project('d', { actualCost: Number.NaN }),
      project('e', { satisfaction: 6 }),
      project('f', { satisfaction: 2.5 }),
      project('g'),
    ]);
    expect(w.problems).toEqual([
      { projectId: 'a', message: 'planned finish "2024-02-30" is not a date YYYY-MM-DD' },
      { projectId: 'b', message: 'actual finish "30/06/2024" is not a date YYYY-MM-DD' },
      { projectId: 'c', message: 'budget must be ≥ 0, got -1' },
      { projectId: 'd', message: 'actual cost must be ≥ 0, got NaN' },
      { projectId: 'e', message: 'satisfaction must be a whole rating 1–5, got 6' },
      { projectId: 'f', message: 'satisfaction must be a whole rating 1–5, got 2.5' },
    ]);
    expect(w.finished).toBe(1);
  });

  it('gives no answers without finished projects, and no satisfaction without ratings', () => {
    expect(workOutcomes([]).answers).toEqual({});
    expect(workOutcomes([]).onTimeRate).toBeNull();
    const unrated = workOutcomes([project('a', { satisfaction: null })]);
    expect(Object.keys(unrated.answers)).toEqual(['按期完成率', '按预算完成率']);
    expect(unrated.satisfaction).toBeNull();
  });

  it('laws: rates stay within 0–100, counts within the finished, and order does not matter', () => {
    const projects = fc.array(
      fc.record({
        projectId: fc.string(),
        plannedFinish: fc.constantFrom('2024-01-31', '2024-02-29', '2024-03-31'),
        actualFinish: fc.constantFrom('2024-01-15', '2024-02-29', '2024-04-02', '2024-13-01'),
        budget: fc.integer({ min: -5, max: 200 }),
        actualCost: fc.integer({ min: 0, max: 250 }),
        satisfaction: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(projects, fc.nat(), (ps, seed) => {
        const w = workOutcomes(ps);
        expect(w.finished + w.problems.length).toBe(ps.length);
        expect(w.onTime).toBeLessThanOrEqual(w.finished);
        expect(w.onBudget).toBeLessThanOrEqual(w.finished);
        expect(w.rated).toBeLessThanOrEqual(w.finished);
        for (const r of [w.onTimeRate, w.onBudgetRate, w.satisfaction])
          if (r !== null) expect(r >= 0 && r <= 100).toBe(true);
        const shuffled = [...ps].sort((a, b) => ((a.budget * 31 + seed) % 7) - ((b.budget * 31 + seed) % 7));
        const v = workOutcomes(shuffled);
        expect([v.finished, v.onTime, v.onBudget, v.rated]).toEqual([
          w.finished,
          w.onTime,
          w.onBudget,
          w.rated,
        ]);
        expect(v.satisfaction ?? -1).toBeCloseTo(w.satisfaction ?? -1, 9);
      }),
    );
  });
});

describe('gradingAssessment', () => {
  it('puts the computed answers over typed ones and names what it overrode', () => {
    const outcomes = workOutcomes([project('a'), project('b', { actualFinish: '2024-08-01' })]);
    const { assessment, overridden } = gradingAssessment(
      { 服务企业数量: 'C', 按期完成率: 100, 验收满意度: 100 },
      outcomes,
      { id: 'provider-grading-2024', version: '1.0.0' },
    );
    expect(overridden).toEqual(['按期完成率', '验收满意度']);
    expect(assessment).toEqual({
      model: 'provider-grading-2024',
      version: '1.0.0',
      answers: {
        服务企业数量: 'C',
        按期完成率: { 按期完成的项目数: 1, 已完成的项目数: 2 },
        按预算完成率: { 未超预算的项目数: 2, 已完成的项目数: 2 },
        验收满意度: 100,
      },
    });
    // a typed delivery figure never survives, even with nothing computed to replace it
    expect(gradingAssessment({ 按预算完成率: 90 }, workOutcomes([])).assessment.answers).toEqual({});
  });
});
