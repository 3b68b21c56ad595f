import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { Writable } from '../contracts/test-writable.ts';
import type { Atlas } from '../core/atlas/types.ts';
import { normalisePlanInstance, type PlanInstance } from '../core/planning/plan-instance.ts';
import type { RiskEntry } from '../core/planning/risk.ts';
import { loadAtlasPacks } from '../packs/atlas-load.ts';
import type { riskFileSchema } from './plan-document-input.ts';
import {
  parsePlanProfile,
  parsePlanRisks,
  parsePlanSolution,
  unknownScenarioProblems,
} from './plan-document-input.ts';

let atlas: Atlas;
const instance: PlanInstance = normalisePlanInstance({
  periods: 4,
  budget: 100,
  initiatives: [
    { id: 'A', scenario: 'GEN-OM-01', cost: 40, duration: 2, annualBenefit: 30, mandatory: true },
    { id: 'B', scenario: 'GEN-XX-99', cost: 20, duration: 1, annualBenefit: 10, requires: ['A'] },
  ],
});

beforeAll(async () => {
  const catalog = await loadAtlasPacks('packs/atlas');
  if (!catalog.ok) throw new Error('atlas packs do not load');
  const guide = catalog.catalog.get('guide-2024');
  if (guide === undefined) throw new Error('guide-2024 missing');
  atlas = guide;
});

describe('plan document input', () => {
  it('profile: accepts known enterprise types, reports schema and type problems together', () => {
    expect(parsePlanProfile({ industry: '机械', enterpriseType: 'micro' }, atlas)).toEqual({
      ok: true,
      value: { industry: '机械', enterpriseType: 'micro' },
    });
    const bad = parsePlanProfile({ revenue: -1, enterpriseType: 'giant' }, atlas);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems).toHaveLength(2);
      expect(bad.problems.join('\n')).toMatch(/profile\.revenue/);
      expect(bad.problems.join('\n')).toMatch(/"giant" is not an enterprise type/);
    }
    expect(parsePlanProfile(undefined, atlas)).toEqual({ ok: true, value: {} });
  });

  it("profile: the plans' enterprise profile, employees included", () => {
    const profile = { industry: '化工', processType: 'process', employees: 120, revenue: 5000 };
    expect(parsePlanProfile(profile, atlas)).toEqual({ ok: true, value: profile });
    const bad = parsePlanProfile({ processType: 'mixed', employees: 0 }, atlas);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems).toHaveLength(2);
      expect(bad.problems.join('\n')).toMatch(/profile\.processType/);
      expect(bad.problems.join('\n')).toMatch(/profile\.employees/);
    }
  });

  it('risks: a risk of the file is the register entry of the domain', () => {
    expectTypeOf<z.infer<typeof riskFileSchema>>().toEqualTypeOf<Writable<RiskEntry>>();
  });

  it('risks: every problem with its index — levels, empty mitigation, unknown initiative, duplicate id', () => {
    const bad = parsePlanRisks(
      [
        { id: 'R1', title: 'x', likelihood: 6, impact: 2, mitigation: ' ' },
        { id: 'R1', title: 'y', likelihood: 1, impact: 1, mitigation: 'm', initiativeId: 'Q' },
      ],
      instance,
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems).toEqual([
        'risks[0]: risk R1: likelihood must be an integer 1–5 (got 6)',
        'risks[0]: risk R1: mitigation is empty',
        'risks[1].initiativeId: "Q" is not an initiative of this plan',
        'risks[1].id: duplicate risk id "R1"',
      ]);
    }
    const good = parsePlanRisks(
      [{ id: 'R1', title: 't', likelihood: 2, impact: 3, mitigation: 'm', initiativeId: 'A' }],
      instance,
    );
    expect(good).toEqual({
      ok: true,
      value: [{ id: 'R1', title: 't', likelihood: 2, impact: 3, mitigation: 'm', initiativeId: 'A' }],
    });
  });

  it('solution: the JSON `tupu plan` prints is accepted and sorted; a schedule that breaks the instance is not', () => {
    const ok = parsePlanSolution(
      {
        status: 'optimal',
        objective: 10,
        gap: 0,
        schedule: [
          { id: 'B', start: 2 },
          { id: 'A', start: 0 },
        ],
        notSelected: [],
      },
      instance,
    );
    expect(ok.ok && ok.value.schedule).toEqual([
      { id: 'A', start: 0 },
      { id: 'B', start: 2 },
    ]);
    const bad = parsePlanSolution(
      { status: 'optimal', objective: 1, schedule: [{ id: 'B', start: 0 }] },
      instance,
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.join('\n')).toMatch(/A is mandatory but not scheduled/);
    const infeasible = parsePlanSolution(
      { status: 'infeasible', objective: null, schedule: [], reason: 'r' },
      instance,
    );
    expect(infeasible.ok).toBe(true);
    expect(parsePlanSolution({ status: 'great', schedule: 'x' }, instance).ok).toBe(false);
  });

  it('names initiatives whose scenario code is not in the atlas', () => {
    expect(unknownScenarioProblems(instance, atlas)).toEqual([
      'initiatives[1].scenario: "GEN-XX-99" (B) is not a scenario of guide-2024',
    ]);
  });
});
