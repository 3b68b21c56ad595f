import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.ts';
import { rememberCaller } from '../../server/access/caller.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requestAuditScope } from '../audit/request-scope.ts';
import type { SignedIn } from './sign-in.ts';

/**
 * A successful sign-in in the audit trail of the organisation the new session acts for: who, when, from which
 * client address. The sign-in route is public, so the request had no caller until now: the new session becomes it.
 * A refused sign-in names nobody's organisation and is counted by the throttle instead (sign_in_failures).
 */
export async function recordSignIn(db: Db, request: FastifyRequest, signed: SignedIn): Promise<void> {
  const { user, organisation } = signed.me;
  rememberCaller(request, {
    session: { user, orgId: organisation.orgId, expiresAt: signed.expiresAt },
    user,
  });
  const scope = requestAuditScope(request);
  if (scope)
    await recordAudit(db, scope, {
      action: 'auth.sign_in',
      entityType: 'session',
      entityId: user.id,
      after: { email: user.email, address: request.ip },
    });
}
