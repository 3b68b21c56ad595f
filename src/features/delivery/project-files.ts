/**
 * Evidence files of a project's checklist items, in the evidence store the assessments use (src/db/evidence-store.ts:
 * chunks in the database, the organisation's one storage quota, nothing half-stored) with the same upload limits
 * (src/server/upload-limits.ts). An upload is refused (writing nothing) for an item the pack does not have, a gate
 * already passed, or — for an invited provider — a checklist its rights do not cover; a file a tick references
 * cannot be removed until the item is unticked. Uploads do not take the project's row lock: a 20 MB body must not
 * hold it, and a file changes no part of the project's version.
 */
import { tickProblems } from '../../core/delivery/gates.ts';
import type { Db } from '../../db/client.ts';
import {
  deleteEvidence,
  evidenceBytesUsed,
  evidenceContent,
  findEvidence,
  storeEvidence,
  type EvidenceInfo,
  type StoredEvidence,
} from '../../db/evidence-store.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { AppError, notFound } from '../../server/app-error.ts';
import { limitedBody, noBody, quotaExceeded } from '../../server/upload-limits.ts';
import type { DeliveryDeps, Writer } from './deps.ts';
import { requireInvitedRight } from './invited-rights.ts';
import { refused } from './project-facts.ts';
import { found } from './show-project.ts';

/** The evidence store's item id of a project's checklist item. */
export const projectFileItem = (checklistId: string, itemId: string) => `${checklistId}.${itemId}`;
/** The reference a tick keeps of an uploaded file. */
export const fileReference = (fileId: string) => `file:${fileId}`;

export interface ProjectFileUpload {
  checklistId: string;
  itemId: string;
  fileName: string;
  mediaType?: string | undefined;
  /** the Content-Length the client declared (NaN when none) */
  declaredBytes: number;
  /** the body as it streams in (undefined: none was sent) */
  content: AsyncIterable<Buffer> | undefined;
}

export async function addProjectFile(
  deps: DeliveryDeps,
  tenant: TenantId,
  writer: Writer,
  projectId: string,
  upload: ProjectFileUpload,
  quotaBytes: number,
): Promise<EvidenceInfo> {
  const { checklistId, itemId } = upload;
  requireInvitedRight(deps.pack, writer, { kind: 'checklist', id: checklistId });
  const bundle = found(await deps.repo.findProject(tenant, projectId));
  // an unknown list or item (the evidence given here stands for the file, so only the names are checked)
  const problems = tickProblems(deps.pack, { checklistId, itemId, evidence: ['file'] });
  if (problems.length > 0) throw refused('invalid_file', problems);
  if (bundle.passes.some((p) => p.gateId === checklistId)) throw gateClosed(checklistId);
  if (!upload.content) throw noBody();
  const db = deps.repo.db;
  const used = await evidenceBytesUsed(db, tenant);
  if (Number.isFinite(upload.declaredBytes) && used + upload.declaredBytes > quotaBytes)
    throw quotaExceeded(used, quotaBytes, upload.declaredBytes);
  const outcome = await storeEvidence(
    db,
    tenant,
    {
      projectId,
      itemId: projectFileItem(checklistId, itemId),
      fileName: upload.fileName,
      mediaType: upload.mediaType && upload.mediaType !== '' ? upload.mediaType : 'application/octet-stream',
      uploadedBy: writer.userId,
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

/** A file of the project and its bytes as they are read, a megabyte at a time; 404 for none. */
export async function openProjectFile(
  db: Db,
  tenant: TenantId,
  projectId: string,
  fileId: string,
): Promise<{ file: StoredEvidence; content: AsyncIterable<Buffer> }> {
  const file = await findEvidence(db, tenant, { projectId }, fileId);
  if (!file) throw notFound('File');
  return { file, content: evidenceContent(db, tenant, file) };
}

/** Removes a file of the project: 404 for none, 409 while a tick references it or its gate has passed. */
export async function removeProjectFile(
  deps: DeliveryDeps,
  tenant: TenantId,
  writer: Writer,
  projectId: string,
  fileId: string,
): Promise<void> {
  const db = deps.repo.db;
  const bundle = found(await deps.repo.findProject(tenant, projectId));
  const file = bundle.files.find((f) => f.id === fileId);
  if (!file) throw notFound('File');
  const [checklistId = ''] = file.itemId.split('.');
  requireInvitedRight(deps.pack, writer, { kind: 'checklist', id: checklistId });
  if (bundle.passes.some((p) => p.gateId === checklistId)) throw gateClosed(checklistId);
  const ticking = bundle.ticks.find((t) => (t.evidence as string[]).includes(fileReference(fileId)));
  if (ticking)
    throw new AppError(
      409,
      'file_in_use',
      `“${file.fileName}” is the evidence of the ticked item ${ticking.checklistId}.${ticking.itemId}: untick it first; nothing was removed`,
      { field: `checklists.${ticking.checklistId}.${ticking.itemId}` },
    );
  if (!(await deleteEvidence(db, tenant, { projectId }, fileId))) throw notFound('File');
}

const gateClosed = (gateId: string) =>
  new AppError(409, 'gate_passed', `Gate “${gateId}” has passed: its checklist is closed; nothing was saved`);
