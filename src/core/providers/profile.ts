/**
 * A service provider's profile (服务商画像), as the pool, the grading and the matching read it. Plain data: the caller
 * loads it and passes it in. Money is in 万元, like the plans. Codes:
 *   types       — provider type ids of the provider-classes pack (default T/ZJEI 010-2023, `classes.ts`)
 *   scenarios   — atlas scenario codes (GEN-PM-03, EQP.MACH-PM-07)
 *   industries  — GB/T 4754-2017 codes: a 门类 letter, optionally with its 2-, 3- or 4-digit 大类/中类/小类 ("C", "C34",
 *                 "C348", "C3484"); digits alone ("3484") are accepted and get their letter (`normaliseIndustry`)
 *   regions     — GB/T 2260 six-digit division codes: "350000" a province, "350200" a city, "350203" a district;
 *                 "000000" the whole country (`NATIONWIDE`)
 */

export const DEPLOYMENTS = ['cloud', 'on-premises'] as const;
export type Deployment = (typeof DEPLOYMENTS)[number];
export const PRICING_MODELS = ['subscription', 'licence'] as const;
export type PricingModel = (typeof PRICING_MODELS)[number];

/** A price range in 万元 (min ≤ max); a fixed price has min = max. */
export interface PriceRange {
  min: number;
  max: number;
}

/** A "小快轻准" offering (small, fast, light, precise): a product or packaged solution for some scenarios. */
export interface ProviderProduct {
  id: string;
  name: string;
  /** the atlas scenarios it serves */
  scenarios: string[];
  /** 万元, for one enterprise */
  price: PriceRange;
  /** how it can be deployed: cloud, on-premises or both */
  deployment: Deployment[];
  /** how it is paid for: subscription, licence or both */
  pricing: PricingModel[];
  description?: string;
}

/** A project the provider delivered and names as a reference (案例). */
export interface ReferenceProject {
  title: string;
  enterprise?: string;
  /** GB/T 4754 code of the enterprise's industry */
  industry?: string;
  /** GB/T 2260 code where it was delivered */
  region?: string;
  scenarios: string[];
  year?: number;
}

export interface Certification {
  name: string;
  issuer?: string;
  /** ISO date (YYYY-MM-DD) the certificate lapses */
  validUntil?: string;
}

export interface ProviderProfile {
  /** the provider organisation's id */
  id: string;
  name: string;
  /** provider type ids (the classes pack); a type implies its class */
  types: string[];
  /** pilot categories (链主 chain-leader, 综合集成 integrated, 小快轻准 light-products), where the pack has them */
  categories: string[];
  /** scenario codes the provider says it can deliver (with or without a product) */
  capabilities: string[];
  industries: string[];
  regions: string[];
  products: ProviderProduct[];
  references: ReferenceProject[];
  certifications: Certification[];
}

export const NATIONWIDE = '000000';

/** 门类 of GB/T 4754-2017 by 大类 (two-digit) ranges. */
const DOORS: readonly [string, number, number][] = [
  ['A', 1, 5],
  ['B', 6, 12],
  ['C', 13, 43],
  ['D', 44, 46],
  ['E', 47, 50],
  ['F', 51, 52],
  ['G', 53, 60],
  ['H', 61, 62],
  ['I', 63, 65],
  ['J', 66, 69],
  ['K', 70, 70],
  ['L', 71, 72],
  ['M', 73, 75],
  ['N', 76, 79],
  ['O', 80, 82],
  ['P', 83, 83],
  ['Q', 84, 85],
  ['R', 86, 90],
  ['S', 91, 97],
  ['T', 98, 98],
];

const INDUSTRY_CODE = /^([A-T])?(\d{2}|\d{3}|\d{4})?$/;

/**
 * A GB/T 4754 code with its 门类 letter ("3484" → "C3484", "c34" → "C34"), or null when it is not one: a letter
 * alone, or 2–4 digits whose 大类 exists, with a letter that agrees with them when one is given.
 */
export function normaliseIndustry(code: string): string | null {
  const m = INDUSTRY_CODE.exec(code.trim().toUpperCase());
  if (!m || (!m[1] && !m[2])) return null;
  const digits = m[2] ?? '';
  if (!digits) return m[1] ?? null;
  const major = Number(digits.slice(0, 2));
  const door = DOORS.find(([, lo, hi]) => major >= lo && major <= hi)?.[0];
  if (!door || (m[1] && m[1] !== door)) return null;
  return door + digits;
}

/**
 * How close two industries are, from the levels they share: 0 none, 1 the same 门类, 2 大类, 3 中类, 4 小类. A code
 * that stops higher up (C34) shares only its own levels with a finer one (C3484): 2.
 */
export function industryDepth(a: string, b: string): number {
  const x = normaliseIndustry(a);
  const y = normaliseIndustry(b);
  if (!x || !y || x[0] !== y[0]) return 0;
  let depth = 1;
  for (let i = 2; i <= 4; i++) {
    if (x.length < i + 1 || y.length < i + 1 || x.slice(1, i + 1) !== y.slice(1, i + 1)) break;
    depth = i;
  }
  return depth;
}

const REGION_CODE = /^\d{6}$/;

export function isRegionCode(code: string): boolean {
  return REGION_CODE.test(code);
}

/** The level of a division code: country, province (PP0000), city (PPCC00) or county (PPCCDD). */
export function regionLevel(code: string): 'country' | 'province' | 'city' | 'county' {
  if (code === NATIONWIDE) return 'country';
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/** Whether serving `served` covers the place `target` (the same place, or a division that contains it). */
export function regionCovers(served: string, target: string): boolean {
  switch (regionLevel(served)) {
    case 'country':
      return true;
    case 'province':
      return served.slice(0, 2) === target.slice(0, 2);
    case 'city':
      return served.slice(0, 4) === target.slice(0, 4);
    case 'county':
      return served === target;
  }
}

/** A problem in a profile, at a path of it (e.g. ["products", 2, "price"]). */
export interface ProfileProblem {
  path: (string | number)[];
  message: string;
}

/** What a profile's codes are checked against: the classes pack's type ids, the atlas's scenario codes. */
export interface ProfileVocabulary {
  types?: ReadonlySet<string>;
  categories?: ReadonlySet<string>;
  scenarios?: ReadonlySet<string>;
}

/** Every problem of a profile: unknown codes, malformed industry and region codes, prices, duplicate product ids. */
export function profileProblems(
  profile: ProviderProfile,
  vocabulary: ProfileVocabulary = {},
): ProfileProblem[] {
  const out: ProfileProblem[] = [];
  const at = (path: (string | number)[], message: string) => out.push({ path, message });
  const scenario = (code: string, path: (string | number)[]) => {
    if (vocabulary.scenarios && !vocabulary.scenarios.has(code))
      at(path, `unknown scenario code "${code}" (not in the atlas)`);
  };
  if (profile.types.length === 0) at(['types'], 'a provider needs at least one provider type');
  profile.types.forEach((t, i) => {
    if (vocabulary.types && !vocabulary.types.has(t)) at(['types', i], `unknown provider type "${t}"`);
  });
  profile.categories.forEach((c, i) => {
    if (vocabulary.categories && !vocabulary.categories.has(c))
      at(['categories', i], `unknown pilot category "${c}"`);
  });
  profile.capabilities.forEach((c, i) => scenario(c, ['capabilities', i]));
  profile.industries.forEach((c, i) => {
    if (!normaliseIndustry(c)) at(['industries', i], `"${c}" is not a GB/T 4754 industry code (e.g. C3484)`);
  });
  profile.regions.forEach((c, i) => {
    if (!isRegionCode(c))
      at(['regions', i], `"${c}" is not a six-digit GB/T 2260 division code (e.g. 350200)`);
  });
  const ids = new Set<string>();
  profile.products.forEach((p, i) => {
    if (ids.has(p.id)) at(['products', i, 'id'], `duplicate product id "${p.id}"`);
    ids.add(p.id);
    if (p.scenarios.length === 0) at(['products', i, 'scenarios'], 'a product serves at least one scenario');
    p.scenarios.forEach((c, j) => scenario(c, ['products', i, 'scenarios', j]));
    if (!(p.price.min >= 0) || !(p.price.max >= p.price.min) || !Number.isFinite(p.price.max))
      at(['products', i, 'price'], `price range must be 0 ≤ min ≤ max, got ${p.price.min}–${p.price.max}`);
    if (p.deployment.length === 0)
      at(['products', i, 'deployment'], 'say how it is deployed: cloud, on-premises or both');
    if (p.pricing.length === 0)
      at(['products', i, 'pricing'], 'say how it is paid for: subscription, licence or both');
  });
  profile.references.forEach((r, i) => {
    if (r.industry !== undefined && !normaliseIndustry(r.industry))
      at(['references', i, 'industry'], `"${r.industry}" is not a GB/T 4754 industry code`);
    if (r.region !== undefined && !isRegionCode(r.region))
      at(['references', i, 'region'], `"${r.region}" is not a six-digit GB/T 2260 division code`);
    r.scenarios.forEach((c, j) => scenario(c, ['references', i, 'scenarios', j]));
  });
  profile.certifications.forEach((c, i) => {
    if (c.validUntil !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(c.validUntil))
      at(['certifications', i, 'validUntil'], `expected a date YYYY-MM-DD, got "${c.validUntil}"`);
  });
  return out;
}

/** The category part of a scenario code (GEN-PM-03 → PM, EQP.MACH-PM-07 → PM). */
export function scenarioCategory(code: string): string {
  const parts = code.split('-');
  return parts.length >= 3 ? (parts[parts.length - 2] ?? '') : '';
}
