import type { FastifyServerOptions } from 'fastify';
import { boundText } from './error-bounds.ts';

/**
 * What the server logs, redacted by default. An error is logged by an allow-list of its fields — type, message,
 * code, status, the database's own fields naming a table, column or constraint, the stack frames and its causes —
 * never by all of them: a database error carries the query's text and parameters (a new user's scrypt hash, an
 * uploaded file's bytes, every text of the request), and its message repeats them. A request is logged as method
 * and path, without its query string, headers or body.
 */

/** An error as logged. */
export interface LoggedError {
  [field: string]: unknown;
  type: string;
  message: string;
  stack: string;
  code?: string;
  statusCode?: number;
  severity?: string;
  schema?: string;
  table?: string;
  column?: string;
  dataType?: string;
  constraint?: string;
  routine?: string;
  cause?: LoggedError;
}

const MAX_FRAMES = 20;
const MAX_CAUSES = 3;
/** fields of a PostgreSQL error (pg and PGlite) that name things of the schema, never values */
const DATABASE_FIELDS = [
  'severity',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'routine',
] as const;

/** Whether the error carries a query (drizzle's DrizzleQueryError, PGlite's errors): its message holds values. */
function carriesQuery(err: Error & Record<string, unknown>): boolean {
  return 'params' in err || 'parameters' in err || 'query' in err || err.message.startsWith('Failed query:');
}

/** A PostgreSQL error message, with the value some messages end with (`invalid input syntax …: "value"`) left out. */
function databaseMessage(message: string): string {
  return message.replace(/: ".*"$/s, ': "(value left out of the log)"');
}

/** The error's fields that may be logged (see the file's comment); `depth` counts causes. */
export function redactError(err: unknown, depth = 0): LoggedError {
  if (!(err instanceof Error))
    return { type: typeof err, message: 'a value that is not an Error was thrown', stack: '' };
  const e = err as Error & Record<string, unknown>;
  const isDatabase = typeof e.severity === 'string' || typeof e.routine === 'string';
  // a database error's own message names no parameter (but for the value some end with); a query error's repeats all
  const message = isDatabase
    ? boundText(databaseMessage(e.message), 300)
    : carriesQuery(e)
      ? 'Failed query (its text and parameters are left out of the log; see the cause)'
      : boundText(e.message, 300);
  const constructorName: unknown = e.constructor?.name;
  const out: LoggedError = {
    type: e.name === 'Error' && typeof constructorName === 'string' ? constructorName : e.name,
    message,
    stack: (e.stack ?? '')
      .split('\n')
      .filter((line) => /^\s+at /.test(line))
      .slice(0, MAX_FRAMES)
      .join('\n'),
  };
  if (typeof e.code === 'string' && e.code.length <= 64) out.code = e.code;
  if (typeof e.statusCode === 'number') out.statusCode = e.statusCode;
  if (isDatabase)
    for (const field of DATABASE_FIELDS) {
      const v = e[field];
      if (typeof v === 'string') out[field] = boundText(v, 100);
    }
  if (e.cause !== undefined && depth < MAX_CAUSES) out.cause = redactError(e.cause, depth + 1);
  return out;
}

type LoggedRequest = { method: string; url: string; hostname?: string; remoteAddress?: string };

/** A request as logged: method and path, without the query string (it may hold names, file names, tokens). */
function redactRequest(req: {
  method?: string;
  url?: string;
  hostname?: string;
  ip?: string;
}): LoggedRequest {
  return {
    method: req.method ?? '',
    url: (req.url ?? '').split('?')[0] ?? '',
    ...(req.hostname ? { hostname: req.hostname } : {}),
    ...(req.ip ? { remoteAddress: req.ip } : {}),
  };
}

/** Fastify's logger option: off when silent, else JSON lines to `stream` (standard output by default), redacted. */
export function loggerOptions(
  level: string,
  stream?: { write: (line: string) => void },
): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      err: (err) => redactError(err),
      req: redactRequest,
    },
    // belt and braces for a line logged with other keys than err and req
    redact: {
      paths: ['*.params', '*.parameters', '*.query', '*.body', '*.password', '*.passwordHash', '*.headers'],
      censor: '(left out of the log)',
    },
  };
}
