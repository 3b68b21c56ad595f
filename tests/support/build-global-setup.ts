/**
 * Tests that start the command-line tool (tests/support/cli.ts, `node bin/tupu.js …`) run the compiled CLI, as a
 * user does: this setup builds dist/ first when it is missing or older than a source (`npm run build --if-stale`,
 * about 10 s; nothing when it is fresh), so a test never runs stale code nor waits on tsx at each start.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync(
    process.execPath,
    [fileURLToPath(new URL('../../scripts/build.js', import.meta.url)), '--if-stale'],
    {
      stdio: 'inherit',
    },
  );
}
