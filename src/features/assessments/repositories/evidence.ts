/**
 * Evidence files of assessment items: the shared evidence store (src/db/evidence-store.ts — chunks, quota, nothing
 * half-stored) keyed by the assessment.
 */
import type { Db } from '../../../db/client.ts';
import {
  deleteEvidence as deleteOwned,
  findEvidence as findOwned,
  listEvidence as listOwned,
  type EvidenceInfo,
  type StoredEvidence,
} from '../../../db/evidence-store.ts';
import type { TenantId } from '../../../server/access/tenant.ts';

export {
  EVIDENCE_CHUNK_BYTES,
  evidenceBytesUsed,
  evidenceContent,
  storeEvidence,
  type EvidenceInfo,
  type EvidenceRow,
  type NewEvidence,
  type StoredEvidence,
  type StoreOutcome,
} from '../../../db/evidence-store.ts';

export const listEvidence = (db: Db, tenant: TenantId, assessmentId: string): Promise<EvidenceInfo[]> =>
  listOwned(db, tenant, { assessmentId });

export const findEvidence = (
  db: Db,
  tenant: TenantId,
  assessmentId: string,
  id: string,
): Promise<StoredEvidence | undefined> => findOwned(db, tenant, { assessmentId }, id);

export const deleteEvidence = (
  db: Db,
  tenant: TenantId,
  assessmentId: string,
  id: string,
): Promise<boolean> => deleteOwned(db, tenant, { assessmentId }, id);
