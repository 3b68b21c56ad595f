import { grantTenant } from '../../src/server/access/grant-tenant.ts';
import type { TenantId } from '../../src/server/access/tenant.ts';

/** An organisation id as a tenant, for tests that call repository functions directly. */
export const testTenant = (id: string): TenantId => grantTenant(id);
