import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanView } from '../../contracts/planning.ts';
import { useApiApp } from '../../../tests/support/api-app.ts';
import { testEngines } from '../../../tests/support/databases.ts';
import { DEMO_PLAN_REQUEST } from '../../../tests/support/demo-plan.ts';

const CIO = 'cio@demo.tupu.local';
const WRITERS = 10;

/**
 * Adding a risk is a read-modify-write of the plan's register: the next id is chosen from the risks stored. Under the
 * plan's row lock (changePlan) concurrent adds run one after the other; without it two adds read the same register
 * and the later write erases the earlier risk.
 */
describe.each(testEngines())('adding risks at once on %s', (engine) => {
  const api = useApiApp(engine, { packs: 'atlases' });
  const { call } = api;
  // the demo CIO signed in twice (two browsers), sending in turn
  const writers: string[] = [];

  beforeAll(async () => {
    writers.push(await api.signIn(CIO), await api.signIn(CIO));
  });

  it(`${WRITERS} concurrent POST /api/plans/:id/risks: all ${WRITERS} risks stored, each with its own id`, async () => {
    const created = await call<PlanView>(writers[0]!, 'POST', '/api/plans', DEMO_PLAN_REQUEST);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const plan = created.body;
    const titles = Array.from({ length: WRITERS }, (_, k) => `并发风险 ${k + 1}`);
    const added = await Promise.all(
      titles.map((title, k) =>
        call<PlanView>(writers[k % writers.length]!, 'POST', `/api/plans/${plan.id}/risks`, {
          title,
          likelihood: 2,
          impact: 3,
          mitigation: '分批实施',
        }),
      ),
    );
    expect(added.map((r) => r.status)).toEqual(titles.map(() => 201));
    const now = (await call<PlanView>(writers[0]!, 'GET', `/api/plans/${plan.id}`)).body;
    expect(now.risks).toHaveLength(plan.risks.length + WRITERS);
    expect(now.risks.map((r) => r.title)).toEqual(expect.arrayContaining(titles));
    expect(new Set(now.risks.map((r) => r.id)).size).toBe(now.risks.length);
    // every add is its own version of the plan
    expect(now.version).toBe(plan.version + WRITERS);
  });
});
