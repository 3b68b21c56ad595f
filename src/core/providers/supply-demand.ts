import { MEMBER_STATES } from './membership.ts';
import type { MatchCandidate } from './matching.ts';

/** One scenario an enterprise's plan needs (a scheduled initiative). */
export interface DemandItem {
  scenario: string;
  enterpriseId: string;
  /** the plan or initiative it comes from, to count initiatives apart from enterprises */
  initiativeId?: string;
}

export interface ScenarioSupply {
  scenario: string;
  /** enterprises whose plans need it */
  enterprises: number;
  /** initiatives (or demand items, when they carry no id) that need it */
  initiatives: number;
  /** providers covering it, by id: a product for it, or a declared capability */
  providers: string[];
  /** of which with a product for it */
  withProduct: number;
  /** products for it across those providers */
  products: number;
  /** providers per enterprise that needs it (0 when none) */
  providersPerEnterprise: number;
}

export interface SupplyDemand {
  /** every scenario with demand, most-needed first (then by code) */
  scenarios: ScenarioSupply[];
  /** scenarios with demand and no provider covering them, most-needed first */
  uncovered: string[];
  /** scenarios with demand that only one provider covers (a lock-in risk the pilots report) */
  singleProvider: string[];
  /** share of the demanded scenarios with at least one provider, 0–1 (1 when there is no demand) */
  coverage: number;
}

export interface SupplyDemandOptions {
  /** count only members in standing of this pool (an authority's own pool); absent: every provider given */
  poolId?: string;
  /** count a declared capability without a product as covering (default true) */
  capabilitiesCount?: boolean;
}

/**
 * Supply against demand for an authority: the scenarios its enterprises' plans need against the providers that cover
 * them, and the scenarios no provider covers.
 */
export function supplyDemand(
  demand: readonly DemandItem[],
  providers: readonly MatchCandidate[],
  options: SupplyDemandOptions = {},
): SupplyDemand {
  const capabilitiesCount = options.capabilitiesCount ?? true;
  const pool = options.poolId;
  const supply = pool
    ? providers.filter((p) => {
        const s = p.pools[pool];
        return s !== undefined && MEMBER_STATES.includes(s);
      })
    : providers;
  const needed = new Map<string, { enterprises: Set<string>; initiatives: Set<string>; items: number }>();
  for (const d of demand) {
    let n = needed.get(d.scenario);
    if (!n) needed.set(d.scenario, (n = { enterprises: new Set(), initiatives: new Set(), items: 0 }));
    n.enterprises.add(d.enterpriseId);
    if (d.initiativeId !== undefined) n.initiatives.add(d.initiativeId);
    else n.items++;
  }
  const scenarios: ScenarioSupply[] = [];
  for (const [scenario, n] of needed) {
    const covering: string[] = [];
    let withProduct = 0;
    let products = 0;
    for (const p of supply) {
      const own = p.profile.products.filter((x) => x.scenarios.includes(scenario)).length;
      if (own > 0) {
        withProduct++;
        products += own;
        covering.push(p.profile.id);
      } else if (capabilitiesCount && p.profile.capabilities.includes(scenario)) covering.push(p.profile.id);
    }
    covering.sort();
    scenarios.push({
      scenario,
      enterprises: n.enterprises.size,
      initiatives: n.initiatives.size + n.items,
      providers: covering,
      withProduct,
      products,
      providersPerEnterprise: covering.length / n.enterprises.size,
    });
  }
  scenarios.sort(
    (a, b) =>
      b.enterprises - a.enterprises || b.initiatives - a.initiatives || (a.scenario < b.scenario ? -1 : 1),
  );
  const uncovered = scenarios.filter((s) => s.providers.length === 0).map((s) => s.scenario);
  return {
    scenarios,
    uncovered,
    singleProvider: scenarios.filter((s) => s.providers.length === 1).map((s) => s.scenario),
    coverage: scenarios.length === 0 ? 1 : (scenarios.length - uncovered.length) / scenarios.length,
  };
}
