/** The two reads the access layer makes itself: the caller's membership, and an organisation's place in the tree. */
import { and, eq } from 'drizzle-orm';
import type { Role } from '../../contracts/auth.ts';
import type { Db } from '../../db/client.ts';
import { memberships, organisations, type OrganisationKind } from '../../db/schema.ts';

export interface OrganisationPlace {
  id: string;
  kind: OrganisationKind;
  parentId: string | null;
}

/** The user's role in the organisation and where that organisation sits; undefined when they are not a member. */
export async function findMembership(
  db: Db,
  orgId: string,
  userId: string,
): Promise<{ role: Role; organisation: OrganisationPlace } | undefined> {
  const [row] = await db
    .select({
      role: memberships.role,
      id: organisations.id,
      kind: organisations.kind,
      parentId: organisations.parentId,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.orgId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
    .limit(1);
  if (!row) return undefined;
  const { role, ...organisation } = row;
  return { role, organisation };
}

export async function findOrganisationPlace(db: Db, id: string): Promise<OrganisationPlace | undefined> {
  const [row] = await db
    .select({ id: organisations.id, kind: organisations.kind, parentId: organisations.parentId })
    .from(organisations)
    .where(eq(organisations.id, id))
    .limit(1);
  return row;
}
