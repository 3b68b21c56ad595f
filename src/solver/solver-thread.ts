/**
 * The one HiGHS worker thread of this process. HiGHS is single-threaded WASM and blocks its thread while it solves;
 * running it here keeps the server's event loop free. Jobs queue in order. The thread is created on first use,
 * holds the process open only while jobs are pending, and is replaced if it dies or overruns its time limit.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MilpOutcome } from '../core/planning/plan-result.ts';
import type { MilpJob } from './run-milp.ts';
import type { WorkerRequest, WorkerResponse } from './plan-worker.ts';

/** Extra seconds allowed beyond HiGHS's own time limit (model load, presolve overrun) before the thread is killed. */
const WATCHDOG_GRACE_SECONDS = 30;

interface Pending {
  readonly resolve: (outcome: MilpOutcome) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

let worker: Worker | null = null;
let nextRequestId = 1;
const pending = new Map<number, Pending>();

/**
 * The worker entry is TypeScript. `execArgv: ['--import', 'tsx']` is not honoured for worker threads on Node 20,
 * so the thread starts from a tiny evaluated bootstrap that registers tsx's ESM hooks (as bin/tupu.js does) and then
 * imports plan-worker.ts by absolute URL — independent of the working directory and of how the parent was started.
 */
function bootstrapCode(): string {
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(
    /\.cjs$/,
    '.mjs',
  );
  const entry = new URL('./plan-worker.ts', import.meta.url).href;
  return `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
}

function failAll(error: Error): void {
  for (const [id, job] of pending) {
    clearTimeout(job.timer);
    job.reject(error);
    pending.delete(id);
  }
}

function startWorker(): Worker {
  const thread = new Worker(bootstrapCode(), { eval: true });
  thread.on('message', (message: WorkerResponse | { ready: true }) => {
    if ('ready' in message) return;
    const job = pending.get(message.requestId);
    if (!job) return;
    pending.delete(message.requestId);
    clearTimeout(job.timer);
    if ('error' in message) job.reject(new Error(`HiGHS failed: ${message.error}`));
    else job.resolve(message.outcome);
    if (pending.size === 0) thread.unref();
  });
  thread.on('error', (error) => {
    if (worker === thread) worker = null;
    failAll(error);
  });
  thread.on('exit', (code) => {
    if (worker === thread) worker = null;
    failAll(new Error(`solver thread exited (code ${code})`));
  });
  return thread;
}

/** Solves one MILP in the solver thread. */
export function solveInThread(job: MilpJob): Promise<MilpOutcome> {
  worker ??= startWorker();
  const thread = worker;
  thread.ref();
  const requestId = nextRequestId++;
  return new Promise<MilpOutcome>((resolve, reject) => {
    const timer = setTimeout(
      () => {
        // HiGHS did not stop at its time limit: the thread is stuck, replace it.
        if (worker === thread) worker = null;
        void thread.terminate();
        const job = pending.get(requestId);
        pending.delete(requestId);
        job?.reject(
          new Error(
            `solver did not return within ${job ? 'its time limit' : 'time'} + ${WATCHDOG_GRACE_SECONDS} s`,
          ),
        );
      },
      (job.timeLimitSeconds + WATCHDOG_GRACE_SECONDS) * 1000 * Math.max(1, pending.size + 1),
    );
    pending.set(requestId, { resolve, reject, timer });
    const request: WorkerRequest = { requestId, job };
    thread.postMessage(request);
  });
}

/** Stops the solver thread (pending jobs are rejected). Safe to call when none is running. */
export async function closeSolverThread(): Promise<void> {
  const thread = worker;
  worker = null;
  if (thread) await thread.terminate();
}
