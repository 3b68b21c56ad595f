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
  InviteProvider,
  ProjectInvitations,
  RevokeInvitation,
  PlanProjects,
  ProjectSummary,
  ProjectView,
  RateAcceptance,
  TickItem,
  UpdateMilestone,
  UpdateProject,
} from '../../contracts/delivery.ts';
import type { Db } from '../../db/client.ts';
import { memberAuditScope } from '../audit/request-scope.ts';
import { member, recordTenant, type MemberCaller } from '../../server/access/caller.ts';
import type { FastifyRequest } from 'fastify';
import { addCostEntry } from './add-cost-entry.ts';
import { addMilestone } from './add-milestone.ts';
import { addTeamMember } from './add-team-member.ts';
import { createProjects } from './create-projects.ts';
import type { DeliveryDeps, ProviderEligibility, Writer } from './deps.ts';
import { inviteProvider } from './invite-provider.ts';
import { invitationsToProvider, projectInvitations } from './list-invitations.ts';
import { respondToInvitation } from './respond-to-invitation.ts';
import { revokeInvitation } from './revoke-invitation.ts';
import { listProjects } from './list-projects.ts';
import { passGate } from './pass-gate.ts';
import { rateAcceptance } from './rate-acceptance.ts';
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
function writer(caller: MemberCaller, invited = false): Writer {
  // an invited organisation is a service provider (invite-provider.ts): it acts for the provider, within its rights
  if (invited) return { userId: caller.user.id, organisationParty: 'provider', invited: true };
  const kind = caller.organisation.kind as string;
  return {
    userId: caller.user.id,
    organisationParty: kind in PARTY_OF_KIND ? PARTY_OF_KIND[kind as keyof typeof PARTY_OF_KIND] : null,
  };
}

/**
 * On a route declared `shared: true`: the tenant owning the project (the caller's own, or the enterprise that invited
 * the caller's provider organisation) and the writer, marked invited in the second case.
 */
function projectCaller(request: FastifyRequest): {
  tenant: ReturnType<typeof recordTenant>['tenant'];
  writer: Writer;
} {
  const { tenant, shared } = recordTenant(request);
  return { tenant, writer: writer(member(request), shared) };
}

export function deliveryRoutes(
  db: Db,
  pack: DeliveryPack,
  now: () => Date = () => new Date(),
  /** the pool's rule for whom an enterprise may invite (the provider-pool feature); any provider without it */
  providerEligibility?: ProviderEligibility,
): FastifyPluginAsyncZod {
  // each request's repository records its writes in the audit trail as the caller's
  const depsOf = (request: FastifyRequest): DeliveryDeps => ({
    repo: deliveryRepository(db, memberAuditScope(request)),
    pack,
    now,
    providerEligibility,
  });
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
        await createProjects(depsOf(request), db, tenant, user.id, request.params.id, request.body ?? {});
        const projects = await listProjects(depsOf(request), [tenant], request.params.id);
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
        presentPlanProjects(
          await listProjects(depsOf(request), [member(request).tenant], request.params.id),
          pack,
        ),
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
        projects: (await listProjects(depsOf(request), [member(request).tenant])).map((p) =>
          presentSummary(p.row, p.rollup, p.passed, pack),
        ),
      }),
    );

    app.get(
      '/api/projects/:id',
      {
        config: { access: 'read', shared: true },
        schema: {
          tags,
          summary: 'A project: team, milestones, costs, checklists, gates, light, roll-up, changes',
          params: IdParams,
          response: { 200: ProjectView },
        },
      },
      async (request) =>
        view(await showProject(depsOf(request), recordTenant(request).tenant, request.params.id)),
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
        return view(await updateProject(depsOf(request), tenant, user.id, request.params.id, request.body));
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
          .send(
            view(
              await addTeamMember(depsOf(request), member(request).tenant, request.params.id, request.body),
            ),
          ),
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
          await removeTeamMember(
            depsOf(request),
            member(request).tenant,
            request.params.id,
            request.params.memberId,
          ),
        ),
    );

    app.post(
      '/api/projects/:id/milestones',
      {
        config: { access: 'write', shared: true },
        schema: {
          tags,
          summary: "Add a milestone (due no later than the project's end)",
          params: IdParams,
          body: AddMilestone,
          response: { 201: ProjectView },
        },
      },
      async (request, reply) => {
        const { tenant, writer: w } = projectCaller(request);
        return reply
          .status(201)
          .send(view(await addMilestone(depsOf(request), tenant, w, request.params.id, request.body)));
      },
    );

    app.patch(
      '/api/projects/:id/milestones/:milestoneId',
      {
        config: { access: 'write', shared: true },
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
        const { tenant, writer: w } = projectCaller(request);
        return view(await updateMilestone(depsOf(request), tenant, w, id, milestoneId, request.body));
      },
    );

    app.post(
      '/api/projects/:id/costs',
      {
        config: { access: 'write', shared: true },
        schema: {
          tags,
          summary: 'Book spend against an open plan period (万元)',
          params: IdParams,
          body: AddCostEntry,
          response: { 201: ProjectView },
        },
      },
      async (request, reply) => {
        const { tenant, writer: w } = projectCaller(request);
        return reply
          .status(201)
          .send(view(await addCostEntry(depsOf(request), tenant, w, request.params.id, request.body)));
      },
    );

    app.put(
      '/api/projects/:id/checklists/:checklistId/items/:itemId',
      {
        config: { access: 'write', shared: true },
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
        const { tenant, writer: w } = projectCaller(request);
        const { id, checklistId, itemId } = request.params;
        return view(await tickItem(depsOf(request), tenant, w, id, checklistId, itemId, request.body));
      },
    );

    app.post(
      '/api/projects/:id/gates/:gateId/pass',
      {
        config: { access: 'write', shared: true },
        schema: {
          tags,
          summary: 'Pass a gate: earlier gates passed, checklist complete, by the party the pack names',
          params: IdParams.extend({ gateId: z.string().min(1).max(100) }),
          response: { 200: ProjectView },
        },
      },
      async (request) => {
        const { tenant, writer: w } = projectCaller(request);
        return view(await passGate(depsOf(request), tenant, w, request.params.id, request.params.gateId));
      },
    );

    app.put(
      '/api/projects/:id/acceptance-rating',
      {
        // shared: an invited provider reaches the use case, which refuses it by name (403 not_the_enterprise)
        config: { access: 'write', shared: true },
        schema: {
          tags,
          summary:
            '验收满意度: the enterprise rates its provider’s work (1–5, with a comment) once the last gate passed, at the project `version`; it feeds the provider’s grade',
          params: IdParams,
          body: RateAcceptance,
          response: { 200: ProjectView },
        },
      },
      async (request) => {
        const { tenant, writer: w } = projectCaller(request);
        return view(await rateAcceptance(depsOf(request), tenant, w, request.params.id, request.body));
      },
    );

    // ── provider invitations ───────────────────────────────────────────────────────────────────────────────
    const invitationTags = ['projects'];
    const InvitationParams = z.object({ invitationId: z.uuid() });

    app.get(
      '/api/projects/:id/invitations',
      {
        config: { access: 'read' },
        schema: {
          tags: invitationTags,
          summary: "The project's provider invitations (pending, accepted, declined, revoked)",
          params: IdParams,
          response: { 200: ProjectInvitations },
        },
      },
      async (request) => {
        const { tenant } = member(request);
        await showProject(depsOf(request), tenant, request.params.id);
        return { invitations: await projectInvitations(db, tenant, request.params.id) };
      },
    );

    app.post(
      '/api/projects/:id/invitations',
      {
        config: { access: 'write' },
        schema: {
          tags: invitationTags,
          summary:
            "Invite a service-provider organisation to the project: once its administrator accepts, its members read the project and change what the delivery pack's `invited` rights give a provider — that project only",
          params: IdParams,
          body: InviteProvider,
          response: { 201: ProjectInvitations },
        },
      },
      async (request, reply) => {
        const { tenant, user } = member(request);
        await inviteProvider(depsOf(request), tenant, user.id, request.params.id, request.body);
        return reply
          .status(201)
          .send({ invitations: await projectInvitations(db, tenant, request.params.id) });
      },
    );

    app.delete(
      '/api/projects/:id/invitations/:invitationId',
      {
        config: { access: 'write' },
        schema: {
          tags: invitationTags,
          summary:
            "Revoke a provider's invitation, pending or accepted: its members are refused at their next request",
          params: IdParams.extend(InvitationParams.shape),
          body: RevokeInvitation.nullish(),
          response: { 200: ProjectInvitations },
        },
      },
      async (request) => {
        const { tenant, user } = member(request);
        const { id, invitationId } = request.params;
        await revokeInvitation(depsOf(request), tenant, user.id, id, invitationId, request.body?.reason);
        return { invitations: await projectInvitations(db, tenant, id) };
      },
    );

    app.get(
      '/api/project-invitations',
      {
        config: { access: 'read' },
        schema: {
          tags: invitationTags,
          summary:
            "Invitations to projects addressed to your (service-provider) organisation, pending and accepted: an accepted one's project opens at /api/projects/{projectId}",
          response: { 200: ProjectInvitations },
        },
      },
      async (request) => ({ invitations: await invitationsToProvider(db, member(request).tenant) }),
    );

    for (const [action, answer] of [
      ['accept', 'accepted'],
      ['decline', 'declined'],
    ] as const)
      app.post(
        `/api/project-invitations/:invitationId/${action}`,
        {
          config: { access: 'admin', shared: true },
          schema: {
            tags: invitationTags,
            summary: `${action === 'accept' ? 'Accept' : 'Decline'} an invitation to a project (the provider organisation's administrators)`,
            params: InvitationParams,
            response: { 200: ProjectInvitations },
          },
        },
        async (request) => {
          const { tenant: provider, user } = member(request);
          const { tenant: owner } = recordTenant(request);
          await respondToInvitation(
            depsOf(request),
            owner,
            provider,
            user.id,
            request.params.invitationId,
            answer,
          );
          return { invitations: await invitationsToProvider(db, provider) };
        },
      );
  };
}
