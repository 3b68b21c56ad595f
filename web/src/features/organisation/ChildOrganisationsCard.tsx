import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDeleteOrganisation, type OrganisationList, type OrganisationView } from './api.ts';
import { NewOrganisationModal } from './NewOrganisationModal.tsx';
import { dateText, errorText } from './organisation-ui.ts';
import { RenameOrganisationModal } from './RenameOrganisationModal.tsx';

const KIND_COLOURS: Record<OrganisationView['kind'], string> = {
  enterprise: 'blue',
  service_provider: 'green',
  authority: 'purple',
  association: 'gold',
  platform: 'default',
};

/**
 * The organisations the session's organisation manages (the platform: all), each opening its members, renamed, or
 * deleted when it is empty (by its parent's admins or the platform's; the server says what it still holds if not).
 */
export function ChildOrganisationsCard({ list, ownId }: { list: OrganisationList; ownId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<OrganisationView | null>(null);
  const remove = useDeleteOrganisation();
  const own = list.organisations.find((o) => o.id === ownId);
  const isPlatform = own?.kind === 'platform';
  const others = list.organisations.filter((o) => o.id !== ownId);
  const names = new Map(list.organisations.map((o) => [o.id, o.name]));
  const deletable = (o: OrganisationView) => o.kind !== 'platform' && (isPlatform || o.parentId === ownId);
  const askDelete = (o: OrganisationView) =>
    remove
      .mutateAsync(o.id)
      .then(() => void message.success(t('organisation.children.deleted', { name: o.name })))
      .catch((error: Error) => void message.error(errorText(t, error, o.name), 8));

  const columns: ColumnsType<OrganisationView> = [
    {
      title: t('organisation.children.name'),
      dataIndex: 'name',
      render: (name: string, o) => <Link to={`/organisation/${o.id}`}>{name}</Link>,
    },
    {
      title: t('organisation.children.kind'),
      dataIndex: 'kind',
      width: 130,
      render: (kind: OrganisationView['kind']) => <Tag color={KIND_COLOURS[kind]}>{t(`kinds.${kind}`)}</Tag>,
    },
    ...(isPlatform
      ? [
          {
            title: t('organisation.create.parent'),
            dataIndex: 'parentId',
            responsive: ['lg' as const],
            render: (parentId: string | null) => (parentId ? (names.get(parentId) ?? '—') : '—'),
          },
        ]
      : []),
    {
      title: t('organisation.children.region'),
      dataIndex: 'regionCode',
      responsive: ['lg'],
      width: 120,
      render: (code: string | null) => code ?? '—',
    },
    { title: t('organisation.children.members'), dataIndex: 'memberCount', align: 'right', width: 90 },
    {
      title: t('organisation.children.created'),
      dataIndex: 'createdAt',
      responsive: ['xl'],
      render: (iso: string) => dateText(iso, i18n.language),
    },
    {
      key: 'actions',
      title: t('organisation.children.actions'),
      width: i18n.language === 'en' ? 232 : 200,
      render: (_: unknown, o) => (
        <Space size={0} wrap>
          <Link to={`/organisation/${o.id}`}>
            <Button size="small" type="link">
              {t('organisation.children.manage')}
            </Button>
          </Link>
          <Button size="small" type="link" onClick={() => setRenaming(o)}>
            {t('organisation.children.rename')}
          </Button>
          {deletable(o) && (
            <Popconfirm
              title={t('organisation.children.confirmDelete', { name: o.name })}
              description={
                <div style={{ maxWidth: 320 }}>{t('organisation.children.confirmDeleteBody')}</div>
              }
              okText={t('organisation.children.delete')}
              cancelText={t('organisation.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => void askDelete(o)}
            >
              <Button size="small" type="link" danger>
                {t('organisation.children.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={isPlatform ? t('organisation.children.allTitle') : t('organisation.children.title')}
      extra={
        list.canCreate.length > 0 && (
          <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('organisation.children.new')}
          </Button>
        )
      }
      styles={{ body: { padding: 0 } }}
    >
      <Table<OrganisationView>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={others}
        pagination={others.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: t('organisation.children.empty') }}
        data-testid="organisations-table"
      />
      {creating && (
        <NewOrganisationModal
          kinds={list.canCreate}
          parents={isPlatform ? others.filter((o) => o.kind !== 'enterprise') : []}
          onClose={() => setCreating(false)}
        />
      )}
      {renaming && <RenameOrganisationModal organisation={renaming} onClose={() => setRenaming(null)} />}
    </Card>
  );
}
