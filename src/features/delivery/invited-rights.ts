/**
 * What an invited organisation may change in a project: the delivery pack's `invited` rights of its party
 * (packs/delivery/<id>/delivery.yaml). The project's own enterprise may change everything; an invited provider only
 * the milestones, costs and checklists its party is given — anything else is 403, naming what it may not change.
 */
import { invitedRights, type DeliveryPack } from '../../core/delivery/pack-schema.ts';
import { forbidden } from '../../server/app-error.ts';
import type { Writer } from './deps.ts';

export type InvitedPart = { kind: 'milestones' } | { kind: 'costs' } | { kind: 'checklist'; id: string };

const partText = (part: InvitedPart) =>
  part.kind === 'checklist' ? `the checklist “${part.id}”` : `the project's ${part.kind}`;

/** 403 unless `writer` is the project's own organisation or its party's invited rights cover `part`. */
export function requireInvitedRight(pack: DeliveryPack, writer: Writer, part: InvitedPart): void {
  if (!writer.invited) return;
  const party = writer.organisationParty ?? 'provider';
  const rights = invitedRights(pack, party);
  const allowed =
    part.kind === 'checklist' ? rights.checklists.includes(part.id) : rights[part.kind] === true;
  if (!allowed)
    throw forbidden(
      `As the invited ${party} you may not change ${partText(part)} of this project: the delivery pack ` +
        `${pack.meta.id} gives the ${party} ${describe(rights)}`,
    );
}

function describe(rights: ReturnType<typeof invitedRights>): string {
  const parts = [
    rights.milestones ? 'milestones' : '',
    rights.costs ? 'costs' : '',
    rights.checklists.length > 0 ? `the checklists ${rights.checklists.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'read access only';
}
