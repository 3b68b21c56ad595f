/**
 * The code that starts a worker thread on a TypeScript entry, as solver-thread.ts starts HiGHS's: `execArgv:
 * ['--import', 'tsx']` is not honoured for worker threads on Node 20, so the thread runs a tiny evaluated bootstrap
 * (`new Worker(code, { eval: true })`) that registers tsx's ESM hooks (as bin/tupu.js does) and then imports the
 * entry by absolute URL — independent of the working directory and of how the parent was started (tests, `npm start`,
 * the CLI).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export function tsxWorkerCode(entry: URL): string {
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(
    /\.cjs$/,
    '.mjs',
  );
  return `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
}
