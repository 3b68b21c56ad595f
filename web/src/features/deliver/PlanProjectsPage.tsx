import { Alert, Button, Card, Empty, Flex, Result, Skeleton, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LIGHTS } from '../../../../src/contracts/delivery.ts';
import { useLocalized } from '../atlas/atlas-ui.ts';
import { usePlan } from '../plan/api.ts';
import { money } from '../plan/plan-ui.ts';
import { usePlanProjects, type Light, type PlanProjects } from './api.ts';
import { planRollupOption } from './deliver-charts.ts';
import { DeliverChart } from './DeliverChart.tsx';
import { LightLegend, LightTag } from './LightParts.tsx';

type Target = PlanProjects['rollup']['targets'][number];

/** /deliver/plans/:planId — a plan's projects: planned against actual spend and schedule slip per period, lights. */
export function PlanProjectsPage() {
  const { planId = '' } = useParams();
  const { t } = useTranslation();
  const { tx, lang } = useLocalized();
  const plan = usePlan(planId);
  const view = usePlanProjects(planId);
  const option = useMemo(
    () =>
      view.data
        ? planRollupOption(view.data.rollup, {
            period: (p) => p.label[lang],
            planned: t('deliver.plan.planned'),
            actual: t('deliver.plan.actual'),
            slip: t('deliver.plan.slip'),
          })
        : {},
    [view.data, lang, t],
  );
  if (view.isPending) return <Skeleton active />;
  if (view.isError)
    return (
      <Result
        status="404"
        title={t('deliver.plan.notFound')}
        extra={
          <Link to="/deliver">
            <Button>{t('deliver.plan.back')}</Button>
          </Link>
        }
      />
    );
  const { projects, rollup } = view.data;
  const names = new Map(projects.map((p) => [p.id, tx(p.name)]));

  return (
    <div>
      <Typography.Text type="secondary">
        <Link to="/deliver">{t('deliver.plan.back')}</Link> /
      </Typography.Text>
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: '4px 0' }}>
          {t('deliver.plan.title')}
          {plan.data && (
            <>
              {lang === 'zh' ? '：' : ': '}
              <span data-user-text>{plan.data.title}</span>
            </>
          )}
        </Typography.Title>
        <Link to={`/plan/${planId}?tab=roadmap`}>
          <Button>{t('deliver.plan.openPlan')}</Button>
        </Link>
      </Flex>
      {projects.length === 0 ? (
        <Empty description={t('deliver.plan.noProjects')} />
      ) : (
        <>
          <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
            {LIGHTS.map((l) => (
              <span key={l} data-testid={`plan-lights-${l}`}>
                <LightTag light={l} /> {rollup.lights[l] ?? 0}
              </span>
            ))}
            <Typography.Text type="secondary">
              {t('deliver.plan.totals', {
                planned: money(rollup.planned, lang),
                actual: money(rollup.actual, lang),
              })}
            </Typography.Text>
          </Flex>
          <Card size="small" title={t('deliver.plan.chart')} style={{ marginBottom: 12 }}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('deliver.plan.chartHint')}
            </Typography.Paragraph>
            <DeliverChart
              option={option}
              height={280}
              label={t('deliver.plan.chart')}
              testId="plan-rollup-chart"
            />
          </Card>
          <Card size="small" title={t('deliver.list.projects')} style={{ marginBottom: 12 }}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={projects}
              columns={[
                {
                  title: t('deliver.list.name'),
                  key: 'name',
                  render: (_, p) => <Link to={`/deliver/projects/${p.id}`}>{tx(p.name)}</Link>,
                },
                {
                  title: t('deliver.list.light'),
                  dataIndex: 'light',
                  render: (l: Light) => <LightTag light={l} />,
                },
                {
                  title: t('deliver.list.period'),
                  key: 'period',
                  render: (_, p) => `${tx(p.start)} – ${tx(p.finish)}`,
                },
                {
                  title: t('deliver.list.money'),
                  key: 'money',
                  align: 'right',
                  render: (_, p) => `${money(p.actualTotal, lang)} / ${money(p.budgetTotal, lang)}`,
                },
              ]}
            />
          </Card>
          <Card size="small" title={t('deliver.plan.targets')} style={{ marginBottom: 12 }}>
            <Table<Target>
              rowKey="kpi"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={rollup.targets}
              columns={[
                {
                  title: t('deliver.plan.target'),
                  key: 'kpi',
                  render: (_, k) => tx(k.name),
                },
                {
                  title: t('deliver.list.light'),
                  dataIndex: 'light',
                  render: (l: Light) => <LightTag light={l} />,
                },
                {
                  title: t('deliver.plan.projects'),
                  key: 'projects',
                  render: (_, k) => (
                    <Flex wrap gap={4}>
                      {k.projects.map((p) => (
                        <Tag key={p.id}>
                          <Link to={`/deliver/projects/${p.id}`}>{names.get(p.id) ?? p.id}</Link>{' '}
                          {p.improvement >= 0 ? '+' : ''}
                          {Math.round(p.improvement * 1000) / 10}%
                        </Tag>
                      ))}
                    </Flex>
                  ),
                },
              ]}
            />
          </Card>
        </>
      )}
      {view.data.projects.length > 0 && <LightLegend />}
      {plan.isError && <Alert type="warning" showIcon title={t('deliver.plan.notFound')} />}
    </div>
  );
}
