import { Alert, Button, Card, Empty, Flex, Progress, Segmented, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LIGHTS } from '../../../../src/contracts/delivery.ts';
import { useLocalized } from '../atlas/atlas-ui.ts';
import { usePlans } from '../plan/api.ts';
import { money } from '../plan/plan-ui.ts';
import { useNarrow } from '../plan/use-narrow.ts';
import { useDeliveryPack, useProjects, type Light, type ProjectSummary } from './api.ts';
import { LightLegend, LightTag } from './LightParts.tsx';
import { MyInvitationsCard } from './MyInvitationsCard.tsx';

const isLight = (v: string | null): v is Light => LIGHTS.some((l) => l === v);

/** /deliver — the organisation's projects as a list or a board by gate, filtered by plan and light. */
export function ProjectListPage() {
  const { t } = useTranslation();
  const { tx, lang } = useLocalized();
  const [params, setParams] = useSearchParams();
  const projects = useProjects();
  const plans = usePlans();
  const pack = useDeliveryPack();
  const narrow = useNarrow(991);
  const view = params.get('view') === 'board' ? 'board' : 'table';
  const planFilter = params.get('plan') ?? '';
  const lightParam = params.get('light');
  const lightFilter = isLight(lightParam) ? lightParam : '';
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const planTitles = useMemo(() => new Map((plans.data ?? []).map((p) => [p.id, p.title])), [plans.data]);
  const shown = (projects.data ?? []).filter(
    (p) => (!planFilter || p.planId === planFilter) && (!lightFilter || p.light === lightFilter),
  );
  const gateName = (id: string | null) => {
    if (id === null) return t('deliver.list.allPassed');
    const gate = pack.data?.gates.find((g) => g.id === id);
    return gate ? tx(gate.name) : '…';
  };
  const planIds = [...new Set((projects.data ?? []).map((p) => p.planId).filter((id) => id !== null))];

  const columns: ColumnsType<ProjectSummary> = [
    {
      title: t('deliver.list.name'),
      key: 'name',
      // narrow, the name wraps so that the light, the dates and the gate fit beside it
      ...(narrow ? { width: 200 } : {}),
      render: (_, p) => (
        <div>
          <Link to={`/deliver/projects/${p.id}`}>{tx(p.name)}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p.scenario}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('deliver.list.light'),
      dataIndex: 'light',
      render: (light: Light) => <LightTag light={light} />,
    },
    {
      title: t('deliver.list.period'),
      key: 'period',
      render: (_, p) => `${tx(p.start)} – ${tx(p.finish)}`,
    },
    {
      title: t('deliver.list.gate'),
      dataIndex: 'currentGate',
      render: (gate: string | null) => gateName(gate),
    },
    {
      title: t('deliver.list.provider'),
      dataIndex: 'provider',
      responsive: ['lg'],
      render: (provider: string | null) =>
        provider === null ? t('deliver.list.noProvider') : <span data-user-text>{provider}</span>,
    },
    {
      title: t('deliver.list.money'),
      key: 'money',
      align: 'right',
      responsive: ['lg'],
      render: (_, p) => `${money(p.actualTotal, lang)} / ${money(p.budgetTotal, lang)}`,
    },
    {
      title: t('deliver.list.progress'),
      dataIndex: 'progress',
      responsive: ['lg'],
      width: 120,
      render: (value: number) => <Progress percent={Math.round(value * 100)} size="small" />,
    },
  ];

  const empty =
    (projects.data ?? []).length === 0 ? (
      <Empty description={t('deliver.list.empty')}>
        <Link to="/plan">
          <Button>{t('deliver.list.toPlans')}</Button>
        </Link>
      </Empty>
    ) : (
      <Empty description={t('deliver.list.emptyFiltered')} />
    );

  return (
    <div>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('deliver.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('deliver.intro')}
      </Typography.Paragraph>
      {projects.isError && <Alert type="error" showIcon title={projects.error.message} />}
      <MyInvitationsCard />
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Segmented
          value={view}
          onChange={(v) => set('view', v === 'board' ? 'board' : '')}
          options={[
            { value: 'table', label: t('deliver.list.table') },
            { value: 'board', label: t('deliver.list.board') },
          ]}
          data-testid="deliver-view"
        />
        <Select
          style={{ minWidth: 220 }}
          value={planFilter}
          onChange={(v: string) => set('plan', v)}
          aria-label={t('deliver.list.plan')}
          data-testid="deliver-plan-filter"
          options={[
            { value: '', label: t('deliver.list.allPlans') },
            ...planIds.map((id) => ({ value: id, label: planTitles.get(id) ?? id })),
          ]}
        />
        <Select
          style={{ minWidth: 140 }}
          value={lightFilter}
          onChange={(v: string) => set('light', v)}
          aria-label={t('deliver.list.light')}
          data-testid="deliver-light-filter"
          options={[
            { value: '', label: t('deliver.list.allLights') },
            ...LIGHTS.map((l) => ({ value: l, label: t(`deliver.lights.${l}`) })),
          ]}
        />
        <Typography.Text type="secondary">{t('deliver.list.count', { count: shown.length })}</Typography.Text>
        {planFilter && (
          <Link to={`/deliver/plans/${planFilter}`} data-testid="deliver-plan-link">
            {t('deliver.list.planProjects')}
          </Link>
        )}
      </Flex>
      {view === 'table' ? (
        <>
          {narrow && shown.length > 0 && (
            <Alert type="info" showIcon title={t('deliver.list.narrowHint')} style={{ marginBottom: 8 }} />
          )}
          <Table
            rowKey="id"
            size="middle"
            loading={projects.isPending}
            columns={columns}
            dataSource={shown}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="deliver-table"
            locale={{ emptyText: empty }}
          />
        </>
      ) : (
        <Board projects={shown} gateName={gateName} empty={empty} />
      )}
      <div style={{ marginTop: 16 }}>
        <LightLegend />
      </div>
    </div>
  );
}

function Board({
  projects,
  gateName,
  empty,
}: {
  projects: ProjectSummary[];
  gateName: (id: string | null) => string;
  empty: React.ReactNode;
}) {
  const { t } = useTranslation();
  const { tx } = useLocalized();
  const pack = useDeliveryPack();
  if (projects.length === 0) return <>{empty}</>;
  const columns: (string | null)[] = [...(pack.data?.gates.map((g) => g.id) ?? []), null];
  return (
    <div
      data-testid="deliver-board"
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
        alignItems: 'start',
        gap: 12,
      }}
    >
      {columns.map((gate) => {
        const inColumn = projects.filter((p) => p.currentGate === gate);
        return (
          <Card
            key={gate ?? 'done'}
            size="small"
            title={`${gate === null ? t('deliver.board.done') : gateName(gate)} · ${inColumn.length}`}
            data-testid={`board-column-${gate ?? 'done'}`}
            styles={{ body: { display: 'flex', flexDirection: 'column', gap: 8, background: '#f7f8fa' } }}
          >
            {inColumn.length === 0 && (
              <Typography.Text type="secondary">{t('deliver.board.empty')}</Typography.Text>
            )}
            {inColumn.map((p) => (
              <Card key={p.id} size="small" data-testid="board-card">
                <Link to={`/deliver/projects/${p.id}`}>{tx(p.name)}</Link>
                <Flex justify="space-between" align="center" wrap gap={4} style={{ marginTop: 4 }}>
                  <LightTag light={p.light} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {tx(p.start)} – {tx(p.finish)}
                  </Typography.Text>
                </Flex>
                <Progress percent={Math.round(p.progress * 100)} size="small" />
              </Card>
            ))}
          </Card>
        );
      })}
    </div>
  );
}
