import { Alert, Button, Empty, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDeletePlan, usePlans, type PlanSummary } from './api.ts';
import { useLocalized } from '../atlas/atlas-ui.ts';
import { money, STATUS_COLOURS } from './plan-ui.ts';
import { useCanWrite } from './use-can-write.ts';
import { formatDateTime } from '../../components/format-date.ts';

/** /plan — the organisation's plans. */
export function PlanListPage() {
  const { t } = useTranslation();
  const { lang } = useLocalized();
  const plans = usePlans();
  const remove = useDeletePlan();
  const canWrite = useCanWrite();

  const columns: ColumnsType<PlanSummary> = [
    {
      title: t('plan.list.title'),
      dataIndex: 'title',
      render: (title: string, plan) => (
        <>
          <Link to={`/plan/${plan.id}`}>{title}</Link>
          {plan.copiedFrom && (
            <Tag style={{ marginInlineStart: 8 }} color="blue">
              {t('plan.list.copyOf')}
            </Tag>
          )}
        </>
      ),
    },
    {
      title: t('plan.list.type'),
      dataIndex: 'enterpriseType',
      responsive: ['md'],
      render: (type: string | null) => (type ? t(`plan.enterpriseTypes.${type}`) : '—'),
    },
    { title: t('plan.list.initiatives'), dataIndex: 'initiativeCount', align: 'right', responsive: ['sm'] },
    {
      title: t('plan.list.status'),
      dataIndex: 'status',
      render: (status: PlanSummary['status']) =>
        status ? (
          <Tag color={STATUS_COLOURS[status]}>{t(`plan.roadmap.statuses.${status}`)}</Tag>
        ) : (
          <Typography.Text type="secondary">{t('plan.list.notSolved')}</Typography.Text>
        ),
    },
    {
      title: t('plan.list.objective'),
      dataIndex: 'objective',
      align: 'right',
      render: (value: number | null) => money(value, lang),
    },
    {
      title: t('plan.list.updated'),
      dataIndex: 'updatedAt',
      responsive: ['lg'],
      render: (value: string) => formatDateTime(value, lang),
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            width: 80,
            render: (_: unknown, plan: PlanSummary) => (
              <Popconfirm title={t('plan.list.confirmDelete')} onConfirm={() => remove.mutate(plan.id)}>
                <Button size="small" danger type="link">
                  {t('plan.list.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];

  return (
    <div>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('plan.title')}
        </Typography.Title>
        {canWrite && (
          <Link to="/plan/new">
            <Button type="primary">{t('plan.list.new')}</Button>
          </Link>
        )}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('plan.intro')}
      </Typography.Paragraph>
      {!canWrite && <Alert type="info" showIcon title={t('plan.readOnly')} style={{ marginBottom: 16 }} />}
      {plans.isError && <Alert type="error" showIcon title={plans.error.message} />}
      <Table
        rowKey="id"
        size="middle"
        loading={plans.isPending}
        columns={columns}
        dataSource={plans.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('plan.list.empty')} /> }}
      />
    </div>
  );
}
