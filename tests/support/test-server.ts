import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config.ts';
import { installedPgliteVersion, unpackDatabaseTemplate } from '../../src/db/database-template.ts';
import { startServer, type RunningServer } from '../../src/server/start.ts';

export interface TestServerOptions {
  /** seed the demo region (default true) */
  demo?: boolean;
  /** add the demo CIO's assessments and solved plan (default false) */
  demoContent?: boolean;
  adminPassword?: string;
}

/** A running test server; `dispose()` stops it and removes its data folder. */
export type TestServer = RunningServer & { dispose(): Promise<void> };

/** The build's template of a new database (`npm run build`; the browser tests' globalSetup builds when stale). */
const TEMPLATE = fileURLToPath(new URL('../../dist/pglite-template/template.gz', import.meta.url));
let template: Buffer | null | undefined;

/**
 * A new data folder's database unpacked from the build's template, as the compiled server does on a new folder
 * (src/db/client.ts): run from sources, the server has no template and would run initdb in a child process and every
 * migration (6 s on an idle machine, over 30 s on a busy one) for each test file. The migrator still runs on the
 * unpacked copy and applies any migration newer than the template. Without a template (or one of another PGlite)
 * nothing is written and the server creates its database as before.
 */
function unpackTemplate(dataDir: string): void {
  template ??= existsSync(TEMPLATE) ? readFileSync(TEMPLATE) : null;
  if (template) unpackDatabaseTemplate(template, join(dataDir, 'pglite'), installedPgliteVersion());
}

/** A real server on a random port with a fresh embedded database in a temp folder. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tupu-test-'));
  unpackTemplate(dataDir);
  const config = loadConfig(
    { TUPU_DATA_DIR: dataDir, TUPU_LOG_LEVEL: 'silent', TUPU_HOST: '127.0.0.1' },
    { port: 0, adminPassword: options.adminPassword ?? 'admin-password-for-tests' },
  );
  const server = await startServer(config, {
    demo: options.demo ?? true,
    demoContent: options.demoContent ?? false,
  });
  return {
    ...server,
    dispose: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
