import { Alert, Descriptions, Drawer, Progress, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { formatDate, useText } from '../diagnose/diagnose-ui.ts';
import { usePortfolioResult, type PortfolioEnterprise, type PortfolioResultView } from './api.ts';

type Gap = PortfolioResultView['gaps'][number];
type Dimension = PortfolioResultView['dimensions'][number];

/**
 * An enterprise's latest submitted result, read-only, opened from the portfolio without switching to it: score and
 * level, the dimension scores and the gaps (answers in words), and the provider it belongs to.
 */
export function PortfolioResultDrawer({
  enterprise,
  onClose,
}: {
  enterprise: PortfolioEnterprise | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { lang } = useText();
  const result = usePortfolioResult(enterprise?.id, lang);
  const number = (n: number) =>
    n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 2 });
  const r = result.data;

  return (
    <Drawer
      open={enterprise !== undefined}
      onClose={onClose}
      width={720}
      title={t('portfolio.result.title', { name: enterprise?.name ?? '' })}
      destroyOnHidden
    >
      <div data-testid="portfolio-result">
        {result.isPending && <Spin style={{ display: 'block', margin: 48 }} />}
        {result.isError && (
          <Alert
            type="warning"
            showIcon
            message={
              result.error instanceof ApiError && result.error.code === 'result_not_shared'
                ? t('portfolio.result.notShared')
                : t('portfolio.result.failed', { message: result.error.message })
            }
          />
        )}
        {r && (
          <>
            <Alert
              type="info"
              showIcon
              message={t('portfolio.result.readOnly')}
              style={{ marginBottom: 16 }}
            />
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('portfolio.result.model')} span={2}>
                {r.assessment.modelTitle}
              </Descriptions.Item>
              <Descriptions.Item label={t('portfolio.result.assessment')}>
                {r.assessment.title}
              </Descriptions.Item>
              <Descriptions.Item label={t('portfolio.result.submitted')}>
                {formatDate(r.assessment.submittedAt, lang)}
              </Descriptions.Item>
              <Descriptions.Item label={t('portfolio.result.score')}>
                {number(r.score)} / {number(r.maxScore)}
              </Descriptions.Item>
              <Descriptions.Item label={t('portfolio.result.level')}>
                <Tag color={r.level ? 'blue' : 'default'}>{r.level ?? t('portfolio.stats.noLevel')}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('portfolio.result.provider')} span={2}>
                {r.provider?.name ?? t('portfolio.result.noProvider')}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5}>{t('portfolio.result.dimensions')}</Typography.Title>
            <Table<Dimension>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={r.dimensions}
              style={{ marginBottom: 16 }}
              columns={[
                { key: 'name', title: t('portfolio.result.dimension'), dataIndex: 'name' },
                {
                  key: 'score',
                  title: t('portfolio.result.score'),
                  width: 120,
                  render: (_, d) => `${number(d.score)} / ${number(d.max)}`,
                },
                {
                  key: 'rate',
                  title: t('portfolio.result.rate'),
                  width: 180,
                  render: (_, d) => (
                    <Progress percent={d.max > 0 ? Math.round((d.score / d.max) * 100) : 0} size="small" />
                  ),
                },
              ]}
            />
            <Typography.Title level={5}>
              {t('portfolio.result.gaps', { count: r.gaps.length })}
            </Typography.Title>
            <Table<Gap>
              size="small"
              rowKey="itemId"
              dataSource={r.gaps}
              pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
              columns={[
                { key: 'name', title: t('portfolio.result.item'), dataIndex: 'name', width: 140 },
                { key: 'current', title: t('portfolio.result.current'), dataIndex: 'current' },
                { key: 'best', title: t('portfolio.result.best'), dataIndex: 'best' },
                {
                  key: 'lost',
                  title: t('portfolio.result.lost'),
                  width: 70,
                  align: 'right',
                  render: (_, g) => number(g.lostPoints),
                },
              ]}
            />
          </>
        )}
      </div>
    </Drawer>
  );
}
