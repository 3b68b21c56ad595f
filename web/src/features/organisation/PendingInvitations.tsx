import { Alert, App, Button, Popconfirm, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useOrganisationInvitations, useRevokeInvitation, type InvitationView } from './invitations-api.ts';
import { dateText, errorText } from './organisation-ui.ts';

/** 待接受的邀请: an organisation's pending invitations, each withdrawable; nothing when there are none. */
export function PendingInvitations({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const pending = useOrganisationInvitations(orgId);
  const revoke = useRevokeInvitation(orgId);
  if (pending.isError) {
    return <Alert type="error" showIcon title={errorText(t, pending.error)} style={{ margin: 16 }} />;
  }
  const rows = pending.data?.invitations ?? [];
  if (rows.length === 0) return null;
  const columns: ColumnsType<InvitationView> = [
    { title: t('organisation.members.email'), dataIndex: 'email', ellipsis: true },
    {
      title: t('organisation.members.role'),
      dataIndex: 'role',
      width: 110,
      render: (role: InvitationView['role']) => t(`roles.${role}`),
    },
    {
      title: t('organisation.invitations.expires'),
      dataIndex: 'expiresAt',
      width: 120,
      responsive: ['md'],
      render: (iso: string) => dateText(iso, i18n.language),
    },
    {
      key: 'actions',
      width: 110,
      render: (_: unknown, invitation) => (
        <Popconfirm
          title={t('organisation.invitations.confirmRevoke', { email: invitation.email })}
          okText={t('organisation.invitations.revoke')}
          cancelText={t('organisation.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => {
            void revoke
              .mutateAsync(invitation.id)
              .then(() => void message.success(t('organisation.invitations.revoked')))
              .catch((error: Error) => void message.error(errorText(t, error)));
          }}
        >
          <Button size="small" danger type="link">
            {t('organisation.invitations.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];
  return (
    <div style={{ borderTop: '1px solid #f0f0f0' }}>
      <Typography.Title level={5} style={{ margin: '16px 16px 8px' }}>
        {t('organisation.invitations.pendingTitle')}
      </Typography.Title>
      <Table<InvitationView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        data-testid="pending-invitations"
      />
    </div>
  );
}
