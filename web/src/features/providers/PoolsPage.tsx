import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../account/api.ts';
import { useOpenPool, usePools, type OpenPool, type PoolList, useClassNames } from './api.ts';
import { INDUSTRY_CODE, problemsText, REGION_CODE } from './provider-ui.ts';

type PoolRow = PoolList['pools'][number];

interface OpenValues {
  name: string;
  region?: string;
  industry?: string;
  publicityDays: number;
  appealDays?: number | null;
  passScore?: number | null;
  requiredForPilot: boolean;
  quotas: { typeId: string; quota: number }[];
}

export function QuotaTags({ quotas }: { quotas: PoolRow['quotas'] }) {
  const { t } = useTranslation();
  const { typeName } = useClassNames();
  return (
    <Flex wrap gap={4}>
      {quotas.map((q) => (
        <Tag key={q.typeId} style={{ whiteSpace: 'normal' }}>
          {typeName(q.typeId)}{' '}
          {q.quota === null
            ? t('providers.pools.unlimited', { members: q.members })
            : t('providers.pools.quota', { members: q.members, quota: q.quota })}
        </Tag>
      ))}
    </Flex>
  );
}

/** An authority opens a pool: name, where, which industry, the 公示 period, quotas per type, whether the pilot requires it. */
function OpenPoolModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { typeIds, typeName } = useClassNames();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<OpenValues>();
  const open = useOpenPool();
  const submit = (v: OpenValues) => {
    const body: OpenPool = {
      name: v.name.trim(),
      publicityDays: v.publicityDays,
      requiredForPilot: v.requiredForPilot,
      quotas: Object.fromEntries(v.quotas.map((q) => [q.typeId, q.quota])),
      ...(v.region ? { region: v.region.trim() } : {}),
      ...(v.industry ? { industry: v.industry.trim() } : {}),
      ...(typeof v.appealDays === 'number' ? { appealDays: v.appealDays } : {}),
      ...(typeof v.passScore === 'number' ? { passScore: v.passScore } : {}),
    };
    open.mutate(body, {
      onSuccess: (pool) => {
        void message.success(t('providers.pools.opened', { name: pool.definition.name ?? '' }));
        onClose();
        void navigate(`/providers/pools/${pool.id}`);
      },
    });
  };
  return (
    <Modal
      open
      title={t('providers.pools.open')}
      okText={t('providers.step.submit')}
      cancelText={t('providers.step.cancel')}
      confirmLoading={open.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      {open.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('providers.pools.openFailed', { message: problemsText(open.error) })}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form<OpenValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        initialValues={{
          publicityDays: 7,
          requiredForPilot: false,
          quotas: [{ typeId: 'production-software', quota: 6 }],
        }}
        data-testid="open-pool-form"
      >
        <Form.Item
          name="name"
          label={t('providers.pools.name')}
          rules={[{ required: true, whitespace: true, message: t('providers.edit.required') }]}
        >
          <Input data-testid="pool-name" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={12}>
            <Form.Item
              name="region"
              label={t('providers.pools.region')}
              rules={[{ pattern: REGION_CODE, message: t('providers.edit.codesHint') }]}
            >
              <Input placeholder="990100" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item
              name="industry"
              label={t('providers.pools.industry')}
              rules={[{ pattern: INDUSTRY_CODE, message: t('providers.edit.codesHint') }]}
            >
              <Input placeholder="C34" />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item
              name="publicityDays"
              label={t('providers.pools.publicityDays')}
              rules={[{ required: true }]}
            >
              <InputNumber min={0} max={365} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="appealDays" label={t('providers.pools.appealDays')}>
              <InputNumber min={0} max={365} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={8}>
            <Form.Item name="passScore" label={t('providers.pools.passScore')}>
              <InputNumber min={0} max={100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="requiredForPilot" label={t('providers.pools.requiredYes')} valuePropName="checked">
          <Switch data-testid="pool-required" />
        </Form.Item>
        <Typography.Text strong>{t('providers.pools.quotas')}</Typography.Text>
        <Form.List name="quotas">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item name={[field.name, 'typeId']} rules={[{ required: true }]} style={{ flex: 1 }}>
                    <Select
                      aria-label={t('providers.pools.quotaType')}
                      options={typeIds.map((id) => ({ value: id, label: typeName(id) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'quota']} rules={[{ required: true }]}>
                    <InputNumber
                      min={0}
                      max={10000}
                      aria-label={t('providers.pools.quotaCount')}
                      style={{ width: 100 }}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('providers.edit.remove')}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ typeId: undefined, quota: 3 })}>
                {t('providers.pools.addQuota')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** /providers/pools — the pools; an authority opens one. */
export function PoolsPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const pools = usePools();
  const [opening, setOpening] = useState(false);
  const canOpen = me?.organisation.orgKind === 'authority' && me.organisation.role !== 'viewer';
  const columns: ColumnsType<PoolRow> = [
    {
      title: t('providers.pools.name'),
      key: 'name',
      render: (_: unknown, p) => (
        <>
          <Link to={`/providers/pools/${p.id}`}>{p.definition.name ?? p.id}</Link>
          {p.own && (
            <Tag color="blue" style={{ marginInlineStart: 8 }}>
              {t('providers.pools.own')}
            </Tag>
          )}
        </>
      ),
    },
    { title: t('providers.pools.authority'), dataIndex: 'authorityName', responsive: ['md'] },
    {
      title: t('providers.pools.region'),
      key: 'where',
      responsive: ['lg'],
      render: (_: unknown, p) =>
        [p.definition.region, p.definition.industry].filter(Boolean).join(' · ') || '—',
    },
    {
      title: t('providers.pools.quotas'),
      key: 'quotas',
      render: (_: unknown, p) => <QuotaTags quotas={p.quotas} />,
    },
    {
      title: t('providers.pools.requiredForPilot'),
      dataIndex: 'requiredForPilot',
      responsive: ['md'],
      render: (v: boolean) => (v ? <Tag color="red">{t('providers.pools.requiredForPilot')}</Tag> : '—'),
    },
  ];
  return (
    <div data-testid="pools-page">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0, maxWidth: 720 }}>
          {t('providers.pools.intro')}
        </Typography.Paragraph>
        {canOpen && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setOpening(true)}
            data-testid="open-pool"
          >
            {t('providers.pools.open')}
          </Button>
        )}
      </Flex>
      {pools.isError && (
        <Alert type="error" showIcon title={t('providers.loadFailed', { message: pools.error.message })} />
      )}
      <Table<PoolRow>
        rowKey="id"
        loading={pools.isPending}
        columns={columns}
        dataSource={pools.data ?? []}
        locale={{ emptyText: t('providers.pools.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="pools-table"
        scroll={{ x: 'max-content' }}
      />
      {opening && <OpenPoolModal onClose={() => setOpening(false)} />}
    </div>
  );
}
