/**
 * The template of a new embedded database: the data folder of an empty PGlite cluster with every migration of the
 * build applied, shut down cleanly, packed in one gzipped file by `npm run build` (src/db/make-database-template.ts) and
 * unpacked into a new data folder by openDatabase instead of running initdb (about 6 s and a 500 MB WASM heap in a
 * child process) and the migrations. Copying a cleanly shut-down cluster's folder is how PostgreSQL itself copies a
 * cluster offline; the template holds no rows and no secret (the first admin is created per folder afterwards).
 *
 * The pack is plain: gzip of a 4-byte big-endian header length, a JSON header `{ pglite, entries }` (each entry a
 * folder `[path]` or a file `[path, bytes]`, paths relative with `/`), then the files' bytes in header order. Not a
 * tar: PostgreSQL needs its empty folders (pg_tblspc, pg_wal/archive_status …), which npm pack would drop from a
 * shipped folder tree, and Node has no tar reader.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

type Entry = readonly [path: string] | readonly [path: string, bytes: number];

interface Header {
  /** the PGlite version that wrote the cluster: a template is used only with the same PGlite */
  readonly pglite: string;
  readonly entries: readonly Entry[];
}

/** Written last on unpacking: a folder without it is not a cluster yet (see openDatabase), so a cut-off copy is redone. */
const MARKER = 'PG_VERSION';

/** The version of the PGlite package installed beside this code. */
export function installedPgliteVersion(): string {
  const packageJson = join(
    fileURLToPath(import.meta.resolve('@electric-sql/pglite')),
    '..',
    '..',
    'package.json',
  );
  const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: unknown };
  if (typeof version !== 'string') throw new Error(`no version in ${packageJson}`);
  return version;
}

/** Packs the cluster in `dataDir` (shut down) as a template, written by PGlite `pglite`. */
export function packDatabaseTemplate(dataDir: string, pglite: string): Buffer {
  const entries: Entry[] = [];
  const contents: Buffer[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      const name = relative(dataDir, path).split(sep).join('/');
      if (entry.isDirectory()) {
        entries.push([name]);
        walk(path);
      } else if (entry.isFile()) {
        const bytes = readFileSync(path);
        entries.push([name, bytes.length]);
        contents.push(bytes);
      } else throw new Error(`database template: ${path} is neither a file nor a folder`);
    }
  };
  walk(dataDir);
  const header = Buffer.from(JSON.stringify({ pglite, entries } satisfies Header));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return gzipSync(Buffer.concat([length, header, ...contents]));
}

/** The header of a packed template and where the files' bytes start. */
function readHeader(raw: Buffer): { header: Header; offset: number } {
  const length = raw.readUInt32BE(0);
  const header = JSON.parse(raw.subarray(4, 4 + length).toString('utf8')) as Header;
  return { header, offset: 4 + length };
}

/**
 * Unpacks `template` (packDatabaseTemplate's bytes) into `dataDir` when it was written by PGlite `pglite`; returns
 * false (nothing written) for another PGlite version. PG_VERSION is written last.
 */
export function unpackDatabaseTemplate(template: Buffer, dataDir: string, pglite: string): boolean {
  const raw = gunzipSync(template);
  const { header, offset } = readHeader(raw);
  if (header.pglite !== pglite) return false;
  let at = offset;
  let marker: { path: string; bytes: Buffer } | undefined;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  for (const entry of header.entries) {
    const path = join(dataDir, ...entry[0].split('/'));
    if (!path.startsWith(join(dataDir, sep)))
      throw new Error(`database template: ${entry[0]} leaves the data folder`);
    if (entry.length === 1) {
      mkdirSync(path, { recursive: true, mode: 0o700 });
      continue;
    }
    const bytes = raw.subarray(at, at + entry[1]);
    at += entry[1];
    if (entry[0] === MARKER) marker = { path, bytes };
    else writeFileSync(path, bytes, { mode: 0o600 });
  }
  if (at !== raw.length || !marker) throw new Error('database template: truncated or without PG_VERSION');
  writeFileSync(marker.path, marker.bytes, { mode: 0o600 });
  return true;
}
