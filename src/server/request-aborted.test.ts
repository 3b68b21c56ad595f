import { request } from 'node:http';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { requestAborted } from './request-aborted.ts';

const app = Fastify();
let seen: Promise<string> = Promise.resolve('none');
app.get('/slow', async (_request, reply) => {
  const signal = requestAborted(reply);
  seen = new Promise((resolve) => {
    const timer = setTimeout(() => resolve('finished'), 5000);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve(String((signal.reason as Error).name));
    });
  });
  return { result: await seen };
});
app.get('/fast', async (_request, reply) => {
  const signal = requestAborted(reply);
  await new Promise((resolve) => setTimeout(resolve, 10));
  return { aborted: signal.aborted };
});

afterAll(async () => {
  await app.close();
});

describe('requestAborted', () => {
  it('aborts when the client closes the connection before the answer, and not after a full answer', async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const started = performance.now();
    await new Promise<void>((resolve) => {
      const req = request({ host: '127.0.0.1', port, path: '/slow' });
      req.on('error', () => resolve());
      req.end();
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 200);
    });
    expect(await seen).toBe('AbortError');
    expect(performance.now() - started).toBeLessThan(3000);
    const fast = await fetch(`${address}/fast`);
    expect(await fast.json()).toEqual({ aborted: false });
  });
});
