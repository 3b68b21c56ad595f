import { Button, Card, Checkbox, Form, Input, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../account/api.ts';
import { useLocalized } from '../atlas/atlas-ui.ts';
import { useAddTeamMember, useRemoveTeamMember, type DeliveryPackView, type ProjectView } from './api.ts';
import { ErrorAlert } from './ErrorAlert.tsx';

type Member = ProjectView['team'][number];

/** The project team in the pack's roles (CIO, CDO, 项目负责人, 业务负责人, the provider's lead …): add, remove. */
export function TeamPanel({
  project,
  pack,
  canWrite,
}: {
  project: ProjectView;
  pack: DeliveryPackView;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const { tx } = useLocalized();
  const me = useMe();
  const add = useAddTeamMember(project.id);
  const remove = useRemoveTeamMember(project.id);
  const [role, setRole] = useState(pack.roles[0]?.id ?? '');
  const [name, setName] = useState('');
  const [mine, setMine] = useState(false);
  const roleOf = new Map(pack.roles.map((r) => [r.id, r]));
  const submit = () => {
    if (!name.trim() || !role) return;
    add.mutate(
      { role, name: name.trim(), ...(mine && me.data ? { userId: me.data.user.id } : {}) },
      {
        onSuccess: () => {
          setName('');
          setMine(false);
        },
      },
    );
  };

  return (
    <div data-testid="team-panel">
      {canWrite && (
        <Card size="small" title={t('deliver.team.add')} style={{ marginBottom: 12 }}>
          <Form layout="inline" onFinish={submit} style={{ rowGap: 8 }}>
            <Form.Item label={t('deliver.team.role')}>
              <Select
                style={{ minWidth: 220 }}
                value={role}
                onChange={setRole}
                aria-label={t('deliver.team.role')}
                data-testid="team-role"
                options={pack.roles.map((r) => ({
                  value: r.id,
                  label: `${tx(r.name)} · ${t(`deliver.parties.${r.party}`)}`,
                }))}
              />
            </Form.Item>
            <Form.Item label={t('deliver.team.name')}>
              <Input
                value={name}
                onChange={(e) => setName(e.target.value)}
                placeholder={t('deliver.team.namePlaceholder')}
                maxLength={200}
                data-testid="team-name"
              />
            </Form.Item>
            <Form.Item>
              <Checkbox checked={mine} onChange={(e) => setMine(e.target.checked)} data-testid="team-mine">
                {t('deliver.team.linkMe')}
              </Checkbox>
            </Form.Item>
            <Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                disabled={!name.trim()}
                loading={add.isPending}
                data-testid="team-add"
              >
                {t('deliver.team.add')}
              </Button>
            </Form.Item>
          </Form>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('deliver.team.linkMeHint')}
          </Typography.Text>
          <ErrorAlert error={add.error} context={{ project, pack }} />
        </Card>
      )}
      <ErrorAlert error={remove.error} context={{ project, pack }} />
      <Table<Member>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={project.team}
        data-testid="team-table"
        locale={{ emptyText: t('deliver.team.empty') }}
        columns={[
          {
            title: t('deliver.team.role'),
            key: 'role',
            render: (_, m) => tx(roleOf.get(m.role)?.name) || m.role,
          },
          {
            title: t('deliver.team.name'),
            key: 'name',
            render: (_, m) => <span data-user-text>{m.name}</span>,
          },
          {
            title: t('deliver.team.party'),
            key: 'party',
            render: (_, m) => (m.party ? t(`deliver.parties.${m.party}`) : '—'),
          },
          {
            title: t('deliver.team.account'),
            key: 'account',
            render: (_, m) =>
              m.userId === null ? (
                '—'
              ) : m.userId === me.data?.user.id ? (
                <Tag color="blue">{t('deliver.team.mine')}</Tag>
              ) : (
                <Tag>✓</Tag>
              ),
          },
          ...(canWrite
            ? [
                {
                  key: 'remove',
                  render: (_: unknown, m: Member) => (
                    <Popconfirm
                      title={t('deliver.team.confirmRemove', { name: m.name })}
                      onConfirm={() => remove.mutate(m.id)}
                    >
                      <Button size="small" type="link" danger>
                        {t('deliver.team.remove')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
