/**
 * Starts a worker thread on a TypeScript entry (`new URL('./x-worker.ts', import.meta.url)`), compiled or not.
 *
 * Compiled (this file runs as dist/…/tsx-worker.js, `npm run build`): the thread starts the compiled sibling
 * x-worker.js directly, no tsx. From sources (tests, benchmarks, `TUPU_FROM_SOURCE=1`): `execArgv: ['--import',
 * 'tsx']` is not honoured for worker threads on Node 20, so the thread runs a tiny evaluated bootstrap
 * (`new Worker(code, { eval: true })`) that registers tsx's ESM hooks (as bin/tupu.js does) and then imports the
 * entry by absolute URL — independent of the working directory and of how the parent was started.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

const COMPILED = import.meta.url.endsWith('.js');

export function tsxWorkerCode(entry: URL): string {
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(
    /\.cjs$/,
    '.mjs',
  );
  return `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
}

/** A worker thread on `entry` (a .ts URL beside the caller): its compiled .js when compiled, else through tsx. */
export function startWorker(entry: URL, options: Omit<WorkerOptions, 'eval'> = {}): Worker {
  if (COMPILED) return new Worker(new URL(entry.href.replace(/\.ts$/, '.js')), options);
  return new Worker(tsxWorkerCode(entry), { ...options, eval: true });
}
