import { Button, Card, Flex, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../atlas/atlas-ui.ts';
import { useNarrow } from '../plan/use-narrow.ts';
import { useAddMilestone, useUpdateMilestone, type ProjectView } from './api.ts';
import { timelineOption } from './deliver-charts.ts';
import { useDateText, type ErrorContext } from './deliver-ui.ts';
import { DeliverChart } from './DeliverChart.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

type Milestone = ProjectView['milestones'][number];
const todayIso = () => new Date().toISOString().slice(0, 10);

/** Milestones: the timeline (a Gantt of the project and its milestones), the list with edits, and the add form. */
export function MilestonesPanel({ project, canWrite }: { project: ProjectView; canWrite: boolean }) {
  const { t } = useTranslation();
  const { tx } = useLocalized();
  const date = useDateText();
  const narrow = useNarrow();
  const add = useAddMilestone(project.id);
  const update = useUpdateMilestone(project.id);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const [sent, setSent] = useState<ErrorContext['milestone']>();
  const [editing, setEditing] = useState<{ id: string; title: string; due: string } | null>(null);
  const today = todayIso();
  const option = useMemo(
    () =>
      timelineOption(
        project,
        today,
        {
          date,
          project: tx(project.name),
          due: t('deliver.milestones.due'),
          doneOn: t('deliver.milestones.doneOn'),
          slip: (days) => t('deliver.milestones.slipDays', { days }),
          today: t('deliver.milestones.today'),
          end: t('deliver.milestones.projectEnd', { date: date(project.plannedFinish) }),
          states: { open: t('deliver.milestones.open'), done: '', late: '' },
        },
        narrow,
      ),
    [project, today, date, t, tx, narrow],
  );

  const submit = () => {
    if (!title.trim() || !due) return;
    const milestone = { title: title.trim(), due };
    setSent(milestone);
    add.mutate(milestone, {
      onSuccess: () => {
        setTitle('');
        setDue('');
      },
    });
  };
  const saveEdit = () => {
    if (!editing) return;
    setSent({ title: editing.title, due: editing.due });
    update.mutate(
      { milestoneId: editing.id, title: editing.title.trim(), due: editing.due },
      { onSuccess: () => setEditing(null) },
    );
  };
  const sorted = [...project.milestones].sort((a, b) => a.due.localeCompare(b.due));

  return (
    <div data-testid="milestones-panel">
      <Card size="small" title={t('deliver.milestones.timeline')} style={{ marginBottom: 12 }}>
        <DeliverChart
          option={option}
          height={Math.max(140, 70 + (project.milestones.length + 1) * 32)}
          label={t('deliver.milestones.timeline')}
          testId="milestone-timeline"
        />
      </Card>
      {canWrite && (
        <Card size="small" title={t('deliver.milestones.add')} style={{ marginBottom: 12 }}>
          <Form layout="inline" onFinish={submit} style={{ rowGap: 8 }}>
            <Form.Item label={t('deliver.milestones.name')} style={{ minWidth: 260 }}>
              <Input
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                placeholder={t('deliver.milestones.titlePlaceholder')}
                maxLength={300}
                data-testid="milestone-title"
              />
            </Form.Item>
            <Form.Item label={t('deliver.milestones.due')}>
              <Input
                type="date"
                value={due}
                onChange={(e) => setDue(e.target.value)}
                data-testid="milestone-due"
              />
            </Form.Item>
            <Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                loading={add.isPending}
                disabled={!title.trim() || !due}
                data-testid="milestone-add"
              >
                {t('deliver.milestones.add')}
              </Button>
            </Form.Item>
          </Form>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('deliver.milestones.dueHint', { date: date(project.plannedFinish) })}
          </Typography.Text>
          <ErrorAlert error={add.error} context={{ project, milestone: sent }} testId="milestone-error" />
        </Card>
      )}
      <ErrorAlert error={update.error} context={{ project, milestone: sent }} testId="milestone-edit-error" />
      <Table<Milestone>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={sorted}
        data-testid="milestone-table"
        locale={{ emptyText: t('deliver.milestones.empty') }}
        columns={[
          {
            title: t('deliver.milestones.name'),
            key: 'title',
            render: (_, m) =>
              editing?.id === m.id ? (
                <Input
                  value={editing.title}
                  onChange={(e) => setEditing({ ...editing, title: e.target.value })}
                  aria-label={t('deliver.milestones.name')}
                />
              ) : (
                <span data-user-text>{m.title}</span>
              ),
          },
          {
            title: t('deliver.milestones.due'),
            key: 'due',
            render: (_, m) =>
              editing?.id === m.id ? (
                <Input
                  type="date"
                  value={editing.due}
                  onChange={(e) => setEditing({ ...editing, due: e.target.value })}
                  aria-label={t('deliver.milestones.due')}
                />
              ) : (
                date(m.due)
              ),
          },
          {
            title: t('deliver.milestones.doneOn'),
            key: 'done',
            render: (_, m) => (m.doneOn ? date(m.doneOn) : <Tag>{t('deliver.milestones.open')}</Tag>),
          },
          {
            title: t('deliver.milestones.slip'),
            key: 'slip',
            render: (_, m) =>
              m.slipDays > 0 ? (
                <Tag color="red">{t('deliver.milestones.slipDays', { days: m.slipDays })}</Tag>
              ) : (
                '—'
              ),
          },
          ...(canWrite
            ? [
                {
                  key: 'actions',
                  render: (_: unknown, m: Milestone) =>
                    editing?.id === m.id ? (
                      <Space>
                        <Button size="small" type="primary" onClick={saveEdit} loading={update.isPending}>
                          {t('deliver.milestones.save')}
                        </Button>
                        <Button size="small" onClick={() => setEditing(null)}>
                          {t('deliver.milestones.cancel')}
                        </Button>
                      </Space>
                    ) : (
                      <Flex gap={4} wrap>
                        <Button
                          size="small"
                          type="link"
                          onClick={() => setEditing({ id: m.id, title: m.title, due: m.due })}
                        >
                          {t('deliver.milestones.edit')}
                        </Button>
                        <Button
                          size="small"
                          type="link"
                          data-testid="milestone-done"
                          onClick={() =>
                            update.mutate({ milestoneId: m.id, doneOn: m.doneOn ? null : todayIso() })
                          }
                        >
                          {m.doneOn ? t('deliver.milestones.reopen') : t('deliver.milestones.markDone')}
                        </Button>
                      </Flex>
                    ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
