import { useState } from 'react';
import { staleDetails, type StaleVersionDetails } from './stale-version.ts';

/**
 * A save that may answer 409 stale_version (someone else saved since this was loaded): the details to show in the
 * StaleVersionDialog while it is open, and the base the user edited from, for a merge.
 */
export function useVersionedSave<T>(mutation: { error: Error | null; reset: () => void }): {
  stale: (StaleVersionDetails & { current: T }) | null;
  close: () => void;
} {
  const [closed, setClosed] = useState<Error | null>(null);
  const error = mutation.error === closed ? null : mutation.error;
  return {
    stale: staleDetails<T>(error),
    close: () => {
      setClosed(mutation.error);
      mutation.reset();
    },
  };
}
