/**
 * Reads an answer file (readAnswerFile) in a worker thread of its own, so that parsing a workbook never holds the
 * server's event loop: the thread gets ANSWER_SHEET_LIMITS.workerMemoryMb of heap and workerSeconds of time, and is
 * terminated past either (the time counted from the thread's start message: a thread slow to start on a busy machine
 * is given START_SECONDS, and failing that is an error of the server, not of the file); the file is then refused
 * with the limit named, like a file over the limits that
 * xlsx-limits.ts checks before parsing. At most MAX_THREADS files are read at once (further ones wait in order), so a
 * burst of imports takes at most that many cores and heaps. A fresh thread per file: nothing is left of a hostile
 * file once its thread ends.
 */
import { ANSWER_SHEET_LIMITS } from '../contracts/diagnosis.ts';
import type { IndicatorSystem } from '../core/diagnosis/model-schema.ts';
import type { AnswerSheetJob, AnswerSheetMessage } from './answer-sheet-worker.ts';
import type { ReadAnswers, SheetProblem } from './model-answers-read.ts';
import { startWorker } from './tsx-worker.ts';
import type { SheetLimits } from './xlsx-limits.ts';

const MAX_THREADS = 2;
/** how long a thread may take to load its code before it reads anything (tsx compiles it when run from sources) */
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

const refused = (display: string, limit: SheetProblem['limit'], message: string): ReadAnswers => ({
  assessment: null,
  rowOf: new Map(),
  problems: [{ file: display, sheet: '', row: null, question: '', message, limit }],
});

/** readAnswerFile(path, model, display) in a worker thread with memory and time limits. */
export async function readAnswerFileInWorker(
  path: string,
  model: IndicatorSystem,
  display: string,
  limits: SheetLimits = ANSWER_SHEET_LIMITS,
): Promise<ReadAnswers> {
  const release = await slot();
  try {
    return await new Promise<ReadAnswers>((resolve, reject) => {
      const job: AnswerSheetJob = { path, model, display, limits };
      const worker = startWorker(new URL('./answer-sheet-worker.ts', import.meta.url), {
        workerData: job,
        resourceLimits: { maxOldGenerationSizeMb: limits.workerMemoryMb, maxYoungGenerationSizeMb: 32 },
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
        settle(() => reject(new Error(`the answer-sheet thread did not start within ${START_SECONDS} s`)));
        void worker.terminate();
      }, START_SECONDS * 1000);
      const readTimeLimit = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          settle(() =>
            resolve(
              refused(
                display,
                'workerSeconds',
                `reading the file took over ${limits.workerSeconds} s, the limit for an answer file; refused`,
              ),
            ),
          );
          void worker.terminate();
        }, limits.workerSeconds * 1000);
      };
      worker.on('message', (message: AnswerSheetMessage) => {
        if (message.kind === 'started') readTimeLimit();
        else settle(() => resolve(message.result));
      });
      worker.once('error', (err: Error & { code?: string }) =>
        settle(() =>
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? resolve(
                refused(
                  display,
                  'workerMemoryMb',
                  `reading the file needs over ${limits.workerMemoryMb} MB of memory, the limit for an answer file; refused`,
                ),
              )
            : reject(err),
        ),
      );
      worker.once('exit', (code) =>
        settle(() => reject(new Error(`the answer-sheet thread exited (code ${code}) without a result`))),
      );
    });
  } finally {
    release();
  }
}
