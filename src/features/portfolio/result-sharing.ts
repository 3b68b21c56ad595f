/**
 * 诊断结果共享: an enterprise decides whether its pilot authority (the nearest authority above it) may read its
 * latest submitted diagnosis result in full from the authority's portfolio — dimension scores, gaps, the read-only
 * result. Its administrators share and withdraw; every step is recorded with who and when; members see the state.
 */
import type { ResultSharing } from '../../contracts/portfolio.ts';
import type { Db } from '../../db/client.ts';
import type { MemberCaller } from '../../server/access/caller.ts';
import { AppError, forbidden } from '../../server/app-error.ts';
import { authorityAbove, grantShare, revokeShare, shareHistory } from './sharing-repository.ts';

function requireEnterprise(caller: MemberCaller): void {
  if (caller.organisation.kind !== 'enterprise')
    throw forbidden('Only an enterprise shares its diagnosis results; switch to the enterprise first');
}

export async function showResultSharing(db: Db, caller: MemberCaller): Promise<ResultSharing> {
  requireEnterprise(caller);
  const authority = await authorityAbove(db, caller.tenant);
  if (!authority) return { authority: null, shared: false, history: [] };
  const history = (await shareHistory(db, caller.tenant, authority.id)).map((h) => ({
    sharedBy: h.sharedBy,
    sharedAt: h.sharedAt.toISOString(),
    revokedBy: h.revokedBy,
    revokedAt: h.revokedAt?.toISOString() ?? null,
  }));
  return { authority, shared: history.some((h) => h.revokedAt === null), history };
}

export async function setResultSharing(
  db: Db,
  caller: MemberCaller,
  shared: boolean,
): Promise<ResultSharing> {
  requireEnterprise(caller);
  const authority = await authorityAbove(db, caller.tenant);
  if (!authority)
    throw new AppError(
      409,
      'no_authority',
      'This enterprise is under no pilot authority, so there is no authority to share its results with',
    );
  if (shared) await grantShare(db, caller.tenant, authority.id, caller.user.id);
  else await revokeShare(db, caller.tenant, authority.id, caller.user.id);
  return showResultSharing(db, caller);
}
