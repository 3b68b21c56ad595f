import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { PortfolioEnterprise } from './api.ts';
import { formatDate, useText } from '../diagnose/diagnose-ui.ts';
import { useLevelName } from '../diagnose/level-name.ts';
import { OpenInEnterprise } from './OpenInEnterprise.tsx';

const byNumber = (a: number | null | undefined, b: number | null | undefined) =>
  (a ?? Number.NEGATIVE_INFINITY) - (b ?? Number.NEGATIVE_INFINITY);

/** The portfolio's enterprises with their latest diagnosis and plan; sorted and paged here, searched by the server. */
export function PortfolioTable({
  rows,
  loading,
  emptyText,
  onStartAssessment,
  onViewResult,
  authority,
}: {
  rows: PortfolioEnterprise[];
  loading: boolean;
  emptyText: string;
  /** start an assessment of the enterprise (shown where the user may) */
  onStartAssessment: (enterprise: PortfolioEnterprise) => void;
  /** open its latest submitted result read-only (shown where the user may read it) */
  onViewResult: (enterprise: PortfolioEnterprise) => void;
  /** the viewer is an authority: each row says whether the enterprise shares its results with it */
  authority: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { lang, tx } = useText();
  const levelName = useLevelName();
  // scores as the diagnosis shows them (two decimals), NPV in 万元 to one
  const number = (n: number, digits: number) =>
    n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: digits });

  const columns: ColumnsType<PortfolioEnterprise> = [
    {
      key: 'name',
      title: t('portfolio.columns.name'),
      dataIndex: 'name',
      width: 180,
      fixed: 'left',
      sorter: (a, b) => a.name.localeCompare(b.name, i18n.language),
      defaultSortOrder: 'ascend',
      render: (name: string, row) => (
        <div>
          <Typography.Text strong>{name}</Typography.Text>
          {row.provider && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('portfolio.providerOf', { name: row.provider.name })}
              </Typography.Text>
            </div>
          )}
          {authority && (
            <div>
              <Tag color={row.sharedWithYou ? 'green' : 'default'} style={{ marginTop: 2 }}>
                {row.sharedWithYou ? t('portfolio.shared') : t('portfolio.notShared')}
              </Tag>
            </div>
          )}
        </div>
      ),
    },
    {
      key: 'diagnosis',
      title: t('portfolio.columns.diagnosis'),
      width: 210,
      sorter: (a, b) => byNumber(a.latestAssessment?.score, b.latestAssessment?.score),
      render: (_, row) => {
        const a = row.latestAssessment;
        if (!a) return <Typography.Text type="secondary">{t('portfolio.noAssessment')}</Typography.Text>;
        const submitted = a.status === 'submitted';
        const level = submitted
          ? ((a.level && levelName({ modelId: a.modelId, level: a.level })) ?? t('portfolio.stats.noLevel'))
          : t('portfolio.draft');
        return (
          <div>
            <OpenInEnterprise
              enterpriseId={row.id}
              member={row.myRole !== null}
              to={submitted ? `/diagnose/${a.id}/result` : `/diagnose/${a.id}`}
            >
              <Space size={4} wrap>
                <Tag
                  color={submitted ? (a.level ? 'blue' : 'default') : 'gold'}
                  style={{ marginInlineEnd: 0 }}
                >
                  {level}
                </Tag>
                {a.score !== null && (
                  <span>
                    {number(a.score, 2)} / {a.maxScore ?? 100}
                  </span>
                )}
              </Space>
            </OpenInEnterprise>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {a.modelTitle ? tx(a.modelTitle) : a.modelId}
              </Typography.Text>
            </div>
            {row.latestResult && (
              <div data-testid="portfolio-dimensions" style={{ fontSize: 12, marginTop: 2 }}>
                {row.latestResult.assessmentId !== a.id && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('portfolio.latestSubmitted', {
                      date: formatDate(row.latestResult.submittedAt, lang),
                    })}
                  </Typography.Text>
                )}
                {row.latestResult.dimensions.map((d) => (
                  <div key={d.id}>
                    {tx(d.name)} {number(d.score, 2)} / {number(d.max, 2)}
                  </div>
                ))}
              </div>
            )}
          </div>
        );
      },
    },
    {
      key: 'updated',
      title: t('portfolio.columns.updated'),
      width: 120,
      sorter: (a, b) =>
        (a.latestAssessment?.updatedAt ?? '').localeCompare(b.latestAssessment?.updatedAt ?? ''),
      render: (_, row) => formatDate(row.latestAssessment?.updatedAt ?? null, lang),
    },
    {
      key: 'assessments',
      title: t('portfolio.columns.assessments'),
      dataIndex: 'assessmentCount',
      width: 104,
      align: 'right',
      sorter: (a, b) => a.assessmentCount - b.assessmentCount,
    },
    {
      key: 'plan',
      title: t('portfolio.columns.plan'),
      width: 230,
      sorter: (a, b) => byNumber(a.latestPlan?.objective, b.latestPlan?.objective),
      render: (_, row) => {
        const p = row.latestPlan;
        if (!p) return <Typography.Text type="secondary">{t('portfolio.noPlan')}</Typography.Text>;
        return (
          <div>
            <OpenInEnterprise enterpriseId={row.id} member={row.myRole !== null} to={`/plan/${p.id}`}>
              {p.title}
            </OpenInEnterprise>
            <div>
              <Space size={4} wrap>
                <Tag color={p.status === 'optimal' || p.status === 'feasible' ? 'green' : 'default'}>
                  {p.status ? t(`plan.roadmap.statuses.${p.status}`) : t('portfolio.notSolved')}
                </Tag>
                {p.objective !== null && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('portfolio.npv', { value: number(p.objective, 1) })}
                  </Typography.Text>
                )}
              </Space>
            </div>
          </div>
        );
      },
    },
    {
      key: 'plans',
      title: t('portfolio.columns.plans'),
      dataIndex: 'planCount',
      width: 70,
      align: 'right',
      sorter: (a, b) => a.planCount - b.planCount,
    },
    {
      key: 'actions',
      title: t('portfolio.columns.actions'),
      width: 150,
      fixed: 'right',
      render: (_, row) => (
        <Space direction="vertical" size={4}>
          {row.canReadResult && row.latestResult && (
            <Button
              size="small"
              icon={<EyeOutlined />}
              onClick={() => onViewResult(row)}
              data-testid="portfolio-view-result"
            >
              {t('portfolio.result.view')}
            </Button>
          )}
          {row.canStartAssessment && (
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => onStartAssessment(row)}
              aria-label={t('portfolio.start.ariaLabel', { name: row.name })}
              data-testid="portfolio-start-assessment"
            >
              {t('portfolio.start.action')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Table<PortfolioEnterprise>
      data-testid="portfolio-table"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      loading={loading}
      scroll={{ x: 1064 }}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText }}
    />
  );
}
