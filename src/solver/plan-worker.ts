/**
 * Worker-thread entry of the plan solver: receives MILP jobs, solves them one at a time with HiGHS, posts outcomes.
 * Started by solver-thread.ts: compiled (dist/solver/plan-worker.js) or through tsx from sources (packs/tsx-worker.ts).
 */
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
