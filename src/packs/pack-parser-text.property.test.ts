/**
 * Hostile input to the pack parser (issue 18), part 1 of 2 (with pack-parser-values.property.test.ts, 10,000 packs
 * in all): generated atlas packs go through parseYaml and checkAtlasPackFiles, the path both the pack loader and the
 * spreadsheet import take. Each is read within a bounded time, nothing throws, and a refusal is a list of
 * `file:line: message` naming a file of the pack and a line inside it (tests/support/atlas-pack-arbitraries.ts).
 * Two files of about 10 s each rather than one of 30 s: a problem's line costs ~2 ms (the `yaml` locator).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ROLES,
  VALID,
  aliasBomb,
  anyText,
  checkPack,
  lineEdit,
  pack,
} from '../../tests/support/atlas-pack-arbitraries.ts';
import { ATLAS_FILES, checkAtlasPackFiles, type AtlasPackFiles } from './atlas-check.ts';
import { parseYaml } from './yaml-source.ts';

/**
 * The whole run's limit, far above its ~10 s alone: on a machine busy with other work it took over 30 s. Each input
 * has its own bound.
 */
const PROPERTY_TIMEOUT_MS = 180_000;

describe('the pack parser under hostile text (5,500 generated packs)', () => {
  it('accepts the valid pack the generators start from', async () => {
    const files: AtlasPackFiles = {};
    for (const r of ROLES) files[r] = parseYaml(ATLAS_FILES[r], VALID[r]);
    expect((await checkAtlasPackFiles(files, async () => undefined)).ok).toBe(true);
  });

  it(
    '3,000 packs of arbitrary text and YAML syntax, alias bombs among them',
    { timeout: PROPERTY_TIMEOUT_MS },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          pack(() => anyText),
          aliasBomb,
          fc.boolean(),
          async (texts, bomb, useBomb) => checkPack(useBomb ? { ...texts, scenarios: bomb } : texts),
        ),
        { numRuns: 3_000 },
      );
    },
  );

  it(
    '2,500 packs with lines of valid files deleted, doubled, swapped, re-indented or replaced',
    { timeout: PROPERTY_TIMEOUT_MS },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          pack((r) => lineEdit(VALID[r])),
          checkPack,
        ),
        { numRuns: 2_500 },
      );
    },
  );
});
