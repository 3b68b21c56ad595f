import type { StaleVersionDetails } from '../../../src/contracts/versioning.ts';
import { ApiError } from '../api/client.ts';

export type { StaleVersionDetails };

/** The details of a 409 stale_version (someone else saved since this was loaded), else null. */
export function staleDetails<T>(error: unknown): (StaleVersionDetails & { current: T }) | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== 'stale_version') return null;
  const details = error.details as Partial<StaleVersionDetails> | null;
  if (!details || typeof details.currentVersion !== 'number' || !Array.isArray(details.changed)) return null;
  return details as StaleVersionDetails & { current: T };
}

export {
  mergeFields,
  resolveMerge,
  sameValue,
  type FieldMerge,
  type Pick,
} from '../../../src/core/shared/three-way-merge.ts';
