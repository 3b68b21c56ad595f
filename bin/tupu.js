#!/usr/bin/env node
// Runs the compiled CLI (dist/, `npm run build`), refusing a dist/ that is missing or older than the sources rather
// than running stale code. TUPU_FROM_SOURCE=1 runs the TypeScript sources through tsx instead (development only:
// tsx is a devDependency).
import { distProblem } from './dist-state.js';

if (process.env.TUPU_FROM_SOURCE === '1') {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
} else {
  const problem = distProblem();
  if (problem !== null) {
    process.stderr.write(
      `tupu: ${problem}; run "npm run build" (or TUPU_FROM_SOURCE=1 to run the sources)\n`,
    );
    process.exit(1);
  }
  await import('../dist/cli/main.js');
}
