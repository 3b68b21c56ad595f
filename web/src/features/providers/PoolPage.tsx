import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../account/api.ts';
import {
  usePool,
  usePoolStep,
  type Membership,
  type PoolStepRequest,
  type PoolView,
  useClassNames,
} from './api.ts';
import { QuotaTags } from './PoolsPage.tsx';
import { dateText, isStatus, refusalText, STATE_COLOURS } from './provider-ui.ts';

type Kind = PoolStepRequest['kind'];
type Row = PoolView['memberships'][number];

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The authority's steps that fit a membership's state (the server refuses any other with its reason). */
function authoritySteps(m: Membership): Kind[] {
  const steps: Kind[] = [];
  if (m.appeal) steps.push('decide-appeal');
  if (m.state === 'applied') steps.push('review');
  if (m.state === 'publicised') steps.push('admit', 'object');
  if (m.state === 'admitted' || m.state === 'warned') steps.push('warn', 'order-rectification', 'remove');
  if (m.state === 'rectifying') steps.push('rectified', 'remove');
  return steps;
}

function providerSteps(m: Membership | undefined): Kind[] {
  if (!m || m.state === 'withdrawn' || m.state === 'rejected')
    return m?.state === 'rejected' && !m.appeal ? ['apply', 'appeal'] : ['apply'];
  const steps: Kind[] = [];
  if (['applied', 'publicised', 'admitted', 'warned'].includes(m.state)) steps.push('withdraw');
  if (['warned', 'rectifying', 'removed'].includes(m.state) && !m.appeal) steps.push('appeal');
  return steps;
}

interface StepValues {
  at?: string;
  reason?: string;
  deadline?: string;
  upheld?: boolean;
  typeId?: string;
  scores?: { expert: string; score: number }[];
}

const WITH_REASON: Kind[] = ['object', 'warn', 'order-rectification', 'remove', 'appeal', 'decide-appeal'];

/** One step of a membership, with what it needs; a refusal is shown in the reader's language. */
function StepModal({
  pool,
  kind,
  row,
  onClose,
}: {
  pool: PoolView;
  kind: Kind;
  /** the membership an authority acts on; absent for the provider's own steps */
  row?: Row;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { typeIds, typeName } = useClassNames();
  const { message } = App.useApp();
  const [form] = Form.useForm<StepValues>();
  const step = usePoolStep(pool.id);
  const types =
    pool.quotas.length > 0 ? pool.quotas.map((q) => q.typeId) : (pool.definition.types ?? typeIds);
  const submit = (v: StepValues) => {
    const at = v.at ? { at: v.at } : {};
    const reason = v.reason?.trim() ?? '';
    const providerId = row?.providerId ?? '';
    const bodies: Record<Kind, () => PoolStepRequest> = {
      apply: () => ({ kind: 'apply', typeId: v.typeId ?? '', ...at }),
      appeal: () => ({ kind: 'appeal', reason, ...at }),
      withdraw: () => ({ kind: 'withdraw', ...at }),
      review: () => ({ kind: 'review', providerId, scores: v.scores ?? [], ...at }),
      object: () => ({ kind: 'object', providerId, reason, ...at }),
      admit: () => ({ kind: 'admit', providerId, ...at }),
      warn: () => ({ kind: 'warn', providerId, reason, ...at }),
      'order-rectification': () => ({
        kind: 'order-rectification',
        providerId,
        reason,
        deadline: v.deadline ?? '',
        ...at,
      }),
      rectified: () => ({ kind: 'rectified', providerId, ...at }),
      remove: () => ({ kind: 'remove', providerId, reason, ...at }),
      'decide-appeal': () => ({
        kind: 'decide-appeal',
        providerId,
        upheld: v.upheld ?? false,
        reason,
        ...at,
      }),
    };
    step.mutate(bodies[kind](), {
      onSuccess: () => {
        void message.success(t('providers.pools.applied', { step: t(`providers.steps.${kind}`) }));
        onClose();
      },
    });
  };
  const required = { required: true, message: t('providers.edit.required') };
  return (
    <Modal
      open
      title={t('providers.step.title', {
        step: t(`providers.steps.${kind}`),
        provider: row?.providerName ?? pool.definition.name ?? '',
      })}
      okText={t('providers.step.submit')}
      cancelText={t('providers.step.cancel')}
      confirmLoading={step.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'step-submit' }}
    >
      {step.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="step-refusal"
          title={refusalText(t, step.error)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form<StepValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        initialValues={{
          typeId: types[0],
          scores: [{ expert: '', score: 80 }],
          upheld: false,
        }}
      >
        {kind === 'apply' && (
          <Form.Item name="typeId" label={t('providers.pools.applyType')} rules={[required]}>
            <Select
              data-testid="apply-type"
              options={types.map((id) => ({ value: id, label: typeName(id) }))}
            />
          </Form.Item>
        )}
        {kind === 'review' && (
          <Form.List name="scores">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} align="baseline">
                    <Form.Item name={[field.name, 'expert']} rules={[required]} style={{ flex: 1 }}>
                      <Input
                        placeholder={t('providers.step.expert')}
                        aria-label={t('providers.step.expert')}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'score']} rules={[required]}>
                      <InputNumber
                        min={0}
                        max={100}
                        placeholder={t('providers.step.score')}
                        aria-label={t('providers.step.score')}
                        style={{ width: 110 }}
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
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ expert: '', score: 80 })}
                  style={{ marginBottom: 16 }}
                >
                  {t('providers.step.addScore')}
                </Button>
              </>
            )}
          </Form.List>
        )}
        {kind === 'decide-appeal' && (
          <Form.Item name="upheld" label={t('providers.step.upheld')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
        {WITH_REASON.includes(kind) && (
          <Form.Item
            name="reason"
            label={t('providers.step.reason')}
            rules={[{ ...required, whitespace: true }]}
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="step-reason" />
          </Form.Item>
        )}
        {kind === 'order-rectification' && (
          <Form.Item name="deadline" label={t('providers.step.deadline')} rules={[required]}>
            <Input type="date" min={today()} />
          </Form.Item>
        )}
        <Form.Item name="at" label={t('providers.step.at')}>
          <Input type="date" max={today()} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function History({ m }: { m: Membership }) {
  const { t, i18n } = useTranslation();
  const { typeName } = useClassNames();
  const lang = i18n.language;
  return (
    <Timeline
      data-testid="membership-history"
      items={m.history.map((h, i) => {
        const c = h.command;
        const extra: string[] = [];
        if ('reason' in c) extra.push(c.reason);
        if ('scores' in c)
          extra.push(c.scores.map((s) => `${s.expert} ${s.score}`).join(t('providers.separator')));
        if ('deadline' in c) extra.push(`${t('providers.pools.deadline')} ${dateText(c.deadline, lang)}`);
        if ('upheld' in c) extra.push(c.upheld ? t('providers.step.upheld') : '✗');
        if (c.kind === 'apply') extra.push(typeName(c.typeId));
        return {
          key: i,
          color: STATE_COLOURS[h.to] === 'default' ? 'gray' : STATE_COLOURS[h.to],
          children: (
            <div>
              <Typography.Text strong>{t(`providers.steps.${c.kind}`)}</Typography.Text>{' '}
              <Typography.Text type="secondary">{dateText(c.at, lang)}</Typography.Text>{' '}
              <Tag color={STATE_COLOURS[h.to]}>{t(`providers.states.${h.to}`)}</Tag>
              {extra.length > 0 && <div style={{ fontSize: 12 }}>{extra.join(' · ')}</div>}
            </div>
          ),
        };
      })}
    />
  );
}

/** /providers/pools/:id — a pool: its opener administers applications and members; a provider applies and appeals. */
export function PoolPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { typeName } = useClassNames();
  const lang = i18n.language;
  const me = useMe().data;
  const pool = usePool(id);
  const [acting, setActing] = useState<{ kind: Kind; row?: Row } | null>(null);
  if (pool.isError)
    return isStatus(pool.error, 404) ? (
      <Empty description={t('providers.pools.empty')} />
    ) : (
      <Alert type="error" showIcon title={t('providers.loadFailed', { message: pool.error.message })} />
    );
  const p = pool.data;
  if (!p) return <Card loading />;
  const canWrite = me?.organisation.role !== 'viewer';
  const isProvider = me?.organisation.orgKind === 'service_provider';
  const mine = isProvider ? p.memberships.find((m) => m.providerId === me.organisation.orgId) : undefined;
  const d = p.definition;

  const columns: ColumnsType<Row> = [
    {
      title: t('providers.pools.provider'),
      dataIndex: 'providerName',
      render: (name: string, m) => <Link to={`/providers/${m.providerId}`}>{name}</Link>,
    },
    {
      title: t('providers.pools.type'),
      dataIndex: 'typeId',
      responsive: ['md'],
      render: (id: string) => typeName(id),
    },
    {
      title: t('providers.pools.state'),
      dataIndex: 'state',
      render: (s: string, m) => (
        <Space size={4} wrap>
          <Tag color={STATE_COLOURS[s]} data-testid="membership-state">
            {t(`providers.states.${s}`)}
          </Tag>
          {m.appeal && <Tag color="purple">{t('providers.pools.appealPending')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('providers.pools.reviewScore'),
      dataIndex: 'reviewScore',
      align: 'right',
      render: (v: number | null) => (v === null ? '—' : v),
    },
    {
      title: t('providers.pools.publicityUntil'),
      key: 'dates',
      responsive: ['lg'],
      render: (_: unknown, m) =>
        m.rectificationDeadline
          ? `${t('providers.pools.deadline')} ${dateText(m.rectificationDeadline, lang)}`
          : dateText(m.publicityUntil, lang),
    },
    ...(p.own && canWrite
      ? [
          {
            title: t('providers.pools.actions'),
            key: 'actions',
            render: (_: unknown, m: Row) => (
              <Space size={4} wrap>
                {authoritySteps(m).map((kind) => (
                  <Button
                    key={kind}
                    size="small"
                    danger={kind === 'remove' || kind === 'warn'}
                    onClick={() => setActing({ kind, row: m })}
                    data-testid={`step-${kind}`}
                  >
                    {t(`providers.steps.${kind}`)}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="pool-page">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="pool-name">
          {d.name ?? p.id}
        </Typography.Title>
        <Link to="/providers/pools">{t('providers.pools.back')}</Link>
      </Flex>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ margin: '12px 0' }}>
        <Descriptions.Item label={t('providers.pools.authority')}>{p.authorityName}</Descriptions.Item>
        <Descriptions.Item label={t('providers.pools.region')}>
          {[d.region, d.industry].filter(Boolean).join(' · ') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('providers.pools.publicityDays')}>{d.publicityDays}</Descriptions.Item>
        {d.appealDays !== undefined && (
          <Descriptions.Item label={t('providers.pools.appealDays')}>{d.appealDays}</Descriptions.Item>
        )}
        {d.passScore !== undefined && (
          <Descriptions.Item label={t('providers.pools.passScore')}>{d.passScore}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('providers.pools.requiredForPilot')}>
          {p.requiredForPilot ? t('providers.pools.requiredYes') : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('providers.pools.quotas')}>
          <QuotaTags quotas={p.quotas} />
        </Descriptions.Item>
      </Descriptions>

      {isProvider && (
        <Card
          size="small"
          title={t('providers.pools.mine')}
          style={{ marginBottom: 16 }}
          data-testid="pool-mine"
        >
          {mine ? (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Tag color={STATE_COLOURS[mine.state]} data-testid="my-state">
                  {t(`providers.states.${mine.state}`)}
                </Tag>
                <span>{typeName(mine.typeId)}</span>
                {mine.appeal && <Tag color="purple">{t('providers.pools.appealPending')}</Tag>}
              </Space>
              <History m={mine} />
            </Space>
          ) : (
            <Typography.Paragraph type="secondary">{t('providers.pools.notApplied')}</Typography.Paragraph>
          )}
          {canWrite && (
            <Space wrap>
              {providerSteps(mine).map((kind) => (
                <Button
                  key={kind}
                  type={kind === 'apply' ? 'primary' : 'default'}
                  onClick={() => setActing({ kind })}
                  data-testid={`my-step-${kind}`}
                >
                  {t(`providers.steps.${kind}`)}
                </Button>
              ))}
            </Space>
          )}
        </Card>
      )}

      <Card size="small" title={t('providers.pools.applications')}>
        {!p.own && (
          <Typography.Paragraph type="secondary">{t('providers.pools.viewerNote')}</Typography.Paragraph>
        )}
        <Table<Row>
          rowKey="providerId"
          size="small"
          columns={columns}
          dataSource={p.memberships}
          pagination={false}
          locale={{ emptyText: t('providers.pools.noApplications') }}
          data-testid="pool-memberships"
          scroll={{ x: 'max-content' }}
          expandable={
            p.own
              ? {
                  rowExpandable: (m) => m.history.length > 0,
                  expandedRowRender: (m) => <History m={m} />,
                }
              : undefined
          }
        />
      </Card>
      {acting && <StepModal pool={p} kind={acting.kind} row={acting.row} onClose={() => setActing(null)} />}
    </div>
  );
}
