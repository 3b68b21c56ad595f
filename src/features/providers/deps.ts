import type { AtlasCatalog } from '../../core/atlas/types.ts';
import type { DeliveryPack } from '../../core/delivery/pack-schema.ts';
import type { IndicatorSystem } from '../../core/diagnosis/model-schema.ts';
import type { ProviderClasses } from '../../core/providers/classes.ts';
import type { Db } from '../../db/client.ts';

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
}

export const today = (deps: Pick<ProviderDeps, 'now'>) => deps.now().toISOString().slice(0, 10);
