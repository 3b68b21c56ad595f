/**
 * The delivery SQL the providers feature needs, apart from the delivery repository: the finished projects of
 * providers (across the enterprises that ran them: a provider's track record is the sum of its clients' projects)
 * and one project's matching facts. Read-only.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { deliveryCostEntries, deliveryGatePasses, deliveryProjects } from '../../db/schema.ts';
import type { TenantId } from '../../server/access/tenant.ts';

export interface FinishedProjectRow {
  orgId: string;
  id: string;
  provider: string;
  budget: unknown;
  finishPeriod: number;
  calendar: unknown;
  acceptedAt: Date;
  actualCost: number;
  /** 验收满意度 1 … 5; null when not rated */
  satisfaction: number | null;
}

/**
 * Projects whose `provider` is one of `providerIds` (provider organisation ids, as text) and that passed the gate
 * `finalGate` (竣工验收), with their total booked cost: one query.
 */
export async function finishedProjectsOf(
  db: Db,
  providerIds: readonly string[],
  finalGate: string,
): Promise<FinishedProjectRow[]> {
  if (providerIds.length === 0) return [];
  const spent = sql<number>`(select coalesce(sum(${deliveryCostEntries.amount}), 0) from ${deliveryCostEntries} where ${deliveryCostEntries.orgId} = ${deliveryProjects.orgId} and ${deliveryCostEntries.projectId} = ${deliveryProjects.id})`;
  const rows = await db
    .select({
      orgId: deliveryProjects.orgId,
      id: deliveryProjects.id,
      provider: deliveryProjects.provider,
      budget: deliveryProjects.budget,
      finishPeriod: deliveryProjects.finishPeriod,
      calendar: deliveryProjects.calendar,
      acceptedAt: deliveryGatePasses.passedAt,
      actualCost: spent,
      satisfaction: deliveryProjects.acceptanceRating,
    })
    .from(deliveryProjects)
    .innerJoin(
      deliveryGatePasses,
      and(
        eq(deliveryGatePasses.orgId, deliveryProjects.orgId),
        eq(deliveryGatePasses.projectId, deliveryProjects.id),
        eq(deliveryGatePasses.gateId, finalGate),
      ),
    )
    .where(inArray(deliveryProjects.provider, [...providerIds]));
  return rows.map((r) => ({ ...r, provider: r.provider ?? '', actualCost: Number(r.actualCost) }));
}

/** The tenant's project `id` as matching reads it, or undefined. */
export async function projectForMatchingRow(
  db: Db,
  tenant: TenantId,
  id: string,
): Promise<{ id: string; scenario: string; budget: unknown; provider: string | null } | undefined> {
  const [row] = await db
    .select({
      id: deliveryProjects.id,
      scenario: deliveryProjects.scenario,
      budget: deliveryProjects.budget,
      provider: deliveryProjects.provider,
    })
    .from(deliveryProjects)
    .where(and(eq(deliveryProjects.orgId, tenant), eq(deliveryProjects.id, id)))
    .limit(1);
  return row;
}
