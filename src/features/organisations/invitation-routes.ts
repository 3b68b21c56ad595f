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
import { listPendingForEmail } from './repositories/invitations.ts';
import { requireSession } from '../../server/sessions/current-session.ts';
import { configuredSignInThrottle, tooManyAttempts } from '../auth/sign-in-throttle.ts';
import {
  acceptInvitation,
  declineInvitation,
  declineInvitationByCode,
  invitationByCode,
  presentInvitation,
  redeemInvitation,
} from './invitations.ts';
import { ErrorResponse } from '../../server/error-response.ts';

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
        const session = await requireSession(db, request);
        const now = new Date();
        const rows = await listPendingForEmail(db, session.user.email, now);
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
          const session = await requireSession(db, request);
          const { invitationId } = request.params;
          const row =
            answer === 'accept'
              ? await acceptInvitation(db, invitationId, session.user)
              : await declineInvitation(db, invitationId, session.user.email);
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
      },
      async (request, reply) => {
        const invitation = await invitationByCode(db, request.body.code);
        const admission = await throttle.admit(invitation.email, request.ip);
        if (!admission.admitted) {
          const seconds = Math.ceil(admission.retryAfterMs / 1000);
          reply.header('retry-after', String(seconds));
          throw tooManyAttempts(seconds);
        }
        const row = await redeemInvitation(db, request.body);
        await throttle.succeeded(admission.attempt);
        return { invitation: presentInvitation(row) };
      },
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
