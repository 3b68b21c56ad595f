import { ArrowDownOutlined, ArrowLeftOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, List, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useAtlasGraph, usePack, useScenario, type ChainType, type Link as AtlasLink } from './api.ts';
import { AtlasLoadError } from './AtlasLoadError.tsx';
import { ScenarioLink } from './ScenarioLinkTag.tsx';
import {
  CHAIN_STYLES,
  ELEMENT_LISTS,
  categoryColour,
  useAtlasParams,
  useLocalized,
  valueTagColour,
} from './atlas-ui.ts';

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card size="small" title={title} style={{ height: '100%' }} data-testid={testId}>
      {children}
    </Card>
  );
}

/** /atlas/scenarios/:code — one scenario: its four lists, value, KPIs, pain points and links. */
export function ScenarioPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const { tx } = useLocalized();
  const { pack, packQuery } = useAtlasParams();
  const scenario = useScenario(pack, code);
  const detail = usePack(pack);
  const graph = useAtlasGraph(pack);

  const names = useMemo(
    () => new Map((graph.data?.nodes ?? []).map((n) => [n.id, tx(n.name)])),
    [graph.data, tx],
  );
  const back = (
    <Link to={`/atlas${packQuery}`}>
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingLeft: 0 }}>
        {t('atlas.scenario.back')}
      </Button>
    </Link>
  );

  if (scenario.isPending || detail.isPending) {
    return (
      <div>
        {back}
        <Skeleton active paragraph={{ rows: 10 }} />
      </div>
    );
  }
  if (scenario.isError && scenario.error instanceof ApiError && scenario.error.status === 404) {
    return (
      <Result
        status="404"
        title={t('atlas.scenario.notFound', { code })}
        subTitle={t('atlas.scenario.notFoundBody', { pack })}
        extra={back}
      />
    );
  }
  if (scenario.isError || detail.isError) {
    return (
      <div>
        {back}
        <AtlasLoadError
          error={scenario.error ?? detail.error}
          onRetry={() => {
            void scenario.refetch();
            void detail.refetch();
          }}
        />
      </div>
    );
  }

  const { scenario: s, incoming, outgoing, prerequisites, unlocks } = scenario.data;
  const vocabulary = detail.data.vocabulary;
  const categoryIndex = vocabulary.categories.findIndex((c) => c.id === s.category);
  const category = vocabulary.categories[categoryIndex];
  const chainName = (id: ChainType) => tx(vocabulary.chains.find((c) => c.id === id)?.name) || id;
  const none = <Typography.Text type="secondary">{t('atlas.scenario.none')}</Typography.Text>;

  const codeList = (codes: string[]) =>
    codes.length === 0 ? (
      none
    ) : (
      <Flex vertical gap={4}>
        {codes.map((c) => (
          <ScenarioLink key={c} code={c} name={names.get(c)} packQuery={packQuery} />
        ))}
      </Flex>
    );

  const linkList = (links: AtlasLink[], other: (l: AtlasLink) => string) =>
    links.length === 0 ? (
      none
    ) : (
      <List
        size="small"
        dataSource={links}
        renderItem={(l) => (
          <List.Item style={{ paddingLeft: 0, paddingRight: 0 }}>
            <div style={{ minWidth: 0 }}>
              <Space size={6} wrap>
                <Tag
                  style={{
                    borderStyle: CHAIN_STYLES[l.chain].type,
                    borderColor: CHAIN_STYLES[l.chain].colour,
                    color: CHAIN_STYLES[l.chain].colour,
                    background: 'transparent',
                  }}
                >
                  {chainName(l.chain)}
                </Tag>
                <ScenarioLink code={other(l)} name={names.get(other(l))} packQuery={packQuery} />
                {l.prerequisite && <Tag color="volcano">{t('atlas.graph.prerequisite')}</Tag>}
              </Space>
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 13 }}>
                {t('atlas.scenario.flow')}: {tx(l.flow)}
              </Typography.Paragraph>
            </div>
          </List.Item>
        )}
      />
    );

  return (
    <div data-testid="scenario-page" data-code={s.code}>
      {back}
      <Flex wrap gap={8} align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {tx(s.name)}
        </Typography.Title>
        <Tag style={{ fontFamily: 'monospace' }}>{s.code}</Tag>
        {category && <Tag color={categoryColour(categoryIndex)}>{tx(category.name)}</Tag>}
        {scenario.data.pack && scenario.data.pack !== pack && (
          <Tag>
            {t('atlas.scenario.pack')}: {scenario.data.pack}
          </Tag>
        )}
      </Flex>
      <Typography.Paragraph style={{ marginTop: 12, maxWidth: 960 }}>
        {tx(s.description)}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('atlas.scenario.citation')}: {s.citation.source} · {s.citation.section}
        {s.citation.note ? ` · ${s.citation.note}` : ''}
      </Typography.Paragraph>

      <Flex wrap gap={16} style={{ marginBottom: 16 }}>
        <Space size={4} wrap>
          <Typography.Text type="secondary">{t('atlas.scenario.valueTags')}</Typography.Text>
          {s.valueTags.map((id) => (
            <Tag key={id} color={valueTagColour(id)}>
              {tx(vocabulary.valueTags.find((v) => v.id === id)?.name) || id}
            </Tag>
          ))}
        </Space>
        <Space size={4} wrap>
          <Typography.Text type="secondary">{t('atlas.scenario.enterpriseTypes')}</Typography.Text>
          {s.enterpriseTypes.map((id) => (
            <Tag key={id}>{tx(vocabulary.enterpriseTypes.find((v) => v.id === id)?.name) || id}</Tag>
          ))}
        </Space>
      </Flex>

      <Typography.Title level={4}>{t('atlas.scenario.fourLists')}</Typography.Title>
      <Row gutter={[16, 16]}>
        {ELEMENT_LISTS.map((list) => (
          <Col key={list} xs={24} md={12} xl={6}>
            <Section title={t(`atlas.lists.${list}`)} testId={`scenario-list-${list}`}>
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {s.elements[list].map((e) => (
                  <li key={e.zh} style={{ marginBottom: 4 }}>
                    {tx(e)}
                  </li>
                ))}
              </ul>
            </Section>
          </Col>
        ))}
        <Col span={24}>
          <Section title={t('atlas.scenario.infrastructure')}>
            <Space size={[8, 8]} wrap>
              {s.infrastructure.map((e) => (
                <Tag key={e.zh} style={{ whiteSpace: 'normal' }}>
                  {tx(e)}
                </Tag>
              ))}
            </Space>
          </Section>
        </Col>
        <Col xs={24} md={12}>
          <Section title={t('atlas.scenario.kpis')}>
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {s.kpis.map((id) => {
                const kpi = detail.data.kpis.find((k) => k.id === id);
                return (
                  <li key={id} style={{ marginBottom: 4 }}>
                    {tx(kpi?.name) || id}
                    {kpi && (
                      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                        {' '}
                        ({kpi.unit}, {kpi.direction === 'up' ? <ArrowUpOutlined /> : <ArrowDownOutlined />}{' '}
                        {t(`atlas.scenario.${kpi.direction}`)})
                      </Typography.Text>
                    )}
                  </li>
                );
              })}
            </ul>
          </Section>
        </Col>
        <Col xs={24} md={12}>
          <Section title={t('atlas.scenario.painPoints')}>
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {s.painPoints.map((id) => (
                <li key={id} style={{ marginBottom: 4 }}>
                  {tx(detail.data.painPoints.find((p) => p.id === id)?.name) || id}
                </li>
              ))}
            </ul>
          </Section>
        </Col>
        <Col xs={24} md={12}>
          <Section title={t('atlas.scenario.prerequisites')}>{codeList(prerequisites)}</Section>
        </Col>
        <Col xs={24} md={12}>
          <Section title={t('atlas.scenario.unlocks')}>{codeList(unlocks)}</Section>
        </Col>
        <Col xs={24} lg={12}>
          <Section title={t('atlas.scenario.incoming')} testId="scenario-incoming">
            {linkList(incoming, (l) => l.from)}
          </Section>
        </Col>
        <Col xs={24} lg={12}>
          <Section title={t('atlas.scenario.outgoing')} testId="scenario-outgoing">
            {linkList(outgoing, (l) => l.to)}
          </Section>
        </Col>
      </Row>
    </div>
  );
}
