import { UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../src/contracts/auth.ts';
import {
  useChangeRole,
  useMembers,
  useRemoveMember,
  type AddedMember,
  type MemberView,
} from '../../api/organisations.ts';
import { InviteMemberModal } from './InviteMemberModal.tsx';
import { OneTimePasswordModal } from './OneTimePasswordModal.tsx';
import { dateText, errorText } from './organisation-ui.ts';

const ROLES: Role[] = ['admin', 'editor', 'viewer'];

/** The members of one organisation: invite, change a role, remove — each confirmed. */
export function MembersCard({ orgId, selfUserId }: { orgId: string; selfUserId: string }) {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const members = useMembers(orgId);
  const changeRole = useChangeRole(orgId);
  const remove = useRemoveMember(orgId);
  const [inviting, setInviting] = useState(false);
  const [created, setCreated] = useState<AddedMember | null>(null);
  const orgName = members.data?.organisation.name ?? '';

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
      width: 80,
      render: (_: unknown, m) => (
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
      ),
    },
  ];

  return (
    <Card
      title={orgName ? t('organisation.members.of', { name: orgName }) : t('organisation.members.title')}
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
      {inviting && (
        <InviteMemberModal
          orgId={orgId}
          orgName={orgName}
          defaultRole={(members.data?.members.length ?? 0) === 0 ? 'admin' : 'editor'}
          onClose={() => setInviting(false)}
          onCreated={setCreated}
        />
      )}
      {created?.oneTimePassword && (
        <OneTimePasswordModal
          email={created.member.email}
          password={created.oneTimePassword}
          onClose={() => setCreated(null)}
        />
      )}
    </Card>
  );
}
