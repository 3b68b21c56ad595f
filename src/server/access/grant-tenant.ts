import type { TenantId } from './tenant.ts';

/**
 * Mark an organisation id as one whose data may be touched. Only `src/server/access/` (after the checks), the
 * operator's own tools (`src/cli`, `src/db/seed`) and test support may import this: ESLint refuses it elsewhere
 * (eslint-boundaries.js, `tupu/tenant-grant`).
 */
export const grantTenant = (orgId: string): TenantId => orgId as TenantId;
