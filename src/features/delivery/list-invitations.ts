/** The invitations of a project (its enterprise's view) and those addressed to a provider (the provider's view). */
import type { ProjectInvitation } from '../../contracts/delivery.ts';
import type { Db } from '../../db/client.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import {
  listProjectInvitations,
  listProviderInvitations,
  type InvitationListing,
} from './invitations-repository.ts';

const present = (i: InvitationListing): ProjectInvitation => ({
  id: i.id,
  projectId: i.projectId,
  projectName: i.projectName as ProjectInvitation['projectName'],
  enterpriseId: i.orgId,
  enterpriseName: i.enterpriseName,
  providerOrgId: i.providerOrgId,
  providerName: i.providerName,
  status: i.status,
  invitedAt: i.invitedAt.toISOString(),
  invitedBy: i.invitedBy,
  respondedAt: i.respondedAt?.toISOString() ?? null,
  revokedAt: i.revokedAt?.toISOString() ?? null,
});

export const projectInvitations = async (db: Db, tenant: TenantId, projectId: string) =>
  (await listProjectInvitations(db, tenant, projectId)).map(present);

/** Pending and accepted invitations addressed to the provider organisation `provider`. */
export const invitationsToProvider = async (db: Db, provider: TenantId) =>
  (await listProviderInvitations(db, provider)).map(present);
