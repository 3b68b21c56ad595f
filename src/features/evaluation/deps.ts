import type { KpiCatalogue } from '../../core/kpi/catalogue-schema.ts';
import type { Db } from '../../db/client.ts';

/** What the evaluation use cases need: the database, the KPI catalogue in force, the clock. */
export interface EvaluationDeps {
  db: Db;
  catalogue: KpiCatalogue;
  now: () => Date;
}
