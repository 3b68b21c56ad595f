import { Alert, Button, Descriptions, Flex, Result, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { usePlan } from './api.ts';
import { useLocalized } from '../atlas/atlas-ui.ts';
import { CandidatesTab } from './CandidatesTab.tsx';
import { CompareTab } from './CompareTab.tsx';
import { DocumentTab } from './DocumentTab.tsx';
import { FrontierTab } from './FrontierTab.tsx';
import { money } from './plan-ui.ts';
import { RisksTab } from './RisksTab.tsx';
import { RoadmapTab } from './RoadmapTab.tsx';
import { SettingsTab } from './SettingsTab.tsx';
import { useCanWrite } from './use-can-write.ts';

const TABS = ['candidates', 'roadmap', 'frontier', 'risks', 'compare', 'document', 'settings'] as const;
type TabKey = (typeof TABS)[number];

/** /plan/:id — one plan: assumptions, roadmap, frontier, risks, what-if copies, settings (tab in the URL). */
export function PlanPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { tx, lang } = useLocalized();
  const [params, setParams] = useSearchParams();
  const plan = usePlan(id);
  const canWrite = useCanWrite();
  const tab: TabKey = TABS.find((k) => k === params.get('tab')) ?? 'candidates';
  const setTab = (key: string) => setParams({ tab: key }, { replace: true });

  if (plan.isPending) return <Skeleton active />;
  if (plan.isError)
    return (
      <Result
        status="404"
        title={t('plan.notFound')}
        subTitle={plan.error.message}
        extra={
          <Link to="/plan">
            <Button>{t('plan.title')}</Button>
          </Link>
        }
      />
    );
  const data = plan.data;
  const { profile } = data;
  const content: Record<TabKey, React.ReactNode> = {
    candidates: <CandidatesTab plan={data} canWrite={canWrite} />,
    roadmap: <RoadmapTab plan={data} canWrite={canWrite} />,
    frontier: <FrontierTab plan={data} />,
    risks: <RisksTab plan={data} canWrite={canWrite} />,
    compare: <CompareTab plan={data} canWrite={canWrite} />,
    document: <DocumentTab plan={data} canWrite={canWrite} />,
    settings: <SettingsTab plan={data} canWrite={canWrite} />,
  };

  return (
    <div>
      <Typography.Text type="secondary">
        <Link to="/plan">{t('plan.title')}</Link> /
      </Typography.Text>
      <Flex align="center" gap={8} wrap>
        <Typography.Title level={3} style={{ margin: '4px 0' }}>
          {data.title}
        </Typography.Title>
        {data.solution && (
          <Tag color={data.solution.stale ? 'default' : 'green'}>
            {t(`plan.roadmap.statuses.${data.solution.result.status}`)}
          </Tag>
        )}
      </Flex>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            key: 'profile',
            label: t('plan.header.profile'),
            children: [
              profile.name,
              profile.industry,
              t(`plan.enterpriseTypes.${profile.enterpriseType}`),
              t(`plan.wizard.${profile.processType}`),
              t('plan.header.revenue', { value: money(profile.revenue, lang) }),
              t('plan.header.employees', { value: profile.employees }),
            ]
              .filter(Boolean)
              .join(' · '),
          },
        ]}
      />
      <Alert
        type="success"
        showIcon
        style={{ margin: '8px 0 4px' }}
        title={t('plan.colon', { label: t('plan.header.strategy') }) + tx(data.strategy.name)}
        description={tx(data.strategy.explanation)}
        closable
      />
      {!canWrite && <Alert type="info" showIcon title={t('plan.readOnly')} style={{ marginTop: 8 }} />}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={TABS.map((key) => ({ key, label: t(`plan.tabs.${key}`), children: content[key] }))}
      />
    </div>
  );
}
