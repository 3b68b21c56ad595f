/**
 * A portfolio of MILP solvers: when `cbc` is installed, solvers race on the same plan — HiGHS in a solver thread, CBC
 * in child processes, each on a formulation (which ones: solve-plan.ts). The first proof wins — an optimum within the
 * tolerance, or infeasibility — and the others are stopped. When none proves anything before the time limit, the
 * answer is the best plan of all, with the tightest bound of all, so the gap reported is the smallest any proved.
 *
 * Incumbents are not exchanged during the race: CBC only reads a start solution when it begins and prints its
 * improving plans' values but not the plans themselves, so there is nothing to hand over while both run.
 */
import type { MilpOutcome, SolverName } from '../core/planning/plan-result.ts';
import { relativeGap } from '../core/planning/plan-result.ts';
import { runCbc } from './cbc.ts';
import type { MilpJob } from './run-milp.ts';
import { solveInThread } from './solver-thread.ts';

/** One solver on one LP (all LPs of a race share the start-column names, so any solution reads back the same way). */
export interface Entrant {
  readonly solver: SolverName;
  readonly job: MilpJob;
}

export interface PortfolioJob {
  /** What HiGHS solves alone, without cbc or when the CBC processes are all busy. */
  readonly fallback: MilpJob;
  /** The solvers that race when cbc is installed. */
  readonly race: readonly Entrant[];
}

/** At most this many CBC processes at once (per server); a solve that would pass it runs HiGHS alone. */
export const MAX_CBC_PROCESSES = 2;
let runningCbc = 0;

const isProof = (outcome: MilpOutcome): boolean =>
  outcome.status === 'optimal' || outcome.status === 'infeasible';

/**
 * The answer of two solvers that both stopped without a proof: the better plan, the tighter (lower) bound of the
 * two, and the gap between them. Seconds are the longer of the two (they ran side by side).
 */
export function combineOutcomes(outcomes: readonly MilpOutcome[]): MilpOutcome {
  const withPlan = outcomes.filter((outcome) => outcome.objective !== null);
  const seconds = Math.max(...outcomes.map((outcome) => outcome.seconds));
  const bounds = outcomes.flatMap((outcome) => (outcome.bound === null ? [] : [outcome.bound]));
  const bound = bounds.length > 0 ? Math.min(...bounds) : null;
  const best = withPlan.reduce<MilpOutcome | null>(
    (top, outcome) =>
      top === null || (outcome.objective ?? -Infinity) > (top.objective ?? -Infinity) ? outcome : top,
    null,
  );
  if (best === null || best.objective === null) return { ...(outcomes[0] as MilpOutcome), seconds };
  return {
    ...best,
    bound,
    gap: bound === null ? best.gap : relativeGap(best.objective, bound),
    seconds,
  };
}

/**
 * Races the entrants (HiGHS in a solver thread, CBC in child processes), or solves the fallback with HiGHS alone when
 * `cbc` is null or the race would take more CBC processes than are free. Rejects when `signal` aborts (every solver
 * is stopped) or when every solver failed.
 */
export async function solvePortfolio(
  job: PortfolioJob,
  cbc: string | null,
  signal?: AbortSignal,
): Promise<MilpOutcome> {
  const cbcEntrants = job.race.filter((entrant) => entrant.solver === 'cbc').length;
  if (cbc === null || job.race.length === 0 || runningCbc + cbcEntrants > MAX_CBC_PROCESSES)
    return solveInThread(job.fallback, signal);
  runningCbc += cbcEntrants;
  const stop = new AbortController();
  const onAbort = (): void => stop.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await race(
      job.race.map((entrant) =>
        entrant.solver === 'highs'
          ? solveInThread(entrant.job, stop.signal)
          : runCbc(cbc, entrant.job, stop.signal),
      ),
      stop,
    );
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (!stop.signal.aborted) stop.abort(new DOMException('the race is over', 'AbortError'));
    // the losers are killed (SIGKILL) as the race ends: their places are free for the next solve at once
    runningCbc -= cbcEntrants;
  }
}

type Settled = { readonly outcome: MilpOutcome } | { readonly error: unknown };

function race(runs: readonly Promise<MilpOutcome>[], stop: AbortController): Promise<MilpOutcome> {
  return new Promise<MilpOutcome>((resolve, reject) => {
    const settled: Settled[] = [];
    let done = false;
    const finish = (): void => {
      if (done) return;
      if (stop.signal.aborted) {
        done = true;
        reject(
          stop.signal.reason instanceof Error ? stop.signal.reason : new Error('the solve was cancelled'),
        );
        return;
      }
      const proof = settled.find((s): s is { outcome: MilpOutcome } => 'outcome' in s && isProof(s.outcome));
      if (proof) {
        done = true;
        stop.abort(new DOMException('the other solver finished first', 'AbortError'));
        resolve(proof.outcome);
        return;
      }
      if (settled.length < runs.length) return;
      done = true;
      const outcomes = settled.flatMap((s) => ('outcome' in s ? [s.outcome] : []));
      if (outcomes.length > 0) resolve(combineOutcomes(outcomes));
      else {
        const first = settled[0];
        reject(
          first && 'error' in first && first.error instanceof Error
            ? first.error
            : new Error('every solver failed'),
        );
      }
    };
    for (const run of runs)
      run.then(
        (outcome) => {
          settled.push({ outcome });
          finish();
        },
        (error: unknown) => {
          settled.push({ error });
          finish();
        },
      );
  });
}
