import type { Db } from '../../db/client.ts';
import { notFound } from '../../server/app-error.ts';
import type { LoadedAssessment } from './load-assessment.ts';
import {
  deleteEvidence,
  evidenceContent,
  findEvidence,
  type StoredEvidence,
} from './repositories/evidence.ts';

/** An evidence file of the assessment and its bytes as they are read, a megabyte at a time; 404 for none. */
export async function openEvidence(
  db: Db,
  loaded: LoadedAssessment,
  evidenceId: string,
): Promise<{ file: StoredEvidence; content: AsyncIterable<Buffer> }> {
  const { row, scope } = loaded;
  const file = await findEvidence(db, scope.tenant, row.id, evidenceId);
  if (!file) throw notFound('Evidence file');
  return { file, content: evidenceContent(db, scope.tenant, file) };
}

/** Remove an evidence file of the assessment; 404 for none. */
export async function removeEvidence(db: Db, loaded: LoadedAssessment, evidenceId: string): Promise<void> {
  if (!(await deleteEvidence(db, loaded.scope.tenant, loaded.row.id, evidenceId)))
    throw notFound('Evidence file');
}
