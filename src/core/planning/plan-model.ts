/**
 * The optimal portfolio-and-schedule model of a plan, written as CPLEX LP text for HiGHS.
 *
 *   y[i][s] ∈ {0,1}: initiative i starts in period s, s ∈ 0 … P − d_i (it finishes inside the horizon).
 *   maximise   Σ v(i,s) · y[i][s]                                   (v: see start-value.ts)
 *   once_i     Σ_s y[i][s] ≤ 1   (= 1 when mandatory)
 *   req        for i requires j, for every candidate start t of i:
 *              Σ_{s≤t} y[i][s] − Σ_{s≤t−d_j} y[j][s] ≤ 0
 *   excl       for i excludes j: Σ_s y[i][s] + Σ_s y[j][s] ≤ 1
 *   budget_t   Σ_{(i,s) active in t} (C_i/d_i) · y[i][s] ≤ budget_t
 *   cap_t      Σ_{(i,s) active in t} effort_i · y[i][s] ≤ capacity_t
 *   (both written over "active" columns a[i][t], see below)
 *
 * Strength: precedence uses the cumulative "started-by" sums X_i(t) = Σ_{s≤t} y[i][s] (aggregated precedence; written
 * with explicit binary columns x{i}_{t}, see below), which
 * is valid (if i has started by t then j has started by t − d_j, i.e. finished by t) and is the tightest linear form
 * of the implication — no big-M. Rows are only written at the candidate starts t of i: between two of them X_i(t) is
 * constant while X_j(t − d_j) only grows, so those rows are implied. Budget rows that cannot bind (every initiative
 * active at t at once still fits) are dropped.
 *
 * Resource rows over "active" columns (models of at most ACTIVE_COLUMNS_MAX_STARTS starts): a[i][t] = Σ_{s ≤ t < s + d_i} y[i][s] = X_i(t) − X_i(t − d_i), one binary column
 * per initiative and period it can be active in, fixed by that equation (act{i}_{t}). Every integer plan extends to
 * exactly one a (at most one start of i is active in t, so a ∈ {0,1}), and budget_t / cap_t written as
 * Σ_i c_i · a[i][t] ≤ limit_t are the same rows after substitution, so this cuts off nothing, LP relaxation included.
 * What changes is the shape HiGHS sees: each resource row becomes a knapsack over distinct binaries, one per
 * initiative, where its lifted-cover, clique and flow-cover separators work directly; over start binaries an initiative
 * appeared as several GUB-linked items with one coefficient, which those separators treat as independent. Measured on
 * the 40×8 bench instance solved to a 1e-4 gap: 19,346 → 5,266 branch-and-bound nodes, 333 k → 229 k simplex
 * iterations (HiGHS is deterministic, so these counts do not depend on machine load); seed 7: 168 → 60 nodes, seed 99:
 * 4,093 → 103 nodes.
 *
 * Where the remaining gap comes from: in the LP optimum every period's budget is used to the last unit by fractional
 * pieces of a few large initiatives (40×8: LP 1,819.4, optimum 1,791.0, HiGHS's root bound after its cuts 1,808–1,810).
 * No integer plan can fill every period exactly, and closing that is branching work, not a missing row. Tried on the
 * same instance and not kept (deterministic counts to a 1e-4 gap, against 5,266 nodes / 229 k iterations with active
 * columns): cumulative prefix rows Σ_{τ≤t} usage ≤ Σ_{τ≤t} budget over started-by columns (valid: sums of rows;
 * 19,346 → 13,482 nodes without active columns but 9,359 nodes / 307 k iterations with them); extended-cover
 * cardinality rows "at most m of the j largest users of period t's budget" (valid, but the LP optimum already
 * satisfies them: LP bound unchanged, 7,523 nodes / 245 k iterations); a model over started-by columns only, y
 * eliminated (same LP: 19,386 nodes / 493 k iterations without, 11,750 / 359 k with active columns). A greedy or
 * LP-rounded MIP start is far below HiGHS's own root heuristics on these instances (e.g. 1,431 and 1,406 against
 * 1,764–1,788 on 40×8), so none is passed.
 *
 * Second round (deterministic node counts unless a time is given; times with other work on the machine):
 *  - The 40×8 bench instance (seed 20241217) is the hard one of its size: seeds 1–10 are proven optimal in 2.4–9.1 s
 *    with 48–2,220 nodes, it needs 4,923 nodes (≈ 22 s). The bench now runs a list of seeds per size.
 *  - On 40×8 the proof, not the search, is the cost: passing the optimal plan as a MIP start changes nothing (4,923 →
 *    4,994 nodes). HiGHS's random_seed 1–5 need 10k–14.5k nodes, so racing seeds on the second core would not help.
 *    Splitting the root on the one fractional selection (x14) or on "I20 started by period 3" and solving both halves
 *    costs 2.6× and 2.7× the nodes of the whole: both halves hold plans within 0.2 % of the optimum.
 *  - Left-shift dominance rows ("i starts at s > earliest only if period s − 1 has no room for it or a prerequisite
 *    finishes at s", valid because v(i,s−1) > v(i,s) for v > 0; budget and capacity folded into one row) are
 *    inconclusive: 4,923 → 7,206 nodes on random_seed 0, 12,018 → 7,460 on random_seed 1. Not kept.
 *  - Larger horizons are weak on both sides. 120×12 (seed 1): LP 6,431; after 300 s HiGHS's best plan is 6,345 and its
 *    bound 6,419. A large-neighbourhood search with HiGHS sub-MIPs (items active in a 2–3 period window plus a random
 *    share of the rest free, the others fixed) reaches only 6,361 from that plan; relax-and-fix over 2-period windows
 *    ends at 6,256. 60×12 (seed 1): LP 2,857, bound 2,788 and best plan 2,606 after 120 s, the LNS also stops at 2,600.
 *    The LP splits chains of work across start times (a foundation half at period 0 and half at 3, its dependants
 *    likewise), and with capacity binding (15 people, efforts 1–4) every period is a small two-resource knapsack: the
 *    integrality gap is several per cent and only branching closes it. mip_heuristic_effort 0.5 or 1 does not find
 *    better plans (6,325 at 60 s, against 6,320–6,345 with the default 0.05). Meeting 0.1 % on 120×12 needs a stronger relaxation than the
 *    time-indexed one, not solver settings.
 *
 * Third round — where the gap is (40×8 seed 20241217: LP 1,819.4, HiGHS root after cuts 1,808.4, optimum 1,791.0):
 *  - Not the per-period knapsacks. Exact Fenchel cuts for each period's two-resource knapsack over the active columns
 *    (separation by row generation, pricing by an exact branch-and-bound), repeated until no period's LP point lies
 *    outside its knapsack hull, stop at 1,807.7: the bound of the per-period pattern formulation, and no better than
 *    HiGHS's own root cuts. So that formulation, proposed above as the next step, would not help. Windows of three
 *    periods over start columns (one start per initiative) improve the bound no faster per round.
 *  - Not the selection. With only the "selected" columns binary and all timing continuous, the bound is 1,813.3 (1
 *    node); on 120×12 seed 1, 6,417.7 (LP 6,431, best plan known 6,361).
 *  - It is the timing: the LP spreads an initiative's start over neighbouring periods, so its spending is smeared and
 *    every period's budget is used to the last unit. Without budget rows the same instance has a 0.33 % LP gap and
 *    solves at the root; without capacity or without prerequisites it still needs 8,207 and 863 nodes. A relaxation
 *    that forbids smearing has to tie periods together across initiatives (cumulative-scheduling energy reasoning),
 *    which is research beyond this model.
 *
 * Fourth round — is it the solver? The same LP files (`scripts/generate-plan-instance.ts`, then `tupu plan --input …
 * --write-lp`) solved by native solvers on this machine (pip packages, not dependencies of Tupu):
 *  - 40×8 seed 20241217 to a 1e-4 gap: native HiGHS 1.15.1 (highspy) 13,695 nodes in 35 s with 1 thread, 38 s with 2;
 *    SCIP 10.0 (PySCIPOpt 6.2.1) 8,414 nodes in 34 s. Our HiGHS WASM in its worker: 5,266 nodes, about 20 s when the
 *    machine is idle. The WASM build is not the bottleneck, and another open-source solver does not meet the target.
 *  - 120×12 seed 20241217 at 60 s: native HiGHS (2 threads) 0.89 % gap, SCIP 1.28 %; our bench 0.57–1.25 % over seeds.
 *  - Integer aggregate columns to branch on (capacity use Σ effort·a per period, count of active initiatives per
 *    period, count of big budget users per period), which sometimes helps when an LP smears: 12,510, 12,510 and
 *    10,049 nodes against 5,266. Not kept.
 *
 * Fifth round — two formulations and two solvers (issue "Planning solver, second attempt"). The `starts` formulation
 * (PlanModelOptions.formulation: y alone, precedence as cumulative rows over y, resource rows over y) against this
 * one, both to gap 0 on the 40×8 bench seeds, CBC 2.10.8 (Debian) and our HiGHS, one solve at a time (times on a
 * machine loaded by other work, load 3.5–6.7; node counts do not depend on load):
 *  - seed 20241217 (the hard one): CBC 13,314 nodes / 12.0 s here against 270,126 nodes / 35.7 s over y alone;
 *    HiGHS 6,839 nodes / 22.5 s here against no proof in 60 s (37,367 nodes, 0.62 % gap) over y alone.
 *  - seeds 1–10: over y alone CBC is faster on 9 of 10 (0.9–4.4 s against 2.3–5.2 s), HiGHS on 6 of 10 (3.1–7.7 s
 *    against 2.9–8.9 s) — but never by more than the hard seed loses, and the worst case is what a user waits for.
 *  What makes the difference is the started-by columns as branching objects: "i started by t" splits the search in
 *  two balanced halves, where branching on one start y fixes little. Without them CBC's node count grows twentyfold
 *  on the hard seed; with them it pays for the extra columns on easy ones. Neither LP has an objective constant, and
 *  both keep the same start columns (the pruning below), so those are not the difference. No one formulation is best
 *  for every instance, so the portfolio races CBC on both (solve-plan.ts, CBC_FORMULATIONS_UP_TO_STARTS): on an idle
 *  machine it proves every 40×8 seed but the hard one in 0.8–2.0 s and the hard one in 11.7 s, 26.1 s in all against
 *  37.0 s for CBC over started-by columns alone (bench/plan.bench.ts runs each solver on each formulation every time).
 *
 * Start pruning (which y variables exist) — safe, i.e. some optimal plan of the full model remains feasible:
 *  (a) starts before the earliest finish of i's prerequisite chain, or with a prerequisite that has no candidate
 *      start at all, are infeasible in every plan: dropping them removes nothing.
 *  (b) a start with v(i,s) ≤ 0 is dropped unless i is mandatory or some k requires i and k could still start after
 *      i finishes (s + d_i ≤ P − d_k). Proof: take an optimal plan using such a dropped start (i,s). Remove i from it.
 *      Budget and capacity rows only lose non-negative usage; an exclusion pair only loses a member; i is not
 *      mandatory; every initiative requiring i starts at some t ≥ s + d_i, which would need t ≤ P − d_k, impossible
 *      by the pruning condition, so no selected initiative depended on this start of i. The plan stays feasible and
 *      its value changes by −v(i,s) ≥ 0, so it is still optimal. Repeating for every dropped start gives an optimal
 *      plan that uses only kept starts. (Since v(i,s) = v(i,0)·(1+r)^(−s/ppy), (b) keeps all or none of i's
 *      value-positive starts.)
 */
import type { PlanInitiative, PlanInstance } from './plan-instance.ts';
import { costPerPeriod } from './plan-instance.ts';
import { startValue } from './start-value.ts';
import { earliestFinishes, prerequisitesFirst } from './validate-instance.ts';

export interface StartVariable {
  /** Column name in the LP text. */
  readonly name: string;
  readonly id: string;
  readonly start: number;
  readonly value: number;
}

export type ConstraintRowKind = 'startedBy' | 'once' | 'requires' | 'excludes' | 'budget' | 'capacity';

/** One constraint (row) of the MILP: its LP name, what it constrains, and the initiatives in it. */
export interface ConstraintRow {
  readonly name: string;
  readonly kind: ConstraintRowKind;
  /** Human-readable meaning, used to explain infeasibility. */
  readonly description: string;
  readonly period?: number;
  readonly ids: readonly string[];
}

export interface PlanModel {
  readonly lp: string;
  readonly variables: readonly StartVariable[];
  readonly rows: readonly ConstraintRow[];
  /** Candidate starts per initiative id after pruning. */
  readonly candidates: ReadonlyMap<string, readonly StartVariable[]>;
  /** Set when the model is infeasible before solving (a mandatory initiative has no possible start). */
  readonly infeasibleReason?: string;
}

/**
 * Resource rows use active columns only up to this many start columns. Beyond it, the extra columns and rows slow
 * every node more than the stronger cuts save: at the 60 s limit (same run, load ≈ 1) 120×12 (≈ 1,000 starts) ended at
 * a 1.16 % gap with them against 0.61 % without, 300×12 at 0.24 % against 0.21 %; 40×8 (189 starts) is proven
 * optimal in 20 s with them against 42 s without.
 */
export const ACTIVE_COLUMNS_MAX_STARTS = 500;

/** Candidate starts of every initiative after the safe pruning described above. */
export function candidateStarts(instance: PlanInstance): Map<string, StartVariable[]> {
  const finishes = earliestFinishes(instance);
  const dependents = new Map<string, PlanInitiative[]>();
  for (const initiative of instance.initiatives) {
    for (const prerequisite of initiative.requires)
      dependents.set(prerequisite, [...(dependents.get(prerequisite) ?? []), initiative]);
  }
  const candidates = new Map<string, StartVariable[]>();
  // Topological order (prerequisites first) so that rule (a) can look at prerequisites' candidates.
  const ordered = prerequisitesFirst(instance);
  const indexOf = new Map(instance.initiatives.map((initiative, k) => [initiative.id, k]));
  for (const initiative of ordered) {
    const earliest = (finishes.get(initiative.id)?.finish ?? initiative.duration) - initiative.duration;
    const blocked = initiative.requires.some((j) => (candidates.get(j)?.length ?? 0) === 0);
    const starts: StartVariable[] = [];
    if (!blocked) {
      for (let s = earliest; s + initiative.duration <= instance.periods; s++) {
        const value = startValue(instance, initiative, s);
        const enables = (dependents.get(initiative.id) ?? []).some(
          (k) => s + initiative.duration <= instance.periods - k.duration,
        );
        if (value > 0 || initiative.mandatory || enables)
          starts.push({
            name: `y${indexOf.get(initiative.id) ?? 0}_${s}`,
            id: initiative.id,
            start: s,
            value,
          });
      }
    }
    candidates.set(initiative.id, starts);
  }
  return candidates;
}

/** Formats a coefficient for LP text without losing precision. */
function num(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(17).replace(/\.?0+(e|$)/, '$1');
}

/** `a x + b y − c z` with line breaks every few terms (the LP reader is line-agnostic). */
function linear(terms: readonly { coefficient: number; name: string }[]): string {
  const parts = terms.map(({ coefficient, name }, k) => {
    const sign = coefficient < 0 ? '- ' : k === 0 ? '' : '+ ';
    return `${sign}${num(Math.abs(coefficient))} ${name}`;
  });
  const lines: string[] = [];
  for (let k = 0; k < parts.length; k += 8) lines.push(parts.slice(k, k + 8).join(' '));
  return lines.join('\n    ');
}

export interface PlanModelOptions {
  /**
   * Feasibility diagnosis instead of value: every budget/capacity row gets a non-negative overrun column
   * (`overBudget{t}`, `overCapacity{t}`) and the objective minimises the total overrun. Tells how much more budget or
   * capacity an infeasible set of mandatory initiatives needs, and where.
   */
  readonly elastic?: boolean;
  /**
   * `started-by` (default, HiGHS's best): start columns y, started-by columns x and active columns a, as above.
   * `starts`: start columns y alone — once, precedence, exclusion and resource rows are written as sums of y
   * (precedence as the cumulative row Σ_{s≤t} y_i − Σ_{s≤t−d_j} y_j ≤ 0 at each start t of i). The same LP
   * relaxation with fewer columns and rows; CBC's best (see src/solver/portfolio.ts for the figures).
   */
  readonly formulation?: PlanFormulation;
}

export type PlanFormulation = 'started-by' | 'starts';

export const overrunColumn = (kind: 'budget' | 'capacity', period: number): string =>
  `${kind === 'budget' ? 'overBudget' : 'overCapacity'}${period}`;

/** Builds the LP text and the metadata needed to read a solution back. Expects a valid instance. */
export function buildPlanModel(instance: PlanInstance, options: PlanModelOptions = {}): PlanModel {
  const elastic = options.elastic ?? false;
  const startsOnly = options.formulation === 'starts';
  const overruns: string[] = [];
  const candidates = candidateStarts(instance);
  const byId = new Map(instance.initiatives.map((initiative) => [initiative.id, initiative]));
  const variables = instance.initiatives.flatMap((initiative) => candidates.get(initiative.id) ?? []);
  const rows: { row: ConstraintRow; text: string }[] = [];
  const addRow = (
    row: ConstraintRow,
    terms: { coefficient: number; name: string }[],
    sense: '<=' | '=',
    rhs: number,
  ): void => {
    if (terms.length === 0) return;
    rows.push({ row, text: ` ${row.name}: ${linear(terms)} ${sense} ${num(rhs)}` });
  };
  let infeasibleReason: string | undefined;

  // "Started-by" columns x{i}_{t} = Σ_{s≤t} y{i}_{s}, one per candidate start t of i, defined recursively
  // (x at t minus x at the previous candidate minus y at t = 0). The last one is "i is selected". They are binary,
  // which lets HiGHS branch on "started by t" / "selected" instead of on single starts (balanced branching), and
  // they make every precedence and exclusion row two non-zeros long.
  const startedByName = (i: number, t: number): string => `x${i}_${t}`;
  const indexOf = new Map(instance.initiatives.map((initiative, k) => [initiative.id, k]));
  /**
   * Terms of X_i(t) = Σ_{s≤t} y_i[s]: the started-by column of the last candidate start ≤ t, or (formulation
   * `starts`) the start columns themselves; empty when i cannot have started by t.
   */
  const startedBy = (id: string, t: number): { coefficient: number; name: string }[] => {
    const starts = (candidates.get(id) ?? []).filter((v) => v.start <= t);
    if (startsOnly) return starts.map((v) => ({ coefficient: 1, name: v.name }));
    const last = starts[starts.length - 1];
    return last ? [{ coefficient: 1, name: startedByName(indexOf.get(id) ?? 0, last.start) }] : [];
  };
  const negated = (terms: { coefficient: number; name: string }[]): { coefficient: number; name: string }[] =>
    terms.map((term) => ({ coefficient: -term.coefficient, name: term.name }));
  const startedByColumns: string[] = [];

  instance.initiatives.forEach((initiative, i) => {
    const starts = candidates.get(initiative.id) ?? [];
    if (initiative.mandatory && starts.length === 0)
      infeasibleReason ??= `mandatory initiative ${initiative.id} has no feasible start (its prerequisites cannot be scheduled in time)`;
    if (!startsOnly)
      starts.forEach((v, k) => {
        const previous = starts[k - 1];
        startedByColumns.push(startedByName(i, v.start));
        addRow(
          {
            name: `sb${i}_${v.start}`,
            kind: 'startedBy',
            description: `${initiative.id} started by period ${v.start}`,
            ids: [initiative.id],
          },
          [
            { coefficient: 1, name: startedByName(i, v.start) },
            ...(previous ? [{ coefficient: -1, name: startedByName(i, previous.start) }] : []),
            { coefficient: -1, name: v.name },
          ],
          '=',
          0,
        );
      });
    addRow(
      {
        name: `once${i}`,
        kind: 'once',
        description: `${initiative.id} ${initiative.mandatory ? 'must start exactly once (mandatory)' : 'starts at most once'}`,
        ids: [initiative.id],
      },
      startedBy(initiative.id, instance.periods),
      initiative.mandatory ? '=' : '<=',
      1,
    );
  });

  instance.initiatives.forEach((initiative, i) => {
    const starts = candidates.get(initiative.id) ?? [];
    initiative.requires.forEach((prerequisiteId) => {
      const prerequisite = byId.get(prerequisiteId);
      const j = indexOf.get(prerequisiteId) ?? -1;
      if (!prerequisite) return;
      for (const { start: t } of starts) {
        const own = startedBy(initiative.id, t);
        const before = startedBy(prerequisiteId, t - prerequisite.duration);
        if (own.length === 0) continue;
        addRow(
          {
            name: `req${i}_${j}_${t}`,
            kind: 'requires',
            description: `${initiative.id} may start by period ${t} only if ${prerequisiteId} has finished by then`,
            ids: [initiative.id, prerequisiteId],
          },
          [...own, ...negated(before)],
          '<=',
          0,
        );
      }
    });
  });

  const excluded = new Set<string>();
  instance.initiatives.forEach((initiative, i) => {
    for (const otherId of initiative.excludes) {
      const j = indexOf.get(otherId) ?? -1;
      const key = `${Math.min(i, j)}_${Math.max(i, j)}`;
      if (j < 0 || j === i || excluded.has(key)) continue;
      excluded.add(key);
      const mine = startedBy(initiative.id, instance.periods);
      const theirs = startedBy(otherId, instance.periods);
      if (mine.length === 0 || theirs.length === 0) continue;
      addRow(
        {
          name: `excl${key}`,
          kind: 'excludes',
          description: `${initiative.id} and ${otherId} exclude each other`,
          ids: [initiative.id, otherId],
        },
        [...mine, ...theirs],
        '<=',
        1,
      );
    }
  });

  // Active columns a{i}_{t}, created on first use by a resource row (see the header), up to ACTIVE_COLUMNS_MAX_STARTS.
  const useActiveColumns = !startsOnly && variables.length <= ACTIVE_COLUMNS_MAX_STARTS;
  const activeColumns: string[] = [];
  const activeColumnOf = new Map<string, string>();
  const activeColumn = (initiative: PlanInitiative, t: number): string => {
    const i = indexOf.get(initiative.id) ?? 0;
    const name = `a${i}_${t}`;
    if (activeColumnOf.has(name)) return name;
    activeColumnOf.set(name, name);
    activeColumns.push(name);
    const starts = (candidates.get(initiative.id) ?? []).filter(
      (v) => v.start <= t && t < v.start + initiative.duration,
    );
    addRow(
      {
        name: `act${i}_${t}`,
        kind: 'startedBy',
        description: `${initiative.id} active in period ${t}`,
        ids: [initiative.id],
      },
      [{ coefficient: 1, name }, ...starts.map((v) => ({ coefficient: -1, name: v.name }))],
      '=',
      0,
    );
    return name;
  };

  const resourceRows = (
    kind: 'budget' | 'capacity',
    limits: readonly number[],
    perPeriod: (x: PlanInitiative) => number,
  ): void => {
    for (let t = 0; t < instance.periods; t++) {
      const active = variables.filter((v) => v.start <= t && t < v.start + (byId.get(v.id)?.duration ?? 0));
      const limit = limits[t] ?? 0;
      const activeIds = [...new Set(active.map((v) => v.id))];
      const worstCase = activeIds.reduce((sum, id) => sum + perPeriod(byId.get(id) as PlanInitiative), 0);
      if (worstCase <= limit) continue; // cannot bind: redundant row
      const terms = useActiveColumns
        ? activeIds
            .map((id) => byId.get(id) as PlanInitiative)
            .filter((initiative) => perPeriod(initiative) !== 0)
            .map((initiative) => ({ coefficient: perPeriod(initiative), name: activeColumn(initiative, t) }))
        : active
            .map((v) => ({ coefficient: perPeriod(byId.get(v.id) as PlanInitiative), name: v.name }))
            .filter((term) => term.coefficient !== 0);
      if (elastic) {
        terms.push({ coefficient: -1, name: overrunColumn(kind, t) });
        overruns.push(overrunColumn(kind, t));
      }
      addRow(
        {
          name: `${kind}${t}`,
          kind,
          period: t,
          description: `${kind} of period ${t} (${num(limit)})`,
          ids: activeIds,
        },
        terms,
        '<=',
        limit,
      );
    }
  };
  resourceRows('budget', instance.budget, costPerPeriod);
  if (instance.capacity) resourceRows('capacity', instance.capacity, (x) => x.effort);

  // Horizon-wide knapsacks on the "selected" columns: every selected initiative finishes inside the horizon, so its
  // whole cost (effort × duration) is spent within it. The sum of the per-period rows implies them, so they cut off
  // no integer plan, but a knapsack over n selection binaries gives HiGHS far stronger cover cuts than the per-period
  // rows over start binaries. Skipped in the elastic model (the overruns would have to be summed in as well).
  const totalRow = (
    kind: 'budget' | 'capacity',
    limits: readonly number[],
    whole: (x: PlanInitiative) => number,
  ): void => {
    const terms = instance.initiatives.flatMap((initiative) =>
      whole(initiative) === 0
        ? []
        : startedBy(initiative.id, instance.periods).map((term) => ({
            coefficient: whole(initiative) * term.coefficient,
            name: term.name,
          })),
    );
    const limit = limits.reduce((sum, b) => sum + b, 0);
    if (elastic || terms.reduce((sum, term) => sum + term.coefficient, 0) <= limit) return;
    addRow(
      { name: `${kind}Total`, kind, description: `${kind} of the whole horizon (${num(limit)})`, ids: [] },
      terms,
      '<=',
      limit,
    );
  };
  totalRow('budget', instance.budget, (x) => x.cost);
  if (instance.capacity) totalRow('capacity', instance.capacity, (x) => x.effort * x.duration);

  const objective = elastic
    ? overruns.map((name) => ({ coefficient: 1, name }))
    : variables.map((v) => ({ coefficient: v.value, name: v.name })).filter((term) => term.coefficient !== 0);
  const lp = [
    elastic ? 'Minimize' : 'Maximize',
    ` ${elastic ? 'overrun' : 'value'}: ${objective.length > 0 ? linear(objective) : '0 ' + (variables[0]?.name ?? 'dummy')}`,
    'Subject To',
    ...rows.map((r) => r.text),
    'Binaries',
    ...chunk([...variables.map((v) => v.name), ...startedByColumns, ...activeColumns], 12).map(
      (names) => ` ${names.join(' ')}`,
    ),
    'End',
    '',
  ].join('\n');
  return {
    lp,
    variables,
    rows: rows.map((r) => r.row),
    candidates,
    ...(infeasibleReason === undefined ? {} : { infeasibleReason }),
  };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let k = 0; k < items.length; k += size) chunks.push(items.slice(k, k + size));
  return chunks;
}

/** Reads the schedule from column values (by column name); binaries are rounded at 0.5. */
export function interpretColumns(
  model: PlanModel,
  columnValue: (name: string) => number | undefined,
): { id: string; start: number }[] {
  return model.variables
    .filter((v) => (columnValue(v.name) ?? 0) > 0.5)
    .map((v) => ({ id: v.id, start: v.start }));
}
