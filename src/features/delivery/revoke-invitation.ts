/**
 * The enterprise revokes a provider's invitation, pending or accepted: the provider's members are refused (404) at
 * their next request to the project, since the access hook reads the invitation on every request. Recorded in the
 * project's change history.
 */
import type { TenantId } from '../../server/access/tenant.ts';
import { AppError, notFound } from '../../server/app-error.ts';
import type { DeliveryDeps } from './deps.ts';
import { findInvitation, setInvitationStatus } from './invitations-repository.ts';
import { projectWrites, type ProjectBundle } from './repository.ts';
import { saveProjectChange } from './save-project-change.ts';

export function revokeInvitation(
  deps: DeliveryDeps,
  tenant: TenantId,
  userId: string,
  id: string,
  invitationId: string,
  reason: string | undefined,
): Promise<ProjectBundle> {
  return saveProjectChange(deps, tenant, id, async ({ project }, tx) => {
    const invitation = await findInvitation(tx, tenant, invitationId);
    if (!invitation || invitation.projectId !== project.id) throw notFound('Invitation');
    if (invitation.status !== 'pending' && invitation.status !== 'accepted')
      throw new AppError(409, 'invitation_closed', `This invitation is already ${invitation.status}`, {
        status: invitation.status,
      });
    await setInvitationStatus(tx, tenant, invitationId, {
      status: 'revoked',
      revokedBy: userId,
      revokedAt: new Date(),
    });
    await projectWrites.recordChange(tx, tenant, project.id, {
      kind: 'provider-revoked',
      before: { invitationId, status: invitation.status },
      after: { invitationId, providerOrgId: invitation.providerOrgId, status: 'revoked' },
      reason: reason ?? '',
      changedBy: userId,
    });
    return { parts: [`invitations.${invitationId}`] };
  });
}
