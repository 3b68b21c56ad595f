import { resolve } from 'node:path';

/**
 * Every setting Tupu reads from the environment, with its default. README.md's configuration table lists the
 * same variables; keep the two in step.
 */
export interface Config {
  /** HTTP port (TUPU_PORT, default 8080) */
  port: number;
  /** interface to listen on (TUPU_HOST, default 0.0.0.0) */
  host: string;
  /** folder of the embedded database and uploads (TUPU_DATA_DIR, default ./data) */
  dataDir: string;
  /** a postgres:// URL switches from the embedded PGlite to a PostgreSQL server (DATABASE_URL) */
  databaseUrl: string | undefined;
  /** password of the first platform admin; when unset a one-time password is printed (TUPU_ADMIN_PASSWORD) */
  adminPassword: string | undefined;
  /** session lifetime in hours (TUPU_SESSION_HOURS, default 12) */
  sessionHours: number;
  /** mark cookies Secure; set when served over HTTPS (TUPU_SECURE_COOKIES=1) */
  secureCookies: boolean;
  /** largest request body in bytes (TUPU_BODY_LIMIT, default 1 MiB) */
  bodyLimit: number;
  /** folder of content packs (TUPU_PACKS_DIR, default ./packs) */
  packsDir: string;
  /** folder of the built web app (TUPU_WEB_DIR, default ./dist/web) */
  webDir: string;
  /** log level (TUPU_LOG_LEVEL, default warn; info logs every request; silent in tests) */
  logLevel: string;
  /** failed sign-ins allowed per email within the window before 429 (TUPU_SIGNIN_MAX_FAILURES, default 5) */
  signInMaxFailures: number;
  /** failed sign-ins allowed per client IP within the window (TUPU_SIGNIN_MAX_FAILURES_PER_IP, default 50) */
  signInMaxFailuresPerIp: number;
  /** the sliding window of those counts, in minutes (TUPU_SIGNIN_WINDOW_MINUTES, default 15) */
  signInWindowMinutes: number;
}

function intFrom(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const config: Config = {
    port: intFrom('TUPU_PORT', env.TUPU_PORT, 8080),
    host: env.TUPU_HOST || '0.0.0.0',
    dataDir: resolve(env.TUPU_DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminPassword: env.TUPU_ADMIN_PASSWORD || undefined,
    sessionHours: intFrom('TUPU_SESSION_HOURS', env.TUPU_SESSION_HOURS, 12),
    secureCookies: env.TUPU_SECURE_COOKIES === '1' || env.TUPU_SECURE_COOKIES === 'true',
    bodyLimit: intFrom('TUPU_BODY_LIMIT', env.TUPU_BODY_LIMIT, 1024 * 1024),
    packsDir: resolve(env.TUPU_PACKS_DIR || './packs'),
    webDir: resolve(env.TUPU_WEB_DIR || './dist/web'),
    logLevel: env.TUPU_LOG_LEVEL || 'warn',
    signInMaxFailures: intFrom('TUPU_SIGNIN_MAX_FAILURES', env.TUPU_SIGNIN_MAX_FAILURES, 5),
    signInMaxFailuresPerIp: intFrom(
      'TUPU_SIGNIN_MAX_FAILURES_PER_IP',
      env.TUPU_SIGNIN_MAX_FAILURES_PER_IP,
      50,
    ),
    signInWindowMinutes: intFrom('TUPU_SIGNIN_WINDOW_MINUTES', env.TUPU_SIGNIN_WINDOW_MINUTES, 15),
  };
  if (config.databaseUrl && !/^postgres(ql)?:\/\//.test(config.databaseUrl)) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  }
  return { ...config, ...overrides };
}
