/**
 * The enterprise invites a service-provider organisation to one of its projects. Refused, writing nothing: an
 * organisation that is not a service provider (or does not exist — the same answer, so ids cannot be probed), the
 * enterprise itself, a provider already invited and not yet declined or revoked, or one the pool's rule refuses
 * (`providerEligibility`: "the pilot requires the pool"). Recorded in the project's change history.
 */
import type { InviteProvider } from '../../contracts/delivery.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { AppError } from '../../server/app-error.ts';
import { anyServiceProvider, type DeliveryDeps } from './deps.ts';
import { findOpenInvitation, insertInvitation, organisationKindAndName } from './invitations-repository.ts';
import { refused } from './project-facts.ts';
import { projectWrites, type ProjectBundle } from './repository.ts';
import { saveProjectChange } from './save-project-change.ts';

export async function inviteProvider(
  deps: DeliveryDeps,
  tenant: TenantId,
  userId: string,
  id: string,
  body: InviteProvider,
): Promise<ProjectBundle> {
  const eligibility = deps.providerEligibility ?? anyServiceProvider;
  const asked = await eligibility({ enterprise: tenant, providerOrgId: body.providerOrgId });
  return saveProjectChange(deps, tenant, id, async ({ project }, tx) => {
    const field = 'providerOrgId';
    const org = await organisationKindAndName(tx, body.providerOrgId);
    if (!org || org.kind !== 'service_provider' || org.id === tenant)
      throw refused('invalid_invitation', [
        { field, message: `There is no service-provider organisation ${body.providerOrgId} to invite` },
      ]);
    if (asked.length > 0) throw refused('provider_not_eligible', asked);
    const open = await findOpenInvitation(tx, tenant, project.id, org.id);
    if (open)
      throw new AppError(
        409,
        'already_invited',
        `“${org.name}” is already invited to this project (${open.status}); nothing was saved`,
        { field, invitationId: open.id, status: open.status },
      );
    const invitation = await insertInvitation(tx, tenant, project.id, {
      providerOrgId: org.id,
      invitedBy: userId,
    });
    await projectWrites.recordChange(tx, tenant, project.id, {
      kind: 'provider-invited',
      before: {},
      after: {
        invitationId: invitation.id,
        providerOrgId: org.id,
        providerName: org.name,
        status: 'pending',
      },
      reason: body.reason ?? '',
      changedBy: userId,
    });
    return { parts: [`invitations.${invitation.id}`] };
  });
}
