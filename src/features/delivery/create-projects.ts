/**
 * Projects from a solved plan: every scheduled initiative not yet a project (all at once), or the one asked for.
 * The plan must have a current solution; an initiative not in the schedule, or already a project, is refused.
 */
import { projectDrafts } from '../../core/delivery/project.ts';
import type { CreateProjects } from '../../contracts/delivery.ts';
import type { Db } from '../../db/client.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { AppError } from '../../server/app-error.ts';
import { planForDelivery } from '../plans/plan-for-delivery.ts';
import type { DeliveryDeps } from './deps.ts';
import type { ProjectRow } from './repository.ts';

export async function createProjects(
  { repo, pack }: DeliveryDeps,
  db: Db,
  tenant: TenantId,
  userId: string,
  planId: string,
  request: CreateProjects,
): Promise<ProjectRow[]> {
  const plan = await planForDelivery(db, tenant, planId);
  if (plan.schedule === null)
    throw new AppError(
      400,
      'plan_not_solved',
      `The plan “${plan.title}” has no solved schedule yet: solve it first, then make its projects; nothing was saved`,
    );
  if (plan.stale)
    throw new AppError(
      400,
      'plan_solution_stale',
      `The plan “${plan.title}” changed since it was solved: solve it again so the projects follow the current plan; nothing was saved`,
    );
  const drafts = projectDrafts({ ...plan, schedule: plan.schedule }, request.initiativeId);
  if (drafts === undefined)
    throw new AppError(
      400,
      'initiative_not_scheduled',
      `Initiative ${request.initiativeId} is not in the plan's schedule: only scheduled initiatives become projects; nothing was saved`,
      { problems: [{ field: 'initiativeId', message: `${request.initiativeId} is not scheduled` }] },
    );
  const existing = new Set(
    (await repo.listProjectFacts([tenant], planId)).projects.map((p) => p.initiativeId),
  );
  if (request.initiativeId !== undefined && existing.has(request.initiativeId))
    throw new AppError(
      409,
      'project_exists',
      `Initiative ${request.initiativeId} of this plan is a project already; nothing was saved`,
    );
  return repo.insertProjects(
    tenant,
    drafts
      .filter((d) => !existing.has(d.initiativeId))
      .map((d) => ({
        planId,
        initiativeId: d.initiativeId,
        scenario: d.scenario,
        name: d.name,
        scope: d.scope,
        provider: null,
        budget: d.budget,
        startPeriod: d.startPeriod,
        finishPeriod: d.finishPeriod,
        calendar: { start: plan.calendar.start, periodsPerYear: plan.calendar.periodsPerYear },
        kpiTargets: d.kpiTargets,
        risks: d.risks,
        closedThrough: null,
        packId: pack.meta.id,
        createdBy: userId,
      })),
  );
}
