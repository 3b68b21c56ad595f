import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/format-date.ts';
import { useMe } from '../account/api.ts';
import { useAuditLog, type AuditEventView, type AuditFilters } from './audit-api.ts';
import { actionLabel, entityLabel } from './audit-labels.ts';
import { AuditDiff } from './AuditDiff.tsx';
import { AuditFilterBar, NO_FILTERS, type AuditFilterInput } from './AuditFilterBar.tsx';
import { errorText } from './organisation-ui.ts';

/** A calendar day typed in the reader's time zone, as the instant it starts (the day after it for `to`). */
function dayStart(day: string, next = false): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const at = new Date(`${day}T00:00:00`);
  if (next) at.setDate(at.getDate() + 1);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

const queryOf = (input: AuditFilterInput): AuditFilters => ({
  from: dayStart(input.fromDay),
  to: dayStart(input.toDay, true),
  actor: input.actor,
  action: input.action,
  entity: input.entity,
  text: input.text,
});

/**
 * /organisation/audit — 审计日志: the session organisation's audit trail for its administrators, newest first,
 * filtered by time, who, action, record and text; an entry opens to its fields before and after.
 */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const me = useMe().data;
  const isAdmin = me?.organisation.role === 'admin';
  const [filters, setFilters] = useState<AuditFilterInput>(NO_FILTERS);
  const log = useAuditLog(queryOf(filters));
  if (!me) return null;
  if (!isAdmin) return <Result status="403" subTitle={t('organisation.errors.forbidden')} />;
  const events = log.data?.pages.flatMap((page) => page.events) ?? [];

  const columns: ColumnsType<AuditEventView> = [
    {
      title: t('organisation.audit.time'),
      dataIndex: 'at',
      width: 190,
      render: (at: string) => (
        <time dateTime={at}>{formatDateTime(at, i18n.language, { seconds: true })}</time>
      ),
    },
    {
      title: t('organisation.audit.actor'),
      key: 'actor',
      width: 180,
      render: (_, e) => e.actor.name,
    },
    {
      title: t('organisation.audit.action'),
      dataIndex: 'action',
      render: (action: string) => (
        <span title={action} data-action={action}>
          {actionLabel(t, action)}
        </span>
      ),
    },
    {
      title: t('organisation.audit.entity'),
      key: 'entity',
      ellipsis: true,
      render: (_, e) => (
        <span>
          {entityLabel(t, e.entityType)}
          {e.entityId && (
            <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
              {e.entityId}
            </Typography.Text>
          )}
        </span>
      ),
    },
  ];

  return (
    <div>
      <Link to="/organisation" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('organisation.back')}
      </Link>
      <Typography.Title level={3}>{t('organisation.audit.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('organisation.audit.intro')}</Typography.Paragraph>
      <AuditFilterBar value={filters} onChange={setFilters} />
      {log.isError ? (
        <Alert type="error" showIcon title={errorText(t, log.error)} />
      ) : (
        <Table<AuditEventView>
          data-testid="audit-table"
          rowKey="id"
          size="middle"
          loading={log.isPending}
          dataSource={events}
          columns={columns}
          pagination={false}
          locale={{ emptyText: t('organisation.audit.empty') }}
          expandable={{ expandedRowRender: (event) => <AuditDiff event={event} /> }}
        />
      )}
      {log.hasNextPage && (
        <Button
          style={{ marginTop: 12 }}
          loading={log.isFetchingNextPage}
          onClick={() => void log.fetchNextPage()}
        >
          {t('organisation.audit.more')}
        </Button>
      )}
    </div>
  );
}
