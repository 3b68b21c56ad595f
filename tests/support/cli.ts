import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const TUPU = fileURLToPath(new URL('../../bin/tupu.js', import.meta.url));

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  /** variables set over this process's environment; one given as undefined is removed (such as DATABASE_URL) */
  env?: NodeJS.ProcessEnv;
  /** kill the tool after this many milliseconds (default: wait for it however long it takes) */
  timeoutMs?: number;
}

/** Runs the command-line tool (`node bin/tupu.js …args`) to its end, failing or not: exit status and output. */
export function runTupu(args: readonly string[], options: CliOptions = {}): CliRun {
  const run = spawnSync('node', [TUPU, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(options.env === undefined ? {} : { env: { ...process.env, ...options.env } }),
    ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
  });
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Runs the command-line tool and returns what it printed; throws, with its stderr, when it exits non-zero. */
export function runTupuOk(args: readonly string[], options: CliOptions = {}): string {
  const run = runTupu(args, options);
  if (run.status !== 0) throw new Error(`tupu ${args.join(' ')} exited ${run.status}:\n${run.stderr}`);
  return run.stdout;
}
