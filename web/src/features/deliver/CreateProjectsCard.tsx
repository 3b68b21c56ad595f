import { App, Alert, Button, Card, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocalized } from '../atlas/atlas-ui.ts';
import type { PlanView } from '../plan/api.ts';
import { usePeriodLabel } from '../plan/plan-ui.ts';
import { useNarrow } from '../plan/use-narrow.ts';
import { useCreateProjects, usePlanProjects } from './api.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { LightTag } from './LightParts.tsx';

interface Row {
  id: string;
  start: number;
}

/**
 * On a solved plan's roadmap: make its scheduled initiatives projects, all at once or one from its row, then go to
 * them (实施).
 */
export function CreateProjectsCard({ plan, canWrite }: { plan: PlanView; canWrite: boolean }) {
  const { t } = useTranslation();
  const { tx } = useLocalized();
  const { message } = App.useApp();
  const period = usePeriodLabel(plan.settings);
  const projects = usePlanProjects(plan.id);
  const create = useCreateProjects(plan.id);
  const narrow = useNarrow(991);
  const solution = plan.solution;
  if (!solution) return null;
  const schedule: Row[] = [...solution.result.schedule];
  const names = new Map(plan.initiatives.map((i) => [i.id, tx(i.name)]));
  const byInitiative = new Map((projects.data?.projects ?? []).map((p) => [p.initiativeId, p]));
  const left = schedule.filter((s) => !byInitiative.has(s.id)).length;
  const run = (initiativeId?: string) => {
    const before = byInitiative.size;
    create.mutate(initiativeId === undefined ? {} : { initiativeId }, {
      onSuccess: (view) =>
        void message.success(t('deliver.create.created', { count: view.projects.length - before })),
    });
  };

  return (
    <Card
      size="small"
      title={t('deliver.create.title')}
      style={{ marginBottom: 12 }}
      data-testid="plan-projects-card"
    >
      <Typography.Paragraph type="secondary">{t('deliver.create.intro')}</Typography.Paragraph>
      {solution.stale && (
        <Alert type="warning" showIcon title={t('deliver.create.stale')} style={{ marginBottom: 8 }} />
      )}
      <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
        {canWrite && (
          <Button
            type="primary"
            disabled={left === 0 || solution.stale || schedule.length === 0}
            loading={create.isPending && create.variables.initiativeId === undefined}
            onClick={() => run()}
            data-testid="create-projects"
          >
            {t('deliver.create.all')}
          </Button>
        )}
        {left === 0 && schedule.length > 0 && (
          <Typography.Text type="secondary">{t('deliver.create.noneLeft')}</Typography.Text>
        )}
        {byInitiative.size > 0 && (
          <Link to={`/deliver/plans/${plan.id}`} data-testid="plan-projects-link">
            {t('deliver.create.link')}
          </Link>
        )}
      </Flex>
      <ErrorAlert error={create.error} />
      <Table<Row>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={schedule}
        data-testid="plan-projects-table"
        columns={[
          {
            title: t('deliver.create.initiative'),
            key: 'id',
            // narrow, the name wraps so that the project column keeps its room
            ...(narrow ? { width: 240 } : {}),
            render: (_, r) => (
              <>
                <Typography.Text code>{r.id}</Typography.Text> {names.get(r.id)}
              </>
            ),
          },
          { title: t('deliver.create.start'), key: 'start', render: (_, r) => period(r.start) },
          {
            title: t('deliver.create.project'),
            key: 'project',
            render: (_, r) => {
              const project = byInitiative.get(r.id);
              if (project)
                return (
                  <Flex gap={8} align="center">
                    <LightTag light={project.light} />
                    <Link to={`/deliver/projects/${project.id}`}>{t('deliver.create.open')}</Link>
                  </Flex>
                );
              return canWrite ? (
                <Button
                  size="small"
                  disabled={solution.stale}
                  loading={create.isPending && create.variables.initiativeId === r.id}
                  onClick={() => run(r.id)}
                  data-testid={`create-project-${r.id}`}
                >
                  {t('deliver.create.one')}
                </Button>
              ) : (
                '—'
              );
            },
          },
        ]}
      />
    </Card>
  );
}
