import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { TenantId } from '../../server/access/tenant.ts';

/**
 * Lets the transaction `tx` delete the audit trail of one organisation — the cascade of deleting that organisation
 * itself — which the audit_events trigger (migration audit_append_only) otherwise refuses. The setting lasts until
 * the transaction ends and names only `tenant`: any other organisation's rows stay refused.
 */
export async function allowAuditPurge(tx: Db, tenant: TenantId): Promise<void> {
  await tx.execute(sql`select set_config('tupu.audit_purge', ${tenant}, true)`);
}
