/** GET /api/ledgers/imports and DELETE /api/ledgers/imports/:id: the organisation's imports, newest first; one removed with its rows. */
import type { LedgerImportView } from '../../contracts/evaluation.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { notFound } from '../../server/app-error.ts';
import type { EvaluationDeps } from './deps.ts';
import { presentImport } from './presenter.ts';
import { deleteImport, listImports } from './repository.ts';

export async function listLedgerImports(deps: EvaluationDeps, tenant: TenantId): Promise<LedgerImportView[]> {
  return (await listImports(deps.db, tenant)).map(presentImport);
}

/** Removes the import and its rows: the KPI values computed from them change at the next read. */
export async function removeLedgerImport(deps: EvaluationDeps, tenant: TenantId, id: string): Promise<void> {
  if (!(await deleteImport(deps.db, tenant, id, deps.audit))) throw notFound('Ledger import');
}
