/**
 * The enterprises an organisation oversees (a provider's clients, an authority's pilot enterprises) as tenants, for
 * read-only roll-ups across them. Which enterprises those are is decided by the organisation rules, applied by the
 * portfolio feature's use case (`loadPortfolio`, src/features/portfolio/): pass only the ids it returned for the same
 * caller. The roll-up reads summaries (a project's light, spend, slip); a project itself still opens only for its
 * own members or an invited provider.
 */
import { grantTenant } from './grant-tenant.ts';
import type { TenantId } from './tenant.ts';

export const overseenTenants = (enterpriseIds: readonly string[]): TenantId[] =>
  enterpriseIds.map(grantTenant);
