import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PASSPHRASE_VARIABLE, passphraseForEncryption } from './db/backup/backup-crypto.ts';
import { solverThreadLimit } from './solver/solver-thread.ts';

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
  /** folder of content packs (TUPU_PACKS_DIR, default the product's packs/, wherever it is installed) */
  packsDir: string;
  /** folder of the built web app (TUPU_WEB_DIR, default the product's dist/web) */
  webDir: string;
  /** log level (TUPU_LOG_LEVEL, default warn; info logs every request; silent in tests) */
  logLevel: string;
  /** failed sign-ins of one email from one client address before each further try waits (TUPU_SIGNIN_MAX_FAILURES, default 5) */
  signInMaxFailures: number;
  /** failed sign-ins from one client address, across emails, before each further try waits (TUPU_SIGNIN_MAX_FAILURES_PER_IP, default 50) */
  signInMaxFailuresPerIp: number;
  /** the longest wait between sign-in tries, in minutes (TUPU_SIGNIN_MAX_DELAY_MINUTES, default 15) */
  signInMaxDelayMinutes: number;
  /** which proxies' X-Forwarded-For to believe for the client address (TUPU_TRUST_PROXY, default none) */
  trustProxy: TrustProxy;
  /** passphrase that encrypts backups downloaded from the web (TUPU_BACKUP_PASSPHRASE, default none: plain) */
  backupPassphrase: string | undefined;
  /**
   * origins (scheme://host[:port]) browsers reach the server at, besides the one its Host header names; state-changing
   * API requests from any other origin are refused (TUPU_PUBLIC_ORIGIN, comma-separated, default none)
   */
  publicOrigins: string[];
  /** evidence files one organisation may keep, in MB (TUPU_ORG_STORAGE_QUOTA_MB, default 1024) */
  orgStorageQuotaMb: number;
}

/**
 * Whose `X-Forwarded-For` the server believes when it takes a request's client address (the per-IP sign-in count
 * uses it): nobody (`false`, the socket's peer is the client), everybody (`true`), the nearest `hops` proxies, or
 * proxies at the listed addresses and CIDR ranges.
 */
export type TrustProxy = boolean | { hops: number } | { addresses: string[] };

/** Names proxy-addr (behind Fastify's trustProxy) accepts for well-known ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An IP address, an address with a /prefix, or a named range; the reason it is not, otherwise. */
function addressProblem(entry: string): string | undefined {
  if (NAMED_RANGES.has(entry)) return undefined;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return `"${entry}" is not an IP address or CIDR range`;
  if (prefix === undefined) return undefined;
  const bits = Number(prefix);
  const max = version === 4 ? 32 : 128;
  if (!/^\d+$/.test(prefix) || bits > max) return `"${entry}" has a prefix outside 0–${max}`;
  return undefined;
}

/**
 * TUPU_TRUST_PROXY: unset, empty, `false` or `0` trusts no proxy; `true` trusts every proxy; a whole number n
 * trusts the n proxies nearest the server; otherwise a comma-separated list of addresses, CIDR ranges or the names
 * loopback, linklocal, uniquelocal.
 */
export function trustProxyFrom(name: string, value: string | undefined): TrustProxy {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false' || text === '0') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return { hops: Number(text) };
  const addresses = text.split(',').map((entry) => entry.trim());
  const problems = addresses.map((entry) => (entry === '' ? 'an empty entry' : addressProblem(entry)));
  const problem = problems.find((p) => p !== undefined);
  if (problem !== undefined) {
    throw new Error(
      `${name} must be true, a number of proxy hops, or a comma-separated list of proxy addresses or CIDR ` +
        `ranges; ${problem} in "${value}"`,
    );
  }
  return { addresses };
}

/** TUPU_BACKUP_PASSPHRASE when set and not empty; it must then be a usable passphrase, or the server does not start. */
function backupPassphraseFrom(env: NodeJS.ProcessEnv): string | undefined {
  return env[PASSPHRASE_VARIABLE] ? passphraseForEncryption(env) : undefined;
}

/**
 * TUPU_PUBLIC_ORIGIN: a comma-separated list of http:// or https:// origins, each without path, query or fragment;
 * returned in the form browsers send in the Origin header (lower case, default port left out).
 */
export function publicOriginsFrom(name: string, value: string | undefined): string[] {
  const text = (value ?? '').trim();
  if (text === '') return [];
  return text.split(',').map((entry) => {
    const candidate = entry.trim().replace(/\/$/, '');
    let url: URL | undefined;
    try {
      url = new URL(candidate);
    } catch {
      url = undefined;
    }
    const originOnly =
      url !== undefined &&
      ['http:', 'https:'].includes(url.protocol) &&
      url.pathname === '/' &&
      url.search === '' &&
      url.hash === '' &&
      url.username === '' &&
      url.password === '' &&
      !candidate.endsWith('?') &&
      !candidate.endsWith('#');
    if (!url || !originOnly) {
      throw new Error(
        `${name} must be a comma-separated list of origins such as https://tupu.example.cn or ` +
          `http://10.0.0.5:8080 (scheme, host and port only); "${entry.trim()}" in "${value}" is not one`,
      );
    }
    return url.origin;
  });
}

function intFrom(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
}

/** The product's own folder (this file is src/config.ts, or dist/config.js once built: one level down either way). */
const PRODUCT_DIR = fileURLToPath(new URL('..', import.meta.url));

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
    packsDir: env.TUPU_PACKS_DIR ? resolve(env.TUPU_PACKS_DIR) : resolve(PRODUCT_DIR, 'packs'),
    webDir: env.TUPU_WEB_DIR ? resolve(env.TUPU_WEB_DIR) : resolve(PRODUCT_DIR, 'dist/web'),
    logLevel: env.TUPU_LOG_LEVEL || 'warn',
    signInMaxFailures: intFrom('TUPU_SIGNIN_MAX_FAILURES', env.TUPU_SIGNIN_MAX_FAILURES, 5),
    signInMaxFailuresPerIp: intFrom(
      'TUPU_SIGNIN_MAX_FAILURES_PER_IP',
      env.TUPU_SIGNIN_MAX_FAILURES_PER_IP,
      50,
    ),
    signInMaxDelayMinutes: intFrom('TUPU_SIGNIN_MAX_DELAY_MINUTES', env.TUPU_SIGNIN_MAX_DELAY_MINUTES, 15),
    trustProxy: trustProxyFrom('TUPU_TRUST_PROXY', env.TUPU_TRUST_PROXY),
    backupPassphrase: backupPassphraseFrom(env),
    publicOrigins: publicOriginsFrom('TUPU_PUBLIC_ORIGIN', env.TUPU_PUBLIC_ORIGIN),
    orgStorageQuotaMb: intFrom('TUPU_ORG_STORAGE_QUOTA_MB', env.TUPU_ORG_STORAGE_QUOTA_MB, 1024),
  };
  solverThreadLimit(env); // validates TUPU_SOLVER_THREADS at start-up (the solver reads it on first use)
  if (config.databaseUrl && !/^postgres(ql)?:\/\//.test(config.databaseUrl)) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  }
  return { ...config, ...overrides };
}
