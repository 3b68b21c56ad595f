import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './app-error.ts';

/** Methods that change something; the API answers every other method without looking at where it came from. */
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Body types the API reads: JSON everywhere, raw bytes for file uploads (evidence, answer sheets). */
const ACCEPTED_BODY_TYPES = new Set(['application/json', 'application/octet-stream']);

const crossOrigin = (message: string) => new AppError(403, 'cross_origin', message);

/** `origin` in the form browsers send it (lower case, default port left out), or undefined when it is none. */
function normalisedOrigin(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The origins this request may come from: the one its Host header and protocol name (a trusted proxy's
 * X-Forwarded-Host and X-Forwarded-Proto when TUPU_TRUST_PROXY says to believe it; Fastify reads them), and the
 * configured public origins.
 */
function ownOrigins(request: FastifyRequest, publicOrigins: readonly string[]): string[] {
  const own = request.host ? normalisedOrigin(`${request.protocol}://${request.host}`) : undefined;
  return [...new Set([...(own ? [own] : []), ...publicOrigins])];
}

/** Why a state-changing request is refused as cross-site, or undefined when it may go ahead. */
export function crossOriginProblem(
  request: FastifyRequest,
  publicOrigins: readonly string[],
): string | undefined {
  const what = `${request.method} ${request.url.split('?')[0] ?? ''}`;
  const origin = request.headers.origin;
  if (origin !== undefined) {
    const allowed = ownOrigins(request, publicOrigins);
    const normalised = normalisedOrigin(origin);
    if (normalised !== undefined && allowed.includes(normalised)) return undefined;
    return (
      `${what} was sent from the page at ${origin}, not from this server (${allowed.join(', ') || 'unknown'}); ` +
      'changes are only accepted from Tupu’s own pages. Behind a proxy, set TUPU_TRUST_PROXY or TUPU_PUBLIC_ORIGIN.'
    );
  }
  // no Origin (older browsers on same-origin requests, command-line clients): the browser's own marker decides
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') {
    return `${what} came from another site's page (Sec-Fetch-Site: ${site}); changes are only accepted from Tupu’s own pages`;
  }
  return undefined;
}

/** Why the body's Content-Type is refused, or undefined when the API reads it (or there is no body type). */
export function bodyTypeProblem(request: FastifyRequest): string | undefined {
  const type = request.headers['content-type'];
  if (type === undefined) return undefined;
  const essence = type.split(';')[0]?.trim().toLowerCase() ?? '';
  if (ACCEPTED_BODY_TYPES.has(essence)) return undefined;
  return (
    `${request.method} ${request.url.split('?')[0] ?? ''} was sent as ${essence || 'an empty Content-Type'}; ` +
    'the API accepts application/json (application/octet-stream for file uploads)'
  );
}

/**
 * Cross-site request protection: every POST, PUT, PATCH and DELETE (the API's, and any other path's) must come from Tupu's
 * own pages. With an Origin header, it must be this server's origin (or a TUPU_PUBLIC_ORIGIN); without one,
 * `Sec-Fetch-Site: cross-site` or `same-site` is refused; a request with neither (curl, the CLI, tests) passes,
 * since a browser always sends one of them on a cross-site POST. Refused: 403 `cross_origin`.
 *
 * And the body must be JSON or raw bytes: a form or `text/plain` body — which another page can send without a
 * CORS preflight — is refused with 415 `unsupported_media_type` before any route reads it (Fastify would otherwise
 * hand a text/plain body as a string to a route that declares no body, such as submit).
 */
export function installOriginCheck(app: FastifyInstance, publicOrigins: readonly string[]): void {
  app.addHook('onRequest', async (request) => {
    // every path, not only /api/: a check that depends on how the path is spelt could be walked around
    if (!STATE_CHANGING.has(request.method)) return;
    const problem = crossOriginProblem(request, publicOrigins);
    if (problem !== undefined) throw crossOrigin(problem);
    const bodyType = bodyTypeProblem(request);
    if (bodyType !== undefined) throw new AppError(415, 'unsupported_media_type', bodyType);
  });
}
