/**
 * Passes a gate: only when every earlier gate has passed, its checklist is complete, and the caller acts for the
 * party the delivery pack names — the enterprise (a member of the project's own organisation), or a provider or an
 * authority through a team role of that party held by the caller's user account.
 */
import { gatePassProblems } from '../../core/delivery/gates.ts';
import type { Party } from '../../core/delivery/pack-schema.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import type { DeliveryDeps, Writer } from './deps.ts';
import { refused } from './project-facts.ts';
import { projectWrites, type ProjectBundle } from './repository.ts';
import { saveProjectChange } from './save-project-change.ts';

export function passGate(
  deps: DeliveryDeps,
  tenant: TenantId,
  writer: Writer,
  id: string,
  gateId: string,
): Promise<ProjectBundle> {
  return saveProjectChange(deps, tenant, id, async ({ project, team, ticks, passes }, tx) => {
    const roleParty = new Map(deps.pack.roles.map((r) => [r.id, r.party]));
    const parties = new Set<Party>(writer.organisationParty === null ? [] : [writer.organisationParty]);
    for (const m of team) {
      const party = roleParty.get(m.role);
      if (m.userId === writer.userId && party) parties.add(party);
    }
    const gate = deps.pack.gates.find((g) => g.id === gateId);
    const problems = gatePassProblems(
      deps.pack,
      {
        passed: passes,
        ticks: ticks.map((t) => ({
          checklistId: t.checklistId,
          itemId: t.itemId,
          evidence: t.evidence as string[],
        })),
      },
      gateId,
      [...parties],
    );
    if (problems.length > 0 || !gate) throw refused('gate_refused', problems);
    await projectWrites.pass(tx, tenant, project.id, { gateId, party: gate.party, passedBy: writer.userId });
    return { parts: [`gates.${gateId}`] };
  });
}
