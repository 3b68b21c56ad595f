import { Agent, request } from 'node:http';

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
}

/**
 * Closed-loop load on loopback: `connections` keep-alive clients each send the next request as soon as the
 * previous one answers, for `seconds`. Bounded in time and only ever aimed at 127.0.0.1.
 */
export async function load(
  url: string,
  options: { connections?: number; seconds?: number; headers?: Record<string, string> } = {},
): Promise<LoadResult> {
  const target = new URL(url);
  if (target.hostname !== '127.0.0.1' && target.hostname !== 'localhost')
    throw new Error('load() only targets loopback');
  const connections = options.connections ?? 16;
  const seconds = options.seconds ?? 3;
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const deadline = performance.now() + seconds * 1000;
  let requests = 0;
  let errors = 0;
  const once = () =>
    new Promise<void>((resolve) => {
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname + target.search,
          agent,
          headers: options.headers,
        },
        (res) => {
          if (res.statusCode !== 200) errors++;
          res.resume();
          res.on('end', () => resolve());
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end();
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        await once();
        requests++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests, errors, seconds: elapsed, perSecond: requests / elapsed };
}
