import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bruteForcePlan } from '../core/planning/brute-force.ts';
import { generatePlanInstance } from '../core/planning/fixtures/generate-instance.ts';
import { initiative, instanceOf } from '../core/planning/fixtures/tiny-instances.ts';
import { buildPlanModel } from '../core/planning/plan-model.ts';
import { cbcOutcome, findCbc, parseCbcReport, parseCbcSolution, runCbc } from './cbc.ts';

const cbc = findCbc();
/** CI installs coinor-cbc (.ci/run): there the real-process tests must run, not be skipped. */
const requireCbc = process.env.CI !== undefined;

const summary = (result: string, extra: string): string =>
  `Cbc0001I Search completed\n\nResult - ${result}\n\n${extra}\nEnumerated nodes:               25322\nTotal iterations: 9\n`;

describe('reading CBC output', () => {
  it('reads an optimum as proven at gap 0, with its bound equal to its value', () => {
    const outcome = cbcOutcome(
      parseCbcReport(summary('Optimal solution found', 'Objective value:                1790.99029699')),
      'Optimal - objective value 1790.99029699\n      0 y0_0   1   -11.6\n      7 x3_2   1   0\n',
      1.5,
    );
    expect(outcome).toMatchObject({
      status: 'optimal',
      objective: 1790.99029699,
      bound: 1790.99029699,
      gap: 0,
      nodes: 25322,
      solver: 'cbc',
      columns: { y0_0: 1, x3_2: 1 },
    });
  });

  it('reads a stop at the time limit or within a tolerance with the printed bound and the true gap', () => {
    const timed = cbcOutcome(
      parseCbcReport(
        summary(
          'Stopped on time limit',
          'Objective value:  1773.37627635\nUpper bound:   1810.835\nGap:  -0.02',
        ),
      ),
      'Stopped on time - objective value 1773.37627635\n      5 y0_5   1   -38.5\n',
      3,
    );
    expect(timed.status).toBe('feasible');
    expect(timed.bound).toBe(1810.835);
    expect(timed.gap).toBeCloseTo((1810.835 - 1773.37627635) / 1773.37627635, 12);
    const tolerance = cbcOutcome(
      parseCbcReport(
        summary(
          'Optimal solution found (within gap tolerance)',
          'Objective value:  1788.76\nUpper bound:  1806.727',
        ),
      ),
      'Optimal (within gap tolerance) - objective value 1788.76\n      5 y0_5   1   0\n',
      3,
    );
    expect(tolerance.status).toBe('optimal');
    expect(tolerance.gap).toBeCloseTo((1806.727 - 1788.76) / 1788.76, 12);
  });

  it('reads infeasibility and a time limit without any plan', () => {
    expect(
      cbcOutcome(
        parseCbcReport(summary('Problem proven infeasible', '')),
        'Infeasible - objective value 2\n',
        0.1,
      ).status,
    ).toBe('infeasible');
    // preprocessing proves it: no Result line, an "Integer infeasible" solution file
    expect(
      cbcOutcome(
        parseCbcReport(
          'Cgl0000I Cut generators found to be infeasible!\nPre-processing says infeasible or unbounded\n',
        ),
        'Integer infeasible - objective value -39.00000000\n      0 y0_0   0.51   -0\n',
        0.01,
      ).status,
    ).toBe('infeasible');
    const none = cbcOutcome(
      parseCbcReport(summary('Stopped on time limit', 'No feasible solution found')),
      'Stopped on time - no solution\n',
      9,
    );
    expect(none).toMatchObject({ status: 'unknown', objective: null, gap: null });
    expect(cbcOutcome(parseCbcReport(''), null, 0).status).toBe('unknown');
  });

  it('skips lines of a solution file that are not columns', () => {
    expect(parseCbcSolution('Optimal - objective value 3\n\n   garbage\n  1 y1_0 1 0\n').columns).toEqual({
      y1_0: 1,
    });
  });
});

describe('finding cbc', () => {
  it('is off when TUPU_CBC=off, and null for a path that is not an executable', () => {
    expect(findCbc({ TUPU_CBC: 'off', PATH: '/usr/bin' })).toBeNull();
    expect(findCbc({ TUPU_CBC: '/nonexistent/cbc' })).toBeNull();
    expect(findCbc({ PATH: '/nonexistent' })).toBeNull();
  });
});

describe.skipIf(cbc === null && !requireCbc)('CBC, the real process (Debian coinor-cbc)', () => {
  const path = cbc ?? 'cbc';

  it('is installed where CI runs', () => {
    expect(cbc).not.toBeNull();
  });

  it('solves a small plan to the optimum brute force finds', async () => {
    const instance = instanceOf(
      [
        initiative('A', { cost: 100, duration: 2, annualBenefit: 300 }),
        initiative('B', { cost: 50, duration: 1, annualBenefit: 200, requires: ['A'] }),
        initiative('D', { cost: 60, duration: 1, annualBenefit: 250, excludes: ['B'] }),
        initiative('M', { cost: 40, duration: 1, annualBenefit: 0, mandatory: true }),
      ],
      { periods: 4, budget: [60, 60, 60, 60] },
    );
    for (const formulation of ['started-by', 'starts'] as const) {
      const model = buildPlanModel(instance, { formulation });
      const outcome = await runCbc(path, { lp: model.lp, timeLimitSeconds: 10, mipRelGap: 0 });
      expect(outcome.status).toBe('optimal');
      expect(outcome.gap).toBe(0);
      expect(outcome.objective).toBeCloseTo(bruteForcePlan(instance).best?.objective ?? NaN, 6);
    }
  });

  it('proves an infeasible plan infeasible', async () => {
    const instance = instanceOf(
      [
        initiative('M1', { cost: 80, duration: 1, mandatory: true }),
        initiative('M2', { cost: 80, duration: 1, mandatory: true }),
      ],
      { periods: 1, budget: [100] },
    );
    const outcome = await runCbc(path, {
      lp: buildPlanModel(instance).lp,
      timeLimitSeconds: 10,
      mipRelGap: 0,
    });
    expect(outcome.status).toBe('infeasible');
  });

  it('is killed when its signal aborts, and leaves no temporary folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cbc-test-'));
    try {
      const lp = buildPlanModel(generatePlanInstance(120, 12, 1)).lp;
      const controller = new AbortController();
      const started = performance.now();
      setTimeout(() => controller.abort(), 300);
      await expect(
        runCbc(path, { lp, timeLimitSeconds: 60, mipRelGap: 0 }, controller.signal, root),
      ).rejects.toMatchObject({ name: 'AbortError' });
      expect(performance.now() - started).toBeLessThan(5000);
      expect(readdirSync(root)).toEqual([]);
      // a finished solve cleans up too
      await runCbc(
        path,
        { lp: buildPlanModel(generatePlanInstance(6, 3, 1)).lp, timeLimitSeconds: 10, mipRelGap: 0 },
        undefined,
        root,
      );
      expect(readdirSync(root)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
