/**
 * API throughput: requests per second of /api/health and of an authenticated read (/api/auth/me), each as a
 * ratio to a bare Fastify route on the same machine in the same run.
 */
import Fastify from 'fastify';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { DEMO_PASSWORD, seedDemoRegion } from '../src/db/seed/demo-region.ts';
import { buildApp } from '../src/server/app.ts';
import { hashPassword } from '../src/features/auth/password.ts';
import { load } from './support/load.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);

export default async function bench(): Promise<void> {
  const bare = Fastify({ logger: false });
  bare.get('/bare', () => ({ status: 'ok' }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/bare`;

  const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: 'memory://' });
  await seedDemoRegion(database.db, hashPassword);
  const app = await buildApp({
    config: loadConfig({ TUPU_LOG_LEVEL: 'silent', TUPU_WEB_DIR: '/nonexistent' }),
    database,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const signIn = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'cio@demo.tupu.local', password: DEMO_PASSWORD }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

  await load(bareUrl, { seconds: 1 }); // warm-up
  const baseline = await load(bareUrl, { seconds: SECONDS });
  const health = await load(`${base}/api/health`, { seconds: SECONDS });
  const me = await load(`${base}/api/auth/me`, { seconds: SECONDS, headers: { cookie } });

  const row = (name: string, r: { perSecond: number; errors: number }) =>
    `${name.padEnd(34)} ${r.perSecond.toFixed(0).padStart(8)} req/s  ratio ${(r.perSecond / baseline.perSecond).toFixed(3)}  errors ${r.errors}`;
  console.log(`database: ${database.engine}, ${SECONDS} s per run, 16 keep-alive connections on loopback`);
  console.log(row('baseline: bare Fastify route', baseline));
  console.log(row('GET /api/health (select 1)', health));
  console.log(row('GET /api/auth/me (session + joins)', me));

  await app.close();
  await database.close();
  await bare.close();
}
