/**
 * A portfolio of MILP solvers: HiGHS in a solver thread and, when `cbc` is installed, CBC in a child process, racing
 * on the same plan (each on the formulation it solves best, see solve-plan.ts). The first proof wins — an optimum
 * within the tolerance, or infeasibility — and the other solver is stopped. When neither proves anything before the
 * time limit, the answer is the better plan of the two, with the better of the two bounds, so the gap reported is
 * the tightest either solver proved.
 *
 * Incumbents are not exchanged during the race: CBC only reads a start solution when it begins and prints its
 * improving plans' values but not the plans themselves, so there is nothing to hand over while both run.
 */
import type { MilpOutcome } from '../core/planning/plan-result.ts';
import { runCbc } from './cbc.ts';
import type { MilpJob } from './run-milp.ts';
import { solveInThread } from './solver-thread.ts';

export interface PortfolioJob {
  /** The LP HiGHS solves. */
  readonly highs: MilpJob;
  /** The LP CBC solves (same start-column names, so either solution reads back the same way). */
  readonly cbc: MilpJob;
}

/** At most this many CBC processes at once (per server); a solve that finds them busy runs HiGHS alone. */
const MAX_CBC_PROCESSES = 1;
let runningCbc = 0;

const isProof = (outcome: MilpOutcome): boolean =>
  outcome.status === 'optimal' || outcome.status === 'infeasible';

/** Relative gap of a maximisation: how far the bound is above the plan's value, as a share of the value. */
export const relativeGap = (objective: number, bound: number): number =>
  Math.max(0, bound - objective) / Math.max(1e-9, Math.abs(objective));

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
 * Solves with HiGHS alone (`cbc` null, or a CBC process already running) or races HiGHS and CBC. Rejects when
 * `signal` aborts (both solvers are stopped) or when every solver failed.
 */
export async function solvePortfolio(
  job: PortfolioJob,
  cbc: string | null,
  signal?: AbortSignal,
): Promise<MilpOutcome> {
  if (cbc === null || runningCbc >= MAX_CBC_PROCESSES) return solveInThread(job.highs, signal);
  runningCbc++;
  const stop = new AbortController();
  const onAbort = (): void => stop.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await race(
      [
        solveInThread(job.highs, stop.signal),
        runCbc(cbc, job.cbc, stop.signal).finally(() => {
          runningCbc--;
        }),
      ],
      stop,
    );
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (!stop.signal.aborted) stop.abort(new DOMException('the race is over', 'AbortError'));
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
