/**
 * The delivery pack (packs/delivery/<id>/): the gates a project passes in order, each with its checklist and the
 * party that passes it; the supervision checklists (过程监督, 质量管控, 知识产权保护); the team's roles. Guide 二（二）.
 */
import { z } from 'zod';
import { Citation, LocalizedText } from '../shared/text.ts';

/** Who passes a gate, and whose side a team role is on. */
export const PARTIES = ['enterprise', 'provider', 'authority'] as const;
export type Party = (typeof PARTIES)[number];

const Id = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'an id is lower-case letters, digits and hyphens, starting with a letter');

export const ChecklistItem = z.strictObject({
  id: Id,
  text: LocalizedText,
  /** the item can be ticked only with at least one evidence reference */
  evidence: z.boolean(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

const uniqueIds = (what: string) => (list: readonly { id: string }[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  list.forEach((x, k) => {
    if (seen.has(x.id))
      ctx.addIssue({ code: 'custom', path: [k, 'id'], message: `${what} "${x.id}" is given twice` });
    seen.add(x.id);
  });
};

export const Gate = z.strictObject({
  id: Id,
  name: LocalizedText,
  party: z.enum(PARTIES),
  checklist: z
    .array(ChecklistItem)
    .min(1, 'a gate needs at least one checklist item')
    .superRefine(uniqueIds('item')),
});
export type Gate = z.infer<typeof Gate>;

export const SupervisionList = z.strictObject({
  id: Id,
  name: LocalizedText,
  items: z.array(ChecklistItem).min(1, 'a checklist needs at least one item').superRefine(uniqueIds('item')),
});
export type SupervisionList = z.infer<typeof SupervisionList>;

export const TeamRole = z.strictObject({ id: Id, name: LocalizedText, party: z.enum(PARTIES) });
export type TeamRole = z.infer<typeof TeamRole>;

/**
 * What an organisation invited to a project (on the side of `party`, a provider today) may change there; it reads
 * the whole project, and the enterprise itself changes everything. Milestones: add, move, mark done; costs: book
 * spend; checklists: tick the items of these gates' and supervision lists' checklists.
 */
export const InvitedRights = z.strictObject({
  party: z.enum(PARTIES),
  milestones: z.boolean(),
  costs: z.boolean(),
  checklists: z.array(Id),
});
export type InvitedRights = z.infer<typeof InvitedRights>;

/** The status light's thresholds (status-light.ts): late after this many days overdue; overrun shares of the budget. */
export const LightThresholdsSchema = z
  .strictObject({
    lateAfterDays: z.number().int().min(1).max(365),
    atRiskOverrun: z.number().min(0).max(10),
    lateOverrun: z.number().min(0).max(10),
  })
  .refine((t) => t.lateOverrun >= t.atRiskOverrun, {
    message: 'lateOverrun must be at least atRiskOverrun (late is worse than at risk)',
    path: ['lateOverrun'],
  });

export const DeliveryPackMeta = z.strictObject({
  kind: z.literal('delivery'),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a pack id is lower-case letters, digits and hyphens'),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'version is semantic: 1.0.0'),
  title: LocalizedText,
  description: LocalizedText.optional(),
  sources: z.array(Citation).min(1, 'cite at least one source'),
});
export type DeliveryPackMeta = z.infer<typeof DeliveryPackMeta>;

export const DeliveryFile = z
  .strictObject({
    gates: z.array(Gate).min(1, 'a delivery pack needs at least one gate').superRefine(uniqueIds('gate')),
    supervision: z.array(SupervisionList).superRefine(uniqueIds('checklist')),
    roles: z
      .array(TeamRole)
      .min(1, 'a delivery pack needs at least one team role')
      .superRefine(uniqueIds('role')),
    invited: z.array(InvitedRights).default([]),
    /** the status light's thresholds; the defaults of status-light.ts when absent */
    light: LightThresholdsSchema.optional(),
  })
  .superRefine((file, ctx) => {
    const lists = new Set([...file.gates.map((g) => g.id), ...file.supervision.map((s) => s.id)]);
    const parties = new Set<string>();
    file.invited.forEach((r, k) => {
      if (parties.has(r.party))
        ctx.addIssue({
          code: 'custom',
          path: ['invited', k, 'party'],
          message: `the rights of the ${r.party} are given twice`,
        });
      parties.add(r.party);
      r.checklists.forEach((id, j) => {
        if (!lists.has(id))
          ctx.addIssue({
            code: 'custom',
            path: ['invited', k, 'checklists', j],
            message: `there is no gate or supervision checklist "${id}"`,
          });
      });
    });
    // a checklist is named by its id alone in a project (a gate's or a supervision list's): one namespace
    const gateIds = new Set(file.gates.map((g) => g.id));
    file.supervision.forEach((s, k) => {
      if (gateIds.has(s.id))
        ctx.addIssue({
          code: 'custom',
          path: ['supervision', k, 'id'],
          message: `checklist "${s.id}" has the id of a gate`,
        });
    });
    for (const party of new Set(file.gates.map((g) => g.party)))
      if (!file.roles.some((r) => r.party === party))
        ctx.addIssue({
          code: 'custom',
          path: ['roles'],
          message: `a gate is passed by the ${party}, but no team role is on the ${party}'s side`,
        });
  });

export interface DeliveryPack {
  readonly meta: DeliveryPackMeta;
  readonly gates: readonly Gate[];
  readonly supervision: readonly SupervisionList[];
  readonly roles: readonly TeamRole[];
  /** what an invited organisation of each party may change in a project (none given: read only) */
  readonly invited?: readonly InvitedRights[];
  /** the status light's thresholds (DEFAULT_THRESHOLDS of status-light.ts when absent) */
  readonly light?: { lateAfterDays: number; atRiskOverrun: number; lateOverrun: number };
}

/** What an invited organisation of `party` may change in a project (nothing when the pack gives it nothing). */
export function invitedRights(pack: Pick<DeliveryPack, 'invited'>, party: Party): InvitedRights {
  return (
    pack.invited?.find((r) => r.party === party) ?? { party, milestones: false, costs: false, checklists: [] }
  );
}

/** A checklist of the pack by id: a gate's or a supervision list's. */
export function checklistOf(
  pack: Pick<DeliveryPack, 'gates' | 'supervision'>,
  id: string,
):
  | { kind: 'gate'; gate: Gate; items: readonly ChecklistItem[] }
  | { kind: 'supervision'; items: readonly ChecklistItem[]; list: SupervisionList }
  | undefined {
  const gate = pack.gates.find((g) => g.id === id);
  if (gate) return { kind: 'gate', gate, items: gate.checklist };
  const list = pack.supervision.find((s) => s.id === id);
  return list ? { kind: 'supervision', list, items: list.items } : undefined;
}
