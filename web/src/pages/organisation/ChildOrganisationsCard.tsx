import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OrganisationList, OrganisationView } from '../../api/organisations.ts';
import { NewOrganisationModal } from './NewOrganisationModal.tsx';
import { dateText } from './organisation-ui.ts';

const KIND_COLOURS: Record<OrganisationView['kind'], string> = {
  enterprise: 'blue',
  service_provider: 'green',
  authority: 'purple',
  association: 'gold',
  platform: 'default',
};

/** The organisations the session's organisation manages (the platform: all), each opening its members. */
export function ChildOrganisationsCard({ list, ownId }: { list: OrganisationList; ownId: string }) {
  const { t, i18n } = useTranslation();
  const [creating, setCreating] = useState(false);
  const own = list.organisations.find((o) => o.id === ownId);
  const isPlatform = own?.kind === 'platform';
  const others = list.organisations.filter((o) => o.id !== ownId);
  const names = new Map(list.organisations.map((o) => [o.id, o.name]));

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
      responsive: ['md'],
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
      key: 'open',
      width: 110,
      render: (_: unknown, o) => (
        <Link to={`/organisation/${o.id}`}>
          <Button size="small" type="link">
            {t('organisation.children.manage')}
          </Button>
        </Link>
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
    </Card>
  );
}
