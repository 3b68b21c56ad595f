/**
 * 组织与成员 — the invitee's side of an invitation: their pending invitations and their answer, signed in as the
 * invited email; or, with the one-time code, a look at the invitation and an answer without a session (an
 * existing account's password, or a new account's name and password). Someone else's invitation is not found.
 * Accepting with the code checks a password, so it is throttled like sign-in (per email and per client address).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import {
  InvitationAnswer,
  InvitationCode,
  InvitationList,
  RedeemInvitation,
} from '../../contracts/organisations.ts';
import type { Db } from '../../db/client.ts';
import { signedIn } from '../../server/access/caller.ts';
import { ErrorResponse } from '../../server/error-response.ts';
import { configuredSignInThrottle, retryAfterOnRefusal } from '../auth/sign-in-throttle.ts';
import { acceptInvitationWithCode } from './accept-invitation-with-code.ts';
import { acceptInvitation } from './accept-invitation.ts';
import { declineInvitation, declineInvitationByCode } from './decline-invitation.ts';
import { pendingInvitationsFor } from './list-invitations.ts';
import { invitationByCode } from './open-invitation.ts';
import { presentInvitation } from './presenter.ts';

const Params = z.object({ invitationId: z.uuid('invitationId must be an invitation id') });
const tags = ['invitations'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export function invitationRoutes(
  db: Db,
  config: Config,
  now: () => Date = () => new Date(),
): FastifyPluginAsyncZod {
  // Guessing an account's password here counts as guessing it at sign-in: one throttle, one count.
  const throttle = configuredSignInThrottle(db, config, now);

  return async (app) => {
    app.get(
      '/api/invitations',
      {
        config: { access: 'signed-in' },
        schema: {
          tags,
          summary: 'Your pending invitations (to the email you are signed in with), oldest first',
          response: { 200: InvitationList, ...errors },
        },
      },
      async (request) => {
        const now = new Date();
        const rows = await pendingInvitationsFor(db, signedIn(request).user, now);
        return { invitations: rows.map((row) => presentInvitation(row, now)) };
      },
    );

    for (const answer of ['accept', 'decline'] as const) {
      app.post(
        `/api/invitations/:invitationId/${answer}`,
        {
          config: { access: 'signed-in' },
          schema: {
            tags,
            summary:
              answer === 'accept'
                ? 'Accept an invitation to your email: you become a member with its role'
                : 'Decline an invitation to your email: nothing else changes',
            description:
              '404 for an invitation to another email; 409 invitation_closed (details.status) when it is no ' +
              'longer pending: accepted, declined, revoked or expired.',
            params: Params,
            response: { 200: InvitationAnswer, ...errors },
          },
        },
        async (request) => {
          const { user } = signedIn(request);
          const { invitationId } = request.params;
          const row =
            answer === 'accept'
              ? await acceptInvitation(db, invitationId, user)
              : await declineInvitation(db, invitationId, user);
          return { invitation: presentInvitation(row) };
        },
      );
    }

    app.post(
      '/api/invitations/by-code',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The pending invitation a one-time code opens (no sign-in needed)',
          description: 'It says nothing about whether the email has an account. 404 for an unknown code.',
          body: InvitationCode,
          response: { 200: InvitationAnswer, ...errors },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'no-store');
        return { invitation: presentInvitation(await invitationByCode(db, request.body.code)) };
      },
    );

    app.post(
      '/api/invitations/by-code/accept',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Accept with the one-time code: your password, or a new account’s name and password',
          description:
            'When the invited email has an account, password is that account’s (401 invalid_credentials ' +
            'otherwise). When it has none, the account is created with displayName and password (the same ' +
            'rules as a changed password) and is a member at once. Then sign in as usual. Failed tries are ' +
            `counted with failed sign-ins: after ${config.signInMaxFailures} from one address each try waits longer ` +
            '(429 too_many_attempts).',
          body: RedeemInvitation,
          response: { 200: InvitationAnswer, 429: ErrorResponse, ...errors },
        },
        onError: retryAfterOnRefusal,
      },
      async (request) => ({
        invitation: presentInvitation(await acceptInvitationWithCode(db, throttle, request.body, request.ip)),
      }),
    );

    app.post(
      '/api/invitations/by-code/decline',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Decline with the one-time code (no sign-in needed)',
          body: InvitationCode,
          response: { 200: InvitationAnswer, ...errors },
        },
      },
      async (request) => ({
        invitation: presentInvitation(await declineInvitationByCode(db, request.body.code)),
      }),
    );
  };
}
