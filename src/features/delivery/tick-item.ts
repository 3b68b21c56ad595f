import { tickProblems } from '../../core/delivery/gates.ts';
import type { TickItem } from '../../contracts/delivery.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { AppError } from '../../server/app-error.ts';
import { changedSince, requireVersion, StaleSave } from '../../server/versioned-save.ts';
import type { DeliveryDeps, Writer } from './deps.ts';
import { requireInvitedRight } from './invited-rights.ts';
import { fileReference, projectFileItem } from './project-files.ts';
import { refused } from './project-facts.ts';
import { projectWrites, type ProjectBundle } from './repository.ts';
import { saveProjectChange } from './save-project-change.ts';

/**
 * Ticks (with evidence references and the item's uploaded files) or unticks an item of a gate's or a supervision checklist, at the project
 * version edited. An item of a gate already passed stays as it was.
 */
export function tickItem(
  deps: DeliveryDeps,
  tenant: TenantId,
  writer: Writer,
  id: string,
  checklistId: string,
  itemId: string,
  body: TickItem,
): Promise<ProjectBundle> {
  requireInvitedRight(deps.pack, writer, { kind: 'checklist', id: checklistId });
  const version = requireVersion(body.version, 'project');
  return saveProjectChange(deps, tenant, id, async ({ project, passes, files }, tx) => {
    const part = `checklists.${checklistId}.${itemId}`;
    const changed = changedSince(project.fieldVersions, version);
    if (version > project.version || changed.includes(part)) throw new StaleSave(project.version, changed);
    // the item's uploaded files are evidence too: the tick keeps a reference to each (project-files.ts)
    const uploaded = files
      .filter((f) => f.itemId === projectFileItem(checklistId, itemId))
      .map((f) => fileReference(f.id));
    const evidence = body.ticked ? [...new Set([...body.evidence, ...uploaded])] : [];
    const problems = tickProblems(deps.pack, {
      checklistId,
      itemId,
      evidence: body.ticked ? evidence : ['-'],
    });
    if (problems.length > 0) throw refused('invalid_tick', problems);
    if (passes.some((p) => p.gateId === checklistId))
      throw new AppError(
        409,
        'gate_passed',
        `Gate “${checklistId}” has passed: its checklist is closed; nothing was saved`,
      );
    if (body.ticked)
      await projectWrites.tick(tx, tenant, project.id, {
        checklistId,
        itemId,
        evidence,
        tickedBy: writer.userId,
      });
    else await projectWrites.untick(tx, tenant, project.id, checklistId, itemId);
    return { parts: [part] };
  });
}
