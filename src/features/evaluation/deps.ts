import type { KpiCatalogue } from '../../core/kpi/catalogue-schema.ts';
import type { Db } from '../../db/client.ts';
import type { AuditScope } from '../audit/audit-scope.ts';

/** What the evaluation use cases need: the database, the KPI catalogue in force, the clock. */
export interface EvaluationDeps {
  db: Db;
  catalogue: KpiCatalogue;
  now: () => Date;
  /** where a request's writes are recorded in the audit trail (see src/features/audit/) */
  audit?: AuditScope | undefined;
}
