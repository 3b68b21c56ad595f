import type { Ownership } from '../../server/access/ownership.ts';
import { hasImport } from './repository.ts';

/** `/api/ledgers/imports/:id…`: the import must be the caller's organisation's (else 404, before the body is read). */
export const ledgerImportOwnership: Ownership = {
  path: '/api/ledgers/imports/:id',
  param: 'id',
  what: 'Ledger import',
  owns: (db, caller, id) => hasImport(db, caller.tenant, id),
};

/**
 * `/api/kpis/:id…`: a KPI of the catalogue, which belongs to no organisation (its ids are slugs such as `oee`, never
 * record ids); the values beneath it are read and written for the caller's own tenant only.
 */
export const kpiOwnership: Ownership = {
  path: '/api/kpis/:id',
  param: 'id',
  what: 'KPI',
  owns: async () => false,
};
