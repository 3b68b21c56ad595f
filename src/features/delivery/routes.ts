/**
 * Delivery API (组织落地实施, guide 二（二）): projects made from a solved plan's schedule, their team, milestones,
 * cost entries, checklists (gates and supervision) and gates, with a status light and roll-ups derived, never typed
 * in. Every project belongs to the caller's organisation (any other id is 404, see ownership.ts; a plan's projects
 * are under the plan's ownership). Each route is schema → declared access → one use case → presenter.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DeliveryPack } from '../../core/delivery/pack-schema.ts';
import {
  AddCostEntry,
  AddMilestone,
  AddTeamMember,
  CreateProjects,
  DeliveryPackView,
  PlanProjects,
  ProjectSummary,
  ProjectView,
  TickItem,
  UpdateMilestone,
  UpdateProject,
} from '../../contracts/delivery.ts';
import type { Db } from '../../db/client.ts';
import { member, type MemberCaller } from '../../server/access/caller.ts';
import { addCostEntry } from './add-cost-entry.ts';
import { addMilestone } from './add-milestone.ts';
import { addTeamMember } from './add-team-member.ts';
import { createProjects } from './create-projects.ts';
import type { DeliveryDeps, Writer } from './deps.ts';
import { listProjects } from './list-projects.ts';
import { passGate } from './pass-gate.ts';
import { presentPack, presentPlanProjects, presentProject, presentSummary } from './presenter.ts';
import { isoDay } from './project-facts.ts';
import { deliveryRepository, type ProjectBundle } from './repository.ts';
import { removeTeamMember } from './remove-team-member.ts';
import { showProject } from './show-project.ts';
import { tickItem } from './tick-item.ts';
import { updateMilestone } from './update-milestone.ts';
import { updateProject } from './update-project.ts';

const IdParams = z.object({ id: z.uuid() });
const tags = ['projects'];

const PARTY_OF_KIND = {
  enterprise: 'enterprise',
  service_provider: 'provider',
  authority: 'authority',
} as const;
function writer(caller: MemberCaller): Writer {
  const kind = caller.organisation.kind as string;
  return {
    userId: caller.user.id,
    organisationParty: kind in PARTY_OF_KIND ? PARTY_OF_KIND[kind as keyof typeof PARTY_OF_KIND] : null,
  };
}

export function deliveryRoutes(
  db: Db,
  pack: DeliveryPack,
  now: () => Date = () => new Date(),
): FastifyPluginAsyncZod {
  const deps: DeliveryDeps = { repo: deliveryRepository(db), pack, now };
  const view = (bundle: ProjectBundle) => presentProject(bundle, pack, isoDay(now()));

  return async (app) => {
    app.get(
      '/api/delivery/pack',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary: 'The delivery pack in force: gates, supervision checklists, team roles',
          response: { 200: DeliveryPackView },
        },
      },
      () => presentPack(pack),
    );

    app.post(
      '/api/plans/:id/projects',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary:
            "Make projects from the plan's solved schedule: every scheduled initiative not yet a project, or the one named",
          params: IdParams,
          body: CreateProjects.nullish(),
          response: { 201: PlanProjects },
        },
      },
      async (request, reply) => {
        const { tenant, user } = member(request);
        await createProjects(deps, db, tenant, user.id, request.params.id, request.body ?? {});
        const projects = await listProjects(deps, [tenant], request.params.id);
        return reply.status(201).send(presentPlanProjects(projects, pack));
      },
    );

    app.get(
      '/api/plans/:id/projects',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary:
            "The plan's projects with their lights, and planned against actual spend and schedule slip per period",
          params: IdParams,
          response: { 200: PlanProjects },
        },
      },
      async (request) =>
        presentPlanProjects(await listProjects(deps, [member(request).tenant], request.params.id), pack),
    );

    app.get(
      '/api/projects',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary: "The organisation's projects with their lights",
          response: { 200: z.object({ projects: z.array(ProjectSummary) }) },
        },
      },
      async (request) => ({
        projects: (await listProjects(deps, [member(request).tenant])).map((p) =>
          presentSummary(p.row, p.rollup, p.passed, pack),
        ),
      }),
    );

    app.get(
      '/api/projects/:id',
      {
        config: { access: 'read' },
        schema: {
          tags,
          summary: 'A project: team, milestones, costs, checklists, gates, light, roll-up, changes',
          params: IdParams,
          response: { 200: ProjectView },
        },
      },
      async (request) => view(await showProject(deps, member(request).tenant, request.params.id)),
    );

    app.patch(
      '/api/projects/:id',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary:
            'Edit name, scope, provider, budget, dates or closed periods at `version`; scope, budget, provider and date changes are recorded with their reason',
          params: IdParams,
          body: UpdateProject,
          response: { 200: ProjectView },
        },
      },
      async (request) => {
        const { tenant, user } = member(request);
        return view(await updateProject(deps, tenant, user.id, request.params.id, request.body));
      },
    );

    app.post(
      '/api/projects/:id/team',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary: 'Add a team member in a role of the delivery pack',
          params: IdParams,
          body: AddTeamMember,
          response: { 201: ProjectView },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(view(await addTeamMember(deps, member(request).tenant, request.params.id, request.body))),
    );

    app.delete(
      '/api/projects/:id/team/:memberId',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary: 'Remove a team member',
          params: IdParams.extend({ memberId: z.uuid() }),
          response: { 200: ProjectView },
        },
      },
      async (request) =>
        view(
          await removeTeamMember(deps, member(request).tenant, request.params.id, request.params.memberId),
        ),
    );

    app.post(
      '/api/projects/:id/milestones',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary: "Add a milestone (due no later than the project's end)",
          params: IdParams,
          body: AddMilestone,
          response: { 201: ProjectView },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(view(await addMilestone(deps, member(request).tenant, request.params.id, request.body))),
    );

    app.patch(
      '/api/projects/:id/milestones/:milestoneId',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary: 'Rename, move, mark done (doneOn) or reopen a milestone, at the project `version`',
          params: IdParams.extend({ milestoneId: z.uuid() }),
          body: UpdateMilestone,
          response: { 200: ProjectView },
        },
      },
      async (request) => {
        const { id, milestoneId } = request.params;
        return view(await updateMilestone(deps, member(request).tenant, id, milestoneId, request.body));
      },
    );

    app.post(
      '/api/projects/:id/costs',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary: 'Book spend against an open plan period (万元)',
          params: IdParams,
          body: AddCostEntry,
          response: { 201: ProjectView },
        },
      },
      async (request, reply) => {
        const { tenant, user } = member(request);
        return reply
          .status(201)
          .send(view(await addCostEntry(deps, tenant, user.id, request.params.id, request.body)));
      },
    );

    app.put(
      '/api/projects/:id/checklists/:checklistId/items/:itemId',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary:
            "Tick (with evidence references) or untick an item of a gate's or a supervision checklist, at the project `version`",
          params: IdParams.extend({
            checklistId: z.string().min(1).max(100),
            itemId: z.string().min(1).max(100),
          }),
          body: TickItem,
          response: { 200: ProjectView },
        },
      },
      async (request) => {
        const { tenant, user } = member(request);
        const { id, checklistId, itemId } = request.params;
        return view(await tickItem(deps, tenant, user.id, id, checklistId, itemId, request.body));
      },
    );

    app.post(
      '/api/projects/:id/gates/:gateId/pass',
      {
        config: { access: 'write' },
        schema: {
          tags,
          summary: 'Pass a gate: earlier gates passed, checklist complete, by the party the pack names',
          params: IdParams.extend({ gateId: z.string().min(1).max(100) }),
          response: { 200: ProjectView },
        },
      },
      async (request) =>
        view(
          await passGate(
            deps,
            member(request).tenant,
            writer(member(request)),
            request.params.id,
            request.params.gateId,
          ),
        ),
    );
  };
}
