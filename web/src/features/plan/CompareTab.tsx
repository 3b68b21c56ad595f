import { Alert, Button, Card, Col, Empty, Flex, Progress, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useComparison, useCopyPlan, type PlanView } from './api.ts';
import { useLocalized } from '../atlas/atlas-ui.ts';
import { money, STATUS_COLOURS } from './plan-ui.ts';

/** 方案对比: what-if copies of the plan side by side — objective, selected set, budget use. */
export function CompareTab({ plan, canWrite }: { plan: PlanView; canWrite: boolean }) {
  const { t } = useTranslation();
  const { lang } = useLocalized();
  const navigate = useNavigate();
  const comparison = useComparison(plan.id);
  const copy = useCopyPlan(plan.id);
  const entries = comparison.data?.plans ?? [];
  const everywhere = entries.length > 0 ? entries.map((e) => new Set(e.selected)) : [];
  const selectedByAll = (id: string) => everywhere.every((s) => s.has(id));

  return (
    <div>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('plan.compare.explain')}</Typography.Text>
        {canWrite && (
          <Button
            type="primary"
            loading={copy.isPending}
            onClick={() =>
              copy.mutate(
                { title: t('plan.compare.copyTitle', { title: plan.title, n: entries.length + 1 }) },
                { onSuccess: (created) => void navigate(`/plan/${created.id}?tab=settings`) },
              )
            }
          >
            {t('plan.compare.copy')}
          </Button>
        )}
      </Flex>
      {comparison.isError && <Alert type="error" showIcon title={comparison.error.message} />}
      {entries.length === 0 ? (
        <Empty />
      ) : (
        <Row gutter={[12, 12]}>
          {entries.map((entry) => (
            <Col key={entry.id} xs={24} md={12} xl={8}>
              <Card
                size="small"
                title={
                  <Flex gap={6} align="center" wrap>
                    <Link to={`/plan/${entry.id}?tab=compare`}>{entry.title}</Link>
                    {entry.id === plan.id && <Tag color="blue">{t('plan.compare.thisPlan')}</Tag>}
                  </Flex>
                }
                data-testid="plan-compare-card"
              >
                <Flex gap={8} wrap style={{ marginBottom: 8 }}>
                  {entry.status ? (
                    <Tag color={STATUS_COLOURS[entry.status]}>
                      {t(`plan.roadmap.statuses.${entry.status}`)}
                    </Tag>
                  ) : (
                    <Tag>{t('plan.list.notSolved')}</Tag>
                  )}
                  {entry.stale && <Tag color="orange">{t('plan.compare.stale')}</Tag>}
                </Flex>
                <Row gutter={8}>
                  <Col span={12}>
                    <Statistic title={t('plan.compare.objective')} value={money(entry.objective, lang)} />
                  </Col>
                  <Col span={12}>
                    <Statistic title={t('plan.compare.totalBudget')} value={money(entry.totalBudget, lang)} />
                  </Col>
                </Row>
                <Typography.Text type="secondary">{t('plan.compare.budgetUse')}</Typography.Text>
                <Progress percent={Math.round((entry.budgetUse ?? 0) * 100)} size="small" />
                <Typography.Text type="secondary">
                  {t('plan.compare.selected')} ({entry.selected.length}/{entry.initiativeCount})
                </Typography.Text>
                <Flex wrap gap={4} style={{ marginTop: 4 }}>
                  {entry.selected.map((id) => (
                    <Tag
                      key={id}
                      color={selectedByAll(id) ? 'default' : 'green'}
                      title={selectedByAll(id) ? undefined : t('plan.compare.only')}
                    >
                      {id}
                    </Tag>
                  ))}
                </Flex>
              </Card>
            </Col>
          ))}
        </Row>
      )}
    </div>
  );
}
