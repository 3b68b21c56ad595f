/**
 * 验收满意度: the enterprise rates its provider's work (1 … 5, with a comment) once the project passed the pack's last
 * gate (竣工验收). Only the enterprise that owns the project rates — not an invited provider rating itself — and
 * only a project with a provider to rate. A new rating replaces the earlier one (the project's version moves on and
 * the change is in its history); the provider's grade (工作实效) reads the latest.
 */
import type { RateAcceptance } from '../../contracts/delivery.ts';
import { AppError } from '../../server/app-error.ts';
import type { TenantId } from '../../server/access/tenant.ts';
import { changedSince, requireVersion, StaleSave } from '../../server/versioned-save.ts';
import type { DeliveryDeps, Writer } from './deps.ts';
import type { ProjectBundle } from './repository.ts';
import { saveProjectChange } from './save-project-change.ts';

const PART = 'acceptance';

export function rateAcceptance(
  deps: DeliveryDeps,
  tenant: TenantId,
  writer: Writer,
  id: string,
  body: RateAcceptance,
): Promise<ProjectBundle> {
  if (writer.invited || writer.organisationParty !== 'enterprise')
    throw new AppError(
      403,
      'not_the_enterprise',
      'Only the enterprise that runs the project rates its provider’s work; nothing was saved',
    );
  const version = requireVersion(body.version, 'project');
  return saveProjectChange(deps, tenant, id, async ({ project, passes }) => {
    const changed = changedSince(project.fieldVersions, version);
    if (version > project.version || changed.includes(PART)) throw new StaleSave(project.version, changed);
    const finalGate = deps.pack.gates[deps.pack.gates.length - 1];
    if (!finalGate || !passes.some((p) => p.gateId === finalGate.id))
      throw new AppError(
        409,
        'not_accepted',
        `The project has not passed its last gate (${finalGate?.id ?? 'none'}): the provider’s work is rated at acceptance; nothing was saved`,
      );
    if (!project.provider?.trim())
      throw new AppError(409, 'no_provider', 'The project names no provider to rate; nothing was saved');
    return {
      parts: [PART],
      patch: {
        acceptanceRating: body.rating,
        acceptanceComment: body.comment,
        acceptanceRatedBy: writer.userId,
        acceptanceRatedAt: deps.now(),
      },
    };
  });
}
