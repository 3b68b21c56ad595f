import type { Me } from '../../contracts/auth.ts';
import type { MembershipView, SessionView } from '../../server/sessions/accounts.ts';

/** Who is signed in, acting for which of their organisations, and all of them. */
export const presentMe = (
  user: SessionView['user'],
  organisation: MembershipView,
  memberships: MembershipView[],
): Me => {
  const { id, email, displayName, locale, mustChangePassword } = user;
  return { user: { id, email, displayName, locale, mustChangePassword }, organisation, memberships };
};
