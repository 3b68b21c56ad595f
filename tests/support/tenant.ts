import { grantTenant } from '../../src/server/access/grant-tenant.ts';
import type { TenantId } from '../../src/server/access/tenant.ts';

/** A tenant scope for tests that call repositories or use cases directly (the access layer grants it in the app). */
export const testTenant = (id: string): TenantId => grantTenant(id);
