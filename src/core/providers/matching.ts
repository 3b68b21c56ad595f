import type { DiagnosisResult } from '../diagnosis/result.ts';
import { MEMBER_STATES, poolStandings, type MembershipState, type PoolState } from './membership.ts';
import type { WorkOutcomes } from './work-outcomes.ts';
import {
  industryDepth,
  normaliseIndustry,
  regionCovers,
  regionLevel,
  scenarioCategory,
  type Deployment,
  type PricingModel,
  type ProviderProduct,
  type ProviderProfile,
} from './profile.ts';

/**
 * 供需对接: providers ranked for one initiative (a scenario to transform, in an industry and a region, with a budget),
 * each score broken down by factor so the enterprise sees why. The index is built once over all providers; a match
 * then scores only the providers that can still reach the shown list (exact and bounded: a provider is skipped only
 * when even full marks on every other factor could not lift it above the last one shown).
 */

/** A provider as matching sees it: its profile, its standing in pools, its grade and its satisfaction ratings. */
export interface MatchCandidate {
  profile: ProviderProfile;
  /** standing per pool id (its latest application: `poolStandings`) */
  pools: Record<string, MembershipState>;
  /** the grading model's score 0–100 and grade (level id; null below the lowest grade), or null when not graded */
  grade: { score: number; level: string | null } | null;
  /** satisfaction at acceptance 0–100 (`workOutcomes().satisfaction`) and how many ratings it rests on */
  satisfaction: { percent: number; ratings: number } | null;
}

/**
 * A provider's match candidate from what the other parts hold: its profile, the pools (its standing in each), its
 * grading result (the diagnosis engine's, over the grading model) and its computed work outcomes.
 */
export function matchCandidate(
  profile: ProviderProfile,
  pools: readonly PoolState[],
  grading: Pick<DiagnosisResult, 'score' | 'level'> | null,
  outcomes: Pick<WorkOutcomes, 'satisfaction' | 'rated'> | null,
): MatchCandidate {
  const standing: Record<string, MembershipState> = {};
  for (const pool of pools) {
    const s = poolStandings(pool).get(profile.id);
    if (s !== undefined) standing[pool.pool.id] = s;
  }
  return {
    profile,
    pools: standing,
    grade: grading ? { score: grading.score, level: grading.level?.id ?? null } : null,
    satisfaction:
      outcomes && outcomes.satisfaction !== null
        ? { percent: outcomes.satisfaction, ratings: outcomes.rated }
        : null,
  };
}

/** What is being matched: a plan initiative or a project. Money in 万元. */
export interface MatchInitiative {
  /** atlas scenario code */
  scenario: string;
  /** GB/T 4754 code of the enterprise's industry */
  industry?: string;
  /** GB/T 2260 code of where the enterprise is */
  region?: string;
  /** budget for this initiative, 万元 */
  budget?: number;
  /** the pool the enterprise chooses from (a pilot's 推荐服务商资源池) */
  poolId?: string;
}

export const MATCH_FACTORS = [
  'scenario',
  'industry',
  'region',
  'pool',
  'grade',
  'satisfaction',
  'price',
] as const;
export type MatchFactor = (typeof MATCH_FACTORS)[number];
export type MatchWeights = Record<MatchFactor, number>;
/** Default weights (they need not add up to 100: the total is scaled to 100 over the factors that apply). */
export const DEFAULT_MATCH_WEIGHTS: MatchWeights = {
  scenario: 30,
  industry: 15,
  region: 10,
  pool: 10,
  grade: 15,
  satisfaction: 10,
  price: 10,
};

export const MATCH_REASONS = [
  // scenario
  'product',
  'capability',
  'reference',
  'same-category',
  'no-scenario',
  // industry
  'reference-industry',
  'declared-industry',
  'no-industry',
  // region
  'local',
  'province',
  'nationwide',
  'same-province',
  'elsewhere',
  // pool
  'member',
  'warned',
  'rectifying',
  'publicised',
  'not-member',
  // grade
  'graded',
  'ungraded',
  // satisfaction
  'rated',
  'no-ratings',
  // price
  'within-budget',
  'partly-within-budget',
  'over-budget',
  'no-price',
  // any factor the initiative gives nothing for (no industry, region or budget): weight 0
  'not-asked',
] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

/** One factor of a score: its weight (share of 100 among the factors that apply), its score 0–1, the points it gave. */
export interface FactorScore {
  factor: MatchFactor;
  /** weight scaled so the applicable factors' weights add up to 100; 0 when not asked */
  weight: number;
  /** 0–1 */
  score: number;
  /** weight × score: what this factor added to the total */
  points: number;
  reason: MatchReason;
  /** what matched: a product id, an industry or region code, a pool id, a grade, a rating count */
  detail?: string;
}

export interface MatchEntry {
  providerId: string;
  name: string;
  /** 1-based among the providers considered */
  rank: number;
  /** 0–100, the sum of the factors' points */
  total: number;
  /** one per factor, in MATCH_FACTORS order */
  factors: FactorScore[];
  /** the provider's product that best fits the scenario and the budget, if it has one for the scenario */
  product: { id: string; name: string; price: { min: number; max: number } } | null;
}

export interface MatchFilters {
  /** has at least one of these provider types */
  types?: string[];
  /** a member in standing (admitted, warned, rectifying) of the initiative's pool, or of any pool when none is given */
  inPool?: boolean;
  /** grade score at least this (0–100) */
  minGrade?: number;
  /** has a product for the scenario that can be deployed this way */
  deployment?: Deployment;
  /** has a product for the scenario sold this way */
  pricing?: PricingModel;
  /** has a product for the scenario whose lowest price is at most this, 万元 */
  maxPrice?: number;
  /** serves the initiative's region (or a division containing it); ignored when the initiative names no region */
  coversRegion?: boolean;
  /** offers the scenario itself (a product or a declared capability), not only a neighbour in its category */
  scenarioRequired?: boolean;
}
export type MatchFilter = keyof MatchFilters;

export interface MatchOptions {
  filters?: MatchFilters;
  weights?: Partial<MatchWeights>;
  /** how many to show; never fewer than MIN_SHOWN (default 10) */
  limit?: number;
}

/** A match never shows fewer than this many providers when that many pass the filters. */
export const MIN_SHOWN = 5;

export interface MatchResult {
  initiative: MatchInitiative;
  /** providers in the index */
  providers: number;
  /** providers that pass the filters */
  considered: number;
  /** how many each filter turned away (a provider may fail several) */
  excluded: Partial<Record<MatchFilter, number>>;
  entries: MatchEntry[];
}

// ------------------------------------------------------------------ index

interface Indexed {
  candidate: MatchCandidate;
  id: string;
  /** position in the index (for per-match flags) */
  order: number;
  /** the grade and satisfaction scores (0–1): they do not depend on the initiative */
  gradeScore: number;
  satisfactionScore: number;
  /** the best pool standing score over all pools (for an initiative that names no pool) */
  bestPoolScore: number;
  productsByScenario: Map<string, ProviderProduct[]>;
  capabilities: Set<string>;
  referenceScenarios: Set<string>;
  industries: string[];
  referenceIndustries: string[];
  types: Set<string>;
}

/** Providers prepared once for many matches. Build it with `buildMatchIndex`; treat it as opaque. */
export interface MatchIndex {
  readonly providers: readonly Indexed[];
  readonly byId: ReadonlyMap<string, Indexed>;
  /** providers offering a scenario exactly: a product, a capability or a reference project */
  readonly byScenario: ReadonlyMap<string, readonly Indexed[]>;
  /** providers offering some scenario of a category (the code's middle part: PM, RD …) */
  readonly byCategory: ReadonlyMap<string, readonly Indexed[]>;
  /** every provider, strongest grade, satisfaction and pool standing first */
  readonly strongFirst: readonly Indexed[];
}

function indexOne(candidate: MatchCandidate, order = 0): Indexed {
  const p = candidate.profile;
  const productsByScenario = new Map<string, ProviderProduct[]>();
  for (const product of p.products)
    for (const s of new Set(product.scenarios)) {
      const list = productsByScenario.get(s);
      if (list) list.push(product);
      else productsByScenario.set(s, [product]);
    }
  const norm = (codes: (string | undefined)[]) =>
    codes.flatMap((c) => {
      const n = c === undefined ? null : normaliseIndustry(c);
      return n ? [n] : [];
    });
  const g = candidate.grade;
  const sat = candidate.satisfaction;
  return {
    candidate,
    id: p.id,
    order,
    gradeScore: g ? clamp01(g.score / 100) : 0,
    satisfactionScore: !sat || sat.ratings === 0 ? 0.5 : clamp01(sat.percent / 100),
    bestPoolScore: Math.max(0, ...Object.values(candidate.pools).map((st) => POOL_SCORE[st]?.[0] ?? 0)),
    productsByScenario,
    capabilities: new Set(p.capabilities),
    referenceScenarios: new Set(p.references.flatMap((r) => r.scenarios)),
    industries: norm(p.industries),
    referenceIndustries: norm(p.references.map((r) => r.industry)),
    types: new Set(p.types),
  };
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/**
 * Prepare providers for matching (once; a profile change means a new index). Provider ids must be unique. Every list
 * is kept best grade and satisfaction first, so a match meets strong providers early and can skip more of the rest.
 */
export function buildMatchIndex(candidates: readonly MatchCandidate[]): MatchIndex {
  const providers = candidates.map((c, i) => indexOne(c, i));
  const byId = new Map<string, Indexed>();
  const byScenario = new Map<string, Indexed[]>();
  const byCategory = new Map<string, Indexed[]>();
  const add = (map: Map<string, Indexed[]>, key: string, ix: Indexed) => {
    const list = map.get(key);
    if (!list) map.set(key, [ix]);
    else if (list[list.length - 1] !== ix) list.push(ix);
  };
  for (const ix of providers) {
    if (byId.has(ix.id)) throw new Error(`provider ${ix.id} is given twice`);
    byId.set(ix.id, ix);
    const codes = new Set([...ix.productsByScenario.keys(), ...ix.capabilities, ...ix.referenceScenarios]);
    for (const code of codes) add(byScenario, code, ix);
    for (const cat of new Set([...codes].map(scenarioCategory))) add(byCategory, cat, ix);
  }
  const potential = (ix: Indexed) => ix.gradeScore * 3 + ix.satisfactionScore * 2 + ix.bestPoolScore * 2;
  const strongFirst = (a: Indexed, b: Indexed) => potential(b) - potential(a) || a.order - b.order;
  for (const list of [...byScenario.values(), ...byCategory.values()]) list.sort(strongFirst);
  return { providers, byId, byScenario, byCategory, strongFirst: [...providers].sort(strongFirst) };
}

// ------------------------------------------------------------------ scoring

const INDUSTRY_BY_DEPTH = [0, 0.3, 0.6, 0.85, 1];
const DECLARED_INDUSTRY = 0.8;
const POOL_SCORE: Partial<Record<MembershipState, [number, MatchReason]>> = {
  admitted: [1, 'member'],
  warned: [0.6, 'warned'],
  rectifying: [0.3, 'rectifying'],
  publicised: [0.2, 'publicised'],
};
/** the scenario score of each kind of fit (the bound of a group in pruning) */
const SCENARIO_SCORE = {
  product: 1,
  capability: 0.7,
  reference: 0.6,
  'same-category': 0.3,
  'no-scenario': 0,
};

type Part = Omit<FactorScore, 'weight' | 'points'>;

/** The weights that apply to this initiative, scaled to add up to 100 (a factor it gives nothing for weighs 0). */
function effectiveWeights(
  initiative: MatchInitiative,
  given: Partial<MatchWeights> | undefined,
): MatchWeights {
  const w = { ...DEFAULT_MATCH_WEIGHTS, ...given };
  for (const f of MATCH_FACTORS)
    if (!(w[f] >= 0) || !Number.isFinite(w[f]))
      throw new Error(`weight of ${f} must be a number ≥ 0, got ${w[f]}`);
  if (initiative.industry === undefined) w.industry = 0;
  if (initiative.region === undefined) w.region = 0;
  if (initiative.budget === undefined) w.price = 0;
  const sum = MATCH_FACTORS.reduce((a, f) => a + w[f], 0);
  if (sum === 0) throw new Error('at least one weight that applies must be above 0');
  for (const f of MATCH_FACTORS) w[f] = (w[f] / sum) * 100;
  return w;
}

function priceFit(product: ProviderProduct, budget: number): number {
  const { min, max } = product.price;
  if (max <= budget) return 1;
  if (min <= budget) return 0.5 + (0.5 * (budget - min)) / (max - min);
  return budget <= 0 ? 0 : Math.max(0, 0.5 * (1 - (min - budget) / budget));
}

function scoreScenario(ix: Indexed, scenario: string): Part {
  const products = ix.productsByScenario.get(scenario);
  if (products) return { factor: 'scenario', score: 1, reason: 'product', detail: products[0]!.id };
  if (ix.capabilities.has(scenario))
    return { factor: 'scenario', score: 0.7, reason: 'capability', detail: scenario };
  if (ix.referenceScenarios.has(scenario))
    return { factor: 'scenario', score: 0.6, reason: 'reference', detail: scenario };
  const cat = scenarioCategory(scenario);
  const near = [...ix.productsByScenario.keys(), ...ix.capabilities].find((c) => scenarioCategory(c) === cat);
  if (near !== undefined) return { factor: 'scenario', score: 0.3, reason: 'same-category', detail: near };
  return { factor: 'scenario', score: 0, reason: 'no-scenario' };
}

function scoreIndustry(ix: Indexed, industry: string | undefined): Part {
  if (industry === undefined) return { factor: 'industry', score: 0, reason: 'not-asked' };
  let best: Part = { factor: 'industry', score: 0, reason: 'no-industry' };
  for (const code of ix.referenceIndustries) {
    const s = INDUSTRY_BY_DEPTH[industryDepth(code, industry)] ?? 0;
    if (s > best.score) best = { factor: 'industry', score: s, reason: 'reference-industry', detail: code };
  }
  for (const code of ix.industries) {
    const s = (INDUSTRY_BY_DEPTH[industryDepth(code, industry)] ?? 0) * DECLARED_INDUSTRY;
    if (s > best.score) best = { factor: 'industry', score: s, reason: 'declared-industry', detail: code };
  }
  return best;
}

function scoreRegion(ix: Indexed, region: string | undefined): Part {
  if (region === undefined) return { factor: 'region', score: 0, reason: 'not-asked' };
  let best: Part = { factor: 'region', score: 0, reason: 'elsewhere' };
  for (const served of ix.candidate.profile.regions) {
    let part: Part;
    if (regionCovers(served, region)) {
      const level = regionLevel(served);
      part =
        level === 'country'
          ? { factor: 'region', score: 0.7, reason: 'nationwide', detail: served }
          : level === 'province'
            ? { factor: 'region', score: 0.9, reason: 'province', detail: served }
            : { factor: 'region', score: 1, reason: 'local', detail: served };
    } else if (served.slice(0, 2) === region.slice(0, 2))
      part = { factor: 'region', score: 0.4, reason: 'same-province', detail: served };
    else continue;
    if (part.score > best.score) best = part;
  }
  return best;
}

function scorePool(ix: Indexed, poolId: string | undefined): Part {
  const pools = ix.candidate.pools;
  const ids = poolId === undefined ? Object.keys(pools).sort() : [poolId];
  let best: Part = { factor: 'pool', score: 0, reason: 'not-member', ...(poolId ? { detail: poolId } : {}) };
  for (const id of ids) {
    const state = pools[id];
    const s = state === undefined ? undefined : POOL_SCORE[state];
    if (s && s[0] > best.score) best = { factor: 'pool', score: s[0], reason: s[1], detail: id };
  }
  return best;
}

function scoreGrade(ix: Indexed): Part {
  const g = ix.candidate.grade;
  if (!g) return { factor: 'grade', score: 0, reason: 'ungraded' };
  const score = ix.gradeScore;
  return g.level === null
    ? { factor: 'grade', score, reason: 'graded' }
    : { factor: 'grade', score, reason: 'graded', detail: g.level };
}

function scoreSatisfaction(ix: Indexed): Part {
  const s = ix.candidate.satisfaction;
  if (!s || s.ratings === 0) return { factor: 'satisfaction', score: 0.5, reason: 'no-ratings' };
  return {
    factor: 'satisfaction',
    score: ix.satisfactionScore,
    reason: 'rated',
    detail: String(s.ratings),
  };
}

function bestProduct(ix: Indexed, scenario: string, budget: number | undefined): ProviderProduct | null {
  const products = ix.productsByScenario.get(scenario);
  if (!products) return null;
  let best = products[0]!;
  if (budget === undefined) {
    for (const p of products) if (p.price.min < best.price.min) best = p;
    return best;
  }
  let fit = priceFit(best, budget);
  for (const p of products) {
    const f = priceFit(p, budget);
    if (f > fit) [best, fit] = [p, f];
  }
  return best;
}

function scorePrice(product: ProviderProduct | null, budget: number | undefined): Part {
  if (budget === undefined) return { factor: 'price', score: 0, reason: 'not-asked' };
  if (!product) return { factor: 'price', score: 0.5, reason: 'no-price' };
  const score = priceFit(product, budget);
  const reason: MatchReason =
    score === 1 ? 'within-budget' : product.price.min <= budget ? 'partly-within-budget' : 'over-budget';
  return { factor: 'price', score, reason, detail: product.id };
}

function scoreOne(ix: Indexed, initiative: MatchInitiative, weights: MatchWeights): Omit<MatchEntry, 'rank'> {
  const product = bestProduct(ix, initiative.scenario, initiative.budget);
  const parts: Part[] = [
    scoreScenario(ix, initiative.scenario),
    scoreIndustry(ix, initiative.industry),
    scoreRegion(ix, initiative.region),
    scorePool(ix, initiative.poolId),
    scoreGrade(ix),
    scoreSatisfaction(ix),
    scorePrice(product, initiative.budget),
  ];
  let total = 0;
  const factors = parts.map((p): FactorScore => {
    const weight = weights[p.factor];
    const points = weight * p.score;
    total += points;
    return { ...p, weight, points };
  });
  return {
    providerId: ix.id,
    name: ix.candidate.profile.name,
    total,
    factors,
    product: product ? { id: product.id, name: product.name, price: { ...product.price } } : null,
  };
}

// ------------------------------------------------------------------ filters

/** Why a provider fails each filter it fails (empty when it passes them all). */
function filterFailures(
  ix: Indexed,
  initiative: MatchInitiative,
  filters: MatchFilters,
): { filter: MatchFilter; message: string }[] {
  const out: { filter: MatchFilter; message: string }[] = [];
  const products = ix.productsByScenario.get(initiative.scenario) ?? [];
  if (filters.types && filters.types.length > 0 && !filters.types.some((t) => ix.types.has(t)))
    out.push({
      filter: 'types',
      message: `is of type ${[...ix.types].join(', ') || '(none)'}, not ${filters.types.join(' or ')}`,
    });
  if (filters.inPool) {
    const pools = ix.candidate.pools;
    const ok =
      initiative.poolId === undefined
        ? Object.values(pools).some((s) => MEMBER_STATES.includes(s))
        : MEMBER_STATES.includes(pools[initiative.poolId] ?? 'withdrawn');
    if (!ok)
      out.push({
        filter: 'inPool',
        message:
          initiative.poolId === undefined
            ? 'is a member of no pool'
            : `is not a member of pool ${initiative.poolId} (${pools[initiative.poolId] ?? 'never applied'})`,
      });
  }
  if (filters.minGrade !== undefined && !((ix.candidate.grade?.score ?? -1) >= filters.minGrade))
    out.push({
      filter: 'minGrade',
      message: ix.candidate.grade
        ? `grade score ${round1(ix.candidate.grade.score)} is below ${filters.minGrade}`
        : 'is not graded',
    });
  const productNeed = (filter: MatchFilter, ok: (p: ProviderProduct) => boolean, what: string) => {
    if (!products.some(ok))
      out.push({
        filter,
        message:
          products.length === 0
            ? `has no product for ${initiative.scenario}`
            : `has no product for ${initiative.scenario} ${what}`,
      });
  };
  if (filters.deployment)
    productNeed(
      'deployment',
      (p) => p.deployment.includes(filters.deployment!),
      `deployed ${filters.deployment}`,
    );
  if (filters.pricing)
    productNeed('pricing', (p) => p.pricing.includes(filters.pricing!), `sold by ${filters.pricing}`);
  if (filters.maxPrice !== undefined)
    productNeed(
      'maxPrice',
      (p) => p.price.min <= filters.maxPrice!,
      `priced from ${filters.maxPrice} 万元 or less`,
    );
  if (filters.coversRegion && initiative.region !== undefined) {
    const region = initiative.region;
    if (!ix.candidate.profile.regions.some((r) => regionCovers(r, region)))
      out.push({
        filter: 'coversRegion',
        message: `serves ${ix.candidate.profile.regions.join(', ') || 'no region'}, not ${region}`,
      });
  }
  if (filters.scenarioRequired && !products.length && !ix.capabilities.has(initiative.scenario))
    out.push({
      filter: 'scenarioRequired',
      message: `offers neither a product nor a capability for ${initiative.scenario}`,
    });
  return out;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

// ------------------------------------------------------------------ matching

type Scored = Omit<MatchEntry, 'rank'>;
const better = (a: Scored, b: Scored) => b.total - a.total || (a.providerId < b.providerId ? -1 : 1);

/** insert into a list kept in `better` order */
function insertSorted(list: Scored[], s: Scored): void {
  let i = list.length;
  while (i > 0 && better(s, list[i - 1]!) < 0) i--;
  list.splice(i, 0, s);
}

function poolValue(ix: Indexed, poolId: string): number {
  const state = ix.candidate.pools[poolId];
  return state === undefined ? 0 : (POOL_SCORE[state]?.[0] ?? 0);
}

/**
 * Rank the providers of the index for one initiative. Filters turn providers away (counted per filter); the others
 * are scored on every factor and the best `limit` (at least MIN_SHOWN) are returned, ties broken by provider id.
 * Providers whose best possible score cannot reach the last one shown are not scored at all (the index's use), so
 * the answer is the same as scoring everyone (`matchByFullScan`) at a fraction of the work.
 */
export function matchProviders(
  index: MatchIndex,
  initiative: MatchInitiative,
  options: MatchOptions = {},
): MatchResult {
  const weights = effectiveWeights(initiative, options.weights);
  const limit = Math.max(MIN_SHOWN, options.limit ?? 10);
  const filters = options.filters ?? {};
  const excluded: Partial<Record<MatchFilter, number>> = {};
  const n = index.providers.length;
  /** 0 not yet seen, 1 passes the filters, 2 turned away or already taken */
  const flag = new Uint8Array(n);
  let considered = 0;
  const anyFilter = Object.values(filters).some((v) => v !== undefined && v !== false);
  if (anyFilter)
    for (const ix of index.providers) {
      const failures = filterFailures(ix, initiative, filters);
      if (failures.length === 0) considered++;
      else {
        flag[ix.order] = 2;
        for (const f of failures) excluded[f.filter] = (excluded[f.filter] ?? 0) + 1;
      }
    }
  else considered = n;
  const exact = index.byScenario.get(initiative.scenario) ?? [];
  const nearby = index.byCategory.get(scenarioCategory(initiative.scenario)) ?? [];
  const groups: [readonly Indexed[], number][] = [
    [exact, 1],
    [nearby, SCENARIO_SCORE['same-category']],
    [index.strongFirst, 0],
  ];
  // what any provider can get at most on the factors that depend on the initiative's details
  const open = weights.industry + weights.region + weights.price;
  const top: Scored[] = [];
  for (const [group, bestScenario] of groups) {
    const groupBound =
      open + weights.scenario * bestScenario + weights.pool + weights.grade + weights.satisfaction;
    if (top.length >= limit && top[limit - 1]!.total > groupBound + 1e-9) break;
    for (const ix of group) {
      if (flag[ix.order] !== 0) continue;
      flag[ix.order] = 2;
      if (top.length >= limit) {
        // its exact pool, grade and satisfaction, and full marks on the rest: if that cannot beat the last, skip it
        const pool = initiative.poolId === undefined ? ix.bestPoolScore : poolValue(ix, initiative.poolId);
        const bound =
          open +
          weights.scenario * bestScenario +
          weights.pool * pool +
          weights.grade * ix.gradeScore +
          weights.satisfaction * ix.satisfactionScore;
        if (bound < top[limit - 1]!.total - 1e-9) continue;
      }
      const scored = scoreOne(ix, initiative, weights);
      if (top.length < limit) insertSorted(top, scored);
      else if (better(scored, top[limit - 1]!) < 0) {
        top.pop();
        insertSorted(top, scored);
      }
    }
  }
  return {
    initiative,
    providers: index.providers.length,
    considered,
    excluded,
    entries: top.map((s, i) => ({ ...s, rank: i + 1 })),
  };
}

/**
 * The same ranking with no index and no pruning: every provider prepared and scored from its profile. The baseline
 * the benchmark measures the index against, and the reference the tests compare `matchProviders` with.
 */
export function matchByFullScan(
  candidates: readonly MatchCandidate[],
  initiative: MatchInitiative,
  options: MatchOptions = {},
): MatchResult {
  const weights = effectiveWeights(initiative, options.weights);
  const limit = Math.max(MIN_SHOWN, options.limit ?? 10);
  const filters = options.filters ?? {};
  const excluded: Partial<Record<MatchFilter, number>> = {};
  const scored: Scored[] = [];
  for (const c of candidates) {
    const ix = indexOne(c);
    const failures = filterFailures(ix, initiative, filters);
    if (failures.length === 0) scored.push(scoreOne(ix, initiative, weights));
    else for (const f of failures) excluded[f.filter] = (excluded[f.filter] ?? 0) + 1;
  }
  scored.sort(better);
  return {
    initiative,
    providers: candidates.length,
    considered: scored.length,
    excluded,
    entries: scored.slice(0, limit).map((s, i) => ({ ...s, rank: i + 1 })),
  };
}

/** Why a provider the user expected is not in the list, or is low in it. */
export interface WhyNot {
  providerId: string;
  /** false when no provider with this id is in the index (then nothing else is filled in) */
  known: boolean;
  /** the filters that turn it away, each with why */
  excludedBy: { filter: MatchFilter; message: string }[];
  /** its score, broken down by factor, as if it had passed the filters */
  entry: MatchEntry | null;
  /** its rank among the providers that pass the filters; null when a filter turns it away */
  rank: number | null;
  /** whether it is in the list shown */
  shown: boolean;
  /** the last provider shown, and by how many points it is ahead (0 when this one is shown) */
  lastShown: { providerId: string; total: number } | null;
  gap: number;
  /** the factors where it lost the most points, worst first, ties in MATCH_FACTORS order (only those where it lost any) */
  weakest: (FactorScore & { lost: number })[];
}

/** Explain a provider's absence from (or low place in) the match for an initiative, with the same options. */
export function whyNot(
  index: MatchIndex,
  initiative: MatchInitiative,
  providerId: string,
  options: MatchOptions = {},
): WhyNot {
  const ix = index.byId.get(providerId);
  if (!ix)
    return {
      providerId,
      known: false,
      excludedBy: [],
      entry: null,
      rank: null,
      shown: false,
      lastShown: null,
      gap: 0,
      weakest: [],
    };
  const weights = effectiveWeights(initiative, options.weights);
  const result = matchProviders(index, initiative, options);
  const excludedBy = filterFailures(ix, initiative, options.filters ?? {});
  const mine = scoreOne(ix, initiative, weights);
  let rank: number | null = null;
  if (excludedBy.length === 0) {
    rank = 1;
    for (const other of index.providers) {
      if (other === ix || filterFailures(other, initiative, options.filters ?? {}).length > 0) continue;
      if (better(scoreOne(other, initiative, weights), mine) < 0) rank++;
    }
  }
  const shown = result.entries.some((e) => e.providerId === providerId);
  const last = result.entries[result.entries.length - 1];
  const weakest = mine.factors
    .map((f) => ({ ...f, lost: f.weight - f.points }))
    .filter((f) => f.lost > 1e-9)
    .sort((a, b) => b.lost - a.lost);
  return {
    providerId,
    known: true,
    excludedBy,
    entry: { ...mine, rank: rank ?? 0 },
    rank,
    shown,
    lastShown: last ? { providerId: last.providerId, total: last.total } : null,
    gap: shown || !last ? 0 : Math.max(0, last.total - mine.total),
    weakest,
  };
}
