import { providerTypes } from '../../core/providers/classes.ts';
import { poolStep, type Refusal, type RefusalCode } from '../../core/providers/membership.ts';
import type { PoolStepRequest } from '../../contracts/providers.ts';
import { AppError, forbidden, notFound } from '../../server/app-error.ts';
import type { MemberCaller } from '../../server/access/caller.ts';
import { today, type ProviderDeps } from './deps.ts';
import { refused } from './problems.ts';
import { poolStateOf } from './provider-world.ts';
import { stepPool, type PoolRow } from './repository.ts';

/** The provider's own steps; every other is the authority's that opened the pool. */
const PROVIDER_STEPS: readonly PoolStepRequest['kind'][] = ['apply', 'appeal', 'withdraw'];

/** Refusals that are about the request itself (400); the others conflict with the membership's state (409). */
const BAD_REQUEST: readonly RefusalCode[] = ['bad-date', 'bad-scores', 'type-not-in-pool'];

function refusal(pool: PoolRow, r: Refusal): AppError {
  const name = (pool.definition as { name?: string }).name ?? pool.id;
  return new AppError(
    BAD_REQUEST.includes(r.code) ? 400 : 409,
    r.code.replace(/-/g, '_'),
    `Pool “${name}”: ${r.message}; nothing was changed`,
    { refusal: r, pool: { id: pool.id, name } },
  );
}

/**
 * One step of a membership, through the domain's state machine (`poolStep`) under the pool's row lock: the provider
 * applies, appeals or withdraws for itself; the authority that opened the pool reviews, admits (against the quota of
 * the provider's type, counted under the lock), warns, orders rectification, records it done, removes, and decides
 * appeals. A refused step answers with the domain's reason and stores nothing.
 */
export async function stepPoolMembership(
  deps: ProviderDeps,
  caller: MemberCaller,
  poolId: string,
  body: PoolStepRequest,
): Promise<PoolRow> {
  const day = today(deps);
  const at = body.at ?? day;
  if (at > day)
    throw refused('invalid_pool_step', [
      {
        field: 'at',
        message: `a step is recorded on the day it was taken, not ahead (${at} is after ${day})`,
      },
    ]);
  const own = PROVIDER_STEPS.includes(body.kind);
  if (own && caller.organisation.kind !== 'service_provider')
    throw forbidden(`Only a service-provider organisation may ${body.kind} for itself in a provider pool`);
  if (body.kind === 'apply' && !providerTypes(deps.packs.classes).some((t) => t.id === body.typeId))
    throw refused('invalid_pool_step', [
      { field: 'typeId', message: `unknown provider type "${body.typeId}"` },
    ]);
  const providerId = 'providerId' in body ? body.providerId : caller.tenant;
  const { at: _at, ...rest } = body;
  const command = { ...rest, providerId, at, by: caller.user.id };

  const saved = await stepPool(
    deps.db,
    caller.tenant,
    poolId,
    (pool, steps) => {
      if (!own && pool.orgId !== caller.tenant) {
        const name = (pool.definition as { name?: string }).name ?? pool.id;
        throw forbidden(`Only the authority that opened pool “${name}” may ${body.kind} its members`);
      }
      const state = poolStateOf({ pool, authorityName: '', steps: [...steps] });
      const r = poolStep(state, command);
      if (!r.ok) throw refusal(pool, r.refusal);
      return { providerId, command };
    },
    deps.audit,
  );
  if (!saved) throw notFound('Pool');
  return saved;
}
