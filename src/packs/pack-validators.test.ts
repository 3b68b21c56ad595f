import { describe, expect, it } from 'vitest';
import { validatePacks } from './pack-validators.ts';
import { formatProblem } from './yaml-source.ts';

const fixtures = 'src/packs/fixtures/atlas';

describe('validatePacks', () => {
  it('summarises a valid atlas root, one line per pack', async () => {
    const r = await validatePacks(`${fixtures}/good`);
    expect(r.problems).toEqual([]);
    expect(r.summaries).toEqual([
      'atlas fixture-base@1.0.0 4 scenarios, 4 links',
      'atlas fixture-child@0.1.0 extends fixture-base, 1 own scenarios; 5 scenarios, 5 links',
    ]);
  });
  it('validates a single pack folder, finding its base beside it', async () => {
    const r = await validatePacks(`${fixtures}/good/child`);
    expect(r.summaries).toHaveLength(1);
  });
  it('reports the problems of a broken pack', async () => {
    const r = await validatePacks(`${fixtures}/bad/all-problems`);
    expect(r.problems).toHaveLength(7);
  });
  it('says so for an unknown kind, a missing kind, and a folder without packs', async () => {
    expect((await validatePacks(`${fixtures}/other-kinds`)).problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^src\/packs\/fixtures\/atlas\/other-kinds\/nokind\/pack.yaml:1: pack.yaml has no kind \(or cannot be read\); expected one of: atlas\b/,
      ),
      expect.stringMatching(
        /^src\/packs\/fixtures\/atlas\/other-kinds\/widget\/pack.yaml:1: unknown pack kind "widget"; known kinds: atlas\b/,
      ),
    ]);
    expect((await validatePacks('src/core')).problems.map(formatProblem)).toEqual([
      'src/core:1: no pack.yaml found here or in the folders below',
    ]);
  });
});
