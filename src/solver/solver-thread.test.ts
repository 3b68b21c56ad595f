import { afterAll, describe, expect, it } from 'vitest';
import { generatePlanInstance } from '../core/planning/fixtures/generate-instance.ts';
import { buildPlanModel } from '../core/planning/plan-model.ts';
import {
  closeSolverThread,
  liveSolverThreads,
  peakSolverThreads,
  setIdleThreadSeconds,
  solveInThread,
  solverThreadLimit,
} from './solver-thread.ts';

afterAll(async () => {
  await closeSolverThread();
});

describe('solver threads', () => {
  it('runs at most the thread limit at once and rejects running and queued jobs when closed', async () => {
    // A 40×8 instance HiGHS needs far longer than this test to prove optimal.
    const lp = buildPlanModel(generatePlanInstance(40, 8, 20_241_217)).lp;
    const jobs = Array.from({ length: solverThreadLimit() + 2 }, () =>
      solveInThread({ lp, timeLimitSeconds: 60, mipRelGap: 0 }).then(
        () => 'solved',
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(peakSolverThreads()).toBe(solverThreadLimit());
    await closeSolverThread();
    expect(await Promise.all(jobs)).toEqual(jobs.map(() => 'solver threads closed'));
  });

  it('starts new threads after a close', async () => {
    const lp = buildPlanModel(generatePlanInstance(6, 3, 1)).lp;
    const outcome = await solveInThread({ lp, timeLimitSeconds: 10, mipRelGap: 1e-4 });
    expect(outcome.status).toBe('optimal');
  });

  it('ends a thread that has been without a job for the idle time, and starts one again for the next job', async () => {
    await closeSolverThread();
    setIdleThreadSeconds(0.5);
    try {
      const lp = buildPlanModel(generatePlanInstance(6, 3, 1)).lp;
      await solveInThread({ lp, timeLimitSeconds: 10, mipRelGap: 1e-4 });
      expect(liveSolverThreads()).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(liveSolverThreads()).toBe(0);
      const again = await solveInThread({ lp, timeLimitSeconds: 10, mipRelGap: 1e-4 });
      expect(again.status).toBe('optimal');
      expect(liveSolverThreads()).toBe(1);
    } finally {
      setIdleThreadSeconds(undefined);
    }
  });

  it('cancels a queued job and a running one when their signals abort, and replaces the thread', async () => {
    await closeSolverThread();
    const lp = buildPlanModel(generatePlanInstance(40, 8, 20_241_217)).lp;
    const controllers = Array.from({ length: solverThreadLimit() + 1 }, () => new AbortController());
    const jobs = controllers.map((controller) =>
      solveInThread({ lp, timeLimitSeconds: 60, mipRelGap: 0 }, controller.signal).then(
        () => 'solved',
        (error: unknown) => (error instanceof Error ? error.name : String(error)),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const controller of controllers) controller.abort();
    expect(await Promise.all(jobs)).toEqual(jobs.map(() => 'AbortError'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(liveSolverThreads()).toBe(0);
    const small = buildPlanModel(generatePlanInstance(6, 3, 1)).lp;
    expect((await solveInThread({ lp: small, timeLimitSeconds: 10, mipRelGap: 1e-4 })).status).toBe(
      'optimal',
    );
    const aborted = AbortSignal.abort();
    await expect(
      solveInThread({ lp: small, timeLimitSeconds: 10, mipRelGap: 1e-4 }, aborted),
    ).rejects.toThrow();
  });
});
