/**
 * The SQL of provider invitations to projects. An invitation is the enterprise's row (keyed by its org_id, beneath
 * the project); the provider side reads it by its own tenant (`provider_org_id`), never by the enterprise's.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { deliveryProjects, deliveryProviderInvitations, organisations } from '../../db/schema.ts';
import type { TenantId } from '../../server/access/tenant.ts';

export type InvitationRow = typeof deliveryProviderInvitations.$inferSelect;
export type InvitationStatus = InvitationRow['status'];

const inv = deliveryProviderInvitations;

/** The enterprise owning `projectId` when it has given the provider `provider` access (an accepted invitation). */
export async function sharedProjectOwner(
  db: Db,
  provider: TenantId,
  projectId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ orgId: inv.orgId })
    .from(inv)
    .where(and(eq(inv.providerOrgId, provider), eq(inv.projectId, projectId), eq(inv.status, 'accepted')))
    .limit(1);
  return row?.orgId;
}

/** The enterprise that sent invitation `id` when it is addressed to the provider `provider` (any status). */
export async function invitationOwner(db: Db, provider: TenantId, id: string): Promise<string | undefined> {
  const [row] = await db
    .select({ orgId: inv.orgId })
    .from(inv)
    .where(and(eq(inv.providerOrgId, provider), eq(inv.id, id)))
    .limit(1);
  return row?.orgId;
}

/** An organisation's kind and name, to check whom an enterprise invites (organisations is a shared table). */
export async function organisationKindAndName(
  db: Db,
  id: string,
): Promise<{ id: string; kind: string; name: string } | undefined> {
  const [row] = await db
    .select({ id: organisations.id, kind: organisations.kind, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, id))
    .limit(1);
  return row;
}

export async function findInvitation(
  db: Db,
  tenant: TenantId,
  id: string,
): Promise<InvitationRow | undefined> {
  const [row] = await db
    .select()
    .from(inv)
    .where(and(eq(inv.orgId, tenant), eq(inv.id, id)))
    .limit(1);
  return row;
}

/** The open (pending or accepted) invitation of `providerOrgId` to the project, if any. */
export async function findOpenInvitation(
  db: Db,
  tenant: TenantId,
  projectId: string,
  providerOrgId: string,
): Promise<InvitationRow | undefined> {
  const [row] = await db
    .select()
    .from(inv)
    .where(
      and(
        eq(inv.orgId, tenant),
        eq(inv.projectId, projectId),
        eq(inv.providerOrgId, providerOrgId),
        inArray(inv.status, ['pending', 'accepted']),
      ),
    )
    .limit(1);
  return row;
}

export const insertInvitation = (
  tx: Db,
  tenant: TenantId,
  projectId: string,
  i: Pick<InvitationRow, 'providerOrgId' | 'invitedBy'>,
) =>
  tx
    .insert(inv)
    .values({ ...i, orgId: tenant, projectId })
    .returning()
    .then((r) => r[0]!);

export const setInvitationStatus = (
  tx: Db,
  tenant: TenantId,
  id: string,
  patch: Partial<Pick<InvitationRow, 'status' | 'respondedBy' | 'respondedAt' | 'revokedBy' | 'revokedAt'>>,
) =>
  tx
    .update(inv)
    .set(patch)
    .where(and(eq(inv.orgId, tenant), eq(inv.id, id)));

export interface InvitationListing extends InvitationRow {
  projectName: unknown;
  enterpriseName: string;
  providerName: string;
}

const enterprise = alias(organisations, 'enterprise');
const providerOrg = alias(organisations, 'provider');

function listing(db: Db) {
  return db
    .select({
      invitation: inv,
      projectName: deliveryProjects.name,
      enterpriseName: enterprise.name,
      providerName: providerOrg.name,
    })
    .from(inv)
    .innerJoin(
      deliveryProjects,
      and(eq(deliveryProjects.orgId, inv.orgId), eq(deliveryProjects.id, inv.projectId)),
    )
    .innerJoin(enterprise, eq(enterprise.id, inv.orgId))
    .innerJoin(providerOrg, eq(providerOrg.id, inv.providerOrgId));
}

const flat = (
  rows: { invitation: InvitationRow; projectName: unknown; enterpriseName: string; providerName: string }[],
): InvitationListing[] => rows.map(({ invitation, ...names }) => ({ ...invitation, ...names }));

/** The project's invitations, newest first (the enterprise's view). */
export async function listProjectInvitations(
  db: Db,
  tenant: TenantId,
  projectId: string,
): Promise<InvitationListing[]> {
  return flat(
    await listing(db)
      .where(and(eq(inv.orgId, tenant), eq(inv.projectId, projectId)))
      .orderBy(desc(inv.invitedAt)),
  );
}

/** The invitations addressed to the provider `provider`, pending and accepted, newest first (its view). */
export async function listProviderInvitations(db: Db, provider: TenantId): Promise<InvitationListing[]> {
  return flat(
    await listing(db)
      .where(and(eq(inv.providerOrgId, provider), inArray(inv.status, ['pending', 'accepted'])))
      .orderBy(desc(inv.invitedAt)),
  );
}
