/**
 * Evidence files (佐证材料) — of assessment items and of projects' checklist items — kept in the database in chunks of EVIDENCE_CHUNK_BYTES.
 *
 * Why chunks in the database rather than files under the data folder: the database stays the only state, so several
 * instances behind a load balancer share one PostgreSQL and see the same files, and `tupu backup`/`restore` carry the
 * evidence like every other table. Why chunks rather than one bytea per file: the embedded PGlite runs in the
 * server's own thread on a single connection, and one 20 MB bytea parameter held both for ~4 s (a 20 MB read for
 * ~1.6 s; see bench/uploads.bench.ts). A chunk of 256 KB, sent as base64 text and decoded by the database, takes a few
 * milliseconds, so other requests interleave between chunks; PostgreSQL gets the same statements.
 *
 * Nothing is half-stored: a file's row is written first as not `complete` (never listed or served), its chunks next
 * as the body streams in, and then in one statement it is marked complete with its size and SHA-256 — only if the
 * organisation's complete files and it stay within the storage quota. Any failure (too large, over the quota, the
 * client gone) deletes the row and, by cascade, its chunks; rows left by a crash are removed an hour later.
 * Files stored before chunking keep their bytes in `evidence_files.content` and are served from there.
 */
import { and, asc, eq, gte, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { Db } from './client.ts';
import { queryRows } from './client.ts';
import type { TenantId } from '../server/access/tenant.ts';
import { evidenceChunks, evidenceFiles } from './schema.ts';

export const EVIDENCE_CHUNK_BYTES = 256 * 1024;
/** Chunks read per query when a file is downloaded (1 MB). */
const CHUNKS_PER_READ = 4;

export type EvidenceRow = typeof evidenceFiles.$inferSelect;
export type EvidenceInfo = Omit<EvidenceRow, 'content' | 'orgId' | 'assessmentId' | 'projectId' | 'complete'>;

/**
 * What a file belongs to: an assessment or a project (of the same organisation). A feature's own repository keys
 * its files by it; the storage, the quota (the organisation's files of both kinds) and the chunks are shared.
 */
export type EvidenceOwner = { assessmentId: string } | { projectId: string };

const ownedBy = (owner: EvidenceOwner) =>
  'assessmentId' in owner
    ? eq(evidenceFiles.assessmentId, owner.assessmentId)
    : eq(evidenceFiles.projectId, owner.projectId);
/** A stored file, with the bytes it keeps inline (files stored before chunking; 0 for chunked ones). */
export type StoredEvidence = EvidenceInfo & { inlineBytes: number };

/**
 * Lets other requests in between two chunks: PGlite answers in the same thread and its promises resolve as
 * microtasks, so without this a run of chunk queries would never give the event loop back (measured: 1.3 s).
 */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

const evidenceInfo = {
  id: evidenceFiles.id,
  itemId: evidenceFiles.itemId,
  fileName: evidenceFiles.fileName,
  mediaType: evidenceFiles.mediaType,
  size: evidenceFiles.size,
  sha256: evidenceFiles.sha256,
  uploadedBy: evidenceFiles.uploadedBy,
  uploadedAt: evidenceFiles.uploadedAt,
};

const fileOf = (tenant: TenantId, owner: EvidenceOwner, id: string) =>
  and(
    eq(evidenceFiles.orgId, tenant),
    ownedBy(owner),
    eq(evidenceFiles.id, id),
    eq(evidenceFiles.complete, true),
  );

/** Bytes of evidence the organisation keeps (its complete files). */
export async function evidenceBytesUsed(db: Db, tenant: TenantId): Promise<number> {
  const [row] = await db
    .select({ used: sql<number>`coalesce(sum(${evidenceFiles.size}), 0)::bigint`.mapWith(Number) })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.orgId, tenant), eq(evidenceFiles.complete, true)));
  return row?.used ?? 0;
}

export type NewEvidence = EvidenceOwner & {
  /** the item within the owner (an assessment item; a project's `<checklistId>.<itemId>`) */
  itemId: string;
  fileName: string;
  mediaType: string;
  uploadedBy: string | null;
};

export type StoreOutcome =
  { stored: EvidenceInfo } | { overQuota: { used: number; size: number; limit: number } };

/**
 * Stores a file from `content` (the request body as it arrives) in chunks; the SHA-256 is computed on the way. An
 * error thrown by `content` (the caller's size limits) or by the database leaves nothing stored and is rethrown.
 */
export async function storeEvidence(
  db: Db,
  tenant: TenantId,
  file: NewEvidence,
  content: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  quotaBytes: number,
): Promise<StoreOutcome> {
  await db
    .delete(evidenceFiles)
    .where(
      and(
        eq(evidenceFiles.orgId, tenant),
        eq(evidenceFiles.complete, false),
        sql`${evidenceFiles.uploadedAt} < now() - interval '1 hour'`,
      ),
    );
  const [row] = await db
    .insert(evidenceFiles)
    .values({ ...file, orgId: tenant, size: 0, sha256: '', content: Buffer.alloc(0), complete: false })
    .returning({ id: evidenceFiles.id });
  if (!row) throw new Error('insert into evidence_files returned no row');
  const { id } = row;
  try {
    const hash = createHash('sha256');
    let size = 0;
    let seq = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async (all: boolean) => {
      const joined = Buffer.concat(pending);
      let at = 0;
      for (; joined.length - at >= EVIDENCE_CHUNK_BYTES || (all && at < joined.length);) {
        const chunk = joined.subarray(at, at + EVIDENCE_CHUNK_BYTES);
        await db.insert(evidenceChunks).values({
          orgId: tenant,
          evidenceId: id,
          seq: seq++,
          // base64 text decoded by the database: a bytea parameter is ~10× slower on PGlite (see the header)
          content: sql`decode(${chunk.toString('base64')}, 'base64')`,
        });
        at += chunk.length;
        await yieldToEventLoop();
      }
      pending = at < joined.length ? [joined.subarray(at)] : [];
      pendingBytes = joined.length - at;
    };
    for await (const piece of content) {
      hash.update(piece);
      size += piece.length;
      pending.push(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
      pendingBytes += piece.length;
      if (pendingBytes >= EVIDENCE_CHUNK_BYTES) await flush(false);
    }
    await flush(true);
    const others = sql`(select coalesce(sum(${evidenceFiles.size}), 0) from ${evidenceFiles}
      where ${evidenceFiles.orgId} = ${tenant} and ${evidenceFiles.complete} and ${evidenceFiles.id} <> ${id})`;
    const [done] = await db
      .update(evidenceFiles)
      .set({ size, sha256: hash.digest('hex'), complete: true })
      .where(and(eq(evidenceFiles.id, id), sql`${others} + ${size}::bigint <= ${quotaBytes}::bigint`))
      .returning(evidenceInfo);
    if (done) return { stored: done };
    await db.delete(evidenceFiles).where(eq(evidenceFiles.id, id));
    return { overQuota: { used: await evidenceBytesUsed(db, tenant), size, limit: quotaBytes } };
  } catch (err) {
    await db.delete(evidenceFiles).where(eq(evidenceFiles.id, id));
    throw err;
  }
}

export async function listEvidence(db: Db, tenant: TenantId, owner: EvidenceOwner): Promise<EvidenceInfo[]> {
  return db
    .select(evidenceInfo)
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.orgId, tenant), ownedBy(owner), eq(evidenceFiles.complete, true)))
    .orderBy(asc(evidenceFiles.uploadedAt));
}

/** A complete evidence file's details (not its bytes: see evidenceContent). */
export async function findEvidence(
  db: Db,
  tenant: TenantId,
  owner: EvidenceOwner,
  id: string,
): Promise<StoredEvidence | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select({
      ...evidenceInfo,
      inlineBytes: sql<number>`octet_length(${evidenceFiles.content})`.mapWith(Number),
    })
    .from(evidenceFiles)
    .where(fileOf(tenant, owner, id))
    .limit(1);
  return row;
}

/** The bytes of a stored file, about a megabyte per query, so that a download never holds the database for long. */
export async function* evidenceContent(
  db: Db,
  tenant: TenantId,
  file: StoredEvidence,
): AsyncGenerator<Buffer> {
  if (file.inlineBytes > 0) {
    const slice = CHUNKS_PER_READ * EVIDENCE_CHUNK_BYTES;
    for (let start = 0; start < file.inlineBytes; start += slice) {
      const [row] = await queryRows<{ data: string }>(
        db,
        sql`select encode(substring(${evidenceFiles.content} from ${start + 1}::int for ${slice}::int), 'base64') as data
            from ${evidenceFiles} where ${evidenceFiles.orgId} = ${tenant} and ${evidenceFiles.id} = ${file.id}`,
      );
      if (!row) return;
      yield Buffer.from(row.data, 'base64');
      await yieldToEventLoop();
    }
    return;
  }
  for (let from = 0; ; from += CHUNKS_PER_READ) {
    const rows = await db
      .select({ data: sql<string>`encode(${evidenceChunks.content}, 'base64')` })
      .from(evidenceChunks)
      .where(
        and(
          eq(evidenceChunks.orgId, tenant),
          eq(evidenceChunks.evidenceId, file.id),
          gte(evidenceChunks.seq, from),
        ),
      )
      .orderBy(asc(evidenceChunks.seq))
      .limit(CHUNKS_PER_READ);
    for (const row of rows) yield Buffer.from(row.data, 'base64');
    if (rows.length < CHUNKS_PER_READ) return;
    await yieldToEventLoop();
  }
}

export async function deleteEvidence(
  db: Db,
  tenant: TenantId,
  owner: EvidenceOwner,
  id: string,
): Promise<boolean> {
  if (!isUuid(id)) return false;
  const done = await db
    .delete(evidenceFiles)
    .where(fileOf(tenant, owner, id))
    .returning({ id: evidenceFiles.id });
  return done.length > 0;
}
