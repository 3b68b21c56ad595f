import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from './app-error.ts';
import { boundDetails, boundText, MAX_MESSAGE } from './error-bounds.ts';

import type { ErrorBody } from '../contracts/auth.ts';

/** The one error shape, bounded (src/server/error-bounds.ts): an answer stays a few KB whatever the request was. */
const body = (code: string, message: string, details: unknown = null, ownRecord = false): ErrorBody => ({
  error: {
    code,
    message: boundText(message, MAX_MESSAGE),
    details: ownRecord ? details : boundDetails(details),
  },
});

/** Fastify's own error codes, mapped to our codes and messages. */
const FASTIFY_ERRORS: Record<string, { status: number; code: string; message: (e: FastifyError) => string }> =
  {
    FST_ERR_CTP_BODY_TOO_LARGE: {
      status: 413,
      code: 'payload_too_large',
      message: () => 'The request body is larger than the server accepts',
    },
    FST_ERR_CTP_INVALID_JSON_BODY: {
      status: 400,
      code: 'invalid_json',
      message: (e) => `The request body is not valid JSON: ${e.message}`,
    },
    FST_ERR_CTP_EMPTY_JSON_BODY: {
      status: 400,
      code: 'invalid_json',
      message: () => 'The request body is empty but its content type says JSON',
    },
    FST_ERR_CTP_INVALID_MEDIA_TYPE: {
      status: 415,
      code: 'unsupported_media_type',
      message: () => 'This content type is not accepted here; send application/json',
    },
  };

/** The one place where every failure becomes `{ error: { code, message, details } }`. */
export function installErrorHandling(app: FastifyInstance, options: { spaIndex?: boolean } = {}): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.statusCode).send(body(err.code, err.message, err.details, err.ownRecord));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        where: err.validationContext ?? 'request',
        path: v.instancePath,
        message: v.message ?? 'invalid',
      }));
      const first = details[0];
      const more = details.length > 1 ? ` (and ${details.length - 1} more problems)` : '';
      const message = first
        ? `Invalid ${first.where}${first.path ? ` at ${first.path}` : ''}: ${boundText(first.message)}${more}`
        : 'Invalid request';
      return reply.status(400).send(body('validation_error', message, details));
    }
    const known = err.code ? FASTIFY_ERRORS[err.code] : undefined;
    if (known) return reply.status(known.status).send(body(known.code, known.message(err)));
    if (err instanceof SyntaxError && err.statusCode === 400) {
      return reply
        .status(400)
        .send(body('invalid_json', `The request body is not valid JSON: ${err.message}`));
    }
    // logged redacted (src/server/log-redaction.ts): never the body, the query's parameters, a hash or file bytes
    const where = { route: request.routeOptions.url ?? null, method: request.method };
    if (isResponseSerializationError(err)) {
      request.log.error({ err, ...where }, 'response did not match its schema');
      return reply.status(500).send(body('internal_error', 'The server produced an invalid response'));
    }
    if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send(body(err.code?.toLowerCase() ?? 'bad_request', err.message));
    }
    request.log.error({ err, ...where }, 'unhandled error');
    return reply
      .status(500)
      .send(body('internal_error', 'Something went wrong on the server; it has been logged'));
  });

  app.setNotFoundHandler((request, reply) => {
    // a client-side route of the web app (/atlas/…, /plan/…) gets the app's index.html
    if (options.spaIndex && request.method === 'GET' && !request.url.startsWith('/api/')) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply
      .status(404)
      .send(body('not_found', `No route for ${request.method} ${request.url.split('?')[0] ?? ''}`));
  });
}
