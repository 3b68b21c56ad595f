import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bruteForcePlan } from './brute-force.ts';
import { arbitraryPlanInstance, initiative, instanceOf } from './fixtures/tiny-instances.ts';
import { generatePlanInstance } from './fixtures/generate-instance.ts';
import { ACTIVE_COLUMNS_MAX_STARTS, buildPlanModel, candidateStarts } from './plan-model.ts';
import { planInstanceProblems } from './validate-instance.ts';

const tiny = instanceOf(
  [
    initiative('A', { cost: 100, duration: 2, annualBenefit: 200 }),
    initiative('B', { cost: 50, duration: 1, annualBenefit: 120, requires: ['A'] }),
    initiative('C', { cost: 80, duration: 1, annualBenefit: 0, excludes: ['B'] }),
    initiative('D', { cost: 40, duration: 1, annualBenefit: 0, mandatory: true }),
  ],
  { periods: 3, budget: [60, 60, 60] },
);

describe('candidateStarts', () => {
  it('prunes value-negative starts unless mandatory or needed by a dependent', () => {
    const candidates = candidateStarts(tiny);
    expect(candidates.get('A')?.map((v) => v.start)).toEqual([0, 1]);
    // B needs A finished (A takes 2 periods): only start 2
    expect(candidates.get('B')?.map((v) => v.start)).toEqual([2]);
    // C has no benefit: never worth it
    expect(candidates.get('C')).toEqual([]);
    // D has no benefit but is mandatory: every start kept
    expect(candidates.get('D')?.map((v) => v.start)).toEqual([0, 1, 2]);
  });

  it('keeps a value-negative prerequisite at starts that leave room for its dependent', () => {
    const instance = instanceOf(
      [initiative('P', { annualBenefit: 0, duration: 1 }), initiative('K', { duration: 2, requires: ['P'] })],
      { periods: 4 },
    );
    expect(
      candidateStarts(instance)
        .get('P')
        ?.map((v) => v.start),
    ).toEqual([0, 1]);
    expect(
      candidateStarts(instance)
        .get('K')
        ?.map((v) => v.start),
    ).toEqual([1, 2]);
  });
});

describe('buildPlanModel', () => {
  it('writes a maximisation with start, started-by and active binaries and one row family per constraint', () => {
    const model = buildPlanModel(tiny);
    expect(model.lp.startsWith('Maximize\n value: ')).toBe(true);
    expect(model.lp).toContain('\nSubject To\n');
    expect(model.lp.trimEnd().endsWith('End')).toBe(true);
    const binaries = model.lp.split('Binaries\n')[1]?.split('\nEnd')[0]?.trim().split(/\s+/);
    const starts = model.variables.map((v) => v.name);
    const startedBy = starts.map((name) => name.replace('y', 'x'));
    const active = binaries?.filter((name) => name.startsWith('a')) ?? [];
    expect(binaries?.filter((name) => !name.startsWith('a')).sort()).toEqual(
      [...starts, ...startedBy].sort(),
    );
    // every active column is defined by its own equation
    for (const name of active) expect(model.lp).toContain(`act${name.slice(1)}: 1 ${name} `);
    expect(active.length).toBeGreaterThan(0);
    // started-by columns defined recursively: x3_1 = x3_0 + y3_1
    expect(model.lp).toMatch(/sb3_0: 1 x3_0 - 1 y3_0 = 0/);
    expect(model.lp).toMatch(/sb3_1: 1 x3_1 - 1 x3_0 - 1 y3_1 = 0/);
    // once rows on the last started-by column for A, B, D (C has no candidate start); D's is an equality
    expect(model.rows.filter((r) => r.kind === 'once').map((r) => r.ids[0])).toEqual(['A', 'B', 'D']);
    expect(model.lp).toMatch(/once3: 1 x3_2 = 1/);
    // aggregated precedence: B started by 2 only if A started by 0 (A lasts 2 periods)
    expect(model.lp).toMatch(/req1_0_2: 1 x1_2 - 1 x0_0 <= 0/);
    // C has no candidates, so no exclusion row is needed
    expect(model.rows.some((r) => r.kind === 'excludes')).toBe(false);
    // budget rows exist where they can bind (50 + 40 > 60 in period 0, …), plus the horizon-wide knapsack
    expect(model.rows.filter((r) => r.kind === 'budget').map((r) => r.period)).toEqual([0, 1, 2, undefined]);
    expect(model.lp).toMatch(/budget0: 50 a0_0 \+ 40 a3_0 <= 60/);
    // active columns: A is active in period 1 if it started in 0 or 1
    expect(model.lp).toMatch(/act0_1: 1 a0_1 - 1 y0_0 - 1 y0_1 = 0/);
    expect(model.lp).toMatch(/budgetTotal: 100 x0_1 \+ 50 x1_2 \+ 40 x3_2 <= 180/);
  });

  it('writes resource rows over start columns when the model is large', () => {
    const large = generatePlanInstance(120, 12, 1);
    const model = buildPlanModel(large);
    expect(model.variables.length).toBeGreaterThan(ACTIVE_COLUMNS_MAX_STARTS);
    expect(model.lp).not.toMatch(/ act\d+_\d+:/);
    expect(model.lp).toMatch(/ budget0: [^\n]*y\d+_0/);
    const small = buildPlanModel(generatePlanInstance(40, 8, 1));
    expect(small.variables.length).toBeLessThanOrEqual(ACTIVE_COLUMNS_MAX_STARTS);
    expect(small.lp).toMatch(/ budget0: [^\n]*a\d+_0/);
  });

  it('drops budget rows that cannot bind', () => {
    const model = buildPlanModel({ ...tiny, budget: [1000, 1000, 1000] });
    expect(model.rows.some((r) => r.kind === 'budget')).toBe(false);
  });

  it('never prunes away the optimum (property, against brute force over all starts)', () => {
    fc.assert(
      fc.property(arbitraryPlanInstance(5, 4), (instance) => {
        fc.pre(planInstanceProblems(instance).length === 0);
        const full = bruteForcePlan(instance).best;
        const candidates = candidateStarts(instance);
        const pruned = bruteForcePlan(
          instance,
          new Map([...candidates].map(([id, starts]) => [id, starts.map((v) => v.start)])),
        ).best;
        if (full === null) expect(pruned).toBeNull();
        else expect(pruned?.objective).toBeCloseTo(full.objective, 9);
      }),
      { numRuns: 200 },
    );
  });
});
