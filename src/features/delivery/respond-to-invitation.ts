/**
 * The provider organisation's administrator accepts or declines an invitation addressed to it. Accepting gives the
 * provider's members access to that project only (projectOwnership.sharedWith), until the enterprise revokes it.
 * Only a pending invitation can be answered (409 otherwise); the answer is recorded in the project's change history,
 * under the project's row lock.
 */
import type { TenantId } from '../../server/access/tenant.ts';
import { AppError, notFound } from '../../server/app-error.ts';
import type { DeliveryDeps } from './deps.ts';
import { findInvitation, setInvitationStatus } from './invitations-repository.ts';
import { projectWrites, type ProjectBundle } from './repository.ts';
import { saveProjectChange } from './save-project-change.ts';

export async function respondToInvitation(
  deps: DeliveryDeps,
  /** the enterprise owning the invitation (granted by the access layer: it is addressed to the caller's org) */
  owner: TenantId,
  provider: TenantId,
  userId: string,
  invitationId: string,
  answer: 'accepted' | 'declined',
): Promise<ProjectBundle> {
  const found = await findInvitation(deps.repo.db, owner, invitationId);
  if (!found || found.providerOrgId !== provider) throw notFound('Invitation');
  return saveProjectChange(deps, owner, found.projectId, async ({ project }, tx) => {
    const invitation = await findInvitation(tx, owner, invitationId);
    if (!invitation || invitation.providerOrgId !== provider) throw notFound('Invitation');
    if (invitation.status !== 'pending')
      throw new AppError(
        409,
        'invitation_closed',
        `This invitation is ${invitation.status}: only a pending invitation can be accepted or declined`,
        { status: invitation.status },
      );
    await setInvitationStatus(tx, owner, invitationId, {
      status: answer,
      respondedBy: userId,
      respondedAt: new Date(),
    });
    await projectWrites.recordChange(tx, owner, project.id, {
      kind: answer === 'accepted' ? 'provider-accepted' : 'provider-declined',
      before: { invitationId, status: 'pending' },
      after: { invitationId, providerOrgId: provider, status: answer },
      reason: '',
      changedBy: userId,
    });
    return { parts: [`invitations.${invitationId}`] };
  });
}
