/**
 * 组织与成员 — members of an organisation: list, invite by email (a pending invitation with a one-time code, the
 * same answer whether or not the email has an account; see invite-member.ts), list and withdraw pending
 * invitations, change a role, remove, reset a password (to a new one-time password; see passwordResetRefusal). Allowed to administrators of the organisation, of its parent, or of the platform; an
 * organisation is never left without an administrator (409 last_admin).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChangeRole,
  INVITATION_DAYS,
  InvitationList,
  InviteMember,
  IssuedInvitation,
  MemberList,
  MemberView,
  PasswordReset,
} from '../../contracts/organisations.ts';
import type { Db } from '../../db/client.ts';
import { member } from '../../server/access/caller.ts';
import { managedTenant } from '../../server/access/managed-tenant.ts';
import { ErrorResponse } from '../../server/error-response.ts';
import { memberAuditScope } from '../audit/request-scope.ts';
import { changeMemberRole } from './change-member-role.ts';
import { inviteMember } from './invite-member.ts';
import { pendingInvitationsTo } from './list-invitations.ts';
import { listMembersOf } from './list-members.ts';
import { presentInvitation, presentMember, presentOrganisation } from './presenter.ts';
import { removeMember } from './remove-member.ts';
import { resetMemberPassword } from './reset-password.ts';
import { withdrawInvitation } from './withdraw-invitation.ts';

const OrgParams = z.object({ orgId: z.uuid('orgId must be an organisation id') });
const MemberParams = OrgParams.extend({ userId: z.uuid('userId must be a user id') });
const InvitationParams = OrgParams.extend({ invitationId: z.uuid('invitationId must be an invitation id') });
const tags = ['organisations'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export function memberRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/organisations/:orgId/members',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'An organisation you manage and its members',
          params: OrgParams,
          response: { 200: MemberList, ...errors },
        },
      },
      async (request) => {
        const { tenant } = await managedTenant(db, member(request), request.params.orgId);
        const { organisation, members } = await listMembersOf(db, tenant);
        return { organisation: presentOrganisation(organisation), members: members.map(presentMember) };
      },
    );

    app.get(
      '/api/organisations/:orgId/invitations',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Pending invitations to an organisation you manage, oldest first',
          params: OrgParams,
          response: { 200: InvitationList, ...errors },
        },
      },
      async (request) => {
        const { tenant } = await managedTenant(db, member(request), request.params.orgId);
        const now = new Date();
        const rows = await pendingInvitationsTo(db, tenant, now);
        return { invitations: rows.map((row) => presentInvitation(row, now)) };
      },
    );

    app.post(
      '/api/organisations/:orgId/invitations',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Invite someone by email; they become a member only when they accept',
          description:
            'The answer is the same (202, a pending invitation and its one-time code) whether or not the email ' +
            'has an account, so it reveals nothing about who is registered. The code is returned once, only ' +
            'here, and stored only hashed: hand it (or the link /invitation#<code>) to the invitee, who accepts ' +
            `within ${INVITATION_DAYS} days — signed in, or with the code and their password, or, without an ` +
            'account yet, by choosing a name and password. A new invitation of the same email replaces a pending ' +
            'one. 409 already_member when the email is already a member.',
          params: OrgParams,
          body: InviteMember,
          response: { 202: IssuedInvitation, ...errors },
        },
      },
      async (request, reply) => {
        const caller = member(request);
        const { tenant } = await managedTenant(db, caller, request.params.orgId);
        const issued = await inviteMember(
          db,
          tenant,
          { ...request.body, invitedBy: caller.user.id },
          new Date(),
          memberAuditScope(request, tenant),
        );
        reply.header('cache-control', 'no-store');
        return reply
          .status(202)
          .send({ invitation: presentInvitation(issued.invitation), code: issued.code });
      },
    );

    app.delete(
      '/api/organisations/:orgId/invitations/:invitationId',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Withdraw a pending invitation; its code stops working (409 when it is no longer pending)',
          params: InvitationParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const { tenant } = await managedTenant(db, member(request), request.params.orgId);
        await withdrawInvitation(db, tenant, request.params.invitationId);
        return reply.status(204).send(null);
      },
    );

    app.patch(
      '/api/organisations/:orgId/members/:userId',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: "Change a member's role (never the last administrator's)",
          params: MemberParams,
          body: ChangeRole,
          response: { 200: MemberView, ...errors },
        },
      },
      async (request) => {
        const { tenant } = await managedTenant(db, member(request), request.params.orgId);
        return presentMember(
          await changeMemberRole(
            db,
            tenant,
            request.params.userId,
            request.body.role,
            memberAuditScope(request, tenant),
          ),
        );
      },
    );

    app.delete(
      '/api/organisations/:orgId/members/:userId',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: 'Remove a member (never the last administrator); their sessions for it end',
          params: MemberParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const { tenant } = await managedTenant(db, member(request), request.params.orgId);
        await removeMember(db, tenant, request.params.userId, memberAuditScope(request, tenant));
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/organisations/:orgId/members/:userId/password-reset',
      {
        config: { access: 'admin' },
        schema: {
          tags,
          summary: "Reset a member's password to a new one-time password; all their sessions end",
          description:
            'The response carries oneTimePassword — the only time it is ever shown; the user must change it at ' +
            'next sign-in. Not your own (400 own_password: change it instead). An organisation admin resets only ' +
            'users whose every membership is in an organisation they manage (403 member_elsewhere); the ' +
            "platform's admins reset anyone's.",
          params: MemberParams,
          response: { 200: PasswordReset, ...errors },
        },
      },
      async (request, reply) => {
        const caller = member(request);
        const { tenant } = await managedTenant(db, caller, request.params.orgId);
        const reset = await resetMemberPassword(db, {
          manager: caller.organisation,
          actorUserId: caller.user.id,
          tenant,
          userId: request.params.userId,
        });
        reply.header('cache-control', 'no-store');
        return { member: presentMember(reset.member), oneTimePassword: reset.oneTimePassword };
      },
    );
  };
}
