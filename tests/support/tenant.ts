import { grantTenant } from '../../src/server/access/grant-tenant.ts';
import type { TenantId } from '../../src/server/access/tenant.ts';

/** A tenant for a test that calls a repository or use case directly, without the access layer. */
export const testTenant = (id: string): TenantId => grantTenant(id);
