/**
 * Candidate initiatives of a plan (识别转型痛点需求和应用场景, 开展投入产出测算 — guide 二(一)): one per atlas scenario that
 * addresses a chosen pain point or a diagnosis gap, plus the scenarios they require, each with default numbers
 * (candidates-defaults.ts) and the ORIGIN of every number, so the planner sees what to check and edit.
 */
import type { Scenario } from '../atlas/pack-schema.ts';
import type { Atlas } from '../atlas/types.ts';
import type { LocalizedText } from '../shared/text.ts';
import type { EnterpriseProfile, TypeDefaults } from './candidates-defaults.ts';
import {
  CROSS_LINK_CATEGORY,
  CROSS_LINK_COST_FACTOR,
  DEFAULT_IMPROVEMENT,
  GAP_IMPROVEMENT,
  revenueScale,
  TYPE_DEFAULTS,
  UNLISTED_TYPE_PENALTY,
  valueTagFactor,
} from './candidates-defaults.ts';
import type { PlanInstanceInput, PlanSettings } from './plan-instance.ts';

/** Where a number (or a candidate) comes from. */
export type OriginKind = 'default' | 'gap' | 'pain-point' | 'prerequisite' | 'atlas' | 'user';
export interface Origin {
  readonly kind: OriginKind;
  /**
   * default: enterprise type id; gap: the gap's name; pain-point: its id; prerequisite: the dependent's code;
   * atlas: what the atlas pack says, e.g. `guide-2024: costIndex 2` (the scenario's economics) or an enterprise type
   * the scenario is not listed for.
   */
  readonly ref?: string;
}

export interface KpiDelta {
  readonly kpi: string;
  readonly name: LocalizedText;
  readonly unit: string;
  readonly valueTag: string;
  /** Relative improvement of the KPI, e.g. 0.05 = 5 %. */
  readonly improvement: number;
  /** Share of revenue a 100 % improvement moves (VALUE_TAG_FACTORS). */
  readonly factor: number;
  readonly origin: Origin;
}

export const NUMBER_FIELDS = ['capex', 'opexPerYear', 'duration', 'effort', 'successProbability'] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

export interface PlanCandidate {
  /** The scenario code; unique in a plan. */
  readonly id: string;
  readonly scenario: string;
  readonly name: LocalizedText;
  readonly category: string;
  readonly scope: LocalizedText;
  /** Build cost, 万元, spread over the duration. */
  readonly capex: number;
  /** Running cost per year once live, 万元; deducted from the yearly benefit. */
  readonly opexPerYear: number;
  readonly duration: number;
  readonly effort: number;
  readonly successProbability: number;
  readonly kpiDeltas: readonly KpiDelta[];
  readonly requires: readonly string[];
  readonly excludes: readonly string[];
  readonly mandatory: boolean;
  readonly origins: Readonly<Record<NumberField, Origin>>;
  /** Why the candidate is in the plan: pain points, gaps, or being a prerequisite of another. */
  readonly reasons: readonly Origin[];
}

export interface GapInput {
  readonly name: string;
  readonly scenarios: readonly string[];
}

export interface CandidateBenefit {
  /** Gross yearly benefit by value tag, 万元. */
  readonly byValueTag: Readonly<Record<string, number>>;
  readonly gross: number;
  /** gross − opex, never below 0: the `annualBenefit` the planner optimises. */
  readonly annualBenefit: number;
}

/** benefit = Σ revenue × factor × improvement over the KPI deltas; annual = max(0, gross − opex). */
export function candidateBenefit(profile: EnterpriseProfile, candidate: PlanCandidate): CandidateBenefit {
  const byValueTag: Record<string, number> = {};
  let gross = 0;
  for (const delta of candidate.kpiDeltas) {
    const value = profile.revenue * delta.factor * delta.improvement;
    byValueTag[delta.valueTag] = (byValueTag[delta.valueTag] ?? 0) + value;
    gross += value;
  }
  return { byValueTag, gross, annualBenefit: Math.max(0, gross - candidate.opexPerYear) };
}

export interface CandidateInput {
  readonly atlas: Atlas;
  readonly profile: EnterpriseProfile;
  /** Pain-point ids from the atlas catalogue. */
  readonly painPoints: readonly string[];
  readonly gaps?: readonly GapInput[];
  /** Planning horizon in periods: no duration exceeds it. Default: the enterprise type's horizon. */
  readonly periods?: number;
}

export interface CandidateSet {
  readonly candidates: PlanCandidate[];
  /** Chosen pain points no scenario of the atlas addresses, or not in its catalogue. */
  readonly unmatchedPainPoints: string[];
  /** Gap scenario codes this atlas does not have. */
  readonly unknownGapScenarios: string[];
}

const roundTo = (value: number, decimals: number): number => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};

function firstSentence(text: string): string {
  const match = /^[^。.!?！？]*[。.!?！？]/.exec(text);
  return (match ? match[0] : text).trim();
}

/** Candidates for the chosen pain points and gaps, with the transitive prerequisites of each, prerequisites first. */
export function buildCandidates({
  atlas,
  profile,
  painPoints,
  gaps = [],
  periods,
}: CandidateInput): CandidateSet {
  const scenarios = new Map(atlas.scenarios.map((s) => [s.code, s]));
  const reasons = new Map<string, Origin[]>();
  const addReason = (code: string, origin: Origin): void => {
    const list = reasons.get(code) ?? [];
    if (!list.some((o) => o.kind === origin.kind && o.ref === origin.ref)) list.push(origin);
    reasons.set(code, list);
  };
  const known = new Set(atlas.painPoints.map((p) => p.id));
  const unmatchedPainPoints: string[] = [];
  for (const painPoint of painPoints) {
    const addressing = atlas.scenarios.filter((s) => s.painPoints.includes(painPoint));
    if (!known.has(painPoint) || addressing.length === 0) unmatchedPainPoints.push(painPoint);
    for (const s of addressing) addReason(s.code, { kind: 'pain-point', ref: painPoint });
  }
  const unknownGapScenarios: string[] = [];
  const gapOf = new Map<string, string>();
  for (const gap of gaps) {
    for (const code of gap.scenarios) {
      if (!scenarios.has(code)) {
        if (!unknownGapScenarios.includes(code)) unknownGapScenarios.push(code);
        continue;
      }
      addReason(code, { kind: 'gap', ref: gap.name });
      if (!gapOf.has(code)) gapOf.set(code, gap.name);
    }
  }
  // Transitive prerequisites over `prerequisite: true` links.
  const required = new Map<string, string[]>();
  for (const link of atlas.links) {
    if (!link.prerequisite) continue;
    required.set(link.to, [...(required.get(link.to) ?? []), link.from]);
  }
  const queue = [...reasons.keys()];
  for (let k = 0; k < queue.length; k++) {
    const code = queue[k] ?? '';
    for (const before of required.get(code) ?? []) {
      if (!scenarios.has(before)) continue;
      if (!reasons.has(before)) queue.push(before);
      addReason(before, { kind: 'prerequisite', ref: code });
    }
  }

  const type = TYPE_DEFAULTS[profile.enterpriseType];
  const scale = revenueScale(profile);
  const horizon = Math.max(1, periods ?? type.periods);
  const kpis = new Map(atlas.kpis.map((kpi) => [kpi.id, kpi]));
  const typeOrigin: Origin = { kind: 'default', ref: profile.enterpriseType };
  const chosen = new Set(reasons.keys());
  const candidates: PlanCandidate[] = [];
  for (const scenario of atlas.scenarios) {
    if (!chosen.has(scenario.code)) continue;
    const listed = scenario.enterpriseTypes.includes(profile.enterpriseType);
    const numbers = scenarioNumbers(
      type,
      scale,
      horizon,
      scenario,
      atlas.origin[scenario.code] ?? atlas.meta.id,
    );
    const origin = (field: 'capex' | 'opexPerYear' | 'duration'): Origin =>
      numbers.origins[field] ?? typeOrigin;
    const gap = gapOf.get(scenario.code);
    const improvement = gap === undefined ? DEFAULT_IMPROVEMENT : GAP_IMPROVEMENT;
    const kpiDeltas: KpiDelta[] = scenario.kpis.flatMap((id) => {
      const kpi = kpis.get(id);
      if (!kpi) return [];
      return [
        {
          kpi: id,
          name: kpi.name,
          unit: kpi.unit,
          valueTag: kpi.valueTag,
          improvement,
          factor: valueTagFactor(profile, kpi.valueTag),
          origin: gap === undefined ? typeOrigin : { kind: 'gap', ref: gap },
        },
      ];
    });
    const requires = (required.get(scenario.code) ?? []).filter((c) => chosen.has(c));
    const tools = scenario.elements.tools.slice(0, 3);
    candidates.push({
      id: scenario.code,
      scenario: scenario.code,
      name: scenario.name,
      category: scenario.category,
      scope: {
        zh: `${firstSentence(scenario.description.zh)} 主要工具：${tools.map((t) => t.zh).join('、')}。`,
        en: `${firstSentence(scenario.description.en)} Main tools: ${tools.map((t) => t.en).join(', ')}.`,
      },
      capex: numbers.capex,
      opexPerYear: numbers.opexPerYear,
      duration: numbers.duration,
      effort: type.effort,
      successProbability: roundTo(
        Math.max(0.05, type.successProbability - (listed ? 0 : UNLISTED_TYPE_PENALTY)),
        2,
      ),
      kpiDeltas,
      requires,
      excludes: [],
      mandatory: false,
      origins: {
        capex: origin('capex'),
        opexPerYear: origin('opexPerYear'),
        duration: origin('duration'),
        effort: typeOrigin,
        successProbability: listed ? typeOrigin : { kind: 'atlas', ref: profile.enterpriseType },
      },
      reasons: reasons.get(scenario.code) ?? [],
    });
  }
  return { candidates: prerequisitesOrdered(candidates), unmatchedPainPoints, unknownGapScenarios };
}

interface ScenarioNumbers {
  readonly capex: number;
  readonly opexPerYear: number;
  readonly duration: number;
  /** Origins that differ from the enterprise-type default. */
  readonly origins: Partial<Record<'capex' | 'opexPerYear' | 'duration', Origin>>;
}

const indexText = (value: number): string => String(roundTo(value, 2));

/**
 * Build cost, running cost and duration of a scenario. With the atlas's `economics`: the enterprise type's
 * defaults × costIndex (running cost × runningCostIndex, else costIndex) and round(duration × durationIndex), the
 * origin naming the pack and the index. Without: the defaults, 跨环节协同 scenarios ×1.5 cost and one more period.
 * The duration is always between 1 and the horizon.
 */
export function scenarioNumbers(
  type: TypeDefaults,
  scale: number,
  horizon: number,
  scenario: Pick<Scenario, 'category' | 'economics'>,
  packId: string,
): ScenarioNumbers {
  const clampDuration = (d: number): number => Math.min(Math.max(1, horizon), Math.max(1, d));
  const economics = scenario.economics;
  if (economics === undefined) {
    const crossLink = scenario.category === CROSS_LINK_CATEGORY;
    const capex = roundTo(type.capex * scale * (crossLink ? CROSS_LINK_COST_FACTOR : 1), 1);
    return {
      capex,
      opexPerYear: roundTo(capex * type.opexRate, 1),
      duration: clampDuration(type.duration + (crossLink ? 1 : 0)),
      origins: {},
    };
  }
  const base = type.capex * scale;
  const running = economics.runningCostIndex ?? economics.costIndex;
  const atlasOrigin = (what: string, value: number): Origin => ({
    kind: 'atlas',
    ref: `${packId}: ${what} ${indexText(value)}`,
  });
  return {
    capex: roundTo(base * economics.costIndex, 1),
    opexPerYear: roundTo(base * type.opexRate * running, 1),
    duration: clampDuration(Math.round(type.duration * economics.durationIndex)),
    origins: {
      capex: atlasOrigin('costIndex', economics.costIndex),
      opexPerYear:
        economics.runningCostIndex === undefined
          ? atlasOrigin('costIndex', economics.costIndex)
          : atlasOrigin('runningCostIndex', economics.runningCostIndex),
      duration: atlasOrigin('durationIndex', economics.durationIndex),
    },
  };
}

function prerequisitesOrdered(candidates: PlanCandidate[]): PlanCandidate[] {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const seen = new Set<string>();
  const order: PlanCandidate[] = [];
  const visit = (c: PlanCandidate): void => {
    if (seen.has(c.id)) return;
    seen.add(c.id);
    for (const id of c.requires) {
      const before = byId.get(id);
      if (before) visit(before);
    }
    order.push(c);
  };
  candidates.forEach(visit);
  return order;
}

/**
 * Marks as `user` the origin of every number that differs from the saved candidate with the same id (the rest keep
 * their origin), so the table shows which assumptions were edited.
 */
export function markEdits(
  saved: readonly PlanCandidate[],
  edited: readonly PlanCandidate[],
): PlanCandidate[] {
  const before = new Map(saved.map((c) => [c.id, c]));
  const user: Origin = { kind: 'user' };
  return edited.map((candidate) => {
    const old = before.get(candidate.id);
    if (!old)
      return {
        ...candidate,
        origins: Object.fromEntries(NUMBER_FIELDS.map((f) => [f, user])) as Record<NumberField, Origin>,
      };
    const origins = { ...candidate.origins };
    for (const field of NUMBER_FIELDS) {
      origins[field] = candidate[field] === old[field] ? old.origins[field] : user;
    }
    const oldDeltas = new Map(old.kpiDeltas.map((d) => [d.kpi, d]));
    const kpiDeltas = candidate.kpiDeltas.map((delta) => {
      const was = oldDeltas.get(delta.kpi);
      const same = was !== undefined && was.improvement === delta.improvement && was.factor === delta.factor;
      return { ...delta, origin: same ? was.origin : user };
    });
    return { ...candidate, origins, kpiDeltas };
  });
}

/**
 * The optimiser's instance: the plan's settings as they are (every one of them, in their order), capex as the cost,
 * the net yearly benefit (gross − opex) as the annual benefit.
 */
export function toPlanInstanceInput(
  profile: EnterpriseProfile,
  candidates: readonly PlanCandidate[],
  settings: PlanSettings,
): PlanInstanceInput {
  const { budget, capacity, ...rest } = settings;
  return {
    ...rest,
    budget: [...budget],
    ...(capacity === undefined ? {} : { capacity: [...capacity] }),
    initiatives: candidates.map((c) => ({
      id: c.id,
      scenario: c.scenario,
      name: c.name.zh,
      cost: c.capex,
      duration: c.duration,
      effort: c.effort,
      annualBenefit: candidateBenefit(profile, c).annualBenefit,
      successProbability: c.successProbability,
      requires: [...c.requires],
      excludes: [...c.excludes],
      mandatory: c.mandatory,
    })),
  };
}
