import { Card, Descriptions, Flex, Progress, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProviderGrade, type ProviderGrade } from './api.ts';
import { percent, round1 } from './provider-ui.ts';

/**
 * A provider's grade with its four dimensions and the computed 工作实效 counts; the provider's own view adds the
 * sub-dimensions and its answers. Asked only when the caller may see it; otherwise says when it becomes visible.
 */
export function GradeCard({ providerId, visible }: { providerId: string; visible: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const grade = useProviderGrade(providerId, visible);
  if (!visible)
    return (
      <Card title={t('providers.grade.title')} size="small">
        <Typography.Text type="secondary">{t('providers.grade.hidden')}</Typography.Text>
      </Card>
    );
  if (grade.isError)
    return (
      <Card title={t('providers.grade.title')} size="small">
        <Typography.Text type="secondary">{t('providers.grade.notYet')}</Typography.Text>
      </Card>
    );
  const g: ProviderGrade | undefined = grade.data;
  return (
    <Card
      title={t('providers.grade.title')}
      size="small"
      loading={grade.isPending}
      data-testid="provider-grade"
    >
      {g && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Flex gap={12} align="baseline" wrap>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="grade-score">
              {t('providers.grade.score', { score: round1(g.score), max: g.maxScore })}
            </Typography.Title>
            <Tag color={g.level ? 'blue' : 'default'}>
              {g.level ? t('providers.grade.level', { name: g.level.name }) : t('providers.grade.noLevel')}
            </Tag>
          </Flex>
          {g.dimensions.map((d) => (
            <div key={d.id} data-testid={`grade-dimension-${d.id}`}>
              <Flex justify="space-between">
                <Typography.Text>{d.name}</Typography.Text>
                <Typography.Text type="secondary">
                  {round1(d.score)} / {d.max}
                </Typography.Text>
              </Flex>
              <Progress
                percent={d.max > 0 ? Math.round((d.score / d.max) * 100) : 0}
                showInfo={false}
                size="small"
              />
            </div>
          ))}
          <Descriptions size="small" column={1} title={t('providers.grade.outcomes')}>
            <Descriptions.Item label={t('providers.grade.finished', { count: g.outcomes.finished })}>
              <Space wrap>
                <span>{t('providers.grade.onTime', { rate: percent(g.outcomes.onTimeRate, lang) })}</span>
                <span>{t('providers.grade.onBudget', { rate: percent(g.outcomes.onBudgetRate, lang) })}</span>
                <span>
                  {t('providers.grade.satisfaction', {
                    rate:
                      g.outcomes.satisfaction === null
                        ? t('providers.grade.noRate')
                        : round1(g.outcomes.satisfaction),
                  })}
                </span>
              </Space>
            </Descriptions.Item>
          </Descriptions>
          {g.breakdown && (
            <div data-testid="grade-breakdown">
              <Typography.Text strong>{t('providers.grade.breakdown')}</Typography.Text>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={g.breakdown.subDimensions}
                columns={[
                  { title: t('providers.grade.subDimension'), dataIndex: 'name' },
                  {
                    title: '',
                    key: 'score',
                    align: 'right',
                    render: (_: unknown, s: { score: number; max: number }) =>
                      `${round1(s.score)} / ${s.max}`,
                  },
                ]}
              />
              {Object.keys(g.breakdown.answers).length > 0 && (
                <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                  {t('providers.grade.answers')}
                  {t('providers.colon')}
                  {Object.entries(g.breakdown.answers)
                    .map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
                    .join(t('providers.semicolon'))}
                </Typography.Paragraph>
              )}
              {g.breakdown.problems.length > 0 && (
                <Typography.Paragraph type="secondary">
                  {t('providers.grade.problems')}
                  {t('providers.colon')}
                  {g.breakdown.problems.length}
                </Typography.Paragraph>
              )}
            </div>
          )}
        </Space>
      )}
    </Card>
  );
}
