import { Card, Col, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Portfolio } from './api.ts';
import { useText } from '../diagnose/diagnose-ui.ts';
import { useLevelName } from '../diagnose/level-name.ts';

/** The portfolio's totals: enterprises, how many submitted a diagnosis and have a plan, and the level distribution. */
export function PortfolioStats({ totals }: { totals: Portfolio['totals'] }) {
  const { t } = useTranslation();
  const { tx } = useText();
  const levelName = useLevelName();
  const of = t('portfolio.stats.ofTotal', { total: totals.enterprises });
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="portfolio-stats">
      <Col xs={24} sm={8}>
        <Card size="small">
          <Statistic title={t('portfolio.stats.enterprises')} value={totals.enterprises} />
        </Card>
      </Col>
      <Col xs={12} sm={8}>
        <Card size="small">
          <Statistic title={t('portfolio.stats.diagnosed')} value={totals.diagnosed} suffix={of} />
        </Card>
      </Col>
      <Col xs={12} sm={8}>
        <Card size="small">
          <Statistic title={t('portfolio.stats.planned')} value={totals.planned} suffix={of} />
        </Card>
      </Col>
      {totals.levelsByModel.length > 0 && (
        <Col span={24}>
          <Card size="small" title={t('portfolio.stats.levels')} data-testid="portfolio-levels">
            <Space direction="vertical" size={8} style={{ width: '100%' }}>
              {totals.levelsByModel.map((m) => (
                <div key={m.modelId}>
                  <Typography.Text strong style={{ marginRight: 12 }}>
                    {m.modelTitle ? tx(m.modelTitle) : m.modelId}
                  </Typography.Text>
                  <Space size={[4, 4]} wrap style={{ display: 'inline-flex' }}>
                    {m.levels.map((l) => (
                      <Tag key={l.level?.id ?? 'none'} color={l.level ? 'blue' : 'default'}>
                        {(l.level && levelName({ modelId: m.modelId, level: l.level })) ??
                          t('portfolio.stats.noLevel')}
                        {' · '}
                        {t('portfolio.stats.enterprisesCount', { count: l.enterprises })}
                      </Tag>
                    ))}
                  </Space>
                </div>
              ))}
            </Space>
          </Card>
        </Col>
      )}
    </Row>
  );
}
