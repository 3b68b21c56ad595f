import type { CreatePlan } from '../../src/contracts/planning.ts';

/**
 * A new plan for the demo CIO's company (明远精密机械, a 小巨人 general-equipment maker), on the guide's atlas,
 * from three pain points: the body of POST /api/plans.
 */
export const DEMO_PLAN_REQUEST = {
  title: '明远精密 数字化转型规划',
  atlasPackId: 'guide-2024',
  profile: {
    industry: '通用设备制造',
    processType: 'discrete',
    employees: 800,
    revenue: 30_000,
    enterpriseType: 'little-giant',
  },
  painPoints: ['unplanned-downtime', 'schedule-disruption', 'manual-finance'],
} satisfies CreatePlan;
