/**
 * Gates and checklists: a gate passes only when every earlier gate has passed, its checklist is complete (each item
 * ticked, with evidence where the pack asks for it), and the one passing it acts for the party the pack names.
 */
import type { ChecklistItem, DeliveryPack, Party } from './pack-schema.ts';
import { checklistOf } from './pack-schema.ts';

export interface Tick {
  readonly checklistId: string;
  readonly itemId: string;
  /** references of the evidence files */
  readonly evidence: readonly string[];
}

export interface DeliveryProblem {
  /** what the problem is about: `gates.filing`, `checklists.ip.source-escrow`, `costs.period`, `milestones.due` … */
  readonly field: string;
  readonly message: string;
}

const ticked = (ticks: readonly Tick[], checklistId: string, item: ChecklistItem) =>
  ticks.find((t) => t.checklistId === checklistId && t.itemId === item.id);

/** Problems of ticking one item (unknown list or item, evidence required but none given). */
export function tickProblems(
  pack: Pick<DeliveryPack, 'gates' | 'supervision'>,
  tick: Tick,
): DeliveryProblem[] {
  const list = checklistOf(pack, tick.checklistId);
  const field = `checklists.${tick.checklistId}.${tick.itemId}`;
  if (!list) return [{ field, message: `There is no checklist "${tick.checklistId}" in the delivery pack` }];
  const item = list.items.find((i) => i.id === tick.itemId);
  if (!item) return [{ field, message: `Checklist "${tick.checklistId}" has no item "${tick.itemId}"` }];
  if (item.evidence && tick.evidence.length === 0)
    return [
      { field, message: `“${item.text.en}” (${item.text.zh}) needs at least one evidence file to be ticked` },
    ];
  return [];
}

export interface GatePass {
  readonly gateId: string;
}

/** Why `gateId` cannot pass now; empty when it can. */
export function gatePassProblems(
  pack: Pick<DeliveryPack, 'gates' | 'supervision'>,
  state: { readonly passed: readonly GatePass[]; readonly ticks: readonly Tick[] },
  gateId: string,
  /** the parties the one passing acts for */
  parties: readonly Party[],
): DeliveryProblem[] {
  const index = pack.gates.findIndex((g) => g.id === gateId);
  const field = `gates.${gateId}`;
  if (index < 0) return [{ field, message: `There is no gate "${gateId}" in the delivery pack` }];
  const gate = pack.gates[index]!;
  const name = `Gate “${gate.name.en}” (${gate.name.zh})`;
  if (state.passed.some((p) => p.gateId === gateId))
    return [{ field, message: `${name} has already passed` }];
  const problems: DeliveryProblem[] = [];
  const earlier = pack.gates.slice(0, index).filter((g) => !state.passed.some((p) => p.gateId === g.id));
  if (earlier.length > 0)
    problems.push({
      field,
      message: `${name} comes after ${earlier.map((g) => `“${g.name.en}” (${g.name.zh})`).join(', ')}, not passed yet`,
    });
  const missing = gate.checklist.filter((item) => {
    const t = ticked(state.ticks, gate.id, item);
    return !t || (item.evidence && t.evidence.length === 0);
  });
  if (missing.length > 0)
    problems.push({
      field: `${field}.checklist`,
      message:
        `${name} cannot pass: its checklist is not complete (${missing.length} of ${gate.checklist.length} open: ` +
        `${missing.map((i) => `“${i.text.en}”`).join(', ')})`,
    });
  if (!parties.includes(gate.party))
    problems.push({
      field: `${field}.party`,
      message: `${name} is passed by the ${gate.party}; you act for ${parties.length > 0 ? `the ${parties.join(', the ')}` : 'no party of this project'}`,
    });
  return problems;
}

/** The gate a project is at: the first not passed (undefined once all have passed). */
export function currentGate(
  pack: Pick<DeliveryPack, 'gates'>,
  passed: readonly GatePass[],
): string | undefined {
  return pack.gates.find((g) => !passed.some((p) => p.gateId === g.id))?.id;
}
