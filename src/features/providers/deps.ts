import type { AtlasCatalog } from '../../core/atlas/types.ts';
import type { DeliveryPack } from '../../core/delivery/pack-schema.ts';
import type { IndicatorSystem } from '../../core/diagnosis/model-schema.ts';
import type { ProviderClasses } from '../../core/providers/classes.ts';
import type { Db } from '../../db/client.ts';
import type { AuditScope } from '../audit/audit-scope.ts';

/** The packs the providers feature reads: provider classes, the grading model, the delivery pack's gates. */
export interface ProviderPacks {
  classes: ProviderClasses;
  grading: IndicatorSystem;
}

/** What the providers use cases receive. */
export interface ProviderDeps {
  db: Db;
  packs: ProviderPacks;
  atlases: AtlasCatalog;
  deliveryPack: Pick<DeliveryPack, 'gates'>;
  now: () => Date;
  /** where a request's writes are recorded in the audit trail (see src/features/audit/) */
  audit?: AuditScope | undefined;
}

export const today = (deps: Pick<ProviderDeps, 'now'>) => deps.now().toISOString().slice(0, 10);
