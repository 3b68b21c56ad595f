/**
 * A signal that aborts when the client goes away before its response is sent (the browser tab closed, the request
 * cancelled), so long work done for that request — a plan solve — can stop instead of running for nobody.
 */
import type { FastifyReply } from 'fastify';

export function requestAborted(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished)
      controller.abort(new DOMException('the client closed the request', 'AbortError'));
  });
  return controller.signal;
}
