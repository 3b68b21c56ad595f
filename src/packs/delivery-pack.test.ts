import { describe, expect, it } from 'vitest';
import { loadDeliveryPack, DEFAULT_DELIVERY_PACK } from './delivery-pack.ts';
import { validatePacks } from './pack-validators.ts';
import { formatProblem } from './yaml-source.ts';

const BROKEN = 'src/packs/fixtures/delivery/broken';

describe('delivery packs', () => {
  it('loads the shipped default: four gates in the guide order, three supervision lists, the team roles', async () => {
    const r = await loadDeliveryPack(DEFAULT_DELIVERY_PACK);
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    expect(r.pack.gates.map((g) => g.name.zh)).toEqual(['诊断评估', '备案审核', '改造实施', '竣工验收']);
    expect(r.pack.gates.map((g) => g.party)).toEqual(['provider', 'authority', 'provider', 'enterprise']);
    expect(r.pack.supervision.map((s) => s.name.zh)).toEqual(['过程监督', '质量管控', '知识产权保护']);
    const ip = r.pack.supervision.find((s) => s.id === 'ip')!;
    expect(ip.items.map((i) => i.id)).toEqual(
      expect.arrayContaining(['source-escrow', 'data-ownership', 'ip-clauses', 'acceptance-tests']),
    );
    expect(r.pack.roles.map((x) => x.id)).toEqual(
      expect.arrayContaining(['cio', 'cdo', 'project-lead', 'business-lead', 'provider-lead']),
    );
    expect(r.pack.meta.sources.map((s) => s.section)).toEqual(
      expect.arrayContaining(['二（二）组织落地实施', '五（四）完善服务支撑']),
    );
  });

  it('reports every problem of a malformed pack as file:line: message, and loads nothing', async () => {
    const r = await loadDeliveryPack(BROKEN);
    expect(r.ok).toBe(false);
    const lines = r.ok ? [] : r.problems.map(formatProblem);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^src\/packs\/fixtures\/delivery\/broken\/pack\.yaml:3: version: /),
        expect.stringMatching(
          /delivery\.yaml:11: gates\.1\.party: Invalid option: expected one of "enterprise"/,
        ),
        expect.stringMatching(
          /delivery\.yaml:12: gates\.1\.checklist: a gate needs at least one checklist item/,
        ),
        expect.stringMatching(/delivery\.yaml:17: gates\.2\.checklist\.0\.evidence: .*expected boolean/),
        expect.stringMatching(/delivery\.yaml:22: supervision\.0\.items\.0\.evidence: .*expected boolean/),
      ]),
    );
  });

  it('refuses a gate given twice, and a gate whose party has no team role, naming the line', async () => {
    const { parseYaml, checkSchema } = await import('./yaml-source.ts');
    const { DeliveryFile } = await import('../core/delivery/pack-schema.ts');
    const item = '{ id: a, text: { zh: 甲, en: A }, evidence: false }';
    const text = [
      'gates:',
      `  - { id: g, name: { zh: 甲, en: A }, party: enterprise, checklist: [${item}] }`,
      `  - { id: g, name: { zh: 乙, en: B }, party: authority, checklist: [${item}] }`,
      'supervision: []',
      'roles:',
      '  - { id: cio, name: { zh: 首席信息官, en: CIO }, party: enterprise }',
    ].join('\n');
    const parsed = parseYaml('d.yaml', text);
    if (!parsed.ok) throw new Error('fixture does not parse');
    const r = checkSchema(parsed.source, DeliveryFile);
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      'd.yaml:3: gates.1.id: gate "g" is given twice',
      "d.yaml:6: roles: a gate is passed by the authority, but no team role is on the authority's side",
    ]);
  });

  it('gives the invited provider the default rights, and refuses rights over a checklist the pack lacks', async () => {
    const r = await loadDeliveryPack(DEFAULT_DELIVERY_PACK);
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
    expect(r.pack.light).toEqual({ lateAfterDays: 30, atRiskOverrun: 0.1, lateOverrun: 0.2 });
    const { LightThresholdsSchema } = await import('../core/delivery/pack-schema.ts');
    expect(
      LightThresholdsSchema.safeParse({ lateAfterDays: 30, atRiskOverrun: 0.3, lateOverrun: 0.2 }).error
        ?.issues[0]?.message,
    ).toBe('lateOverrun must be at least atRiskOverrun (late is worse than at risk)');
    expect(r.pack.invited).toEqual([
      {
        party: 'provider',
        milestones: true,
        costs: false,
        checklists: ['diagnosis', 'implementation', 'process', 'quality'],
      },
    ]);
    const { parseYaml, checkSchema } = await import('./yaml-source.ts');
    const { DeliveryFile } = await import('../core/delivery/pack-schema.ts');
    const text = [
      'gates:',
      '  - { id: g, name: { zh: 甲, en: A }, party: enterprise, checklist: [{ id: a, text: { zh: 甲, en: A }, evidence: false }] }',
      'supervision: []',
      'roles:',
      '  - { id: cio, name: { zh: 首席信息官, en: CIO }, party: enterprise }',
      'invited:',
      '  - { party: provider, milestones: true, costs: false, checklists: [g, nowhere] }',
      '  - { party: provider, milestones: false, costs: false, checklists: [] }',
    ].join('\n');
    const parsed = parseYaml('d.yaml', text);
    if (!parsed.ok) throw new Error('fixture does not parse');
    const checked = checkSchema(parsed.source, DeliveryFile);
    expect(checked.ok ? [] : checked.problems.map(formatProblem)).toEqual([
      'd.yaml:7: invited.0.checklists.1: there is no gate or supervision checklist "nowhere"',
      'd.yaml:8: invited.1.party: the rights of the provider are given twice',
    ]);
  });

  it('is validated by `tupu pack validate` by its kind', async () => {
    const ok = await validatePacks(DEFAULT_DELIVERY_PACK);
    expect(ok.problems).toEqual([]);
    expect(ok.summaries).toEqual(['delivery default-2024@1.0.0 4 gates, 3 supervision checklists, 6 roles']);
    const broken = await validatePacks(BROKEN);
    expect(broken.problems.length).toBeGreaterThanOrEqual(5);
  });
});
