import type { DeliveryPack } from '../../core/delivery/pack-schema.ts';
import type { DeliveryRepository } from './repository.ts';

/** What the delivery use cases receive: the repository, the delivery pack in force, the clock. */
export interface DeliveryDeps {
  repo: DeliveryRepository;
  pack: DeliveryPack;
  now: () => Date;
}

/** Who is writing: the user (recorded) and the parties their organisation acts for. */
export interface Writer {
  userId: string;
  /** the caller's organisation acts for this party (an enterprise for its own projects) */
  organisationParty: 'enterprise' | 'provider' | 'authority' | null;
}
