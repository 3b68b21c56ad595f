import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  InputNumber,
  List,
  Row,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notSelectedText } from '../../../../src/core/planning/explain-text.ts';
import { ApiError } from '../../api/client.ts';
import { useSolvePlan, type PlanView } from './api.ts';
import { useLocalized } from '../atlas/atlas-ui.ts';
import { ProblemList } from './NewPlanPage.tsx';
import { PlanChart } from './PlanChart.tsx';
import { money, percent, STATUS_COLOURS, usePeriodLabel } from './plan-ui.ts';
import { budgetOption, ganttOption, ganttRowHeight } from './roadmap-options.ts';
import { useNarrow } from './use-narrow.ts';

/** Solver names as their projects write them. */
const SOLVER_LABELS = { highs: 'HiGHS', cbc: 'CBC' } as const;
import { CreateProjectsCard } from '../deliver/CreateProjectsCard.tsx';

/** 路线图: optimise, then the Gantt chart, budget use per period and why the rest was not selected. */
export function RoadmapTab({ plan, canWrite }: { plan: PlanView; canWrite: boolean }) {
  const { t } = useTranslation();
  const { tx, lang } = useLocalized();
  const period = usePeriodLabel(plan.settings);
  const narrow = useNarrow();
  const solve = useSolvePlan(plan.id);
  const [timeLimit, setTimeLimit] = useState(10);
  const solution = plan.solution;
  const names = useMemo(
    () => new Map(plan.initiatives.map((i) => [i.id, tx(i.name)])),
    [plan.initiatives, tx],
  );
  const labels = useMemo(
    () => ({
      period,
      name: (id: string) => names.get(id) ?? id,
      used: t('plan.roadmap.used'),
      budget: t('plan.roadmap.budget'),
      effort: t('plan.roadmap.effort'),
    }),
    [period, names, t],
  );
  const gantt = useMemo(() => ganttOption(plan, labels, narrow), [plan, labels, narrow]);
  const budget = useMemo(() => budgetOption(plan, labels), [plan, labels]);
  const scheduled = solution?.result.schedule ?? [];

  return (
    <div>
      {canWrite && (
        <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
          <Button
            type="primary"
            loading={solve.isPending}
            onClick={() => solve.mutate({ timeLimitSeconds: timeLimit })}
            data-testid="plan-optimise"
          >
            {solve.isPending ? t('plan.roadmap.optimising') : t('plan.roadmap.optimise')}
          </Button>
          <Typography.Text type="secondary">{t('plan.roadmap.timeLimit')}</Typography.Text>
          <InputNumber
            size="small"
            min={1}
            max={120}
            value={timeLimit}
            onChange={(v) => v && setTimeLimit(v)}
          />
        </Flex>
      )}
      {solve.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={solve.error.message}
          description={
            solve.error instanceof ApiError ? <ProblemList details={solve.error.details} /> : undefined
          }
        />
      )}
      {!solution ? (
        <Empty description={t('plan.roadmap.noSolution')} />
      ) : (
        <>
          {solution.stale && (
            <Alert type="warning" showIcon title={t('plan.roadmap.stale')} style={{ marginBottom: 12 }} />
          )}
          <Typography.Paragraph type="secondary" data-testid="plan-horizon">
            {t('plan.roadmap.horizon', {
              from: period(0),
              to: period(plan.settings.periods - 1),
              count: plan.settings.periods,
            })}
          </Typography.Paragraph>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('plan.roadmap.status')}
                  valueRender={() => (
                    <Tag
                      color={STATUS_COLOURS[solution.result.status]}
                      style={{ fontSize: 16, padding: '2px 8px' }}
                      data-testid="plan-status"
                    >
                      {t(`plan.roadmap.statuses.${solution.result.status}`)}
                    </Tag>
                  )}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('plan.roadmap.selected', { count: scheduled.length })} ·{' '}
                  {t('plan.roadmap.seconds', { value: solution.result.stats.seconds.toFixed(2) })}
                </Typography.Text>
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('plan.roadmap.objective')}
                  value={money(solution.result.objective, lang)}
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('plan.roadmap.gap')} value={percent(solution.result.gap, 2)} />
                {(solution.result.stoppedBy ?? solution.result.solver) !== undefined && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="plan-stopped-by">
                    {[
                      solution.result.stoppedBy && t(`plan.roadmap.stoppedBy.${solution.result.stoppedBy}`),
                      solution.result.solver &&
                        t('plan.roadmap.solver', { name: SOLVER_LABELS[solution.result.solver] }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                )}
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('plan.roadmap.greedy')} value={money(solution.greedy.objective, lang)} />
                {solution.result.objective !== null && solution.greedy.objective !== null && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('plan.roadmap.vsGreedy', {
                      value: money(solution.result.objective - solution.greedy.objective, lang),
                    })}
                  </Typography.Text>
                )}
              </Card>
            </Col>
          </Row>
          {solution.result.reason && (
            <Alert type="error" showIcon title={solution.result.reason} style={{ marginBottom: 12 }} />
          )}
          <Card size="small" title={t('plan.roadmap.gantt')} style={{ marginBottom: 12 }}>
            {scheduled.length === 0 ? (
              <Empty />
            ) : (
              <PlanChart
                option={gantt}
                height={Math.max(160, 40 + scheduled.length * ganttRowHeight(narrow))}
                label={t('plan.roadmap.gantt')}
                testId="plan-gantt"
              />
            )}
          </Card>
          <CreateProjectsCard plan={plan} canWrite={canWrite} />
          <Card size="small" title={t('plan.roadmap.budgetUse')} style={{ marginBottom: 12 }}>
            <PlanChart
              option={budget}
              height={240}
              label={t('plan.roadmap.budgetUse')}
              testId="plan-budget"
            />
          </Card>
          <Card size="small" title={t('plan.roadmap.notSelected')}>
            <List
              size="small"
              dataSource={[...solution.result.notSelected]}
              locale={{ emptyText: '—' }}
              renderItem={(n) => (
                <List.Item>
                  <div>
                    <Typography.Text code>{n.id}</Typography.Text> {names.get(n.id)}{' '}
                    <Tag data-kind={n.kind}>{t(`plan.roadmap.kinds.${n.kind}`)}</Tag>
                    <div>
                      <Typography.Text type="secondary" data-testid="not-selected-reason">
                        {notSelectedText(n, lang, names, period)}
                      </Typography.Text>
                    </div>
                  </div>
                </List.Item>
              )}
            />
          </Card>
        </>
      )}
    </div>
  );
}
