import type { DeliveryProblem } from '../../core/delivery/gates.ts';
import type { DeliveryPack } from '../../core/delivery/pack-schema.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import type { DeliveryRepository } from './repository.ts';

/**
 * Whether a service-provider organisation may be invited to a project, beyond being one: the extension point for
 * "the pilot requires the pool" (a provider outside the pool is refused). The provider-pool feature supplies it
 * (deliveryRoutes' `providerEligibility`); each problem names the field and says why. Without a pool, any
 * service-provider organisation may be invited (`anyServiceProvider`). Asked before the project's write begins —
 * it reads other tables on its own connection, which would wait forever on the embedded database's one connection
 * while the write holds it — and its refusal is thrown inside the write, so a refused invitation writes nothing.
 */
export type ProviderEligibility = (request: {
  enterprise: TenantId;
  providerOrgId: string;
}) => Promise<DeliveryProblem[]>;

export const anyServiceProvider: ProviderEligibility = async () => [];

/** What the delivery use cases receive: the repository, the delivery pack in force, the clock. */
export interface DeliveryDeps {
  repo: DeliveryRepository;
  pack: DeliveryPack;
  now: () => Date;
  /** who may be invited (the pool's rule); anyServiceProvider when no pool feature supplies one */
  providerEligibility?: ProviderEligibility;
}

/** Who is writing: the user (recorded) and the parties their organisation acts for. */
export interface Writer {
  userId: string;
  /** the caller's organisation acts for this party (an enterprise for its own projects) */
  organisationParty: 'enterprise' | 'provider' | 'authority' | null;
  /**
   * true when the caller's organisation is not the project's owner but was invited to it (an accepted invitation):
   * it may then change only what the pack's `invited` rights give its party (invited-rights.ts)
   */
  invited?: boolean;
}
