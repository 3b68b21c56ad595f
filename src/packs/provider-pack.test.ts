import { describe, expect, it } from 'vitest';
import { providerTypes } from '../core/providers/classes.ts';
import { validatePacks } from './pack-validators.ts';
import { listProviderClassesPacks, loadProviderClassesPack } from './provider-pack.ts';
import { formatProblem } from './yaml-source.ts';

const fixtures = 'src/packs/fixtures/providers';

describe('provider-classes pack loader', () => {
  it('loads the shipped T/ZJEI 010-2023 pack: four classes, twelve types, zh and en names', async () => {
    expect(await listProviderClassesPacks('packs/providers')).toContain('tzjei-010-2023');
    const r = await loadProviderClassesPack('packs/providers/tzjei-010-2023', undefined, 'tzjei-010-2023');
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([]);
    if (!r.ok) return;
    expect(r.pack.classes.map((c) => c.name.zh)).toEqual([
      '咨询评价类',
      '硬件设施类',
      '工业软件类',
      '集成与平台类',
    ]);
    const types = providerTypes(r.pack);
    expect(types).toHaveLength(12);
    expect(new Set(types.map((t) => t.id)).size).toBe(12);
    const cjk = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
    for (const t of types) {
      expect(t.name.zh).toMatch(cjk);
      expect(t.name.en).not.toMatch(cjk);
    }
    expect(r.pack.meta.guide.section.zh).toContain('五（四）');
    expect(types.filter((t) => t.assumed).map((t) => t.id)).toEqual([
      'security-facilities',
      'data-services',
      'platform-cross-industry',
      'platform-specialised',
    ]);
    expect(r.pack.pilotCategories.map((c) => c.id)).toEqual(['chain-leader', 'integrated', 'light-products']);
  });

  it('reports schema problems of both files at once, each with file and line', async () => {
    const r = await loadProviderClassesPack(`${fixtures}/bad-schema`);
    const f = `${fixtures}/bad-schema`;
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      `${f}/pack.yaml:3: version: version must be semantic, e.g. 1.0.0`,
      `${f}/classes.yaml:6: classes.0.types.0.name.en: Invalid input: expected string, received undefined`,
      `${f}/classes.yaml:7: classes.0.types.0.scenarios.1: scenario code must look like GEN-PM-03 or EQP.MACH-PM-07 (INDUSTRY[.SEGMENT]-CATEGORY-NN)`,
      `${f}/classes.yaml:8: classes.1.id: ids must be kebab-case, e.g. planning-consulting`,
      `${f}/classes.yaml:10: classes.1.types: Too small: expected array to have >=1 items`,
      `${f}/classes.yaml:14: pilotCategories.0.typicalPoolSize: min must not exceed max`,
    ]);
  });

  it('reports duplicate ids across classes, types and categories, with lines', async () => {
    const r = await loadProviderClassesPack(`${fixtures}/duplicate-ids`);
    const f = `${fixtures}/duplicate-ids/classes.yaml`;
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      `${f}:7: duplicate id "planning" (already used by type planning)`,
      `${f}:12: duplicate id "consulting" (already used by class consulting)`,
      `${f}:15: duplicate id "software" (already used by class software)`,
    ]);
  });

  it('reports a YAML syntax error with its line, and a pack id that is not the folder', async () => {
    const r = await loadProviderClassesPack(`${fixtures}/bad-syntax`);
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^src\/packs\/fixtures\/providers\/bad-syntax\/pack\.yaml:\d+: YAML syntax error: /,
      ),
    ]);
    const wrong = await loadProviderClassesPack('packs/providers/tzjei-010-2023', undefined, 'other-id');
    expect(wrong.ok ? [] : wrong.problems.map(formatProblem)).toEqual([
      'packs/providers/tzjei-010-2023/pack.yaml:2: pack id tzjei-010-2023 ≠ folder other-id',
    ]);
  });

  it('is a kind `tupu pack validate` knows', async () => {
    const r = await validatePacks('packs/providers');
    expect(r.problems).toEqual([]);
    expect(r.summaries).toEqual([
      'provider-classes tzjei-010-2023@1.0.0 4 classes, 12 types, 3 pilot categories',
    ]);
    const bad = await validatePacks(`${fixtures}/duplicate-ids`);
    expect(bad.problems.length).toBeGreaterThan(0);
  });
});
