/**
 * Edits a project's name, scope, provider, budget, dates or closed periods at the version edited. A change of scope,
 * budget, provider or dates is recorded (who, when, why) and needs a reason; the edited project must still hold
 * together (finish after start, within its budget periods, no milestone after its end).
 */
import { changeRecords } from '../../core/delivery/changes.ts';
import type { DeliveryProblem } from '../../core/delivery/gates.ts';
import { periodLastDay } from '../../core/delivery/project.ts';
import { projectProblems } from '../../core/delivery/validate.ts';
import type { UpdateProject } from '../../contracts/delivery.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { partsToWrite, requireVersion } from '../../server/versioned-save.ts';
import type { DeliveryDeps } from './deps.ts';
import { calendarOf, refused } from './project-facts.ts';
import { projectWrites, type ProjectBundle } from './repository.ts';
import { saveProjectChange } from './save-project-change.ts';

const FIELDS = [
  'name',
  'scope',
  'provider',
  'budget',
  'startPeriod',
  'finishPeriod',
  'closedThrough',
] as const;

export function updateProject(
  deps: DeliveryDeps,
  tenant: TenantId,
  userId: string,
  id: string,
  body: UpdateProject,
): Promise<ProjectBundle> {
  const version = requireVersion(body.version, 'project');
  return saveProjectChange(deps, tenant, id, async ({ project, milestones }, tx) => {
    const stored = new Map<string, unknown>(FIELDS.map((f) => [f, project[f]]));
    const sent = new Map<string, unknown>(
      FIELDS.filter((f) => body[f] !== undefined).map((f) => [f, body[f]]),
    );
    const parts = partsToWrite(sent, stored, project, version);
    if (parts.length === 0) return { parts };
    const after = Object.fromEntries(parts.map((p) => [p, sent.get(p)]));
    const edited = { ...project, ...after };
    const problems: DeliveryProblem[] = projectProblems({
      startPeriod: edited.startPeriod,
      finishPeriod: edited.finishPeriod,
      budget: edited.budget as number[],
      closedThrough: edited.closedThrough,
    });
    const end = periodLastDay(calendarOf(edited), edited.finishPeriod);
    for (const m of milestones)
      if (m.due > end)
        problems.push({
          field: 'finishPeriod',
          message: `Milestone “${m.title}” is due ${m.due}, after the project's new end ${end}; move it first`,
        });
    const before = Object.fromEntries(FIELDS.map((f) => [f, project[f]]));
    const records = changeRecords(before, after, {
      by: userId,
      at: new Date().toISOString(),
      reason: body.reason ?? '',
    });
    if (records.length > 0 && body.reason === undefined)
      problems.push({
        field: 'reason',
        message: `A change of ${records.map((r) => r.kind).join(', ')} during delivery is recorded with its reason: send "reason"`,
      });
    if (problems.length > 0) throw refused('invalid_project', problems);
    for (const r of records)
      await projectWrites.recordChange(tx, tenant, project.id, {
        kind: r.kind,
        before: r.from,
        after: r.to,
        reason: r.reason,
        changedBy: userId,
      });
    return { parts, patch: after };
  });
}
