/**
 * Worker-thread entry of the answer-sheet reader: reads the one file it is given (workerData) with readAnswerFile and
 * posts the result, then ends. Started by parse-in-worker.ts through tsx, with memory and time limits.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { IndicatorSystem } from '../core/diagnosis/model-schema.ts';
import { readAnswerFile } from './model-answers-read.ts';
import type { SheetLimits } from './xlsx-limits.ts';

export interface AnswerSheetJob {
  path: string;
  model: IndicatorSystem;
  display: string;
  limits: SheetLimits;
}

const job = workerData as AnswerSheetJob;
parentPort?.postMessage(await readAnswerFile(job.path, job.model, job.display, job.limits));
