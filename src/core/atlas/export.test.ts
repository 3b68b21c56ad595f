import { describe, expect, it } from 'vitest';
import { exportAtlasJson } from './export-json.ts';
import { exportAtlasMarkdown } from './export-md.ts';
import { mergeAtlas } from './merge.ts';
import { testAtlas, testLink, testMeta, testScenario } from './test-support.ts';

const base = testAtlas(
  ['GEN-PM-01', 'GEN-OM-01'],
  [testLink('GEN-PM-01', 'GEN-OM-01', 'model', true)],
  'guide',
);
const child = mergeAtlas(
  {
    meta: testMeta('child', {
      extends: 'guide',
      industry: { code: 'EQP', name: { zh: '装备', en: 'Equipment' } },
    }),
    painPoints: [],
    kpis: [],
    scenarios: [testScenario('EQP-PM-01')],
    links: [testLink('EQP-PM-01', 'GEN-PM-01', 'tool')],
  },
  base,
);

describe('exportAtlasJson', () => {
  it('has exactly the pack with its extends chain and scenarios with their outgoing links', () => {
    const json = exportAtlasJson(child);
    expect(json.pack).toEqual({
      id: 'child',
      version: '1.0.0',
      title: child.meta.title,
      extends: [{ id: 'guide', version: '1.0.0', title: base.meta.title }],
    });
    expect(json.scenarios.map((s) => s.code)).toEqual(['GEN-PM-01', 'GEN-OM-01', 'EQP-PM-01']);
    expect(Object.keys(json.scenarios[0]!)).toEqual([
      'code',
      'name',
      'category',
      'valueTags',
      'elements',
      'links',
    ]);
    expect(json.scenarios[0]!.links).toEqual([
      { to: 'GEN-OM-01', chain: 'model', flow: { zh: 'GEN-PM-01→GEN-OM-01', en: 'GEN-PM-01→GEN-OM-01' } },
    ]);
    expect(json.scenarios[2]!.links.map((l) => l.to)).toEqual(['GEN-PM-01']);
    expect(Object.keys(json.scenarios[0]!.elements)).toEqual(['data', 'models', 'tools', 'skills']);
  });
});

describe('exportAtlasMarkdown', () => {
  it('groups scenarios by category with their four lists and links', () => {
    const md = exportAtlasMarkdown(child);
    expect(md).toMatch(/^# 测试图谱/);
    expect(md).toContain('扩展自 Extends: `guide` 1.0.0');
    expect(md.indexOf('## PM 生产制造')).toBeLessThan(md.indexOf('### EQP-PM-01'));
    expect(md.indexOf('## OM 运维服务')).toBeGreaterThan(md.indexOf('### EQP-PM-01'));
    expect(md).toContain('| 设备运行数据 | 模型 | 工具 | 技能 |');
    expect(md).toContain('- → GEN-OM-01（模型链，前置）');
    expect(md).not.toContain('## RD'); // empty categories are left out
  });
});
