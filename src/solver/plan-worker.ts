/**
 * Worker-thread entry of the plan solver: receives MILP jobs, solves them one at a time with HiGHS, posts outcomes.
 * Started by solver-thread.ts: compiled (dist/solver/plan-worker.js) or through tsx from sources (packs/tsx-worker.ts).
 */
import { setFlagsFromString } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { loadHighs } from './load-highs.ts';
import type { MilpOutcome } from '../core/planning/plan-result.ts';
import type { MilpJob } from './run-milp.ts';
import { runMilp } from './run-milp.ts';

export interface WorkerRequest {
  readonly requestId: number;
  readonly job: MilpJob;
}

export type WorkerResponse =
  | { readonly requestId: number; readonly outcome: MilpOutcome }
  | { readonly requestId: number; readonly error: string };

/**
 * V8 first runs WebAssembly with its baseline compiler (Liftoff) and recompiles a function with TurboFan once it has
 * spent its tiering budget. HiGHS is 3.5 MB of WASM with large hot functions: at V8's default budget (1.8 M) a
 * small plan spends more CPU recompiling than solving, and on a busy 2-core machine the recompilation competes with
 * the solve itself. A budget of 100 M lets a short solve finish on baseline code while a long one still tiers up.
 * Measured on sme-12 (70 variables, one node, 1,836 simplex iterations; results identical, WASM is deterministic):
 * first solve 1.2–2.7 s → 0.7–1.2 s, the same load, 180 → 95 MB peak RSS; 40×8 seed 1 (~5 s) unchanged within noise,
 * 40×8 seed 20241217 (~23 s) within 5 %; `--liftoff-only` would cost 40 % there. The budget is read when a WASM
 * instance is created, and V8 flags are per process: set before HiGHS is instantiated, it also applies to any WASM
 * instantiated later in the process (PGlite is instantiated at start-up, before any solve).
 */
export const WASM_TIERING_BUDGET = 100_000_000;
setFlagsFromString(`--wasm-tiering-budget=${WASM_TIERING_BUDGET}`);

const highs = await loadHighs();

parentPort?.on('message', (request: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    response = { requestId: request.requestId, outcome: runMilp(highs, request.job) };
  } catch (err) {
    response = { requestId: request.requestId, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(response);
});
parentPort?.postMessage({ ready: true });
