import { EditOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../src/contracts/auth.ts';
import { useChangeRole, useMembers, useRemoveMember, useResetPassword, type MemberView } from './api.ts';
import type { IssuedInvitation } from './invitations-api.ts';
import { InvitationCodeModal } from './InvitationCodeModal.tsx';
import { InviteMemberModal } from './InviteMemberModal.tsx';
import { PendingInvitations } from './PendingInvitations.tsx';
import { OneTimePasswordModal } from './OneTimePasswordModal.tsx';
import { RenameOrganisationModal } from './RenameOrganisationModal.tsx';
import { dateText, errorText } from './organisation-ui.ts';

/**
 * The members of one organisation: invite (a one-time link, shown once), see and withdraw pending invitations,
 * change a role, reset a password, remove — each confirmed; and rename the organisation itself.
 */
export function MembersCard({ orgId, selfUserId }: { orgId: string; selfUserId: string }) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const members = useMembers(orgId);
  const changeRole = useChangeRole(orgId);
  const remove = useRemoveMember(orgId);
  const [inviting, setInviting] = useState(false);
  const reset = useResetPassword(orgId);
  const [issued, setIssued] = useState<IssuedInvitation | null>(null);
  const [resetDone, setResetDone] = useState<{ email: string; password: string } | null>(null);
  const [renaming, setRenaming] = useState(false);
  const organisation = members.data?.organisation;
  const orgName = organisation?.name ?? '';

  const failed = (error: Error) => void message.error(errorText(t, error));

  const askRole = (member: MemberView, role: Role) => {
    if (role === member.role) return;
    void modal.confirm({
      title: t('organisation.members.confirmRole', { name: member.displayName, role: t(`roles.${role}`) }),
      okText: t('auth.save'),
      cancelText: t('organisation.cancel'),
      onOk: () =>
        changeRole
          .mutateAsync({ userId: member.userId, role })
          .then(() => void message.success(t('organisation.members.roleChanged')))
          .catch(failed),
    });
  };

  const columns: ColumnsType<MemberView> = [
    {
      title: t('organisation.members.name'),
      dataIndex: 'displayName',
      render: (name: string, m) => (
        <Space size={4} wrap>
          <span>
            {name}
            {m.userId === selfUserId && (
              <Typography.Text type="secondary">{t('organisation.members.you')}</Typography.Text>
            )}
          </span>
          {m.mustChangePassword && <Tag color="orange">{t('organisation.members.pending')}</Tag>}
        </Space>
      ),
    },
    { title: t('organisation.members.email'), dataIndex: 'email', ellipsis: true },
    {
      title: t('organisation.members.role'),
      dataIndex: 'role',
      width: 130,
      render: (role: Role, m) => (
        <Select
          size="small"
          value={role}
          aria-label={t('organisation.members.role')}
          style={{ width: 110 }}
          onChange={(next: Role) => askRole(m, next)}
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
      ),
    },
    {
      title: t('organisation.members.joined'),
      dataIndex: 'joinedAt',
      responsive: ['xl'],
      render: (iso: string) => dateText(iso, i18n.language),
    },
    {
      key: 'actions',
      width: 190,
      render: (_: unknown, m) => (
        <Space size={0} wrap>
          {m.userId !== selfUserId && (
            <Popconfirm
              title={t('organisation.members.confirmReset', { name: m.displayName })}
              description={t('organisation.members.confirmResetBody')}
              okText={t('organisation.members.resetPassword')}
              cancelText={t('organisation.cancel')}
              onConfirm={() => {
                void reset
                  .mutateAsync(m.userId)
                  .then((done) => setResetDone({ email: done.member.email, password: done.oneTimePassword }))
                  .catch(failed);
              }}
            >
              <Button size="small" type="link">
                {t('organisation.members.resetPassword')}
              </Button>
            </Popconfirm>
          )}
          <Popconfirm
            title={t('organisation.members.confirmRemove', { name: m.displayName })}
            description={t('organisation.members.confirmRemoveBody')}
            okText={t('organisation.members.remove')}
            cancelText={t('organisation.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => {
              void remove
                .mutateAsync(m.userId)
                .then(() => void message.success(t('organisation.members.removed')))
                .catch(failed);
            }}
          >
            <Button size="small" danger type="link">
              {t('organisation.members.remove')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={
        orgName ? (
          <Space size={4}>
            {t('organisation.members.of', { name: orgName })}
            <Button
              size="small"
              type="text"
              icon={<EditOutlined />}
              aria-label={t('organisation.rename.title')}
              title={t('organisation.rename.title')}
              onClick={() => setRenaming(true)}
            />
          </Space>
        ) : (
          t('organisation.members.title')
        )
      }
      extra={
        <Button
          type="primary"
          icon={<UserAddOutlined />}
          disabled={!members.data}
          onClick={() => setInviting(true)}
        >
          {t('organisation.members.invite')}
        </Button>
      }
      style={{ marginBottom: 24 }}
      styles={{ body: { padding: 0 } }}
    >
      {members.isError ? (
        <Alert type="error" showIcon title={errorText(t, members.error)} style={{ margin: 16 }} />
      ) : (
        <Table<MemberView>
          rowKey="userId"
          size="middle"
          loading={members.isPending}
          columns={columns}
          dataSource={members.data?.members ?? []}
          pagination={false}
          locale={{ emptyText: t('organisation.members.empty') }}
          data-testid="members-table"
        />
      )}
      {members.data && <PendingInvitations orgId={orgId} />}
      {inviting && (
        <InviteMemberModal
          orgId={orgId}
          orgName={orgName}
          defaultRole={(members.data?.members.length ?? 0) === 0 ? 'admin' : 'editor'}
          onClose={() => setInviting(false)}
          onIssued={setIssued}
        />
      )}
      {issued && <InvitationCodeModal issued={issued} onClose={() => setIssued(null)} />}
      {resetDone && (
        <OneTimePasswordModal
          reset
          email={resetDone.email}
          password={resetDone.password}
          onClose={() => setResetDone(null)}
        />
      )}
      {renaming && organisation && (
        <RenameOrganisationModal organisation={organisation} onClose={() => setRenaming(false)} />
      )}
    </Card>
  );
}
