/**
 * What the providers feature reads of delivery, through this use case rather than the delivery repository (ESLint's
 * `tupu/no-foreign-repository`): the finished projects of providers as the domain's FinishedProject, for 工作实效
 * (work-outcomes.ts), and one project's scenario and budget, for matching providers to it.
 *
 * A project names its provider in `delivery_projects.provider`, a text: a name typed in, or — since the pool exists —
 * a provider organisation's id. Only projects whose provider is the id of the provider organisation count as that
 * provider's; a project is finished when it passed the pack's last gate (竣工验收), on the day of that pass, and its
 * `satisfaction` is the enterprise's 验收满意度 rating (rate-acceptance.ts), null while not rated.
 */
import type { DeliveryPack } from '../../core/delivery/pack-schema.ts';
import { periodLastDay, type ProjectCalendar } from '../../core/delivery/project.ts';
import type { FinishedProject } from '../../core/providers/work-outcomes.ts';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../server/app-error.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { finishedProjectsOf, projectForMatchingRow } from './outcomes-repository.ts';

const sum = (xs: unknown) => (Array.isArray(xs) ? xs.reduce((a: number, x) => a + Number(x ?? 0), 0) : 0);

/** The finished projects of each provider organisation id given (an id with none has an empty list). */
export async function providerWorkOutcomes(
  db: Db,
  pack: Pick<DeliveryPack, 'gates'>,
  providerIds: readonly string[],
): Promise<Map<string, FinishedProject[]>> {
  const out = new Map<string, FinishedProject[]>(providerIds.map((id) => [id, []]));
  const finalGate = pack.gates[pack.gates.length - 1]?.id;
  if (finalGate === undefined) return out;
  for (const row of await finishedProjectsOf(db, providerIds, finalGate)) {
    out.get(row.provider)?.push({
      projectId: row.id,
      plannedFinish: periodLastDay(row.calendar as Omit<ProjectCalendar, 'periods'>, row.finishPeriod),
      actualFinish: row.acceptedAt.toISOString().slice(0, 10),
      budget: sum(row.budget),
      actualCost: row.actualCost,
      satisfaction: row.satisfaction,
    });
  }
  return out;
}

/** The tenant's project as matching reads it: scenario, total budget (万元) and provider; 404 when not the tenant's. */
export async function projectForMatching(
  db: Db,
  tenant: TenantId,
  id: string,
): Promise<{ id: string; scenario: string; budget: number; provider: string | null }> {
  const row = await projectForMatchingRow(db, tenant, id);
  if (!row) throw notFound('Project');
  return { id: row.id, scenario: row.scenario, budget: sum(row.budget), provider: row.provider };
}
