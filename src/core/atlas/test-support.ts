/**
 * Small hand-built atlases for tests (of the engine, the loader, the CLI and the routes). Not used by the product.
 */
import type { ChainType, Link, PackMeta, Scenario, Vocabulary } from './pack-schema.ts';
import type { Atlas } from './types.ts';
import { mergeAtlas } from './merge.ts';

const t = (zh: string, en = zh) => ({ zh, en });
const cite = { source: '制造业企业数字化转型实施指南', section: '附件' };

export const testVocabulary: Vocabulary = {
  categories: [
    { id: 'rd', code: 'RD', name: t('研发设计', 'R&D'), description: t('研发'), citation: cite },
    {
      id: 'production',
      code: 'PM',
      name: t('生产制造', 'Production'),
      description: t('生产'),
      citation: cite,
    },
    { id: 'operations', code: 'OM', name: t('运维服务', 'O&M'), description: t('运维'), citation: cite },
  ],
  valueTags: [
    { id: 'quality', name: t('提质', 'Quality'), description: t('提质') },
    { id: 'cost', name: t('降本', 'Cost'), description: t('降本') },
  ],
  enterpriseTypes: [
    { id: 'large', name: t('大型企业', 'Large'), description: t('大型') },
    { id: 'sme', name: t('中小企业', 'SME'), description: t('中小') },
  ],
  chains: [
    { id: 'tool', name: t('工具链', 'Tool chain'), description: t('工具') },
    { id: 'data', name: t('数据链', 'Data chain'), description: t('数据') },
    { id: 'model', name: t('模型链', 'Model chain'), description: t('模型') },
  ],
};

export function testMeta(id = 'test-pack', extra: Partial<PackMeta> = {}): PackMeta {
  return {
    kind: 'atlas',
    id,
    version: '1.0.0',
    title: t('测试图谱', 'Test atlas'),
    language: 'zh-CN',
    publisher: 'Tupu tests',
    source: cite,
    industry: { code: 'GEN', name: t('通用', 'General') },
    ...extra,
  };
}

const categoryOfCode: Record<string, string> = { RD: 'rd', PM: 'production', OM: 'operations' };

/** A scenario with sensible defaults; its category follows its code (GEN-PM-01 → production). */
export function testScenario(code: string, extra: Partial<Scenario> = {}): Scenario {
  const cat = code.split('-')[1] ?? 'PM';
  return {
    code,
    name: t(`场景${code}`, `Scenario ${code}`),
    category: categoryOfCode[cat] ?? 'production',
    description: t(`${code} 的描述`, `Description of ${code}`),
    painPoints: ['pp-1'],
    elements: {
      data: [t('设备运行数据', 'equipment operating data')],
      models: [t('模型')],
      tools: [t('工具')],
      skills: [t('技能')],
    },
    infrastructure: [t('工业互联网平台', 'industrial internet platform')],
    valueTags: ['quality'],
    kpis: ['kpi-1'],
    enterpriseTypes: ['large'],
    citation: cite,
    ...extra,
  };
}

export function testLink(from: string, to: string, chain: ChainType = 'data', prerequisite = false): Link {
  return { from, to, chain, flow: t(`${from}→${to}`), prerequisite };
}

/** A stand-alone atlas of the given scenarios (by code or built) and links. */
export function testAtlas(
  scenarios: readonly (string | Scenario)[],
  links: readonly Link[] = [],
  id = 'test-pack',
): Atlas {
  return mergeAtlas({
    meta: testMeta(id),
    vocabulary: testVocabulary,
    painPoints: [{ id: 'pp-1', name: t('痛点'), category: 'production' }],
    kpis: [{ id: 'kpi-1', name: t('指标'), unit: '%', direction: 'up', valueTag: 'quality' }],
    scenarios: scenarios.map((s) => (typeof s === 'string' ? testScenario(s) : s)),
    links: [...links],
  });
}
