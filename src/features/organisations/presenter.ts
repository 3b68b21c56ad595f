/** 组织与成员 — how an organisation, a member and an invitation are shown to the API's clients. */
import type {
  CreatableKind,
  InvitationView,
  MemberView,
  OrganisationList,
  OrganisationView,
} from '../../contracts/organisations.ts';
import { invitationStatus, type InvitationRow } from './repositories/invitations.ts';
import type { MemberRow, OrganisationRow } from './repositories/organisations.ts';

export function presentOrganisation(row: OrganisationRow): OrganisationView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    parentId: row.parentId,
    regionCode: row.regionCode,
    memberCount: row.memberCount,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

export function presentOrganisationList(listed: {
  organisations: readonly OrganisationRow[];
  canCreate: CreatableKind[];
}): OrganisationList {
  return { organisations: listed.organisations.map(presentOrganisation), canCreate: listed.canCreate };
}

export function presentMember(row: MemberRow): MemberView {
  return { ...row, joinedAt: row.joinedAt.toISOString() };
}

export function presentInvitation(row: InvitationRow, now = new Date()): InvitationView {
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: row.orgName,
    orgKind: row.orgKind,
    email: row.email,
    role: row.role,
    status: invitationStatus(row, now),
    invitedBy: row.invitedBy,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}
