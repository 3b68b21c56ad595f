import type { Db } from '../../db/client.ts';
import { badRequest } from '../../server/app-error.ts';
import type { LoadedAssessment } from './load-assessment.ts';
import { evidenceBytesUsed, storeEvidence, type EvidenceInfo } from './repositories/evidence.ts';
import { limitedBody, noBody, quotaExceeded } from './upload-limits.ts';

export interface EvidenceUpload {
  itemId: string;
  fileName: string;
  mediaType?: string | undefined;
  /** the Content-Length the client declared (NaN when none) */
  declaredBytes: number;
  /** the body as it streams in (undefined: none was sent) */
  content: AsyncIterable<Buffer> | undefined;
}

/**
 * Attach an evidence file to an item of the assessment: refused at once (413) when its declared size would take the
 * organisation past `quotaBytes`, and while it streams in when it goes over the per-file limit or the quota; nothing
 * is half-stored (repositories/evidence.ts).
 */
export async function addEvidence(
  db: Db,
  loaded: LoadedAssessment,
  upload: EvidenceUpload,
  quotaBytes: number,
): Promise<EvidenceInfo> {
  const { row, index, scope } = loaded;
  if (!index.items.has(upload.itemId)) throw badRequest(`unknown item "${upload.itemId}"`);
  if (!upload.content) throw noBody();
  const used = await evidenceBytesUsed(db, scope.tenant);
  const declared = upload.declaredBytes;
  if (Number.isFinite(declared) && used + declared > quotaBytes)
    throw quotaExceeded(used, quotaBytes, declared);
  const outcome = await storeEvidence(
    db,
    scope.tenant,
    {
      assessmentId: row.id,
      itemId: upload.itemId,
      fileName: upload.fileName,
      mediaType: upload.mediaType && upload.mediaType !== '' ? upload.mediaType : 'application/octet-stream',
      uploadedBy: scope.userId,
    },
    limitedBody(upload.content, { used, limit: quotaBytes }),
    quotaBytes,
  );
  if ('overQuota' in outcome) {
    const { used: now, size, limit } = outcome.overQuota;
    throw quotaExceeded(now, limit, size);
  }
  return outcome.stored;
}
