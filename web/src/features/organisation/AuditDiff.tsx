import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { auditDiff, type AuditDiffRow } from './audit-diff.ts';
import type { AuditEventView } from './audit-api.ts';

/** An audit entry opened: its fields before and after, the changed ones marked, and the request it came from. */
export function AuditDiff({ event }: { event: AuditEventView }) {
  const { t } = useTranslation();
  const rows = auditDiff(event.before, event.after);
  const cell = (changed: boolean) => (value: string) =>
    value === '' ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : (
      <Typography.Text code={changed} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {value}
      </Typography.Text>
    );
  return (
    <div data-testid="audit-diff">
      {rows.length === 0 ? (
        <Typography.Text type="secondary">{t('organisation.audit.nothing')}</Typography.Text>
      ) : (
        <Table<AuditDiffRow>
          size="small"
          pagination={false}
          rowKey="field"
          dataSource={rows}
          columns={[
            { title: t('organisation.audit.field'), dataIndex: 'field', width: 180 },
            {
              title: t('organisation.audit.before'),
              dataIndex: 'before',
              render: (value: string, row) => cell(row.changed)(value),
            },
            {
              title: t('organisation.audit.after'),
              dataIndex: 'after',
              render: (value: string, row) => cell(row.changed)(value),
            },
          ]}
        />
      )}
      {event.requestId && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('organisation.audit.request', { id: event.requestId })}
        </Typography.Text>
      )}
    </div>
  );
}
