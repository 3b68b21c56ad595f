import { Alert, Button, Descriptions, Flex, Progress, Result, Skeleton, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMe } from '../account/api.ts';
import { useLocalized } from '../atlas/atlas-ui.ts';
import { money } from '../plan/plan-ui.ts';
import { useCanWrite } from '../plan/use-can-write.ts';
import { useDeliveryPack, useProject } from './api.ts';
import { AcceptanceRatingCard } from './AcceptanceRatingCard.tsx';
import { ChangesPanel } from './ChangesPanel.tsx';
import { CostsPanel } from './CostsPanel.tsx';
import { useDateText } from './deliver-ui.ts';
import { EditProjectDialog } from './EditProjectDialog.tsx';
import { GatesPanel, SupervisionPanel } from './GatesPanel.tsx';
import { InvitationsPanel } from './InvitationsPanel.tsx';
import { LightReasons, LightTag } from './LightParts.tsx';
import { MilestonesPanel } from './MilestonesPanel.tsx';
import { TeamPanel } from './TeamPanel.tsx';

const TABS = ['milestones', 'costs', 'gates', 'supervision', 'team', 'changes'] as const;
type TabKey = (typeof TABS)[number];
const LIGHT_ALERT = { 'on-track': 'success', 'at-risk': 'warning', late: 'error' } as const;
const paren = (text: string, lang: 'zh' | 'en') => (lang === 'zh' ? `（${text}）` : ` (${text})`);

/** /deliver/projects/:id — one project: facts and light, then milestones, costs, gates, supervision, team, changes. */
export function ProjectPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { tx, lang } = useLocalized();
  const date = useDateText();
  const [params, setParams] = useSearchParams();
  const project = useProject(id);
  const pack = useDeliveryPack();
  const canWrite = useCanWrite();
  const me = useMe();
  // the owning enterprise manages invitations; an invited provider's members see the project only
  const owner = me.data?.organisation.orgKind === 'enterprise';
  const [editing, setEditing] = useState(false);
  const tab: TabKey = TABS.find((k) => k === params.get('tab')) ?? 'milestones';

  if (project.isPending || pack.isPending) return <Skeleton active />;
  if (project.isError || pack.isError)
    return (
      <Result
        status="404"
        title={t('deliver.project.notFound')}
        extra={
          <Link to="/deliver">
            <Button>{t('deliver.project.back')}</Button>
          </Link>
        }
      />
    );
  const p = project.data;
  const packData = pack.data;
  const content: Record<TabKey, React.ReactNode> = {
    milestones: <MilestonesPanel project={p} canWrite={canWrite} />,
    costs: <CostsPanel project={p} canWrite={canWrite} />,
    gates: <GatesPanel project={p} pack={packData} canWrite={canWrite} />,
    supervision: <SupervisionPanel project={p} pack={packData} canWrite={canWrite} />,
    team: (
      <>
        <TeamPanel project={p} pack={packData} canWrite={canWrite} />
        {owner && (
          <InvitationsPanel
            project={p}
            canWrite={canWrite}
            initialProvider={params.get('invite') ?? undefined}
          />
        )}
      </>
    ),
    changes: <ChangesPanel project={p} />,
  };

  return (
    <div>
      <Typography.Text type="secondary">
        <Link to="/deliver">{t('deliver.project.back')}</Link>
        {p.planId && (
          <>
            {' / '}
            <Link to={`/deliver/plans/${p.planId}`}>{t('deliver.plan.title')}</Link>
          </>
        )}{' '}
        /
      </Typography.Text>
      <Flex align="center" justify="space-between" gap={8} wrap>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={3} style={{ margin: '4px 0' }} data-testid="project-name">
            {tx(p.name)}
          </Typography.Title>
          <LightTag light={p.status.light} testId="project-light" />
        </Flex>
        <Flex gap={8} wrap>
          <a
            href={`/api/projects/${p.id}/report.docx?lang=${i18n.language.startsWith('en') ? 'en' : 'zh'}`}
            download
          >
            <Button data-testid="project-report-docx">{t('deliver.project.reportDocx')}</Button>
          </a>
          <a
            href={`/api/projects/${p.id}/report.pdf?lang=${i18n.language.startsWith('en') ? 'en' : 'zh'}`}
            download
          >
            <Button data-testid="project-report-pdf">{t('deliver.project.reportPdf')}</Button>
          </a>
          <Link to={`/projects/${p.id}/providers`}>
            <Button data-testid="project-find-providers">{t('deliver.project.findProviders')}</Button>
          </Link>
          {canWrite && (
            <Button onClick={() => setEditing(true)} data-testid="project-edit">
              {t('deliver.project.edit')}
            </Button>
          )}
        </Flex>
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        data-testid="project-facts"
        items={[
          { key: 'scenario', label: t('deliver.project.scenario'), children: p.scenario },
          {
            key: 'budget',
            label: t('deliver.project.budget'),
            children: t('deliver.project.budgetValue', { value: money(p.budgetTotal, lang) }),
          },
          {
            key: 'actual',
            label: t('deliver.project.actual'),
            children: t('deliver.project.budgetValue', { value: money(p.actualTotal, lang) }),
          },
          {
            key: 'start',
            label: t('deliver.project.plannedStart'),
            children: `${date(p.plannedStart)}${paren(tx(p.start), lang)}`,
          },
          {
            key: 'finish',
            label: t('deliver.project.plannedFinish'),
            children: `${date(p.plannedFinish)}${paren(tx(p.finish), lang)}`,
          },
          {
            key: 'provider',
            label: t('deliver.project.provider'),
            children: p.provider ? <span data-user-text>{p.provider}</span> : t('deliver.list.noProvider'),
          },
          {
            key: 'progress',
            label: t('deliver.project.progress'),
            children: (
              <Progress
                percent={Math.round(p.progress * 100)}
                size="small"
                style={{ width: 160, margin: 0 }}
              />
            ),
          },
          {
            key: 'kpis',
            label: t('deliver.project.kpis'),
            span: 'filled',
            children:
              p.kpiTargets.length === 0
                ? t('deliver.project.noKpis')
                : p.kpiTargets
                    .map(
                      (k) =>
                        `${tx(k.name)} ${k.improvement >= 0 ? '+' : ''}${Math.round(k.improvement * 1000) / 10}%`,
                    )
                    .join(lang === 'zh' ? '；' : '; '),
          },
          {
            key: 'scope',
            label: t('deliver.project.scope'),
            span: 'filled',
            children: tx(p.scope),
          },
        ]}
      />
      <Alert
        type={LIGHT_ALERT[p.status.light]}
        style={{ margin: '8px 0' }}
        data-testid="project-status"
        title={
          <Flex gap={8} align="center" wrap>
            <span>{t('deliver.project.light')}</span>
            <LightTag light={p.status.light} />
          </Flex>
        }
        description={
          <>
            <Typography.Text type="secondary">{t('deliver.project.reasons')}: </Typography.Text>
            <LightReasons project={p} />
          </>
        }
      />
      <AcceptanceRatingCard project={p} canRate={owner && canWrite} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={TABS.map((key) => ({ key, label: t(`deliver.project.tabs.${key}`), children: content[key] }))}
      />
      {editing && <EditProjectDialog project={p} open={editing} onClose={() => setEditing(false)} />}
    </div>
  );
}
