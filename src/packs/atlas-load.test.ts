import { describe, expect, it } from 'vitest';
import { loadAtlasPack, loadAtlasPacks } from './atlas-load.ts';
import { formatProblem } from './yaml-source.ts';

const fixtures = 'src/packs/fixtures/atlas';
const lines = (r: { ok: true } | { ok: false; problems: Parameters<typeof formatProblem>[0][] }) =>
  r.ok ? [] : r.problems.map(formatProblem);

describe('loadAtlasPack', () => {
  it('loads a stand-alone pack', async () => {
    const r = await loadAtlasPack(`${fixtures}/good/base`);
    expect(lines(r)).toEqual([]);
    if (!r.ok) return;
    expect(r.atlas.meta.id).toBe('fixture-base');
    expect(r.atlas.scenarios.map((s) => s.code)).toEqual([
      'GEN-RD-01',
      'GEN-PM-01',
      'GEN-PM-02',
      'GEN-OM-01',
    ]);
    expect(r.atlas.links).toHaveLength(4);
  });

  it('merges an extending pack with its base found in a sibling folder', async () => {
    const r = await loadAtlasPack(`${fixtures}/good/child`);
    expect(lines(r)).toEqual([]);
    if (!r.ok) return;
    expect(r.atlas.chain.map((m) => m.id)).toEqual(['fixture-base', 'fixture-child']);
    expect(r.atlas.scenarios.map((s) => s.code)).toEqual([
      'GEN-RD-01',
      'GEN-PM-01',
      'GEN-PM-02',
      'GEN-OM-01',
      'EQP-PM-01',
    ]);
    expect(r.atlas.vocabulary.categories).toHaveLength(3);
    expect(r.atlas.origin['EQP-PM-01']).toBe('fixture-child');
  });

  it('uses the resolver it is given', async () => {
    const r = await loadAtlasPack(`${fixtures}/good/child`, { resolve: () => Promise.resolve(undefined) });
    expect(lines(r)).toEqual([`${fixtures}/good/child/pack.yaml:12: extends unknown pack "fixture-base"`]);
  });

  it('reports every problem of a broken pack at once, with file and line, and loads nothing', async () => {
    const r = await loadAtlasPack(`${fixtures}/bad/all-problems`);
    expect(r.ok).toBe(false);
    const dir = `${fixtures}/bad/all-problems`;
    expect(lines(r)).toEqual([
      // link to a missing code, and a prerequisite cycle at the link that closes it
      `${dir}/links.yaml:8: link to unknown scenario GEN-PM-09`,
      `${dir}/links.yaml:17: prerequisite cycle: GEN-PM-02 → GEN-OM-01 → GEN-PM-02`,
      // YAML syntax error
      expect.stringMatching(new RegExp(`^${dir}/pain-points.yaml:[34]: YAML syntax error: `)),
      // duplicate code (which also disagrees with its category)
      `${dir}/scenarios.yaml:22: duplicate scenario code GEN-RD-01`,
      `${dir}/scenarios.yaml:22: code GEN-RD-01: category part RD does not match category production (PM)`,
      // unknown value tag
      `${dir}/scenarios.yaml:58: unknown value tag "speed"`,
      // missing four-list
      `${dir}/scenarios.yaml:68: scenarios.3.elements.tools: Invalid input: expected array, received undefined`,
    ]);
  });
});

describe('loadAtlasPacks', () => {
  it('loads every pack under a root, resolving extends by id', async () => {
    const r = await loadAtlasPacks(`${fixtures}/good`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([...r.catalog.keys()]).toEqual(['fixture-base', 'fixture-child']);
    expect(r.catalog.get('fixture-child')?.scenarios).toHaveLength(5);
  });

  it('detects an extends cycle and names it', async () => {
    const r = await loadAtlasPacks(`${fixtures}/extends-cycle`);
    expect(lines(r)).toEqual([
      `${fixtures}/extends-cycle/a/pack.yaml:12: extends cycle: cycle-a → cycle-b → cycle-a`,
      `${fixtures}/extends-cycle/b/pack.yaml:12: extends cycle: cycle-b → cycle-a → cycle-b`,
    ]);
  });

  it('fails the whole catalogue when one pack is broken', async () => {
    const r = await loadAtlasPacks(`${fixtures}/bad`);
    expect(r.ok).toBe(false);
  });

  it('finds no packs in an empty or missing root', async () => {
    const r = await loadAtlasPacks(`${fixtures}/does-not-exist`);
    expect(r.ok && r.catalog.size).toBe(0);
  });
});
