/**
 * The HiGHS worker threads of this process. HiGHS is single-threaded WASM and blocks its thread while it solves;
 * running it in worker threads keeps the server's event loop free. Up to `solverThreadLimit()` threads run at once
 * (default: two, or one on a one-core machine), so the points of a budget frontier or two users' plans are solved side
 * by side; further jobs wait in order. Threads are created on demand, hold the process open only while they have a job,
 * and a thread that dies or overruns its job's time limit is replaced.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../packs/tsx-worker.ts';
import type { MilpOutcome } from '../core/planning/plan-result.ts';
import type { MilpJob } from './run-milp.ts';
import type { WorkerRequest, WorkerResponse } from './plan-worker.ts';

/** Extra seconds allowed beyond HiGHS's own time limit (model load, presolve overrun) before the thread is killed. */
const WATCHDOG_GRACE_SECONDS = 30;
const DEFAULT_THREADS = 2;
/**
 * A thread without a job for this long ends: each holds its own HiGHS WASM heap (tens of MB, more after a large
 * model), which an idle server should not keep. The next solve starts a thread again (a fraction of a second).
 */
export const IDLE_THREAD_SECONDS = 30;
let idleThreadSeconds = IDLE_THREAD_SECONDS;

/** Tests shorten the idle time; `undefined` restores IDLE_THREAD_SECONDS. */
export function setIdleThreadSeconds(seconds: number | undefined): void {
  idleThreadSeconds = seconds ?? IDLE_THREAD_SECONDS;
}

/**
 * How many solver threads may run at once: `TUPU_SOLVER_THREADS` (1–16) when set, else two, capped by the machine's
 * cores. One thread keeps a core free for the server; two halve the wall time of a frontier on a 2-core machine while
 * the event loop still gets its share (see bench/plan.bench.ts, which measures its ticks during solves).
 */
export function solverThreadLimit(
  env: NodeJS.ProcessEnv = process.env,
  cores = availableParallelism(),
): number {
  const configured = env.TUPU_SOLVER_THREADS;
  if (configured !== undefined && configured.trim() !== '') {
    const value = Number(configured);
    if (!Number.isInteger(value) || value < 1 || value > 16)
      throw new Error(`TUPU_SOLVER_THREADS must be a whole number from 1 to 16, got "${configured}"`);
    return value;
  }
  return Math.max(1, Math.min(DEFAULT_THREADS, cores));
}

interface Job {
  readonly requestId: number;
  readonly job: MilpJob;
  readonly resolve: (outcome: MilpOutcome) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  running: { readonly job: Job; readonly timer: NodeJS.Timeout } | null;
  /** ends the thread once it has been without a job for IDLE_THREAD_SECONDS */
  idle: NodeJS.Timeout | null;
}

const slots = new Set<Slot>();
const queue: Job[] = [];
let nextRequestId = 1;
let peakThreads = 0;

/** The worker entry: plan-worker.js when compiled, plan-worker.ts through tsx from sources (see tsx-worker.ts). */
const ENTRY = new URL('./plan-worker.ts', import.meta.url);

/** Ends a slot's current job (if any) and forgets the slot; its thread is gone or being terminated. */
function dropSlot(slot: Slot, error: Error): void {
  if (!slots.delete(slot)) return;
  if (slot.idle) clearTimeout(slot.idle);
  if (slot.running) {
    clearTimeout(slot.running.timer);
    slot.running.job.reject(error);
    slot.running = null;
  }
  dispatch();
}

function startSlot(): Slot {
  const slot: Slot = { worker: startWorker(ENTRY), running: null, idle: null };
  slot.worker.on('message', (message: WorkerResponse | { ready: true }) => {
    if ('ready' in message) return;
    const running = slot.running;
    if (!running || running.job.requestId !== message.requestId) return;
    clearTimeout(running.timer);
    slot.running = null;
    if ('error' in message) running.job.reject(new Error(`HiGHS failed: ${message.error}`));
    else running.job.resolve(message.outcome);
    slot.worker.unref();
    dispatch();
    if (slot.running === null) retireWhenIdle(slot);
  });
  slot.worker.on('error', (error) => dropSlot(slot, error));
  slot.worker.on('exit', (code) => dropSlot(slot, new Error(`solver thread exited (code ${code})`)));
  slots.add(slot);
  peakThreads = Math.max(peakThreads, slots.size);
  return slot;
}

function retireWhenIdle(slot: Slot): void {
  if (slot.idle) clearTimeout(slot.idle);
  slot.idle = setTimeout(() => {
    if (slot.running !== null || !slots.delete(slot)) return;
    void slot.worker.terminate();
  }, idleThreadSeconds * 1000);
  slot.idle.unref();
}

function run(slot: Slot, job: Job): void {
  if (slot.idle) clearTimeout(slot.idle);
  slot.idle = null;
  const timer = setTimeout(
    () => {
      // HiGHS did not stop at its time limit: the thread is stuck, replace it.
      dropSlot(slot, new Error(`solver did not return within its time limit + ${WATCHDOG_GRACE_SECONDS} s`));
      void slot.worker.terminate();
    },
    (job.job.timeLimitSeconds + WATCHDOG_GRACE_SECONDS) * 1000,
  );
  slot.running = { job, timer };
  slot.worker.ref();
  const request: WorkerRequest = { requestId: job.requestId, job: job.job };
  slot.worker.postMessage(request);
}

/** The limit, read from the environment once (solveInThread checks it before a job is queued). */
let threadLimit: number | undefined;

/** Starts queued jobs on idle threads, creating threads up to the limit. */
function dispatch(): void {
  const limit = (threadLimit ??= solverThreadLimit());
  while (queue.length > 0) {
    const idle = [...slots].find((slot) => slot.running === null);
    const slot = idle ?? (slots.size < limit ? startSlot() : null);
    if (!slot) return;
    const job = queue.shift();
    if (job) run(slot, job);
  }
}

/**
 * Solves one MILP in a solver thread (queued when every thread is busy). When `signal` aborts, a queued job leaves
 * the queue and a running one's thread is terminated (HiGHS cannot be interrupted inside its thread) and replaced
 * on the next job; the promise rejects with the signal's reason.
 */
export function solveInThread(job: MilpJob, signal?: AbortSignal): Promise<MilpOutcome> {
  return new Promise<MilpOutcome>((resolve, reject) => {
    // a bad TUPU_SOLVER_THREADS fails this call, never a later dispatch from a worker's event handler
    threadLimit ??= solverThreadLimit();
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = (): void => cancel(entry, abortReason(signal));
    const settle =
      <T>(then: (value: T) => void) =>
      (value: T): void => {
        signal?.removeEventListener('abort', onAbort);
        then(value);
      };
    const entry: Job = { requestId: nextRequestId++, job, resolve: settle(resolve), reject: settle(reject) };
    signal?.addEventListener('abort', onAbort, { once: true });
    queue.push(entry);
    dispatch();
  });
}

function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new DOMException('the solve was cancelled', 'AbortError');
}

/** Ends a job early: out of the queue, or its thread terminated. */
function cancel(job: Job, reason: Error): void {
  const queued = queue.indexOf(job);
  if (queued >= 0) {
    queue.splice(queued, 1);
    job.reject(reason);
    return;
  }
  const slot = [...slots].find((candidate) => candidate.running?.job === job);
  if (!slot) return;
  dropSlot(slot, reason);
  void slot.worker.terminate();
}

/** How many solver threads are alive now, busy or idle. */
export function liveSolverThreads(): number {
  return slots.size;
}

/** The most solver threads that ran at the same time since the last `closeSolverThread()` (for tests and benches). */
export function peakSolverThreads(): number {
  return peakThreads;
}

/** Stops every solver thread; running and queued jobs are rejected. Safe to call when none is running. */
export async function closeSolverThread(): Promise<void> {
  const closing = new Error('solver threads closed');
  for (const job of queue.splice(0)) job.reject(closing);
  const workers = [...slots].map((slot) => slot.worker);
  for (const slot of [...slots]) {
    slots.delete(slot);
    if (slot.idle) clearTimeout(slot.idle);
    if (slot.running) {
      clearTimeout(slot.running.timer);
      slot.running.job.reject(closing);
      slot.running = null;
    }
  }
  peakThreads = 0;
  await Promise.all(workers.map((worker) => worker.terminate()));
}
