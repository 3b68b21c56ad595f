import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atlasResolverFor, loadAtlasPack, loadAtlasPacks } from './atlas-load.ts';
import { atlasPackYaml, checkAtlasPackYaml, writeAtlasPack } from './atlas-write.ts';

const root = 'src/packs/fixtures/atlas/good';

describe('writing atlas packs as YAML', () => {
  it('writes YAML that loads back as the same pack, with or without a base', async () => {
    const loaded = await loadAtlasPacks(root);
    if (!loaded.ok) throw new Error('fixtures do not load');
    const resolve = await atlasResolverFor(root);
    for (const atlas of loaded.catalog.values()) {
      const back = await checkAtlasPackYaml(atlas.own, resolve);
      expect(back.ok && back.atlas.own).toEqual(atlas.own);
    }
    const child = loaded.catalog.get('fixture-child')!;
    expect(Object.keys(atlasPackYaml(child.own)).sort()).toEqual([
      'links.yaml',
      'pack.yaml',
      'scenarios.yaml',
    ]);
  });

  it('writes a folder the loader reads', async () => {
    const loaded = await loadAtlasPack(`${root}/base`);
    if (!loaded.ok) throw new Error('fixture does not load');
    const dir = await mkdtemp(join(tmpdir(), 'tupu-atlas-write-'));
    try {
      await writeAtlasPack(dir, loaded.atlas.own);
      expect((await readdir(dir)).sort()).toEqual([
        'kpis.yaml',
        'links.yaml',
        'pack.yaml',
        'pain-points.yaml',
        'scenarios.yaml',
        'vocabulary.yaml',
      ]);
      const back = await loadAtlasPack(dir, { resolve: () => Promise.resolve(undefined) });
      expect(back.ok && back.atlas.own).toEqual(loaded.atlas.own);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
