/**
 * What administrators may do to the organisations they manage, as pure policies. A session acts for one
 * organisation; its administrators manage that organisation and its direct children (an authority's pilot
 * enterprises, a provider's clients); the platform organisation's administrators manage every organisation
 * (`manages`, src/server/access/manages.ts, which `managedTenant` applies: an organisation the session does not
 * manage answers 404, as if it did not exist). Editors and viewers manage nothing.
 */
import { CREATABLE_KINDS, type CreatableKind } from '../../contracts/organisations.ts';
import type { OrganisationKind } from '../../contracts/auth.ts';
import type { OrganisationPlace } from '../../server/access/caller-store.ts';
import { manages } from '../../server/access/manages.ts';

/** What kinds of organisation an administrator of `kind` may create beneath it. */
export function creatableKinds(kind: OrganisationKind): CreatableKind[] {
  switch (kind) {
    case 'platform':
      return [...CREATABLE_KINDS];
    case 'authority':
      return ['enterprise', 'service_provider'];
    case 'service_provider':
    case 'association':
      return ['enterprise'];
    case 'enterprise':
      return [];
  }
}

/** Why a request is refused: the status and a message that says why. */
export interface Refusal {
  status: 400 | 403;
  code: string;
  message: string;
}

type OrgRef = Pick<OrganisationPlace, 'id' | 'kind' | 'parentId'>;

/**
 * Why administrators of `manager` may not delete `target`, which they manage (an unmanaged one is not found):
 * only its parent's administrators and the platform's delete an organisation, never the platform organisation
 * and never the one the session acts for. Undefined when they may; whether it is empty is checked apart.
 */
export function deletionRefusal(manager: OrgRef, target: OrgRef): Refusal | undefined {
  if (target.kind === 'platform') {
    return { status: 403, code: 'forbidden', message: 'The platform organisation cannot be deleted' };
  }
  if (target.id === manager.id) {
    return {
      status: 403,
      code: 'forbidden',
      message: 'You cannot delete the organisation you are acting for; its parent organisation can',
    };
  }
  if (manager.kind !== 'platform' && target.parentId !== manager.id) {
    return {
      status: 403,
      code: 'forbidden',
      message: 'Only the administrators of its parent organisation or of the platform can delete it',
    };
  }
  return undefined;
}

/**
 * Why the session user (`actorUserId`, an administrator of `manager`) may not reset the password of `targetUserId`,
 * a member of `targetOrganisations` (all of them, whatever the role). Nobody resets their own this way (they
 * change it); the platform's administrators reset anyone's; any other administrator only that of a user whose every
 * membership is in an organisation they manage — else a provider's admin could take over an account that is also,
 * say, an authority's admin. Undefined when they may.
 */
export function passwordResetRefusal(
  manager: OrgRef,
  actorUserId: string,
  targetUserId: string,
  targetOrganisations: readonly OrgRef[],
): Refusal | undefined {
  if (actorUserId === targetUserId) {
    return {
      status: 400,
      code: 'own_password',
      message: 'You cannot reset your own password; change it under your account instead',
    };
  }
  if (manager.kind === 'platform') return undefined;
  const elsewhere = targetOrganisations.filter((o) => !manages(manager, o)).length;
  if (elsewhere > 0) {
    return {
      status: 403,
      code: 'member_elsewhere',
      message:
        `This user is also a member of ${elsewhere} organisation${elsewhere === 1 ? '' : 's'} you do not ` +
        'manage; only the platform administrator can reset their password',
    };
  }
  return undefined;
}
