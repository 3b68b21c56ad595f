/**
 * Worker-thread entry of the ledger reader: says it has started (its imports loaded), reads the one file it is given
 * (workerData) with readLedger and posts the result, then ends. Started by read-in-worker.ts with memory and time
 * limits, as src/packs/parse-in-worker.ts starts the answer-sheet reader.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readLedger, type LedgerRead, type LedgerReadJob } from './read-ledger.ts';

export type LedgerWorkerMessage = { kind: 'started' } | { kind: 'read'; result: LedgerRead };

const post = (message: LedgerWorkerMessage) => parentPort?.postMessage(message);
post({ kind: 'started' });
post({ kind: 'read', result: await readLedger(workerData as LedgerReadJob) });
