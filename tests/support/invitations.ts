import { expect } from 'vitest';
import type { InvitationAnswer, IssuedInvitation } from '../../src/contracts/organisations.ts';
import type { Role } from '../../src/contracts/auth.ts';
import type { ApiApp } from './api-app.ts';

/** The password joinByInvitation gives a new account unless told otherwise. */
export const INVITEE_PASSWORD = 'invitee-password-2026';

/**
 * An administrator (`adminCookie`) invites `email` to the organisation, and the invitee accepts with the one-time
 * code: an existing account with its password, a new one with `displayName` and the password. Expects both steps
 * to succeed and returns the accepted invitation.
 */
export async function joinByInvitation(
  api: ApiApp,
  adminCookie: string,
  orgId: string,
  invitee: { email: string; role: Role; displayName?: string; password?: string },
): Promise<InvitationAnswer['invitation']> {
  const issued = await api.call<IssuedInvitation>(
    adminCookie,
    'POST',
    `/api/organisations/${orgId}/invitations`,
    {
      email: invitee.email,
      role: invitee.role,
    },
  );
  expect(issued.status, JSON.stringify(issued.body)).toBe(202);
  const res = await api.app.inject({
    method: 'POST',
    url: '/api/invitations/by-code/accept',
    payload: {
      code: issued.body.code,
      password: invitee.password ?? INVITEE_PASSWORD,
      ...(invitee.displayName ? { displayName: invitee.displayName } : {}),
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<InvitationAnswer>().invitation;
}
