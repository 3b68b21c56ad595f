/**
 * A signal that aborts when the client goes away before its response is sent (the browser tab closed, the request
 * cancelled), so long work done for that request — a plan solve — can stop instead of running for nobody.
 */
import { setMaxListeners } from 'node:events';
import type { FastifyReply } from 'fastify';

/**
 * One request's work may wait on this signal in many places at once — a plan solve with its budget frontier queues a
 * solver job per frontier point, each listening — past Node's default of 10, which would print a leak warning.
 */
const LISTENERS = 64;

export function requestAborted(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  setMaxListeners(LISTENERS, controller.signal);
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished)
      controller.abort(new DOMException('the client closed the request', 'AbortError'));
  });
  return controller.signal;
}
