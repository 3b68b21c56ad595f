import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../account/api.ts';
import {
  useProvider,
  useScenarioNames,
  type ProviderProduct,
  type ProviderProfileView,
  useClassNames,
} from './api.ts';
import { GradeCard } from './GradeCard.tsx';
import { dateText, isStatus, scenarioLabel, STATE_COLOURS } from './provider-ui.ts';

const MEMBER_STATES = ['admitted', 'warned', 'rectifying'];

/** /providers/:id — a provider's profile: what it offers, where, with which references, and its grade. */
export function ProfilePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const provider = useProvider(id);
  const me = useMe().data;
  if (provider.isError)
    return isStatus(provider.error, 404) ? (
      <Empty description={t('providers.notFound')} />
    ) : (
      <Alert type="error" showIcon title={t('providers.loadFailed', { message: provider.error.message })} />
    );
  if (!provider.data) return <Card loading />;
  const own = me?.organisation.orgId === id;
  const visible = own || provider.data.pools.some((s) => MEMBER_STATES.includes(s.state));
  return <ProfileView view={provider.data} own={own} gradeVisible={visible} />;
}

export function ProfileView({
  view,
  own,
  gradeVisible,
}: {
  view: ProviderProfileView;
  own: boolean;
  gradeVisible: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { typeName, categoryName } = useClassNames();
  const lang = i18n.language;
  const names = useScenarioNames();
  const { profile } = view;
  const region = (r: string) => (r === '000000' ? t('providers.profile.nationwide') : r);
  const scenarioTags = (codes: string[]) =>
    codes.length === 0 ? (
      '—'
    ) : (
      <Flex wrap gap={4}>
        {codes.map((c) => (
          <Tag key={c}>{scenarioLabel(names, c, lang)}</Tag>
        ))}
      </Flex>
    );
  return (
    <div data-testid="provider-profile">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="provider-name">
          {profile.name}
        </Typography.Title>
        {own && (
          <Link to="/providers/own">
            <Button type="primary">{t('providers.profile.edit')}</Button>
          </Link>
        )}
      </Flex>
      <Typography.Paragraph type="secondary">
        {view.version > 0
          ? t('providers.profile.version', { version: view.version, date: dateText(view.updatedAt, lang) })
          : t('providers.profile.neverSaved')}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Space direction="vertical" style={{ width: '100%' }} size={16}>
            <Card size="small">
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('providers.profile.types')}>
                  <Flex wrap gap={4}>
                    {profile.types.map((id) => (
                      <Tag color="blue" key={id}>
                        {typeName(id)}
                      </Tag>
                    ))}
                  </Flex>
                </Descriptions.Item>
                <Descriptions.Item label={t('providers.profile.categories')}>
                  {profile.categories.map((id) => categoryName(id)).join(t('providers.separator')) || '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('providers.profile.capabilities')}>
                  <span data-testid="provider-capabilities">{scenarioTags(profile.capabilities)}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('providers.profile.industries')}>
                  {profile.industries.join(t('providers.separator')) || '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('providers.profile.regions')}>
                  {profile.regions.map(region).join(t('providers.separator')) || '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('providers.profile.pools')}>
                  {view.pools.length === 0
                    ? '—'
                    : view.pools.map((s) => (
                        <div key={s.poolId}>
                          <Tag color={STATE_COLOURS[s.state]}>{t(`providers.states.${s.state}`)}</Tag>
                          <Link to={`/providers/pools/${s.poolId}`}>{s.poolName}</Link>
                          <Typography.Text type="secondary"> · {typeName(s.typeId)}</Typography.Text>
                        </div>
                      ))}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card size="small" title={t('providers.profile.products')}>
              <Table<ProviderProduct>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={profile.products}
                data-testid="provider-products"
                locale={{ emptyText: t('providers.none') }}
                columns={[
                  { title: t('providers.profile.product.name'), dataIndex: 'name' },
                  {
                    title: t('providers.profile.product.scenarios'),
                    dataIndex: 'scenarios',
                    render: scenarioTags,
                    responsive: ['md'],
                  },
                  {
                    title: t('providers.profile.product.price'),
                    dataIndex: 'price',
                    render: (p: ProviderProduct['price']) => t('providers.yuan', { min: p.min, max: p.max }),
                  },
                  {
                    title: t('providers.profile.product.deployment'),
                    dataIndex: 'deployment',
                    render: (d: string[]) => d.map((x) => t(`providers.deployment.${x}`)).join(' / '),
                  },
                  {
                    title: t('providers.profile.product.pricing'),
                    dataIndex: 'pricing',
                    render: (d: string[]) => d.map((x) => t(`providers.pricing.${x}`)).join(' / '),
                  },
                ]}
              />
            </Card>
            <Card size="small" title={t('providers.profile.references')}>
              <Table
                rowKey={(r) => r.title}
                size="small"
                pagination={false}
                dataSource={profile.references}
                locale={{ emptyText: t('providers.none') }}
                columns={[
                  { title: t('providers.profile.reference.title'), dataIndex: 'title' },
                  {
                    title: t('providers.profile.reference.enterprise'),
                    dataIndex: 'enterprise',
                    responsive: ['md'],
                  },
                  { title: t('providers.profile.reference.industry'), dataIndex: 'industry' },
                  {
                    title: t('providers.profile.reference.region'),
                    dataIndex: 'region',
                    render: (r?: string) => (r ? region(r) : '—'),
                  },
                  { title: t('providers.profile.reference.year'), dataIndex: 'year', responsive: ['md'] },
                ]}
              />
            </Card>
            <Card size="small" title={t('providers.profile.certifications')}>
              <Table
                rowKey={(c) => c.name}
                size="small"
                pagination={false}
                dataSource={profile.certifications}
                locale={{ emptyText: t('providers.none') }}
                columns={[
                  { title: t('providers.profile.certification.name'), dataIndex: 'name' },
                  { title: t('providers.profile.certification.issuer'), dataIndex: 'issuer' },
                  {
                    title: t('providers.profile.certification.validUntil'),
                    dataIndex: 'validUntil',
                    render: (d?: string) => dateText(d, lang),
                  },
                ]}
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={9}>
          <GradeCard providerId={profile.id} visible={gradeVisible && view.version > 0} />
        </Col>
      </Row>
    </div>
  );
}
