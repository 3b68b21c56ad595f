import { describe, expect, it } from 'vitest';
import { diagnose } from '../core/diagnosis/diagnose.ts';
import type { IndicatorSystem } from '../core/diagnosis/model-schema.ts';
import { estimateOnModels } from '../core/mapping/estimate.ts';
import { loadMappingPack } from './mapping-pack.ts';
import { listIndicatorSystemPacks, loadIndicatorSystemById } from './model-load.ts';
import { validatePacks } from './pack-validators.ts';
import { formatProblem } from './yaml-source.ts';

async function shippedModels(): Promise<Map<string, IndicatorSystem>> {
  const out = new Map<string, IndicatorSystem>();
  for (const id of await listIndicatorSystemPacks('packs/models')) {
    const r = await loadIndicatorSystemById('packs/models', id);
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    out.set(id, r.model);
  }
  return out;
}

describe('mapping packs', () => {
  it('ships the new indicator systems beside the old ones', async () => {
    expect(await listIndicatorSystemPacks('packs/models')).toEqual([
      'cmmm-2020',
      'dcmm-2018',
      'dtmm-gbt43439-2023',
      'eu-dmat',
      'ics-security-2024',
      'iii-gbt23020',
      'iii-grading-2022',
      'siri',
      'sme-digital-level-2024',
    ]);
  });

  it('the shipped guide-2024 mapping names only real items of the shipped models, every model in it loaded', async () => {
    const r = await loadMappingPack('packs/mappings/guide-2024', await shippedModels(), { requireAll: true });
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([]);
    if (!r.ok) return;
    expect(r.mapping.meta.models).toContain('dtmm-gbt43439-2023');
    expect(r.mapping.concepts.length).toBeGreaterThanOrEqual(20);
  });

  it('`tupu pack validate` knows kind mapping and checks it against the models beside it', async () => {
    const v = await validatePacks('packs/mappings/guide-2024');
    expect(v.problems.map(formatProblem)).toEqual([]);
    expect(v.summaries).toEqual(['mapping guide-2024@1.0.0 23 concepts over 8 models']);
  });

  it('reports every problem of a bad mapping with file and line', async () => {
    const dir = 'src/packs/fixtures/mappings/bad-map';
    const r = await loadMappingPack(dir, await shippedModels(), { requireAll: true });
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      `${dir}/pack.yaml:2: pack id wrong-id ≠ folder bad-map`,
      `${dir}/pack.yaml:10: model cmmm-2020 is listed twice`,
      expect.stringMatching(
        new RegExp(`^${dir}/pack.yaml:11: no model pack "no-such-model" is loaded \\(available: cmmm-2020, `),
      ),
      `${dir}/concepts.yaml:6: model cmmm-2020 has no sub-domain "计划调度"`,
      `${dir}/concepts.yaml:7: model dtmm-gbt43439-2023 is not in pack.yaml's models`,
      `${dir}/concepts.yaml:8: duplicate concept id "计划"`,
      `${dir}/concepts.yaml:11: model cmmm-2020 has no scene "采购"`,
      `${dir}/concepts.yaml:11: concept 计划 must link items of at least two models`,
    ]);
  });

  it('an SME 2024 assessment is estimated onto every other mapped model, with coverage and sources', async () => {
    const models = await shippedModels();
    const r = await loadMappingPack('packs/mappings/guide-2024', models, { requireAll: true });
    if (!r.ok) throw new Error('mapping does not load');
    const sme = models.get('sme-digital-level-2024')!;
    const scenes = sme.family === 'points' ? Object.fromEntries(sme.scenes.map((s) => [s.id, 3])) : {};
    const { result } = diagnose(sme, {
      model: sme.meta.id,
      answers: { 信息系统: 'D', 网络建设: ['B', 'C'] },
      scenes,
    });
    const { estimates } = estimateOnModels(r.mapping, { model: sme, result }, models);
    expect(estimates.map((e) => e.model.id)).toEqual([
      'cmmm-2020',
      'dtmm-gbt43439-2023',
      'iii-gbt23020',
      'dcmm-2018',
      'ics-security-2024',
      'eu-dmat',
      'siri',
    ]);
    const cmmm = estimates[0]!;
    // scenes at 3 of 4 → 0.75 for every scene-fed sub-domain; 计划与调度 is fed by the 计划排程 scene only
    expect(cmmm.items.find((i) => i.id === '计划与调度')).toMatchObject({
      fraction: 0.75,
      via: [{ concept: '计划排程', from: [{ id: '计划排程', kind: 'scene', fraction: 0.75 }] }],
    });
    expect(cmmm.coverage.total).toBe(20);
    expect(cmmm.coverage.covered).toBeGreaterThanOrEqual(18);
    for (const e of estimates) expect(e.coverage.covered).toBeGreaterThan(0);
  });
});
