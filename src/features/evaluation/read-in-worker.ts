/**
 * Reads a ledger file (read-ledger.ts) in a worker thread of its own, so that a big or hostile file never holds the
 * server's event loop: the thread gets LEDGER_WORKER_LIMITS.memoryMb of heap and seconds of time (counted from its
 * start message) and is terminated past either, the file then refused naming the limit. At most MAX_THREADS files
 * are read at once; further ones wait in order. The pattern of src/packs/parse-in-worker.ts.
 */
import { startWorker } from '../../packs/tsx-worker.ts';
import type { LedgerWorkerMessage } from './ledger-worker.ts';
import type { LedgerRead, LedgerReadJob } from './read-ledger.ts';

export const LEDGER_WORKER_LIMITS = {
  /** old-generation heap of the thread, in MB */
  memoryMb: 512,
  /** time the thread may take to read one file, in seconds */
  seconds: 120,
} as const;

const MAX_THREADS = 2;
/** how long a thread may take to load its code (tsx compiles it when run from sources) */
const START_SECONDS = 120;
let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= MAX_THREADS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

export async function readLedgerInWorker(
  job: LedgerReadJob,
  limits: { memoryMb: number; seconds: number } = LEDGER_WORKER_LIMITS,
): Promise<LedgerRead> {
  const release = await slot();
  try {
    return await new Promise<LedgerRead>((resolve, reject) => {
      const worker = startWorker(new URL('./ledger-worker.ts', import.meta.url), {
        workerData: job,
        resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 32 },
      });
      let settled = false;
      let timer: NodeJS.Timeout;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        outcome();
      };
      timer = setTimeout(() => {
        settle(() => reject(new Error(`the ledger thread did not start within ${START_SECONDS} s`)));
        void worker.terminate();
      }, START_SECONDS * 1000);
      worker.on('message', (message: LedgerWorkerMessage) => {
        if (message.kind === 'started') {
          clearTimeout(timer);
          timer = setTimeout(() => {
            settle(() =>
              resolve({
                ok: false,
                message: `reading the file took over ${limits.seconds} s, the limit for a ledger; refused`,
              }),
            );
            void worker.terminate();
          }, limits.seconds * 1000);
        } else settle(() => resolve(message.result));
      });
      worker.once('error', (err: Error & { code?: string }) =>
        settle(() =>
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? resolve({
                ok: false,
                message: `reading the file needs over ${limits.memoryMb} MB of memory, the limit for a ledger; refused`,
              })
            : reject(err),
        ),
      );
      worker.once('exit', (code) =>
        settle(() => reject(new Error(`the ledger thread exited (code ${code}) without a result`))),
      );
    });
  } finally {
    release();
  }
}
