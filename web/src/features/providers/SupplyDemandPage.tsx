import { Alert, Card, Col, Empty, Flex, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioSupply } from '../../../../src/contracts/providers.ts';
import { EChart } from '../../components/EChart.tsx';
import { useNarrow } from './use-narrow.ts';
import { useMe } from '../account/api.ts';
import { usePools, useScenarioNames, useSupplyDemand } from './api.ts';
import './echarts-providers.ts';
import { percent, round1, scenarioLabel } from './provider-ui.ts';
import { supplyOption } from './supply-option.ts';

/** /providers/supply — an authority's supply against demand, of every provider or of one pool. */
export function SupplyDemandPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  if (me?.organisation.orgKind !== 'authority')
    return <Empty description={t('providers.supply.authorityOnly')} />;
  return <SupplyDemand />;
}

function SupplyDemand() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const names = useScenarioNames();
  const narrow = useNarrow();
  const pools = usePools();
  const [poolId, setPoolId] = useState<string | undefined>();
  const view = useSupplyDemand(poolId);
  const data = view.data;
  const uncovered = useMemo(() => new Set(data?.uncovered ?? []), [data]);
  const label = (code: string) => scenarioLabel(names, code, lang);
  const option = useMemo(
    () =>
      data
        ? supplyOption(
            data,
            {
              demand: t('providers.supply.demand'),
              supply: t('providers.supply.supply'),
              uncovered: t('providers.supply.uncoveredTag'),
              initiatives: t('providers.supply.initiatives'),
              label: (code) => scenarioLabel(names, code, lang),
            },
            narrow,
          )
        : null,
    [data, names, lang, narrow, t],
  );

  return (
    <div data-testid="supply-demand">
      <Typography.Paragraph type="secondary">{t('providers.supply.intro')}</Typography.Paragraph>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <Typography.Text>{t('providers.supply.pool')}</Typography.Text>
        <Select
          allowClear
          placeholder={t('providers.supply.allProviders')}
          aria-label={t('providers.supply.pool')}
          value={poolId}
          onChange={(v?: string) => setPoolId(v)}
          options={(pools.data ?? []).map((p) => ({ value: p.id, label: p.definition.name ?? p.id }))}
          style={{ width: 320, maxWidth: '100%' }}
        />
      </Flex>
      {view.isError && (
        <Alert type="error" showIcon title={t('providers.loadFailed', { message: view.error.message })} />
      )}
      {data && (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('providers.supply.enterprisesTitle')} value={data.enterprises} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title={t('providers.supply.providersTitle')} value={data.providers} />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('providers.supply.coverageTitle')}
                  value={percent(data.coverage * 100, lang)}
                  data-testid="supply-coverage"
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title={t('providers.supply.uncoveredTitle')}
                  value={data.uncovered.length}
                  valueStyle={{ color: data.uncovered.length > 0 ? '#cf1322' : undefined }}
                />
              </Card>
            </Col>
          </Row>
          {data.scenarios.length === 0 ? (
            <Empty description={t('providers.supply.noDemand')} />
          ) : (
            <>
              {data.uncovered.length > 0 && (
                <Alert
                  type="error"
                  showIcon
                  data-testid="supply-uncovered"
                  title={t('providers.supply.uncovered', { count: data.uncovered.length })}
                  description={data.uncovered.map(label).join(t('providers.separator'))}
                  style={{ marginBottom: 12 }}
                />
              )}
              {data.singleProvider.length > 0 && (
                <Alert
                  type="warning"
                  showIcon
                  title={t('providers.supply.single', { count: data.singleProvider.length })}
                  description={data.singleProvider.map(label).join(t('providers.separator'))}
                  style={{ marginBottom: 12 }}
                />
              )}
              <Card size="small" style={{ marginBottom: 12 }}>
                {option && (
                  <EChart
                    option={option}
                    height={Math.max(240, data.scenarios.length * 44 + 60)}
                    label={t('providers.supply.chart')}
                    testId="supply-chart"
                  />
                )}
              </Card>
              <Table<ScenarioSupply>
                rowKey="scenario"
                size="small"
                pagination={false}
                dataSource={data.scenarios}
                data-testid="supply-table"
                onRow={(r) => (uncovered.has(r.scenario) ? { style: { background: '#fff1f0' } } : {})}
                columns={[
                  {
                    title: t('providers.supply.scenario'),
                    dataIndex: 'scenario',
                    render: (code: string) => (
                      <>
                        {label(code)}{' '}
                        {uncovered.has(code) && <Tag color="red">{t('providers.supply.uncoveredTag')}</Tag>}
                      </>
                    ),
                  },
                  { title: t('providers.supply.demand'), dataIndex: 'enterprises', align: 'right' },
                  {
                    title: t('providers.supply.initiatives'),
                    dataIndex: 'initiatives',
                    align: 'right',
                    responsive: ['md'],
                  },
                  {
                    title: t('providers.supply.supply'),
                    dataIndex: 'providers',
                    align: 'right',
                    render: (p: string[]) => p.length,
                  },
                  {
                    title: t('providers.supply.withProduct'),
                    dataIndex: 'withProduct',
                    align: 'right',
                    responsive: ['md'],
                  },
                  {
                    title: t('providers.supply.perEnterprise'),
                    dataIndex: 'providersPerEnterprise',
                    align: 'right',
                    responsive: ['lg'],
                    render: (v: number) => round1(v),
                  },
                ]}
              />
            </>
          )}
        </>
      )}
    </div>
  );
}
