/**
 * Refusals shared by the upload routes (assessments' and projects' evidence files, answer sheets): the per-file size limit, checked from the
 * Content-Length before the body is read and again as it streams in, and the organisation's storage quota.
 */
import type { FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { MAX_UPLOAD_BYTES } from '../contracts/diagnosis.ts';
import { AppError, badRequest } from './app-error.ts';

const MB = (n: number) => (n / 1024 / 1024).toFixed(1);

export const tooLarge = (size: number, soFar = false) =>
  new AppError(
    413,
    'file_too_large',
    `The file is ${soFar ? 'over ' : ''}${MB(size)} MB; files up to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB are accepted`,
    { size, limit: MAX_UPLOAD_BYTES },
  );

/** 413: storing `size` more bytes would take the organisation past its quota. Nothing was stored. */
export const quotaExceeded = (used: number, limit: number, size: number, soFar = false) =>
  new AppError(
    413,
    'storage_quota_exceeded',
    `Your organisation keeps ${MB(used)} MB of evidence files of its ${Math.round(limit / 1024 / 1024)} MB storage ` +
      `quota; this file (${soFar ? 'over ' : ''}${MB(size)} MB) would exceed it, so nothing was stored. Remove files ` +
      'that are no longer needed, or ask the administrator to raise TUPU_ORG_STORAGE_QUOTA_MB',
    { used, limit, size },
  );

/** Refuse an oversized upload from its Content-Length, before reading the body. */
export async function refuseOversized(request: FastifyRequest): Promise<void> {
  const length = Number(request.headers['content-length'] ?? 0);
  if (length > MAX_UPLOAD_BYTES) throw tooLarge(length);
}

export const noBody = () =>
  badRequest('Send the file as the request body with Content-Type: application/octet-stream');

/** The request body as a stream: refused when it goes over MAX_UPLOAD_BYTES or past `room` bytes of quota. */
export async function* limitedBody(
  body: AsyncIterable<Buffer>,
  quota: { used: number; limit: number },
): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const piece of body) {
    total += piece.length;
    if (total > MAX_UPLOAD_BYTES) throw tooLarge(total, true);
    if (quota.used + total > quota.limit) throw quotaExceeded(quota.used, quota.limit, total, true);
    yield piece;
  }
  if (total === 0) throw noBody();
}

/**
 * An upload's declared size and its body as it streams in (undefined when there is none). A refused body is left
 * for the server to drain, not destroyed: the client gets the 413, not a reset.
 */
export function uploadedBody(request: FastifyRequest): {
  declaredBytes: number;
  content: AsyncIterable<Buffer> | undefined;
} {
  const body = request.body;
  return {
    declaredBytes: Number(request.headers['content-length']),
    content:
      body instanceof Readable
        ? (body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>)
        : undefined,
  };
}
