import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Files worth compressing: text (images and fonts are compressed already). */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;

/**
 * Writes `<file>.br` and `<file>.gz` beside every text file of a web build, for the server to send as they are
 * (web-app-serving.ts) rather than compress each response. Run by the web build (web/vite.config.ts) once the
 * bundle is written. Brotli at its best quality: done once per build, a few seconds, ~20% smaller than gzip. A
 * variant that would not be smaller than its file is not written (the file itself is then sent). Returns the
 * files compressed, relative to `dir`.
 */
export function precompressWebBuild(dir: string): string[] {
  const done: string[] = [];
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(folder, e.name)) : [join(folder, e.name)],
    );
  for (const file of walk(dir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const bytes = readFileSync(file);
    const variants = {
      br: brotliCompressSync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
      gz: gzipSync(bytes, { level: 9 }),
    };
    for (const [ext, compressed] of Object.entries(variants)) {
      if (compressed.length < bytes.length) writeFileSync(`${file}.${ext}`, compressed);
    }
    done.push(file.slice(dir.length + 1));
  }
  return done;
}
