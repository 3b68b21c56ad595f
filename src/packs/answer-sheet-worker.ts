/**
 * Worker-thread entry of the answer-sheet reader: says it has started (its imports loaded), reads the one file it is
 * given (workerData) with readAnswerFile and posts the result, then ends. Started by parse-in-worker.ts, with memory
 * and time limits; the time limit counts from the start message, so a slow thread start on a busy machine is not
 * blamed on the file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { IndicatorSystem } from '../core/diagnosis/model-schema.ts';
import { readAnswerFile, type ReadAnswers } from './model-answers-read.ts';
import type { SheetLimits } from './xlsx-limits.ts';

export type AnswerSheetMessage = { kind: 'started' } | { kind: 'read'; result: ReadAnswers };

export interface AnswerSheetJob {
  path: string;
  model: IndicatorSystem;
  display: string;
  limits: SheetLimits;
}

const job = workerData as AnswerSheetJob;
const post = (message: AnswerSheetMessage) => parentPort?.postMessage(message);
post({ kind: 'started' });
post({ kind: 'read', result: await readAnswerFile(job.path, job.model, job.display, job.limits) });
