import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../core/atlas/pack-schema.ts';
import type { Atlas } from '../core/atlas/types.ts';
import { EnterpriseProfile as EnterpriseProfileContract, PlanSettings } from '../contracts/planning.ts';
import { loadAtlasPacks } from './atlas-load.ts';
import type { EnterpriseProfile } from '../core/planning/candidates-defaults.ts';
import {
  adviseStrategy,
  defaultSettings,
  ENTERPRISE_TYPES,
  GAP_IMPROVEMENT,
  revenueScale,
  TYPE_DEFAULTS,
} from '../core/planning/candidates-defaults.ts';
import {
  buildCandidates,
  candidateBenefit,
  markEdits,
  toPlanInstanceInput,
} from '../core/planning/candidates.ts';
import { costPerPeriod } from '../core/planning/plan-instance.ts';
import { appraiseInitiative, startValue } from '../core/planning/start-value.ts';
import { parsePlanInstance } from '../core/planning/validate-instance.ts';

let atlas: Atlas;
beforeAll(async () => {
  const loaded = await loadAtlasPacks('packs/atlas');
  if (!loaded.ok) throw new Error('atlas packs do not load');
  const guide = loaded.catalog.get('guide-2024');
  if (!guide) throw new Error('guide-2024 missing');
  atlas = guide;
});

/** The day the default settings are taken on (the start is the quarter after it). */
const TODAY = new Date('2026-12-02T00:00:00Z');

const sme: EnterpriseProfile = {
  industry: '通用设备制造',
  processType: 'discrete',
  employees: 300,
  revenue: 10_000,
  enterpriseType: 'specialized-sme',
};

describe('adviseStrategy', () => {
  it('maps 龙头 → 链式, 大型 → 整体 and the SMEs → 梯次, citing 四(一)(二)(三)', () => {
    expect(adviseStrategy('leader')).toMatchObject({ strategy: 'chain', section: '四（一）' });
    expect(adviseStrategy('large')).toMatchObject({ strategy: 'whole', section: '四（二）' });
    for (const type of ['little-giant', 'specialized-sme', 'micro'] as const)
      expect(adviseStrategy(type)).toMatchObject({ strategy: 'tiered', section: '四（三）' });
    expect(adviseStrategy('leader').explanation.zh).toContain('链式');
  });
});

describe('buildCandidates', () => {
  it('makes one candidate per scenario addressing a chosen pain point, with default origins', () => {
    const { candidates, unmatchedPainPoints } = buildCandidates({
      atlas,
      profile: sme,
      painPoints: ['unplanned-downtime'],
    });
    expect(unmatchedPainPoints).toEqual([]);
    expect(candidates.map((c) => c.id)).toEqual(['GEN-OM-01']);
    const [c] = candidates;
    expect(c?.reasons).toEqual([{ kind: 'pain-point', ref: 'unplanned-downtime' }]);
    // GEN-OM-01 has costIndex 1 in guide-2024: the default cost, its origin the atlas pack
    expect(c?.capex).toBe(TYPE_DEFAULTS['specialized-sme'].capex);
    expect(c?.origins.capex).toEqual({ kind: 'atlas', ref: 'guide-2024: costIndex 1' });
    expect(c?.origins.effort).toEqual({ kind: 'default', ref: 'specialized-sme' });
    expect(c?.kpiDeltas.length).toBeGreaterThan(0);
  });

  it('adds transitive prerequisites (prerequisite links) before their dependents and sets requires', () => {
    // GEN-CX-02 requires GEN-RD-01 and GEN-PM-03; GEN-PM-01 requires GEN-PM-03 (prerequisite links of guide-2024).
    const { candidates } = buildCandidates({
      atlas,
      profile: { ...sme, enterpriseType: 'little-giant', revenue: 30_000 },
      painPoints: ['personalization-cost'],
    });
    const ids = candidates.map((c) => c.id);
    expect([...ids].sort()).toEqual(['GEN-CX-02', 'GEN-PM-03', 'GEN-RD-01']);
    const cx = candidates.find((c) => c.id === 'GEN-CX-02');
    expect([...(cx?.requires ?? [])].sort()).toEqual(['GEN-PM-03', 'GEN-RD-01']);
    expect(candidates.find((c) => c.id === 'GEN-RD-01')?.reasons).toEqual([
      { kind: 'prerequisite', ref: 'GEN-CX-02' },
    ]);
    // GEN-PM-03 is both chosen (schedule-disruption is not chosen here) and a prerequisite
    expect(candidates.find((c) => c.id === 'GEN-PM-03')?.reasons).toEqual([
      { kind: 'prerequisite', ref: 'GEN-CX-02' },
    ]);
    for (const c of candidates)
      for (const r of c.requires) expect(ids.indexOf(r)).toBeLessThan(ids.indexOf(c.id));
    // C2M: costIndex 3, durationIndex 2 in guide-2024 (revenue at the type's typical revenue: scale 1)
    expect(cx?.capex).toBe(3 * TYPE_DEFAULTS['little-giant'].capex);
    expect(cx?.duration).toBe(2 * TYPE_DEFAULTS['little-giant'].duration);
    expect(cx?.origins.duration).toEqual({ kind: 'atlas', ref: 'guide-2024: durationIndex 2' });
  });

  it('no longer gives every scenario the same cost: the atlas economics tell a cloud HR system from MBSE', () => {
    const { candidates } = buildCandidates({
      atlas,
      profile: { ...sme, enterpriseType: 'large', revenue: 200_000 },
      painPoints: [],
      gaps: [{ name: '全部', scenarios: ['GEN-BM-03', 'GEN-CX-01', 'GEN-PM-01'] }],
    });
    const cost = (id: string) => candidates.find((c) => c.id === id)?.capex ?? 0;
    expect(cost('GEN-CX-01')).toBeGreaterThan(5 * cost('GEN-BM-03'));
    expect(cost('GEN-PM-01')).toBeGreaterThan(cost('GEN-BM-03'));
  });

  it('takes gap scenarios with a bigger KPI improvement and names the gap as origin', () => {
    const { candidates, unknownGapScenarios } = buildCandidates({
      atlas,
      profile: sme,
      painPoints: [],
      gaps: [{ name: '设备联网', scenarios: ['GEN-OM-01', 'NOPE-XX-01'] }],
    });
    expect(unknownGapScenarios).toEqual(['NOPE-XX-01']);
    const [c] = candidates;
    expect(c?.reasons).toEqual([{ kind: 'gap', ref: '设备联网' }]);
    expect(c?.kpiDeltas.every((d) => d.improvement === GAP_IMPROVEMENT)).toBe(true);
    expect(c?.kpiDeltas[0]?.origin).toEqual({ kind: 'gap', ref: '设备联网' });
  });

  it('reports pain points no scenario addresses', () => {
    expect(
      buildCandidates({ atlas, profile: sme, painPoints: ['no-such-pain'] }).unmatchedPainPoints,
    ).toEqual(['no-such-pain']);
  });

  it('lowers success probability for a scenario the atlas does not list for the enterprise type', () => {
    const { candidates } = buildCandidates({
      atlas,
      profile: { ...sme, enterpriseType: 'micro', revenue: 1000 },
      painPoints: ['slow-service-response'],
    });
    const om2 = candidates.find((c) => c.id === 'GEN-OM-02');
    expect(om2?.origins.successProbability.kind).toBe('atlas');
    expect(om2?.successProbability).toBeCloseTo(TYPE_DEFAULTS.micro.successProbability - 0.1);
  });

  it('always yields a valid planning instance with the default settings (any type, revenue, pain points)', () => {
    const ids = atlas.painPoints.map((p) => p.id);
    fc.assert(
      fc.property(
        fc.constantFrom(...ENTERPRISE_TYPES),
        fc.integer({ min: 100, max: 2_000_000 }),
        fc.subarray(ids, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('process' as const, 'discrete' as const),
        (enterpriseType, revenue, painPoints, processType) => {
          const profile = { ...sme, enterpriseType, revenue, processType };
          const { candidates } = buildCandidates({ atlas, profile, painPoints });
          const parsed = parsePlanInstance(
            toPlanInstanceInput(profile, candidates, defaultSettings(profile, TODAY)),
          );
          expect(parsed.ok ? [] : parsed.problems).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

/** The guide atlas with GEN-OM-01's economics replaced (undefined = removed). */
function withEconomics(economics: Scenario['economics']): Atlas {
  return {
    ...atlas,
    scenarios: atlas.scenarios.map((s) => {
      if (s.code !== 'GEN-OM-01') return s;
      const { economics: _old, ...rest } = s;
      return economics === undefined ? rest : { ...rest, economics };
    }),
  };
}
const om1 = (a: Atlas, profile: EnterpriseProfile = sme, periods?: number) =>
  buildCandidates({
    atlas: a,
    profile,
    painPoints: ['unplanned-downtime'],
    ...(periods === undefined ? {} : { periods }),
  }).candidates.find((c) => c.id === 'GEN-OM-01');

describe('scenario economics (atlas costIndex, durationIndex, runningCostIndex)', () => {
  const type = TYPE_DEFAULTS['specialized-sme'];

  it('costs a scenario with costIndex 2 twice the default, running cost too, origin the atlas pack', () => {
    const c = om1(withEconomics({ costIndex: 2, durationIndex: 1 }));
    expect(c?.capex).toBe(2 * type.capex);
    expect(c?.opexPerYear).toBeCloseTo(2 * type.capex * type.opexRate, 1);
    expect(c?.duration).toBe(type.duration);
    expect(c?.origins.capex).toEqual({ kind: 'atlas', ref: 'guide-2024: costIndex 2' });
    expect(c?.origins.opexPerYear).toEqual({ kind: 'atlas', ref: 'guide-2024: costIndex 2' });
    expect(c?.origins.duration).toEqual({ kind: 'atlas', ref: 'guide-2024: durationIndex 1' });
  });

  it('takes the running cost from runningCostIndex when given (SaaS: low build, high run)', () => {
    const c = om1(withEconomics({ costIndex: 0.5, durationIndex: 0.5, runningCostIndex: 1.5 }));
    expect(c?.capex).toBe(0.5 * type.capex);
    expect(c?.opexPerYear).toBeCloseTo(1.5 * type.capex * type.opexRate, 1);
    expect(c?.origins.opexPerYear).toEqual({ kind: 'atlas', ref: 'guide-2024: runningCostIndex 1.5' });
    expect(c?.duration).toBe(1); // round(2 × 0.5)
  });

  it('keeps the enterprise-type default for a scenario without economics', () => {
    const c = om1(withEconomics(undefined));
    expect(c?.capex).toBe(type.capex);
    expect(c?.opexPerYear).toBeCloseTo(type.capex * type.opexRate, 1);
    expect(c?.duration).toBe(type.duration);
    expect(c?.origins.capex).toEqual({ kind: 'default', ref: 'specialized-sme' });
    expect(c?.origins.duration).toEqual({ kind: 'default', ref: 'specialized-sme' });
  });

  it('names the pack that defines the scenario in an extending atlas', async () => {
    const loaded = await loadAtlasPacks('packs/atlas');
    const petrochem = loaded.ok ? loaded.catalog.get('petrochem-2024') : undefined;
    if (!petrochem) throw new Error('petrochem-2024 missing');
    const { candidates } = buildCandidates({
      atlas: petrochem,
      profile: { ...sme, enterpriseType: 'large', revenue: 200_000 },
      painPoints: [],
      gaps: [{ name: 'RTO', scenarios: ['PCH.REF-PM-02', 'GEN-BM-03'] }],
    });
    expect(candidates.find((c) => c.id === 'PCH.REF-PM-02')?.origins.capex.ref).toMatch(/^petrochem-2024: /);
    expect(candidates.find((c) => c.id === 'GEN-BM-03')?.origins.capex.ref).toMatch(/^guide-2024: /);
  });

  it('keeps every duration between 1 and the horizon, = round(default × durationIndex) when it fits', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ENTERPRISE_TYPES),
        fc.double({ min: 0.5, max: 3, noNaN: true }),
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        fc.option(fc.integer({ min: 1, max: 16 }), { nil: undefined }),
        (enterpriseType, durationIndex, costIndex, periods) => {
          const profile = { ...sme, enterpriseType, revenue: TYPE_DEFAULTS[enterpriseType].typicalRevenue };
          const c = om1(withEconomics({ costIndex, durationIndex }), profile, periods);
          const horizon = periods ?? TYPE_DEFAULTS[enterpriseType].periods;
          const wanted = Math.round(TYPE_DEFAULTS[enterpriseType].duration * durationIndex);
          expect(c?.duration).toBe(Math.min(horizon, Math.max(1, wanted)));
          expect(c?.capex).toBeCloseTo(TYPE_DEFAULTS[enterpriseType].capex * costIndex, 0);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('gives every shipped scenario economics', async () => {
    const loaded = await loadAtlasPacks('packs/atlas');
    if (!loaded.ok) throw new Error('atlas packs do not load');
    const missing = [...loaded.catalog.values()]
      .flatMap((a) => a.scenarios)
      .filter((s) => s.economics === undefined)
      .map((s) => s.code);
    expect(missing).toEqual([]);
  });
});

describe('candidateBenefit', () => {
  it('is revenue × factor × improvement per KPI, grouped by value tag, minus opex (never negative)', () => {
    const [c] = buildCandidates({ atlas, profile: sme, painPoints: ['unplanned-downtime'] }).candidates;
    if (!c) throw new Error('no candidate');
    const b = candidateBenefit(sme, c);
    const expected = c.kpiDeltas.reduce((s, d) => s + sme.revenue * d.factor * d.improvement, 0);
    expect(b.gross).toBeCloseTo(expected);
    expect(Object.values(b.byValueTag).reduce((s, v) => s + v, 0)).toBeCloseTo(expected);
    expect(b.annualBenefit).toBeCloseTo(Math.max(0, expected - c.opexPerYear));
    expect(candidateBenefit(sme, { ...c, opexPerYear: 1e9 }).annualBenefit).toBe(0);
  });

  it('doubles energy factors for 流程型 enterprises', () => {
    const args = { atlas, painPoints: ['high-energy-cost'] };
    const discrete = buildCandidates({ ...args, profile: sme }).candidates.find((c) => c.id === 'GEN-PM-05');
    const process = buildCandidates({ ...args, profile: { ...sme, processType: 'process' } }).candidates.find(
      (c) => c.id === 'GEN-PM-05',
    );
    const energy = (c: typeof discrete) => c?.kpiDeltas.find((d) => d.valueTag === 'energy')?.factor ?? 0;
    expect(energy(process)).toBeCloseTo(2 * energy(discrete));
  });
});

describe('defaults', () => {
  it('scale capex with √revenue within ×0.5 … ×2 and budget with revenue', () => {
    expect(revenueScale({ ...sme, revenue: 10_000 })).toBe(1);
    expect(revenueScale({ ...sme, revenue: 40_000 })).toBe(2);
    expect(revenueScale({ ...sme, revenue: 1e9 })).toBe(2);
    expect(revenueScale({ ...sme, revenue: 1 })).toBe(0.5);
    const s = defaultSettings(sme, TODAY);
    expect(s.budget).toHaveLength(s.periods);
    expect(s.budget[0]).toBe(25); // 10,000 × 1 % / 4
  });
});

describe('default settings', () => {
  it('are, for every enterprise the API accepts, settings the API accepts, every one given', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ENTERPRISE_TYPES),
        fc.double({ min: 1, max: 1e9, noNaN: true }),
        (enterpriseType, revenue) => {
          const profile = EnterpriseProfileContract.parse({ ...sme, enterpriseType, revenue });
          const settings = defaultSettings(profile, TODAY);
          expect(PlanSettings.strict().parse(settings)).toEqual(settings);
          expect(Object.keys(settings).sort()).toEqual(Object.keys(PlanSettings.shape).sort());
          // and the optimiser gets every one of them
          expect(toPlanInstanceInput(profile, [], settings)).toEqual({ ...settings, initiatives: [] });
        },
      ),
    );
  });
});

describe('markEdits', () => {
  it('marks changed numbers and KPI deltas as edited by the user and keeps the rest', () => {
    const [c] = buildCandidates({ atlas, profile: sme, painPoints: ['unplanned-downtime'] }).candidates;
    if (!c) throw new Error('no candidate');
    const [first, ...rest] = c.kpiDeltas;
    if (!first) throw new Error('no KPI');
    const edited = { ...c, capex: c.capex + 1, kpiDeltas: [{ ...first, improvement: 0.2 }, ...rest] };
    const [marked] = markEdits([c], [edited]);
    expect(marked?.origins.capex).toEqual({ kind: 'user' });
    expect(marked?.origins.duration).toEqual(c.origins.duration);
    expect(marked?.kpiDeltas[0]?.origin).toEqual({ kind: 'user' });
    expect(marked?.kpiDeltas[1]?.origin).toEqual(c.kpiDeltas[1]?.origin);
  });
});

describe('default economics (calibration)', () => {
  it('gives every enterprise type at its typical revenue a worthwhile plan that fits its default budget', () => {
    for (const enterpriseType of ENTERPRISE_TYPES) {
      const profile: EnterpriseProfile = {
        industry: '通用设备制造',
        processType: 'discrete',
        employees: 300,
        revenue: TYPE_DEFAULTS[enterpriseType].typicalRevenue,
        enterpriseType,
      };
      const { candidates } = buildCandidates({
        atlas,
        profile,
        painPoints: atlas.painPoints.map((p) => p.id),
      });
      const parsed = parsePlanInstance(
        toPlanInstanceInput(profile, candidates, defaultSettings(profile, TODAY)),
      );
      if (!parsed.ok) throw new Error(`${enterpriseType}: invalid default instance`);
      const instance = parsed.instance;
      const worthwhile = instance.initiatives.filter((i) => startValue(instance, i, 0) > 0);
      const fitting = worthwhile.filter(
        (i) =>
          costPerPeriod(i) <= (instance.budget[0] ?? 0) && i.effort <= (instance.capacity?.[0] ?? Infinity),
      );
      const paybacks = worthwhile
        .map((i) => appraiseInitiative(instance, i).paybackYears ?? Infinity)
        .sort((a, b) => a - b);
      const median = paybacks[Math.floor(paybacks.length / 2)] ?? Infinity;
      expect({ enterpriseType, worthwhile: worthwhile.length >= 3, fitting: fitting.length >= 1 }).toEqual({
        enterpriseType,
        worthwhile: true,
        fitting: true,
      });
      expect(median, enterpriseType).toBeGreaterThan(0.5);
      expect(median, enterpriseType).toBeLessThan(3.5);
    }
  });
});
