import { Empty, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanView } from './api.ts';
import { useLocalized } from '../atlas/atlas-ui.ts';
import { PlanChart } from './PlanChart.tsx';
import { money } from './plan-ui.ts';
import { frontierOption } from './roadmap-options.ts';

/** 预算前沿: optimal value at 50 %–150 % of the budget and the marginal value of each extra 万元. */
export function FrontierTab({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const { lang } = useLocalized();
  const points = plan.solution?.frontier ?? [];
  const option = useMemo(
    () =>
      frontierOption(plan, {
        value: t('plan.frontier.value'),
        marginal: t('plan.frontier.marginal'),
        budget: t('plan.frontier.budgetPct'),
      }),
    [plan, t],
  );
  if (points.length === 0) return <Empty description={t('plan.frontier.empty')} />;
  return (
    <div>
      <Typography.Paragraph type="secondary">{t('plan.frontier.explain')}</Typography.Paragraph>
      <PlanChart option={option} height={300} label={t('plan.frontier.title')} testId="plan-frontier" />
      <Table
        size="small"
        rowKey="factor"
        pagination={false}
        style={{ marginTop: 12 }}
        scroll={{ x: 'max-content' }}
        dataSource={points}
        columns={[
          {
            title: t('plan.frontier.budgetPct'),
            dataIndex: 'factor',
            render: (f: number) => `${Math.round(f * 100)}%`,
          },
          {
            title: t('plan.compare.totalBudget'),
            dataIndex: 'totalBudget',
            align: 'right',
            render: (v: number) => money(v, lang),
          },
          {
            title: t('plan.frontier.value'),
            dataIndex: 'objective',
            align: 'right',
            render: (v: number | null) => money(v, lang),
          },
          {
            title: t('plan.frontier.marginal'),
            dataIndex: 'marginalValuePerUnit',
            align: 'right',
            render: (v: number | null) => (v === null ? '—' : v.toFixed(2)),
          },
          {
            title: t('plan.roadmap.status'),
            dataIndex: 'status',
            render: (s: string) => t(`plan.roadmap.statuses.${s}`),
          },
        ]}
      />
    </div>
  );
}
