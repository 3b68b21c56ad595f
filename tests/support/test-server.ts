import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
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

/** A real server on a random port with a fresh embedded database in a temp folder. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tupu-test-'));
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
