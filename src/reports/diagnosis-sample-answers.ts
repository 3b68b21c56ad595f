import type { Assessment } from '../core/diagnosis/assessment.ts';

/**
 * Realistic answer sets for the shipped model packs, used by the report tests, the e2e test and the benchmark:
 * a small discrete manufacturer at 一级 one answer short of 二级, and its assessment a year earlier.
 */
export const SME_ANSWERS: Assessment = {
  model: 'sme-digital-level-2024',
  answers: {
    网络建设: ['B', 'C'],
    设备数字化: { 实现数字化的生产设备数量: 35, 生产设备数量: 100 },
    设备联网: 25,
    数据采集: ['G', 'H', 'N'],
    信息系统: 'C',
    网络安全: ['B', 'C'],
    数据安全: ['A'],
    规划实施: 'C',
    管理机制: ['B'],
    人才建设: ['B'],
    资金保障: 8,
    绿色低碳: 'B',
    产品质量: 'C',
    市场表现: 'B',
    价值效益: 'B',
  },
  scenes: {
    产品设计: 2,
    工艺设计: 2,
    营销管理: 1,
    售后服务: 1,
    计划排程: 2,
    生产管控: 2,
    质量管理: 2,
    设备管理: 2,
    安全生产: 2,
    能耗管理: 2,
    采购管理: 2,
    仓储物流: 2,
    财务管理: 2,
    人力资源: 2,
    协同办公: 3,
    决策支持: 0,
  },
};

/** The same enterprise a year earlier: fewer options, lower scenes. */
export const SME_PREVIOUS_ANSWERS: Assessment = {
  ...SME_ANSWERS,
  answers: {
    ...SME_ANSWERS.answers,
    网络建设: ['B'],
    设备联网: 5,
    数据采集: ['G'],
    信息系统: 'B',
    网络安全: ['B'],
    规划实施: 'B',
    产品质量: 'B',
  },
  scenes: Object.fromEntries(
    Object.entries(SME_ANSWERS.scenes ?? {}).map(([k, v]) => [k, Math.max(0, v - 1)]),
  ),
};
