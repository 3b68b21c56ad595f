/**
 * The one error every route throws for a failure it can name. The error handler (src/server/error-handler.ts)
 * turns it — and every other failure — into `{ error: { code, message, details } }` with the right status.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
    /**
     * The details are a record of the server's own (the current record of a stale save, which a client needs whole
     * to merge), not an echo of the request: they are sent as they are, without the error bounds.
     */
    readonly ownRecord = false,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string, details: unknown = null) =>
  new AppError(404, 'not_found', `${what} not found`, details);
export const badRequest = (message: string, details: unknown = null) =>
  new AppError(400, 'bad_request', message, details);
export const unauthorized = (message = 'Sign in first') => new AppError(401, 'unauthorized', message);
export const forbidden = (message = 'You do not have the role this needs') =>
  new AppError(403, 'forbidden', message);
