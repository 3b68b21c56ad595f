import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { ProjectInvitation } from './api.ts';
import { useDateText } from './deliver-ui.ts';

export const INVITATION_COLOURS: Record<ProjectInvitation['status'], string> = {
  pending: 'gold',
  accepted: 'green',
  declined: 'default',
  revoked: 'red',
};

/**
 * Project invitations as a table: who (the provider for the enterprise, the project and enterprise for the
 * provider), the status and the invitation date, then the caller's own columns (dates, actions).
 */
export function InvitationsTable({
  invitations,
  loading,
  emptyText,
  parties,
  more = [],
  testId,
}: {
  invitations: readonly ProjectInvitation[] | undefined;
  loading: boolean;
  emptyText: string;
  /** the columns naming who the invitation is between */
  parties: ColumnsType<ProjectInvitation>;
  /** columns after the invitation date */
  more?: ColumnsType<ProjectInvitation>;
  testId?: string;
}) {
  const { t } = useTranslation();
  const date = useDateText();
  return (
    <Table<ProjectInvitation>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      loading={loading}
      dataSource={invitations ? [...invitations] : []}
      data-testid={testId}
      locale={{ emptyText }}
      columns={[
        ...parties,
        {
          title: t('deliver.invitations.statusTitle'),
          key: 'status',
          render: (_, i) => (
            <Tag color={INVITATION_COLOURS[i.status]} data-testid="invitation-status">
              {t(`deliver.invitations.status.${i.status}`)}
            </Tag>
          ),
        },
        { title: t('deliver.invitations.invitedAt'), key: 'at', render: (_, i) => date(i.invitedAt) },
        ...more,
      ]}
    />
  );
}
