/**
 * 组织与成员 — members of an organisation: list, add by email (a new user gets a one-time password, returned once),
 * change a role, remove, reset a password (to a new one-time password; see passwordResetRefusal). Allowed to administrators of the organisation, of its parent, or of the platform; an
 * organisation is never left without an administrator (409 last_admin).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddedMember,
  AddMember,
  ChangeRole,
  MemberList,
  MemberView,
  PasswordReset,
} from '../../contracts/organisations.ts';
import type { Db } from '../../db/client.ts';
import { findMember, listMembers, listUserOrganisations } from '../../db/repositories/organisations.ts';
import { AppError, notFound } from '../app-error.ts';
import { requireSession } from '../auth/current-session.ts';
import { passwordResetRefusal, requireManagedOrganisation } from '../auth/organisation-access.ts';
import {
  addMember,
  changeMemberRole,
  presentMember,
  presentOrganisation,
  removeMember,
  resetPassword,
} from '../use-cases/organisations.ts';
import { ErrorResponse } from './error-response.ts';

const OrgParams = z.object({ orgId: z.uuid('orgId must be an organisation id') });
const MemberParams = OrgParams.extend({ userId: z.uuid('userId must be a user id') });
const tags = ['organisations'];
const errors = { 400: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export function memberRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/organisations/:orgId/members',
      {
        schema: {
          tags,
          summary: 'An organisation you manage and its members',
          params: OrgParams,
          response: { 200: MemberList, ...errors },
        },
      },
      async (request) => {
        const session = await requireSession(db, request);
        const { target } = await requireManagedOrganisation(db, session, request.params.orgId);
        const members = await listMembers(db, target.id);
        return { organisation: presentOrganisation(target), members: members.map(presentMember) };
      },
    );

    app.post(
      '/api/organisations/:orgId/members',
      {
        schema: {
          tags,
          summary: 'Add a member by email; an unknown email becomes a user with a one-time password',
          description:
            'An existing user keeps their name and password. For a new user the response carries ' +
            'oneTimePassword — the only time it is ever shown; the user must change it at first sign-in.',
          params: OrgParams,
          body: AddMember,
          response: { 201: AddedMember, ...errors },
        },
      },
      async (request, reply) => {
        const session = await requireSession(db, request);
        const { target } = await requireManagedOrganisation(db, session, request.params.orgId);
        const added = await addMember(db, { orgId: target.id, ...request.body });
        reply.header('cache-control', 'no-store');
        return reply.status(201).send({
          member: presentMember(added.member),
          created: added.created,
          oneTimePassword: added.oneTimePassword ?? null,
        });
      },
    );

    app.patch(
      '/api/organisations/:orgId/members/:userId',
      {
        schema: {
          tags,
          summary: "Change a member's role (never the last administrator's)",
          params: MemberParams,
          body: ChangeRole,
          response: { 200: MemberView, ...errors },
        },
      },
      async (request) => {
        const session = await requireSession(db, request);
        const { target } = await requireManagedOrganisation(db, session, request.params.orgId);
        return presentMember(await changeMemberRole(db, target.id, request.params.userId, request.body.role));
      },
    );

    app.delete(
      '/api/organisations/:orgId/members/:userId',
      {
        schema: {
          tags,
          summary: 'Remove a member (never the last administrator); their sessions for it end',
          params: MemberParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const session = await requireSession(db, request);
        const { target } = await requireManagedOrganisation(db, session, request.params.orgId);
        await removeMember(db, target.id, request.params.userId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/organisations/:orgId/members/:userId/password-reset',
      {
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
        const session = await requireSession(db, request);
        const { manager, target } = await requireManagedOrganisation(db, session, request.params.orgId);
        const { userId } = request.params;
        if (!(await findMember(db, target.id, userId))) throw notFound('Member');
        const refusal = passwordResetRefusal(
          manager,
          session.user.id,
          userId,
          await listUserOrganisations(db, userId),
        );
        if (refusal) throw new AppError(refusal.status, refusal.code, refusal.message);
        const oneTimePassword = await resetPassword(db, userId);
        const member = await findMember(db, target.id, userId);
        if (!member) throw notFound('Member');
        reply.header('cache-control', 'no-store');
        return { member: presentMember(member), oneTimePassword };
      },
    );
  };
}
