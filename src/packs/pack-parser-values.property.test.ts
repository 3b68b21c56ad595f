/**
 * Hostile input to the pack parser (issue 18), part 2 of 2 (with pack-parser-text.property.test.ts, 10,000 packs in
 * all): a valid atlas pack with one value of each edited file, anywhere in it, replaced by any JSON value or removed.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { ROLES, VALID, checkPack, pack, valueEdit } from '../../tests/support/atlas-pack-arbitraries.ts';
import type { AtlasFileRole } from './atlas-check.ts';

/**
 * The whole run's limit, far above its ~10 s alone: on a machine busy with other work it took over 30 s. Each input
 * has its own bound.
 */
const PROPERTY_TIMEOUT_MS = 180_000;

describe('the pack parser under hostile values (4,500 generated packs)', () => {
  it(
    '4,500 packs with a value of a valid file replaced by any JSON value, or removed',
    { timeout: PROPERTY_TIMEOUT_MS },
    async () => {
      const edits = Object.fromEntries(ROLES.map((r) => [r, valueEdit(VALID[r])])) as Record<
        AtlasFileRole,
        fc.Arbitrary<string>
      >;
      await fc.assert(
        fc.asyncProperty(
          pack((r) => edits[r]),
          checkPack,
        ),
        { numRuns: 4_500 },
      );
    },
  );
});
