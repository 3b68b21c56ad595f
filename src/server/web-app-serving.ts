import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Hashed assets change name when their content changes: a browser may keep them for a year without asking. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html, which names the current assets): kept, but revalidated (ETag) on every use. */
export const REVALIDATE = 'no-cache';

/** `assets/<name>-<hash>.<ext>`, as Vite names its output (the hash: 8 characters of base64url). */
const HASHED_ASSET = /^assets\/[^/]+-[\w-]{8}\.[a-z0-9]+$/i;

/** The Cache-Control header for a file of the web build, given its path relative to the build folder. */
export function webCacheControl(relativePath: string): string {
  const logical = relativePath
    .split(sep)
    .join('/')
    .replace(/\.(br|gz)$/, '');
  return HASHED_ASSET.test(logical) ? IMMUTABLE : REVALIDATE;
}

/**
 * Serve the built web app (dist/web): each file's brotli or gzip variant written beside it at build time
 * (web/vite.config.ts) when the browser accepts it — `Vary: Accept-Encoding` on every answer — else the file
 * itself; hashed assets cached as immutable, index.html revalidated. The not-found handler answers client-side
 * routes with index.html (error-handler.ts), through the same plugin, so it is compressed and revalidated too.
 */
export async function serveWebApp(app: FastifyInstance, webDir: string): Promise<boolean> {
  if (!existsSync(join(webDir, 'index.html'))) {
    app.log.warn(`no web build at ${webDir}; run "npm run build:web" to serve the web app`);
    return false;
  }
  await app.register(fastifyStatic, {
    root: webDir,
    // files are looked up per request, so a rebuilt web app is served without a restart
    wildcard: true,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', webCacheControl(relative(webDir, path)));
    },
  });
  return true;
}
