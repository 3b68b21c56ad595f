/**
 * Provider matching (供需对接): one initiative ranked over 5,000 providers with 20,000 products. The index is built
 * once; each match's p50 / p95 is printed against a full scan (every provider prepared and scored from its profile,
 * no index, no pruning) measured in the same run on the same initiatives. Target: p95 under 50 ms.
 */
import {
  buildMatchIndex,
  matchByFullScan,
  matchProviders,
  type MatchCandidate,
  type MatchInitiative,
} from '../src/core/providers/matching.ts';
import type { MembershipState } from '../src/core/providers/membership.ts';
import type { ProviderProduct } from '../src/core/providers/profile.ts';

const PROVIDERS = 5_000;
const PRODUCTS = 20_000;
const RUNS = 200;
const BASELINE_RUNS = 40;
const TARGET_P95_MS = 50;

/** small deterministic PRNG (mulberry32) so every run measures the same providers */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = ['RD', 'PM', 'OM', 'BM', 'SC', 'CX'];
const SCENARIOS = [
  ...CATEGORIES.flatMap((c) => [1, 2, 3, 4, 5, 6].map((n) => `GEN-${c}-0${n}`)),
  ...['PM', 'RD', 'OM'].flatMap((c) => [1, 2, 3, 4].map((n) => `EQP.MACH-${c}-0${n}`)),
];
const INDUSTRIES = ['C3484', 'C3481', 'C3443', 'C2611', 'C2614', 'C3311', 'C3411', 'C3824', 'C3670', 'C1713'];
const PROVINCES = ['11', '31', '32', '33', '35', '37', '44', '51'];
const STATES: MembershipState[] = ['admitted', 'admitted', 'warned', 'rectifying', 'publicised', 'removed'];

function generate(): MatchCandidate[] {
  const rnd = random(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const some = <T>(xs: readonly T[], n: number) => Array.from({ length: n }, () => pick(xs));
  const region = () => {
    const p = pick(PROVINCES);
    const r = rnd();
    return r < 0.1
      ? '000000'
      : r < 0.4
        ? `${p}0000`
        : r < 0.8
          ? `${p}0${1 + Math.floor(rnd() * 9)}00`
          : `${p}02${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}`;
  };
  let productCount = 0;
  return Array.from({ length: PROVIDERS }, (_, i): MatchCandidate => {
    const id = `prov-${String(i).padStart(5, '0')}`;
    const n = Math.round(((PRODUCTS - productCount) / (PROVIDERS - i)) * (0.5 + rnd()));
    const count = i === PROVIDERS - 1 ? PRODUCTS - productCount : Math.min(n, PRODUCTS - productCount);
    productCount += count;
    const products = Array.from({ length: count }, (_, j): ProviderProduct => {
      const min = Math.round(rnd() * 80);
      return {
        id: `${id}-p${j}`,
        name: `产品 ${j}`,
        scenarios: [...new Set(some(SCENARIOS, 1 + Math.floor(rnd() * 3)))],
        price: { min, max: min + Math.round(rnd() * 60) },
        deployment: rnd() < 0.6 ? ['cloud'] : ['cloud', 'on-premises'],
        pricing: rnd() < 0.5 ? ['subscription'] : ['licence'],
      };
    });
    const graded = rnd() < 0.7;
    return {
      profile: {
        id,
        name: `服务商 ${i}`,
        types: [pick(['production-software', 'integrated-solutions', 'business-software', 'data-services'])],
        categories: [],
        capabilities: [...new Set(some(SCENARIOS, Math.floor(rnd() * 4)))],
        industries: [...new Set(some(INDUSTRIES, 1 + Math.floor(rnd() * 3)))],
        regions: [...new Set(Array.from({ length: 1 + Math.floor(rnd() * 3) }, region))],
        products,
        references: Array.from({ length: Math.floor(rnd() * 4) }, (_, k) => ({
          title: `案例 ${k}`,
          industry: pick(INDUSTRIES),
          scenarios: some(SCENARIOS, 1),
        })),
        certifications: [],
      },
      pools: rnd() < 0.5 ? { 'pool-35': pick(STATES) } : {},
      grade: graded ? { score: 40 + rnd() * 60, level: null } : null,
      satisfaction: rnd() < 0.6 ? { percent: rnd() * 100, ratings: 1 + Math.floor(rnd() * 10) } : null,
    };
  });
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

export default async function bench(): Promise<void> {
  const candidates = generate();
  const products = candidates.reduce((n, c) => n + c.profile.products.length, 0);
  console.log(
    `generated ${candidates.length.toLocaleString()} providers, ${products.toLocaleString()} products, ${SCENARIOS.length} scenarios`,
  );

  const rnd = random(99);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const initiatives: MatchInitiative[] = Array.from({ length: RUNS }, () => ({
    scenario: pick(SCENARIOS),
    industry: pick(INDUSTRIES),
    region: `${pick(PROVINCES)}0203`,
    budget: 10 + Math.round(rnd() * 90),
    poolId: 'pool-35',
  }));

  const t0 = performance.now();
  const index = buildMatchIndex(candidates);
  console.log(`index built once:                 ${fmt(performance.now() - t0)}`);

  // warm up both paths
  for (const init of initiatives.slice(0, 5)) {
    matchProviders(index, init);
    matchByFullScan(candidates, init);
  }
  const baseline: number[] = [];
  for (const init of initiatives.slice(0, BASELINE_RUNS)) {
    const s = performance.now();
    matchByFullScan(candidates, init);
    baseline.push(performance.now() - s);
  }
  const indexed: number[] = [];
  for (const init of initiatives) {
    const s = performance.now();
    matchProviders(index, init);
    indexed.push(performance.now() - s);
  }
  const filtered: number[] = [];
  for (const init of initiatives) {
    const s = performance.now();
    matchProviders(index, init, { filters: { inPool: true, deployment: 'cloud', minGrade: 60 }, limit: 20 });
    filtered.push(performance.now() - s);
  }
  // the index must give the full scan's answer
  for (const init of initiatives.slice(0, 5)) {
    const a = JSON.stringify(matchProviders(index, init));
    const b = JSON.stringify(matchByFullScan(candidates, init));
    if (a !== b) throw new Error(`indexed match differs from the full scan for ${init.scenario}`);
  }
  const p95 = percentile(indexed, 95);
  const base95 = percentile(baseline, 95);
  console.log(
    `full scan, no index (baseline):   p50 ${fmt(percentile(baseline, 50))}  p95 ${fmt(base95)}  (${BASELINE_RUNS} matches)`,
  );
  console.log(
    `indexed match:                    p50 ${fmt(percentile(indexed, 50))}  p95 ${fmt(p95)}  (${RUNS} matches; ${(base95 / p95).toFixed(1)}× faster than the baseline at p95)`,
  );
  console.log(
    `indexed match with 3 filters:     p50 ${fmt(percentile(filtered, 50))}  p95 ${fmt(percentile(filtered, 95))}`,
  );
  console.log(`target p95 < ${TARGET_P95_MS} ms: ${p95 < TARGET_P95_MS ? 'met' : 'MISSED'}`);
}
