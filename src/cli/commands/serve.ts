import type { Command } from 'commander';
import { loadConfig, type Config } from '../../config.ts';
import { DEMO_PASSWORD } from '../../db/seed/demo-region.ts';
import { WeakAdminPasswordError } from '../../features/auth/platform-admin-bootstrap.ts';
import { startServer, type RunningServer } from '../../server/start.ts';
import { CliError } from '../cli-error.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the web app and API (embedded database unless DATABASE_URL is set)')
    .option('-p, --port <port>', 'HTTP port (default 8080, or TUPU_PORT)')
    .option('-d, --data <dir>', 'data folder for the embedded database (default ./data, or TUPU_DATA_DIR)')
    .option('--demo', 'seed a fictional demo region with enterprises and users', false)
    .action(async (opts: { port?: string; data?: string; demo: boolean }) => {
      const overrides: Partial<Config> = {};
      if (opts.port !== undefined) {
        const port = Number(opts.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new CliError(`--port must be 0–65535, got "${opts.port}"`);
        overrides.port = port;
      }
      let config: Config;
      try {
        config = loadConfig(process.env, overrides);
        if (opts.data) config = loadConfig({ ...process.env, TUPU_DATA_DIR: opts.data }, overrides);
      } catch (err) {
        throw new CliError(err instanceof Error ? err.message : String(err));
      }
      const server = await startServer(config, { demo: opts.demo }).catch((err: NodeJS.ErrnoException) => {
        if (err instanceof WeakAdminPasswordError) throw new CliError(err.message);
        if (err.code === 'EADDRINUSE') {
          throw new CliError(
            `port ${config.port} is already in use; choose another with --port or TUPU_PORT`,
          );
        }
        throw err;
      });
      printWelcome(server, config);
      const stop = () => {
        void server.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

function printWelcome(server: RunningServer, config: Config): void {
  const lines = [
    '',
    `  Tupu 图谱 is running at ${server.url}`,
    `  database: ${server.database.engine === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
    `  API reference: ${server.url}/api/docs`,
  ];
  if (server.admin) {
    lines.push('', `  Platform admin: ${server.admin.email}`);
    lines.push(
      server.admin.oneTimePassword
        ? `  One-time password (shown once, change it after signing in): ${server.admin.oneTimePassword}`
        : '  Password: the value of TUPU_ADMIN_PASSWORD',
    );
  }
  if (server.demo.length > 0) {
    lines.push('', `  Demo sign-in (password for all: ${DEMO_PASSWORD}):`);
    for (const s of server.demo) lines.push(`    ${s.email.padEnd(30)} ${s.name} · ${s.organisation}`);
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}
