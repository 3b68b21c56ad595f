/**
 * POST /api/ledgers/uploads: a ledger file received (within the upload limit, refused past it as it streams in), read
 * in a worker thread for its header and first rows, kept for its import, and a column mapping proposed — the one an
 * earlier import of the same layout used (`remembered`), else a guess from the catalogue's field names.
 */
import { createHash } from 'node:crypto';
import { MAX_UPLOAD_BYTES } from '../../contracts/diagnosis.ts';
import { PREVIEW_ROWS, type LedgerMapping, type LedgerUploadPreview } from '../../contracts/evaluation.ts';
import { layoutKey, proposeMapping } from '../../core/ledger/propose-mapping.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { AppError } from '../../server/app-error.ts';
import { tooLarge } from '../../server/upload-limits.ts';
import type { EvaluationDeps } from './deps.ts';
import { ledgerFormat, noFile, unreadable, withTempFile } from './ledger-file.ts';
import { readLedgerInWorker } from './read-in-worker.ts';
import {
  deleteExpiredUploads,
  findImportOfFile,
  findMapping,
  insertUpload,
  pendingUploadBytes,
} from './repository.ts';

/** How long an upload is kept for its import. */
export const UPLOAD_HOURS = 24;
/** Bytes of uploads an organisation may have waiting for their import at once (they are kept a day). */
export const PENDING_UPLOAD_BYTES = 200 * 1024 * 1024;

export const layoutSignature = (headers: readonly string[]) =>
  createHash('sha256').update(layoutKey(headers)).digest('hex').slice(0, 32);

async function wholeBody(content: AsyncIterable<Buffer> | undefined): Promise<Buffer> {
  if (!content) throw noFile();
  const pieces: Buffer[] = [];
  let total = 0;
  for await (const piece of content) {
    total += piece.length;
    if (total > MAX_UPLOAD_BYTES) throw tooLarge(total, true);
    pieces.push(piece);
  }
  if (total === 0) throw noFile();
  return Buffer.concat(pieces);
}

export async function uploadLedger(
  deps: EvaluationDeps,
  tenant: TenantId,
  userId: string,
  input: { fileName: string; content: AsyncIterable<Buffer> | undefined },
): Promise<LedgerUploadPreview> {
  const bytes = await wholeBody(input.content);
  const format = ledgerFormat(input.fileName, bytes.subarray(0, 4));
  const read = await withTempFile(bytes, format, (path) =>
    readLedgerInWorker({ path, format, sample: PREVIEW_ROWS }),
  );
  if (!read.ok) throw unreadable(input.fileName, read);

  const layout = layoutSignature(read.headers);
  const { catalogue, db } = deps;
  const remembered = await findMapping(db, tenant, layout);
  const rememberedMapping = remembered?.mapping as LedgerMapping | undefined;
  const usable =
    rememberedMapping &&
    [rememberedMapping.date, ...Object.values(rememberedMapping.fields)].every((h) =>
      read.headers.includes(h),
    );
  let columns: LedgerUploadPreview['columns'];
  let mapping: LedgerMapping | null;
  let kind: LedgerUploadPreview['kind'];
  if (usable) {
    const targetOf = new Map<string, string>([
      [rememberedMapping.date, 'date'],
      ...Object.entries(rememberedMapping.fields).map(([f, h]) => [h, f] as [string, string]),
    ]);
    columns = read.headers.map((header) => {
      const target = targetOf.get(header) ?? null;
      return { header, target, confidence: target === null ? 0 : 1 };
    });
    mapping = rememberedMapping;
    kind = remembered!.kind as LedgerUploadPreview['kind'];
  } else {
    const proposal = proposeMapping(read.headers, read.sample, catalogue.fields);
    columns = proposal.columns;
    mapping = proposal.mapping ?? null;
    kind = proposal.kind ?? null;
  }

  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const earlier = await findImportOfFile(db, tenant, sha256);
  const now = deps.now();
  await deleteExpiredUploads(db, tenant, now);
  const pending = await pendingUploadBytes(db, tenant, now);
  if (pending + bytes.length > PENDING_UPLOAD_BYTES)
    throw new AppError(
      413,
      'uploads_pending',
      `Your organisation has ${(pending / 1024 / 1024).toFixed(1)} MB of ledger uploads not yet imported; with this ` +
        `file it would pass ${PENDING_UPLOAD_BYTES / 1024 / 1024} MB. Import them, or wait a day for them to expire`,
      { pending, limit: PENDING_UPLOAD_BYTES },
    );
  const expiresAt = new Date(now.getTime() + UPLOAD_HOURS * 3_600_000);
  const upload = await insertUpload(
    db,
    tenant,
    {
      fileName: input.fileName,
      format,
      size: bytes.length,
      sha256,
      layout,
      headers: read.headers,
      uploadedBy: userId,
      expiresAt,
    },
    bytes,
  );
  return {
    uploadId: upload.id,
    fileName: input.fileName,
    format,
    encoding: read.encoding,
    sheet: read.sheet,
    headers: read.headers,
    sampleRows: read.sample,
    rows: read.rows,
    layout,
    kind,
    columns,
    mapping,
    remembered: Boolean(usable),
    importedAs: earlier
      ? { id: earlier.id, fileName: earlier.fileName, importedAt: earlier.importedAt.toISOString() }
      : null,
    expiresAt: expiresAt.toISOString(),
  };
}
