import { Alert, Card, Empty, Flex, Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { PlanView } from '../../../../src/contracts/planning.ts';
import type { ProjectView } from '../../../../src/contracts/delivery.ts';
import { api } from '../../api/client.ts';
import { useMe } from '../account/api.ts';
import { MatchPanel } from './MatchPanel.tsx';
import { isEnglish } from './provider-ui.ts';

/** /providers/match/plan/:planId?initiative=… — the matching panel for one initiative of a plan. */
export function MatchPage() {
  const { planId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { t, i18n } = useTranslation();
  const plan = useQuery({
    queryKey: ['plans', 'one', planId],
    queryFn: () => api<PlanView>(`/api/plans/${encodeURIComponent(planId)}`),
    retry: false,
  });
  if (plan.isError)
    return <Alert type="error" showIcon title={t('providers.loadFailed', { message: plan.error.message })} />;
  if (!plan.data) return <Card loading title={t('providers.match.loadingPlan')} />;
  const initiatives = plan.data.initiatives;
  if (initiatives.length === 0) return <Empty description={t('providers.match.noInitiatives')} />;
  const chosen = initiatives.find((i) => i.id === params.get('initiative')) ?? initiatives[0]!;
  const name = (n: { zh: string; en: string }) => (isEnglish(i18n.language) ? n.en : n.zh);
  return (
    <div data-testid="match-page">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('providers.match.planTitle')} · {plan.data.title}
        </Typography.Title>
        <Link to={`/plan/${plan.data.id}`}>{t('providers.match.nav.plan')}</Link>
      </Flex>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <Typography.Text>{t('providers.match.pickInitiative')}</Typography.Text>
        <Select
          value={chosen.id}
          aria-label={t('providers.match.pickInitiative')}
          onChange={(id: string) => setParams({ initiative: id }, { replace: true })}
          options={initiatives.map((i) => ({ value: i.id, label: `${i.scenario} ${name(i.name)}` }))}
          style={{ width: 420, maxWidth: '100%' }}
          data-testid="match-initiative-pick"
        />
      </Flex>
      <MatchPanel key={chosen.id} source={{ kind: 'plan', planId: plan.data.id, initiativeId: chosen.id }} />
    </div>
  );
}

/** /projects/:id/providers — the matching panel for a project (its scenario and budget). */
export default function ProjectProvidersPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const me = useMe();
  const project = useQuery({
    queryKey: ['projects', 'one', id],
    queryFn: () => api<ProjectView>(`/api/projects/${encodeURIComponent(id)}`),
    retry: false,
  });
  if (project.isError)
    return (
      <Alert type="error" showIcon title={t('providers.loadFailed', { message: project.error.message })} />
    );
  if (!project.data) return <Card loading />;
  const name = isEnglish(i18n.language) ? project.data.name.en : project.data.name.zh;
  return (
    <div data-testid="project-providers">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('providers.match.projectTitle')} · {name}
        </Typography.Title>
        <Link to={`/deliver/projects/${project.data.id}`}>{t('providers.match.nav.project')}</Link>
      </Flex>
      <MatchPanel
        source={{ kind: 'project', projectId: project.data.id }}
        inviteTo={me.data?.organisation.orgKind === 'enterprise' ? project.data.id : undefined}
      />
    </div>
  );
}
